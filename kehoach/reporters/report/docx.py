"""The report as a Word document to sign (Nghị định 30/2020), printed by the render module from
the bundled plan template: for one plan, the commune's report (letterhead, "Số:      /BC-UBND",
BÁO CÁO, sections I–IV, the tables, the appendix of every task, signature and Nơi nhận); for a
folder, the city's consolidated report."""

from __future__ import annotations

from ...output import Formatter, Out
from ...render.docx import render_docx
from ...render.templates import DOCX, bundled
from ...report import Report
from ...report.document import view_of


class DocxFormat(Formatter[Report]):
    extensions = (".docx",)
    binary = True
    file_only = True

    def write(self, result: Report, out: Out) -> None:
        out.binary.write(render_docx(view_of(result, out.lang), bundled(DOCX)))
