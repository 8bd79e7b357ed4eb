"""An Excel workbook: one sheet, titled, frozen and filterable."""

from __future__ import annotations

from ...output import Formatter, Out
from ...status_query import Answer
from ...writers import to_xlsx
from ._common import records, titles


class XlsxFormat(Formatter[Answer]):
    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Answer, out: Out) -> None:
        sheet = "Tiến độ" if out.lang == "vi" else "Status"
        out.binary.write(to_xlsx([(sheet, titles(out.lang), records(result, out.lang))]))
