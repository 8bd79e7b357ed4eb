"""A workbook with one sheet per kind of row: tasks, indicators, budget."""

from __future__ import annotations

from ...output import Formatter, Out
from ...records import COLUMNS, Export
from ...writers import to_xlsx

SHEETS = (("task", "Nhiệm vụ"), ("indicator", "Chỉ tiêu"), ("budget", "Kinh phí"))


class XlsxFormat(Formatter[Export]):
    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Export, out: Out) -> None:
        out.binary.write(to_xlsx([(title, COLUMNS, [r for r in result.rows if r["kind"] == kind])
                                  for kind, title in SHEETS]))
