"""kehoach render."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .common import LangOpt, app, choice, date_of, lang_of, show_findings

if TYPE_CHECKING:
    from ..render.batch import Outcome


@app.command()
def render(
    paths: Annotated[list[str], typer.Argument(help="Tệp kế hoạch, hoặc thư mục (in mọi kế hoạch trong đó).")],
    format: Annotated[str, typer.Option("--format", "-f", help="docx (mặc định), md, html hoặc pdf.")] = "docx",
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Tệp kết quả (một kế hoạch) hoặc thư mục kết quả (mặc định: thư mục hiện tại).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Ghi đè tệp kết quả đã có.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Vẫn in kế hoạch còn lỗi, với dấu DỰ THẢO trên mọi trang.")] = False,
    template: Annotated[Path | None, typer.Option(
        "--template", help="Mẫu văn bản riêng (.docx cho docx/pdf, .j2 cho md/html).")] = None,
    lang: LangOpt = "vi",
) -> int:
    """In kế hoạch thành văn bản ban hành (Word, PDF) hoặc Markdown, HTML."""
    from ..config import build_settings
    from ..render.batch import FORMATS, Request, render_files

    lang = lang_of(lang)
    fmt = choice(format, FORMATS)
    settings = build_settings(select=None, ignore=None, fail_on=None, as_of=date_of(None), cwd=Path.cwd())
    request = Request(paths=tuple(paths), fmt=fmt, output=output, settings=settings, overwrite=overwrite,
                      force=force, template=template)
    with _Bar() as bar:
        outcomes = render_files(request, bar)
    return _report(outcomes, lang)


def _report(outcomes: list[Outcome], lang: str) -> int:
    from ..jobs import FileResult
    from ..messages import t

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
            sys.stderr.write(f"kehoach: {t(key, lang, path=o.display, count=len(o.findings))}\n")
        if o.target is not None:
            sys.stdout.write(f"{o.target}\n")
    written = sum(1 for o in outcomes if o.target is not None)
    if len(outcomes) > 1:
        sys.stderr.write(f"kehoach: {t('render.summary', lang, written=written, total=len(outcomes))}\n")
    if any(o.unreadable for o in outcomes):
        return 2
    return 1 if written < len(outcomes) else 0


class _Bar:
    """A progress bar on stderr while several plans render, only when a person is watching."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> _Bar:
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.progress is None:
            if total < 2 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn("kehoach render"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.progress.start()
            self.task = self.progress.add_task("render", total=total)
        self.progress.update(self.task, completed=done)

    def __exit__(self, *_: object) -> None:
        if self.progress is not None:
            self.progress.stop()
