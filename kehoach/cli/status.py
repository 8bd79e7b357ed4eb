"""kehoach status: what is overdue, due soon, or not updated, as of a date."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import (
    CACHE_DIR,
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    OutputOpt,
    PathsArg,
    app,
    choice,
    date_of,
    format_option,
    keep_until_exit,
    read_valid,
    without_gc,
)


@app.command()
def status(
    paths: PathsArg = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Chỉ nhiệm vụ quá hạn (mã thoát 1 nếu có).")] = False,
    due_within: Annotated[int | None, typer.Option("--due-within", help="Nhiệm vụ đến hạn trong N ngày tới.")] = None,
    stale: Annotated[bool, typer.Option("--stale", help="Nhiệm vụ chưa cập nhật trong kỳ báo cáo.")] = False,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="Chỉ nhiệm vụ của đơn vị này (theo danh mục đơn vị).")] = None,
    role: Annotated[str, typer.Option("--role", help="Vai trò của --unit: lead, support hoặc any.")] = "lead",
    as_of: AsOfOpt = None,
    format: Annotated[str | None, format_option("status", "text")] = None,
    output: OutputOpt = None,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
) -> int:
    """Theo dõi tiến độ: nhiệm vụ quá hạn, sắp đến hạn, chưa cập nhật."""
    from ..discovery import discover
    from ..output import choose, deliver
    from ..status import status_job
    from ..status_query import Query, answer

    fmt = choose("status", format, output, "text")
    query = Query(date_of(as_of), overdue, due_within, stale, unit, choice(role, ("lead", "support", "any")))
    files = discover(paths or ["plans"], lang)
    with without_gc():
        results = read_valid(files, status_job(), cache_dir=None if no_cache else cache_dir, jobs=jobs, lang=lang,
                             show_progress=fmt == "text")
        found = answer(query, files, results)
        deliver("status", fmt, found, lang=lang, output=output)
        keep_until_exit(results, found)
    return 1 if overdue and found.any_overdue else 0
