"""Render plan files: check each one, refuse or mark the invalid ones, write the documents.

This is the plain function behind ``kehoach render``: the CLI parses options, calls
:func:`render_files` and turns the outcomes into messages and an exit code.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..findings import Finding
from ..linter import load_plan
from ..model import Plan
from ..output import Out, formatter
from ..writers import atomic_write
from . import pdf, templates
from .context import build_view
from .document import Document
from .output import Job, check_targets, plan_jobs
from .templates import Template

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    display: str
    target: Path | None                 # the file written, None when the plan was not rendered
    findings: tuple[Finding, ...] = ()  # what makes the plan invalid (at or above the failing severity)
    unreadable: bool = False            # not YAML at all: exit 2
    unbuildable: bool = False           # breaks the plan format: nothing to render, even with --force
    dropped: tuple[int, ...] = ()       # lines whose characters the document could not hold (illegal-character)

    @property
    def draft(self) -> bool:
        return self.target is not None and bool(self.findings)


@dataclass(frozen=True, slots=True)
class Request:
    paths: tuple[str, ...]
    fmt: str
    output: str | None
    settings: Settings
    overwrite: bool = False
    force: bool = False
    template: str | None = None
    lang: str = "vi"            # of the warnings found on the way (a link out of the folder)


def render_plan(plan: Plan, fmt: str, *, draft: bool = False, template: Template | None = None) -> bytes:
    """One plan as a document in ``fmt`` (the library entry point; no checks, no files)."""
    out = io.BytesIO()
    formatter("render", fmt).write(Document(build_view(plan, draft=draft), template), Out(out, "vi", 0, False))
    return out.getvalue()


def render_files(request: Request, progress: Progress | None = None) -> list[Outcome]:
    jobs = plan_jobs(list(request.paths), request.fmt, request.output, request.lang)
    check_targets(jobs, request.overwrite)
    template = templates.custom(Path(request.template)) if request.template is not None else None
    soffice = pdf.require_soffice() if request.fmt == "pdf" else None
    outcomes: list[Outcome] = []
    pending: list[tuple[Path, bytes]] = []   # PDF: Word documents converted together, one LibreOffice start
    for i, job in enumerate(jobs):
        outcome, data = _render_job(job, request, template)
        if data is not None:
            if soffice is not None:
                pending.append((job.target, data))
            else:
                atomic_write(job.target, data)
        outcomes.append(outcome)
        if progress is not None:
            progress(i + 1, len(jobs))
    if soffice is not None and pending:
        for (target, _), data in zip(pending, pdf.docx_to_pdf_many([d for _, d in pending], soffice), strict=True):
            atomic_write(target, data)
    return outcomes


def _render_job(job: Job, request: Request, template: Template | None) -> tuple[Outcome, bytes | None]:
    """The plan's outcome and its document (Word, when PDF is asked for), or why there is none."""
    settings = request.settings
    loaded = load_plan(job.source, job.display, settings)
    if loaded.unreadable:
        return Outcome(job.display, None, loaded.findings, unreadable=True), None
    if loaded.plan is None:
        return Outcome(job.display, None, loaded.problems, unbuildable=True), None
    blocking = tuple(f for f in loaded.findings if f.severity >= settings.fail_on)
    if blocking and not request.force:
        return Outcome(job.display, None, blocking), None
    fmt = "docx" if request.fmt == "pdf" else request.fmt
    # Word and HTML drop what XML cannot hold (kehoach.escape.xml_chars); Markdown keeps it.
    dropped = tuple(sorted({f.span.line for f in loaded.findings if f.rule == "illegal-character"})) \
        if fmt in ("docx", "html") else ()
    return Outcome(job.display, job.target, blocking, dropped=dropped), render_plan(
        loaded.plan, fmt, draft=bool(blocking), template=template)
