"""kehoach fmt."""

from __future__ import annotations

from typing import Annotated

import typer

from .common import CACHE_DIR, CacheDirOpt, JobsOpt, LangOpt, NoCacheOpt, app, show_findings


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
) -> int:
    """Đưa tệp kế hoạch về một cách trình bày thống nhất (giữ nguyên dữ liệu và chú thích)."""
    from ..discovery import discover
    from ..fmt import Formatting, format_files, unified_diffs, write_all
    from ..jobs import FileResult
    from ..output import ProgressBar, deliver, notice

    mode = "diff" if show_diff else "check" if check else "write"
    files = discover(paths or ["plans"], lang)
    with ProgressBar("kehoach fmt", at_least=200) as bar:
        outcomes = format_files(files, mode, cache_dir=None if no_cache else cache_dir, jobs=jobs, progress=bar)
    bad = [o for o in outcomes if o.unreadable]
    if bad:
        unreadable: list[FileResult[None]] = [FileResult(o.display, list(o.findings)) for o in bad if o.findings]
        if unreadable:
            show_findings(unreadable, lang)
        for o in bad:
            if o.error is not None:
                notice(o.error[0], lang, **o.error[1])
        if mode == "write":
            notice("fmt.nothing-written", lang)
        return 2
    for o in outcomes:
        if o.skipped:
            notice("fmt.skipped", lang, path=o.display)
    run = Formatting(mode, outcomes)
    if mode == "diff":
        run = Formatting(mode, outcomes, unified_diffs(run.changed))
    elif mode == "write":
        write_all(run.changed)
    deliver("fmt", "text", run, lang=lang)
    return 1 if mode != "write" and check and run.changed else 0
