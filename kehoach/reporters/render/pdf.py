"""PDF: the Word document converted by LibreOffice (``render`` converts a folder of plans with one
LibreOffice start: see kehoach.render.batch)."""

from __future__ import annotations

import io

from ...output import Formatter, Out
from ...render import pdf
from ...render.document import Document
from .docx import DocxFormat


class PdfFormat(Formatter[Document]):
    extensions = (".pdf",)
    binary = True

    def write(self, result: Document, out: Out) -> None:
        docx = io.BytesIO()
        DocxFormat().write(result, Out(docx, out.lang, out.width, False))
        out.binary.write(pdf.docx_to_pdf(docx.getvalue(), pdf.require_soffice()))
