"""GitHub Actions annotations on the changed lines of the new files, and the Markdown report in
``$GITHUB_STEP_SUMMARY`` (GitHub shows only ten annotations of each level per step)."""

from __future__ import annotations

import io
import os

from ...diff import DiffResult
from ...diff.describe import sentence
from ...escape import github_data as _data
from ...escape import github_property as _prop
from ...output import Formatter, Out
from ._common import people_order, summary, words_text
from .markdown import MarkdownFormat

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


class GithubFormat(Formatter[DiffResult]):
    def write(self, result: DiffResult, out: Out) -> None:
        lang = out.lang
        for plan in result.plans:
            for c in people_order(plan.changes):
                where = f"file={_prop(plan.path)}" + (f",line={c.line}" if c.line else "")
                title = _prop(f"kehoach diff [{c.kind}]" + (f" {c.id}" if c.id else ""))
                message = sentence(c, lang)
                words = c.details.get("words")
                if words:
                    message += "\n" + words_text([(op, s) for op, s in words]).plain.strip()
                out.text.write(f"::{_LEVEL[c.severity]} {where},title={title}::{_data(message)}\n")
        out.text.write(summary(result, lang) + "\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path:
            buf = io.StringIO()
            MarkdownFormat().write(result, Out(buf, lang, out.width, False))
            try:
                with open(summary_path, "a", encoding="utf-8") as f:
                    f.write(buf.getvalue())
            except OSError:
                pass  # the annotations are out already; a summary that cannot be written is not an error
