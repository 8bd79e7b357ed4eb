"""HTML, one self-contained page to read or print."""

from __future__ import annotations

from ...output import Formatter, Out
from ...render.document import Document


class HtmlFormat(Formatter[Document]):
    extensions = (".html", ".htm")
    binary = True

    def write(self, result: Document, out: Out) -> None:
        from ...render.html import render_html

        out.binary.write(render_html(result.view, result.template))
