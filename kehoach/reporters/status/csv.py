"""One row per task and unit, for a spreadsheet (UTF-8 with a BOM, as Excel wants it)."""

from __future__ import annotations

from ...output import Formatter, Out
from ...status_query import Answer
from ...writers import to_csv
from ._common import records, titles


class CsvFormat(Formatter[Answer]):
    extensions = (".csv",)
    binary = True

    def write(self, result: Answer, out: Out) -> None:
        out.binary.write(to_csv(titles(out.lang), records(result, out.lang)))
