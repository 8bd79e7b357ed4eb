"""kehoach fmt."""

from __future__ import annotations

import difflib
import sys
from typing import Annotated

import typer

from ..messages import t
from .common import CACHE_DIR, CacheDirOpt, DebugOpt, JobsOpt, LangOpt, NoCacheOpt, app, lang_of, progress


@app.command()
def fmt(
    paths: Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")] = None,
    check: Annotated[bool, typer.Option(
        "--check", help="Chỉ kiểm tra: mã thoát 1 nếu có tệp cần định dạng lại; không ghi gì.")] = False,
    show_diff: Annotated[bool, typer.Option("--diff", help="In phần thay đổi (unified diff); không ghi gì.")] = False,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Đưa tệp kế hoạch về một cách trình bày thống nhất (giữ nguyên dữ liệu và chú thích)."""
    from ..fmt import format_files, write_all
    from ..reporters import text
    from ..runner import discover
    from ..yamlio import read_source

    lang = lang_of(lang)
    mode = "diff" if show_diff else "check" if check else "write"
    files = discover(paths or ["plans"])
    with progress(len(files), enabled=True) as tick:
        outcomes = format_files(files, mode, cache_dir=None if no_cache else cache_dir, jobs=jobs, progress=tick)
    bad = [o for o in outcomes if o.unreadable]
    if bad:
        from ..linter import FileResult

        unreadable = [FileResult(o.display, list(o.findings)) for o in bad if o.findings]
        if unreadable:
            text.report(unreadable, sys.stderr, lang)
        for o in bad:
            if o.error is not None:
                sys.stderr.write(f"kehoach: {t(o.error[0], lang, **o.error[1])}\n")
        if mode == "write":
            sys.stderr.write(t("fmt.nothing-written", lang) + "\n")
        return 2
    changed = [o for o in outcomes if o.changed]
    for o in outcomes:
        if o.skipped:
            sys.stderr.write(t("fmt.skipped", lang, path=o.display) + "\n")
    if mode == "diff":
        for o in changed:
            old = read_source(o.path).text
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(keepends=True),
                                                       (o.text or "").splitlines(keepends=True),
                                                       f"a/{o.display}", f"b/{o.display}"))
        return 1 if check and changed else 0
    if mode == "write":
        write_all(changed)
    for o in changed:
        sys.stdout.write(t("fmt.would-reformat" if mode == "check" else "fmt.reformatted", lang, path=o.display) + "\n")
    unchanged = sum(1 for o in outcomes if not o.changed and not o.skipped)
    sys.stdout.write(t(f"fmt.summary-{mode}", lang, changed=len(changed), unchanged=unchanged) + "\n")
    return 1 if mode == "check" and changed else 0
