"""The report of one plan as a Word document to sign (Nghị định 30/2020), printed by the render
module from the bundled plan template: letterhead, "Số:      /BC-UBND", BÁO CÁO, sections I–IV,
the grid, signature and Nơi nhận."""

from __future__ import annotations

from ...errors import KehoachError
from ...output import Formatter, Out
from ...render.docx import render_docx
from ...render.templates import DOCX, bundled
from ...report import Report
from ...report.document import report_view


class DocxFormat(Formatter[Report]):
    extensions = (".docx",)
    binary = True
    file_only = True

    def write(self, result: Report, out: Out) -> None:
        if len(result.plans) != 1:
            raise KehoachError("report.docx-one-plan", count=len(result.plans))
        out.binary.write(render_docx(report_view(result, result.plans[0], out.lang), bundled(DOCX)))
