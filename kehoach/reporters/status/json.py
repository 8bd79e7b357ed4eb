"""The status interface: each listed task once (docs/interfaces.md); keys and order are a contract."""

from __future__ import annotations

from ...output import Formatter, Out
from ...status_query import Answer
from .._json import records as json_records
from ._common import records


class JsonFormat(Formatter[Answer]):
    extensions = (".json",)

    def write(self, result: Answer, out: Out) -> None:
        seen: set[tuple[str, str]] = set()
        tasks = []
        for r in records(result, out.lang):
            if (r["plan"], r["id"]) not in seen:
                seen.add((r["plan"], r["id"]))
                tasks.append({k: v for k, v in r.items() if k != "unit"})
        out.text.write(json_records(tasks))
