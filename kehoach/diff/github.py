"""GitHub Actions annotations on the changed lines of the new files, and the Markdown report in
``$GITHUB_STEP_SUMMARY`` (GitHub shows only ten annotations of each level per step)."""

from __future__ import annotations

import io
import os
from typing import TextIO

from . import DiffResult
from .describe import sentence
from .markdown import report as markdown_report
from .text import people_order, summary, words_text

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: DiffResult, out: TextIO, lang: str) -> None:
    for plan in result.plans:
        for c in people_order(plan.changes):
            where = f"file={_prop(plan.path)}" + (f",line={c.line}" if c.line else "")
            title = _prop(f"kehoach diff [{c.kind}]" + (f" {c.id}" if c.id else ""))
            message = sentence(c, lang)
            words = c.details.get("words")
            if words:
                message += "\n" + words_text([(op, s) for op, s in words]).plain.strip()
            out.write(f"::{_LEVEL[c.severity]} {where},title={title}::{_data(message)}\n")
    out.write(summary(result, lang) + "\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        buf = io.StringIO()
        markdown_report(result, buf, lang)
        try:
            with open(summary_path, "a", encoding="utf-8") as f:
                f.write(buf.getvalue())
        except OSError:
            pass  # the annotations are out already; a summary that cannot be written is not an error
