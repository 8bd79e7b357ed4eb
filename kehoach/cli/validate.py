"""kehoach validate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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
    lang_of,
    open_output,
    progress,
)


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
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
    fix: Annotated[bool, typer.Option("--fix", help="Sửa an toàn trước khi kiểm tra (tên đơn vị, dấu gạch, khoảng "
                                      "trắng, Unicode, LaTeX/HTML) và cho biết đã sửa gì.")] = False,
) -> int:
    """Kiểm tra kế hoạch: cú pháp, định dạng và các quy tắc nghiệp vụ."""
    from .. import reporters
    from ..config import build_settings
    from ..runner import discover, run, validate_job

    lang = lang_of(lang)
    fmt = choice(format, reporters.FORMATS)
    settings = build_settings(select=select, ignore=ignore, fail_on=fail_on, as_of=date_of(as_of), cwd=Path.cwd())
    files = discover(paths or ["plans"])
    if fix:
        from ..fix import fix_files, report_fixes

        report_fixes(fix_files(files), sys.stdout if fmt == "text" else sys.stderr, lang)
    with progress(len(files), enabled=fmt in ("text", "github")) as tick:
        results = run(files, validate_job(settings, files), cache_dir=None if no_cache else cache_dir, jobs=jobs,
                      progress=tick)
    report = reporters.get(fmt)
    if output is not None:
        with open_output(output) as out:
            report(results, out, lang)
    else:
        report(results, sys.stdout, lang)
    if any(r.unreadable for r in results):
        return 2
    worst = max((f.severity for r in results for f in r.findings), default=None)
    return 1 if worst is not None and worst >= settings.fail_on else 0
