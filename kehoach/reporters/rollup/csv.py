"""The long table: one row per indicator and commune, gaps as rows (UTF-8 with a BOM for Excel)."""

from __future__ import annotations

from typing import Any

from ...output import Formatter, Out
from ...rollup import Rollup
from ...writers import to_csv
from ._common import LONG_COLUMNS, long_rows


class CsvFormat(Formatter[Rollup]):
    extensions = (".csv",)
    binary = True

    def write(self, result: Rollup, out: Out) -> None:
        columns = [(k, k) for k in LONG_COLUMNS]
        rows = [{k: _csv_value(v) for k, v in rec.items()} for rec in long_rows(result, out.lang)]
        out.binary.write(to_csv(columns, rows))


def _csv_value(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v
