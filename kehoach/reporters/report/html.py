"""The report as one self-contained, printable HTML page: the same document as the Word file
(kehoach.report.document), printed by the render module's HTML template, where autoescaping
makes every piece of plan text come out as written, never as markup."""

from __future__ import annotations

from ...output import Formatter, Out
from ...render.html import render_html
from ...report import Report
from ...report.document import view_of


class HtmlFormat(Formatter[Report]):
    extensions = (".html", ".htm")
    binary = True

    def write(self, result: Report, out: Out) -> None:
        out.binary.write(render_html(view_of(result, out.lang)))
