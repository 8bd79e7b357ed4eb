"""kehoach status: what is overdue, due soon, or not updated, as of a date."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import KehoachError
from .common import (
    CACHE_DIR,
    CacheDirOpt,
    DebugOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    app,
    choice,
    date_of,
    keep_until_exit,
    lang_of,
    read_valid,
    without_gc,
)


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
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Theo dõi tiến độ: nhiệm vụ quá hạn, sắp đến hạn, chưa cập nhật."""
    from ..reporters import status as fmt_status
    from ..runner import discover
    from ..status import status_job
    from ..status_query import Query, answer, summary_labels
    from ..writers import atomic_write, to_csv, to_json, to_xlsx

    lang = lang_of(lang)
    fmt = choice(format, ("text", "json", "csv", "xlsx", "markdown"))
    role = choice(role, ("lead", "support", "any"))
    query = Query(date_of(as_of), overdue, due_within, stale, unit, role, lang)
    if fmt == "xlsx" and output is None:
        raise KehoachError("status.xlsx-needs-output")
    files = discover(paths or ["plans"])
    with without_gc():
        results = read_valid(files, status_job(), cache_dir=None if no_cache else cache_dir, jobs=jobs, lang=lang,
                             show_progress=fmt == "text")
        found = answer(query, files, results)
        data: bytes
        if fmt == "json":
            data = to_json(found.tasks())
        elif fmt == "csv":
            data = to_csv(fmt_status.titles(lang), found.records)
        elif fmt == "xlsx":
            data = to_xlsx([("Tiến độ" if lang == "vi" else "Status", fmt_status.titles(lang), found.records)])
        else:
            import io

            buf = io.StringIO()
            if fmt == "text":
                fmt_status.text(found.records, found.counts, summary_labels(lang), query.as_of, buf, lang)
            else:
                fmt_status.markdown(found.records, query.as_of, buf, lang,
                                    soon_days=due_within if due_within is not None else 7)
            data = buf.getvalue().encode("utf-8")
        keep_until_exit(results, found)
    if output is not None:
        atomic_write(output, data)
    elif fmt == "text":
        sys.stdout.write(data.decode("utf-8"))
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 1 if overdue and found.any_overdue else 0
