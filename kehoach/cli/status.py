"""kehoach status: what is overdue, due soon, or not updated, as of a date."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import KehoachError
from ..units import Registry
from .common import LangOpt, app, choice, date_of, lang_of, progress, report_invalid


@app.command()
def status(
    paths: Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Chỉ nhiệm vụ quá hạn (mã thoát 1 nếu có).")] = False,
    due_within: Annotated[int | None, typer.Option("--due-within", help="Nhiệm vụ đến hạn trong N ngày tới.")] = None,
    stale: Annotated[bool, typer.Option("--stale", help="Nhiệm vụ chưa cập nhật trong kỳ báo cáo.")] = False,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="Chỉ nhiệm vụ của đơn vị này (theo danh mục đơn vị).")] = None,
    role: Annotated[str, typer.Option("--role", help="Vai trò của --unit: lead, support hoặc any.")] = "lead",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")] = None,
    format: Annotated[str, typer.Option("--format", help="text, json, csv, xlsx hoặc markdown.")] = "text",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi ra tệp.")] = None,
    lang: LangOpt = "vi",
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm.")] = False,
    cache_dir: Annotated[Path, typer.Option("--cache-dir", envvar="KEHOACH_CACHE_DIR",
                                            help="Thư mục bộ nhớ đệm.")] = Path(".kehoach_cache"),
) -> int:
    """Theo dõi tiến độ: nhiệm vụ quá hạn, sắp đến hạn, chưa cập nhật."""
    from ..plans import PlansInvalid
    from ..reporters import status as fmt_status
    from ..runner import discover, run
    from ..status import Timeliness, status_job, timeliness_label
    from ..writers import atomic_write, to_csv, to_json, to_xlsx

    lang = lang_of(lang)
    fmt = choice(format, ("text", "json", "csv", "xlsx", "markdown"))
    role = choice(role, ("lead", "support", "any"))
    when = date_of(as_of)
    files = discover(paths or ["plans"])
    with progress(len(files), enabled=fmt == "text") as tick:
        results = run(files, status_job(files, when), cache_dir=None if no_cache else cache_dir, progress=tick)
    with report_invalid(lang):
        bad = [f for r in results for f in r.findings]
        if bad:
            raise PlansInvalid(bad, any(r.unreadable for r in results))
    from ..units import registry_for

    records: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    registries: dict[Path, Registry | None] = {}
    labels_cache: dict[tuple[str, str], str] = {}
    for (path, _), result in zip(files, results, strict=True):
        folder = path.parent
        if folder not in registries:
            registries[folder] = registry_for(path)
        keys = result.payload["keys"]
        for row in result.payload["rows"]:
            rec = dict(zip(keys, row, strict=True))
            key = (rec["timeliness"], rec["state"])
            if key not in labels_cache:
                labels_cache[key] = timeliness_label(Timeliness(rec["timeliness"]), rec["state"], lang)
            rec["label"] = labels_cache[key]
            mine = _by_unit(rec, registries[folder], unit, role) if unit is not None else [rec]
            if not mine:
                continue
            counts[rec["timeliness"]] += 1
            if not _selected(rec, overdue, due_within, stale):
                continue  # counted in the summary, not listed: skip the per-unit work
            records += mine if unit is not None else _by_unit(rec, registries[folder], None, role)
    chosen = records
    labels = {t.value: timeliness_label(t, "not_started" if t.value.startswith("open") else "done", lang)
              for t in Timeliness}
    labels["open_in_time"] = "Đang/chưa thực hiện (trong hạn)" if lang == "vi" else "Open (in time)"
    labels["open_overdue"] = "Đang/chưa thực hiện (quá hạn)" if lang == "vi" else "Open (overdue)"
    data: bytes
    if fmt == "json":
        data = to_json([{k: v for k, v in r.items() if k != "unit"} for r in _unique(chosen)])
    elif fmt == "csv":
        data = to_csv(fmt_status.titles(lang), chosen)
    elif fmt == "xlsx":
        if output is None:
            raise KehoachError("status.xlsx-needs-output")
        data = to_xlsx([("Tiến độ" if lang == "vi" else "Status", fmt_status.titles(lang), chosen)])
    else:
        import io

        buf = io.StringIO()
        if fmt == "text":
            fmt_status.text(chosen, counts, labels, when, buf, lang)
        else:
            fmt_status.markdown(chosen, when, buf, lang, soon_days=due_within if due_within is not None else 7)
        data = buf.getvalue().encode("utf-8")
    if output is not None:
        atomic_write(output, data)
    elif fmt == "text":
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 1 if overdue and any(r["overdue"] for r in chosen) else 0


def _selected(r: dict[str, Any], overdue: bool, due_within: int | None, stale: bool) -> bool:
    if not (overdue or due_within is not None or stale):
        return True
    soon = due_within is not None and r["due_in_days"] is not None and 0 <= r["due_in_days"] <= due_within
    return (overdue and r["overdue"]) or soon or (stale and r["stale"])


def _unique(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A task with two lead units appears under each unit; count and export it once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in records:
        if (r["plan"], r["id"]) not in seen:
            seen.add((r["plan"], r["id"]))
            out.append(r)
    return out


def _by_unit(rec: dict[str, Any], registry: Registry | None, unit: str | None, role: str) -> list[dict[str, Any]]:
    """One row per lead unit (canonical name through the city's registry), filtered by --unit."""

    def canon(name: str) -> str:
        if registry is None:
            return name
        m = registry.lookup(name)
        return m.canonical or name

    leads = [canon(u) for u in rec["lead"]] or [""]
    if unit is not None:
        wanted = canon(unit)
        from ..text import norm_key

        names = {"lead": rec["lead"], "support": rec["support"], "any": rec["lead"] + rec["support"]}[role]
        if not any(canon(n) == wanted or norm_key(n) == norm_key(unit) for n in names):
            return []
        leads = [wanted] if role != "lead" or wanted in leads else leads
    return [{**rec, "unit": lead} for lead in leads]
