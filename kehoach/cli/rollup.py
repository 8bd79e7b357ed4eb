"""kehoach rollup: indicators and task progress across communes, with the gaps shown."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    open_output,
    read_valid,
    without_gc,
)

if TYPE_CHECKING:
    from ..rollup import Rollup

FORMATS = ("text", "json", "csv", "xlsx", "html")


@app.command()
def rollup(
    paths: Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày tính (YYYY-MM-DD), mặc định hôm nay.")] = None,
    indicator: Annotated[list[str] | None, typer.Option(
        "--indicator", help="Chỉ tổng hợp các mã chỉ tiêu này (lặp lại hoặc ngăn cách bằng dấu phẩy).")] = None,
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", help="Danh mục chỉ tiêu (mặc định: catalog.yaml ở thư mục kế hoạch hoặc thư mục cha).")] = None,
    format: Annotated[str, typer.Option("--format", help="text, json, csv, xlsx hoặc html.")] = "text",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi ra tệp.")] = None,
    fail_on_findings: Annotated[bool, typer.Option(
        "--fail-on-findings",
        help="Mã thoát 1 khi có phát hiện (mã lạ, sai đơn vị, hai kế hoạch của một xã…).")] = False,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Tổng hợp chỉ tiêu và tiến độ nhiệm vụ của các xã, chỉ rõ chỗ thiếu số liệu."""
    from .. import rollup as engine
    from ..catalog import catalog_for, select
    from ..runner import discover

    lang = lang_of(lang)
    fmt = choice(format, FORMATS)
    when = date_of(as_of)
    if fmt == "xlsx" and output is None:
        raise KehoachError("rollup.xlsx-needs-output")
    files = discover(paths or ["plans"])
    cat = catalog_for([p for p, _ in files], catalog)
    codes = select(cat, indicator)
    with without_gc():
        results = read_valid(files, engine.rollup_job(cat), cache_dir=None if no_cache else cache_dir, jobs=jobs,
                             lang=lang, show_progress=fmt == "text")
        result = engine.build(engine.collect(files, results, when), cat, codes, when)
        _write(result, fmt, output, lang)
        keep_until_exit(results, result)
    return 1 if fail_on_findings and result.findings else 0


def _write(result: Rollup, fmt: str, output: Path | None, lang: str) -> None:
    from ..reporters import rollup as report
    from ..writers import atomic_write

    # Streamed: the national JSON is over a hundred megabytes, never held whole in memory.
    if fmt == "json":
        if output is None:
            sys.stdout.flush()
            report.write_json(result, sys.stdout.buffer, lang)
            sys.stdout.buffer.flush()
        else:
            with open_output(output, binary=True) as out:
                report.write_json(result, out, lang)
        return
    if fmt == "text":
        if output is None:
            report.text(result, sys.stdout, lang)
        else:
            with open_output(output) as out:
                report.text(result, out, lang)
        return
    if fmt == "csv":
        data = report.csv_bytes(result, lang)
    elif fmt == "xlsx":
        data = report.xlsx_bytes(result, lang)
    else:
        from ..reporters import dashboard

        data = dashboard.html(result, lang).encode("utf-8")
    if output is not None:
        atomic_write(output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
