"""kehoach report: the periodic progress report of a plan, or of a city's plans, for a period."""

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
    date_of,
    format_option,
    keep_until_exit,
    lang_of,
    read_valid,
    without_gc,
)


@app.command()
def report(
    paths: PathsArg = None,
    period: Annotated[str, typer.Option(
        "--period", help="Kỳ báo cáo: 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm).")] = "",
    as_of: AsOfOpt = None,
    format: Annotated[str | None, format_option("report", "md")] = None,
    output: OutputOpt = None,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
) -> int:
    """Báo cáo kết quả thực hiện kế hoạch theo kỳ (số liệu chốt theo Nghị định 09/2019/NĐ-CP)."""
    from ..discovery import discover
    from ..output import choose, deliver
    from ..report import build, parse_period, report_job

    lang = lang_of(lang)
    fmt = choose("report", format, output, "md")
    chosen = parse_period(period)
    when = date_of(as_of)
    files = discover(paths or ["plans"], lang)
    with without_gc():
        results = read_valid(files, report_job(), cache_dir=None if no_cache else cache_dir, jobs=jobs, lang=lang,
                             show_progress=fmt == "md")
        result = build(chosen, when, files, results)
        deliver("report", fmt, result, lang=lang, output=output)
        keep_until_exit(results, result)
    return 0
