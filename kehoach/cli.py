"""The command line: parse options, call the library, pick the exit code. No logic here."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any

import click
import typer

from .errors import KehoachError
from .messages import LANGS, t

app = typer.Typer(
    name="kehoach",
    help="Kế hoạch KHCN, ĐMST và CĐS cấp xã dưới dạng YAML: kiểm tra, theo dõi, tổng hợp, in văn bản.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
explain_app = typer.Typer(help="Giải thích cách kehoach đọc thời hạn, chỉ tiêu, đơn vị, quy tắc.",
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(explain_app, name="explain")

LangOpt = Annotated[str, typer.Option("--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.",
                                      envvar="KEHOACH_LANG")]
ExplainFormat = Annotated[str, typer.Option("--format", help="text hoặc json.")]


def _lang(value: str) -> str:
    if value not in LANGS:
        raise KehoachError("cli.bad-lang", value=value)
    return value


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KehoachError("cli.bad-date", value=value) from None


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise KehoachError("cli.bad-format", value=value, allowed=", ".join(allowed))
    return value


@app.command()
def validate(
    paths: Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")] = None,
    format: Annotated[str, typer.Option("--format", help="text, json, github hoặc sarif.")] = "text",
    lang: LangOpt = "vi",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Chỉ chạy các quy tắc này (tên, mã KH203 hoặc nhóm KH2).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Bỏ qua các quy tắc này.")] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Mức gây mã thoát 1: error (mặc định), warning, info.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi báo cáo ra tệp thay vì màn hình.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm.")] = False,
    cache_dir: Annotated[Path, typer.Option(
        "--cache-dir", envvar="KEHOACH_CACHE_DIR", help="Thư mục bộ nhớ đệm.")] = Path(".kehoach_cache"),
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Số tiến trình song song (mặc định: số lõi).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Hiện chi tiết lỗi nội bộ.")] = False,
) -> int:
    """Kiểm tra kế hoạch: cú pháp, định dạng và các quy tắc nghiệp vụ."""
    from . import reporters
    from .config import build_settings
    from .runner import discover, run

    lang = _lang(lang)
    fmt = _choice(format, reporters.FORMATS)
    settings = build_settings(select=select, ignore=ignore, fail_on=fail_on, as_of=_date(as_of), cwd=Path.cwd())
    files = discover(paths or ["plans"])
    with _progress(len(files), enabled=fmt in ("text", "github")) as tick:
        results = run(files, settings, cache_dir=None if no_cache else cache_dir, jobs=jobs, progress=tick)
    report = reporters.get(fmt)
    if output is not None:
        with _open_output(output) as out:
            report(results, out, lang)
    else:
        report(results, sys.stdout, lang)
    if any(r.unreadable for r in results):
        return 2
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return 1 if worst is not None and worst >= settings.fail_on else 0


class _open_output:
    """Write a report atomically: a half-written report is worse than none."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp")

    def __enter__(self) -> Any:
        try:
            self.f = self.tmp.open("w", encoding="utf-8")
        except OSError as e:
            raise KehoachError("load.unreadable", reason=f"{self.path}: {e.strerror}") from None
        return self.f

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.f.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


class _progress:
    """A progress bar on stderr for long runs, only when a person is watching."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled and total >= 200 and sys.stderr.isatty()
        self.total = total

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("kehoach", total=self.total)
        return lambda done, total: self.progress.update(self.task, completed=done)

    def __exit__(self, *_: object) -> None:
        if self.enabled:
            self.progress.stop()


def _emit(data: dict[str, Any], fmt: str, lines: list[tuple[str, str]]) -> None:
    if fmt == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        sys.stdout.write(f"{k.ljust(width)}  {v}\n")


@explain_app.command("deadline")
def explain_deadline(
    text: Annotated[str, typer.Argument(help="Thời hạn như đã viết, ví dụ \"Quý II/2026\".")],
    year: Annotated[int, typer.Option("--year", help="Năm kế hoạch (điền năm còn thiếu).")] = dt.date.today().year,
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một thời hạn."""
    from .deadlines import parse_deadline

    lang, fmt = _lang(lang), _choice(format, ("text", "json"))
    d = parse_deadline(text, year)
    data = {"text": d.text, "kind": d.kind, "start": d.start.isoformat() if d.start else None,
            "due": d.due.isoformat() if d.due else None, "recurrence": d.recurrence, "ongoing": d.ongoing,
            "external": d.external, "valid": d.valid}
    if not d.valid:
        data["reason"] = d.reason
    lines = [(k, "—" if v is None else str(v)) for k, v in data.items()]
    if not d.valid:
        lines.append(("", t(f"reason.{d.reason}", lang)))
    _emit(data, fmt, lines)
    return 0 if d.valid else 1


