"""Markdown (CommonMark with GFM tables), for a pull request or a wiki."""

from __future__ import annotations

from ...output import Formatter, Out
from ...render.document import Document


class MdFormat(Formatter[Document]):
    extensions = (".md",)
    binary = True

    def write(self, result: Document, out: Out) -> None:
        from ...render.markdown import render_markdown

        out.binary.write(render_markdown(result.view, result.template))
