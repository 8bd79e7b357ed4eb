"""Every row in one table (UTF-8 with a BOM, as Excel wants it)."""

from __future__ import annotations

from ...output import Formatter, Out
from ...records import COLUMNS, Export
from ...writers import to_csv


class CsvFormat(Formatter[Export]):
    extensions = (".csv",)
    binary = True

    def write(self, result: Export, out: Out) -> None:
        out.binary.write(to_csv(COLUMNS, result.rows))
