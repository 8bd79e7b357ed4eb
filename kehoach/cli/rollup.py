"""kehoach rollup: indicators and task progress across communes, with the gaps shown."""

from __future__ import annotations

from pathlib import Path
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
    read_valid,
    without_gc,
)


@app.command()
def rollup(
    paths: PathsArg = None,
    as_of: AsOfOpt = None,
    indicator: Annotated[list[str] | None, typer.Option(
        "--indicator", help="Chỉ tổng hợp các mã chỉ tiêu này (lặp lại hoặc ngăn cách bằng dấu phẩy).")] = None,
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", readable=False,
        help="Danh mục chỉ tiêu (mặc định: catalog.yaml ở thư mục kế hoạch hoặc thư mục cha).")] = None,
    format: Annotated[str | None, format_option("rollup", "text")] = None,
    output: OutputOpt = None,
    fail_on_findings: Annotated[bool, typer.Option(
        "--fail-on-findings",
        help="Mã thoát 1 khi có phát hiện (mã lạ, sai đơn vị, hai kế hoạch của một xã…).")] = False,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
) -> int:
    """Tổng hợp chỉ tiêu và tiến độ nhiệm vụ của các xã, chỉ rõ chỗ thiếu số liệu."""
    from .. import rollup as engine
    from ..catalog import catalog_for, select
    from ..discovery import discover
    from ..output import choose, deliver

    fmt = choose("rollup", format, output, "text")
    when = date_of(as_of)
    files = discover(paths or ["plans"], lang)
    cat = catalog_for([p for p, _ in files], catalog)
    codes = select(cat, indicator)
    with without_gc():
        results = read_valid(files, engine.rollup_job(cat), cache_dir=None if no_cache else cache_dir, jobs=jobs,
                             lang=lang, show_progress=fmt == "text")
        result = engine.build(engine.collect(files, results, when), cat, codes, when)
        deliver("rollup", fmt, result, lang=lang, output=output)
        keep_until_exit(results, result)
    return 1 if fail_on_findings and result.findings else 0
