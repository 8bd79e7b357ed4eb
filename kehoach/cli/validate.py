"""kehoach validate."""

from __future__ import annotations

import sys
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
)


@app.command()
def validate(
    paths: PathsArg = None,
    format: Annotated[str | None, format_option("validate", "text")] = None,
    lang: LangOpt = "vi",
    as_of: AsOfOpt = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Chỉ chạy các quy tắc này (tên, mã KH203 hoặc nhóm KH2).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Bỏ qua các quy tắc này.")] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Mức gây mã thoát 1: error (mặc định), warning, info.")] = None,
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
    fix: Annotated[bool, typer.Option("--fix", help="Sửa an toàn trước khi kiểm tra (tên đơn vị, dấu gạch, khoảng "
                                      "trắng, Unicode, LaTeX/HTML) và cho biết đã sửa gì.")] = False,
) -> int:
    """Kiểm tra kế hoạch: cú pháp, định dạng và các quy tắc nghiệp vụ."""
    from .. import __version__
    from ..config import build_settings
    from ..discovery import discover
    from ..output import ProgressBar, choose, deliver, notice
    from ..scaffold.schemas import stale_copies
    from ..validation import UNIT_RULES, validate

    fmt = choose("validate", format, output, "text")
    settings = build_settings(select=select, ignore=ignore, fail_on=fail_on, as_of=date_of(as_of), cwd=Path.cwd())
    files = discover(paths or ["plans"], lang)
    if fix:
        from ..fix import fix_files

        # What was fixed goes beside the report: on standard error when the report is for a machine.
        deliver("fix", "text", fix_files(files), lang=lang,
                stream=sys.stdout if fmt == "text" and output is None else sys.stderr)
    with ProgressBar("kehoach validate", at_least=200, enabled=fmt in ("text", "github")) as bar:
        result = validate(files, settings, cache_dir=None if no_cache else cache_dir, jobs=jobs, progress=bar)
    for folder in result.no_registry:
        notice("cli.no-registry", lang, folder=folder, rules=", ".join(UNIT_RULES))
    for copy in stale_copies(files):
        notice("schema.stale", lang, path=copy, version=__version__, command="kehoach init --update")
    deliver("validate", fmt, result, lang=lang, output=output)
    return result.exit_code
