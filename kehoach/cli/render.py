"""kehoach render."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import LangOpt, app, date_of, format_option, show_findings

if TYPE_CHECKING:
    from ..render.batch import Outcome


@app.command()
def render(
    paths: Annotated[list[str], typer.Argument(help="Tệp kế hoạch, hoặc thư mục (in mọi kế hoạch trong đó).")],
    format: Annotated[str | None, format_option("render", "docx", "--format", "-f")] = None,
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="Tệp kết quả (một kế hoạch; định dạng theo đuôi tệp nếu không có --format) hoặc "
        "thư mục kết quả (thư mục đã có, hoặc tên kết thúc bằng /; mặc định: thư mục hiện tại).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Ghi đè tệp kết quả đã có.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Vẫn in kế hoạch còn lỗi, với dấu DỰ THẢO trên mọi trang.")] = False,
    template: Annotated[str | None, typer.Option(
        "--template", help="Mẫu văn bản riêng (.docx cho docx/pdf, .j2 cho md/html).")] = None,
    lang: LangOpt = "vi",
) -> int:
    """In kế hoạch thành văn bản ban hành (Word, PDF) hoặc Markdown, HTML."""
    from ..config import build_settings
    from ..output import ProgressBar, choose
    from ..render.batch import Request, render_files

    fmt = choose("render", format, output, "docx")
    settings = build_settings(select=None, ignore=None, fail_on=None, as_of=date_of(None), cwd=Path.cwd())
    request = Request(paths=tuple(paths), fmt=fmt, output=output, settings=settings, overwrite=overwrite,
                      force=force, template=template, lang=lang)
    with ProgressBar("kehoach render") as bar:
        outcomes = render_files(request, bar)
    return _report(outcomes, lang)


def _report(outcomes: list[Outcome], lang: str) -> int:
    """The documents written on standard output, one path a line (for a script to pick up); what
    was refused or marked as a draft, and why, on standard error."""
    from ..jobs import FileResult
    from ..output import notice

    for o in outcomes:
        if o.findings and (o.target is None or o.draft):
            show_findings([FileResult(o.display, list(o.findings))], lang)
        if o.unreadable:
            key = "render.unreadable"
        elif o.unbuildable:
            key = "render.unbuildable"
        elif o.target is None:
            key = "render.invalid"
        elif o.draft:
            key = "render.draft"
        else:
            key = ""
        if key:
            notice(key, lang, path=o.display, count=len(o.findings))
        if o.target is not None and o.dropped:
            notice("render.dropped", lang, path=o.display, lines=", ".join(map(str, o.dropped)))
        if o.target is not None:
            sys.stdout.write(f"{o.target}\n")
    written = sum(1 for o in outcomes if o.target is not None)
    if len(outcomes) > 1:
        notice("render.summary", lang, written=written, total=len(outcomes))
    if any(o.unreadable for o in outcomes):
        return 2
    return 1 if written < len(outcomes) else 0
