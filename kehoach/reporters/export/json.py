"""Every row as a JSON record, one per line (docs/interfaces.md): a contract."""

from __future__ import annotations

from ...output import Formatter, Out
from ...records import Export
from .._json import records


class JsonFormat(Formatter[Export]):
    extensions = (".json",)

    def write(self, result: Export, out: Out) -> None:
        out.text.write(records(result.rows))