@explain_app.command("target")
def explain_target(
    text: Annotated[str, typer.Argument(help="Chỉ tiêu như đã viết, ví dụ \"≥ 60%\".")],
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một chỉ tiêu."""
    from .targets import parse_target

    _lang(lang)
    fmt = _choice(format, ("text", "json"))
    tg = parse_target(text)
    data = {"text": tg.text, "kind": tg.kind, "operator": tg.operator, "value": tg.value, "upper": tg.upper,
            "unit": tg.unit, "valid": tg.valid}
    _emit(data, fmt, [(k, "—" if v is None else str(v)) for k, v in data.items()])
    return 0 if tg.valid else 1


@explain_app.command("unit")
def explain_unit(
    text: Annotated[str, typer.Argument(help="Tên đơn vị như đã viết.")],
    city: Annotated[str, typer.Option("--city", help="Thư mục thành phố, ví dụ hai-phong.")],
    plans_dir: Annotated[Path, typer.Option("--plans-dir", help="Thư mục chứa các thành phố.")] = Path("plans"),
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach nhận ra một tên đơn vị trong danh mục đơn vị của thành phố."""
    from .units import REGISTRY_FILE, load_registry

    _lang(lang)
    fmt = _choice(format, ("text", "json"))
    path = plans_dir / city / REGISTRY_FILE
    if not path.is_file():
        raise KehoachError("cli.units-missing", path=str(path))
    m = load_registry(path).lookup(text)
    data = {"text": text, "canonical": m.canonical if m.status not in ("vague", "unknown", "several") else None,
            "status": m.status, "vague": m.status == "vague", "suggestions": list(m.suggestions),
            "parts": [{"text": p.text, "status": p.status, "canonical": p.canonical} for p in m.parts]}
    lines = [(k, "—" if v in (None, [], "") else str(v)) for k, v in data.items() if k not in ("parts", "suggestions")]
    lines.append(("suggestions", ", ".join(m.suggestions) or "—"))
    lines += [("part", f"{p.text} → {p.status} {p.canonical or ''}") for p in m.parts]
    _emit(data, fmt, lines)
    return 0 if m.status != "unknown" else 1


@explain_app.command("rule")
def explain_rule(
    name: Annotated[str | None, typer.Argument(help="Tên hoặc mã quy tắc; bỏ trống để liệt kê tất cả.")] = None,
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Tài liệu của một quy tắc (hoặc danh sách các quy tắc)."""
    from .rules import REGISTRY, resolve

    _lang(lang)
    fmt = _choice(format, ("text", "json"))
    if name is None:
        rules = list(REGISTRY.values())
        if fmt == "json":
            _emit({"rules": [{"name": r.name, "code": r.code, "severity": r.severity.label} for r in rules]}, fmt, [])
        else:
            for r in rules:
                sys.stdout.write(f"{r.code}  {r.name:<24} {r.severity.label:<8} {r.doc().splitlines()[0]}\n")
        return 0
    found = resolve(name)
    if len(found) != 1:
        raise KehoachError("cli.unknown-rule", name=name, known=", ".join(REGISTRY))
    r = found[0]
    if fmt == "json":
        _emit({"name": r.name, "code": r.code, "severity": r.severity.label, "doc": r.doc()}, fmt, [])
    else:
        sys.stdout.write(f"{r.code} [{r.name}] ({r.severity.label})\n\n{r.doc()}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: the one place where errors become messages and exit codes."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or bool(os.environ.get("KEHOACH_DEBUG"))
    lang = os.environ.get("KEHOACH_LANG", "vi")
    if "--lang" in args:
        i = args.index("--lang")
        lang = args[i + 1] if i + 1 < len(args) and args[i + 1] in LANGS else lang
    try:
        rv = app(args=args, prog_name="kehoach", standalone_mode=False)
    except click.exceptions.Exit as e:
        return int(e.exit_code)
    except click.UsageError as e:
        e.show()
        return 2
    except click.ClickException as e:
        e.show()
        return 2
    except click.Abort:
        return 130
    except KehoachError as e:
        sys.stderr.write(f"kehoach: {t(e.key, lang, **e.args_)}\n")
        if debug:
            traceback.print_exc()
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the last line of defence: never a traceback for a user
        sys.stderr.write(f"kehoach: {t('cli.internal', lang, detail=type(e).__name__)}\n")
        if debug:
            traceback.print_exc()
        return 2
    return rv if isinstance(rv, int) else 0


if __name__ == "__main__":
    sys.exit(main())
