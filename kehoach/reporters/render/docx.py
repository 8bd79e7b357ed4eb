"""The official document as Word (Nghị định 30/2020/NĐ-CP), ready to sign."""

from __future__ import annotations

from ...output import Formatter, Out
from ...render.document import Document


class DocxFormat(Formatter[Document]):
    extensions = (".docx",)
    binary = True

    def write(self, result: Document, out: Out) -> None:
        from ...render import templates
        from ...render.docx import render_docx

        out.binary.write(render_docx(result.view, result.template or templates.bundled(templates.DOCX)))
