"""A workbook with one sheet per kind of row (tasks, indicators, budget), for people: it prints.

The JSON and CSV are contracts and keep the plan's own words and codes; this sheet is read and
printed by a clerk, so it names the commune rather than the file, says "nhiệm vụ" rather than
``task``, drops the trailing colon of an appendix label, shows dates as dates, and keeps the codes
a machine needs (row id, table id, file, line) in the last columns, off the printed page.
"""

from __future__ import annotations

import re
from typing import Any

from ...messages import t
from ...output import Formatter, Out
from ...records import Export
from ...writers import add_sheet, saved, workbook

SHEETS = ("task", "indicator", "budget")
# The columns people read, in reading order, per kind of row. A column empty on every row of the
# sheet is left out: on paper it is only width taken from the text.
READ = {
    "task": ("plan", "kind", "table", "group", "number", "text", "directing", "lead", "support", "output",
             "deadline", "due", "note", "nq71", "related"),
    "indicator": ("plan", "kind", "table", "group", "number", "text", "unit", "baseline", "target", "milestones",
                  "lead", "support", "deadline", "due", "note"),
    "budget": ("plan", "kind", "table", "group", "number", "text", "amount", "lead", "support", "deadline", "due",
               "note"),
}
ALWAYS = ("plan", "kind", "text", "id", "file", "line")
# The codes, last and not printed.
CODES = ("id", "continues", "merged", "table_id", "catalog", "file", "line")
CAPS = {"text": 42, "group": 14, "table": 10, "kind": 10, "number": 5, "lead": 16, "support": 16, "output": 16,
        "directing": 12, "deadline": 12, "note": 14, "related": 16, "milestones": 14, "baseline": 10, "target": 10,
        "unit": 9, "plan": 12, "nq71": 7}
# "Phụ lục 3:" as the plan writes it, "Phụ lục 3" on the sheet.
_TRAILING = re.compile(r"[\s:.;,]+$")


class XlsxFormat(Formatter[Export]):
    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Export, out: Out) -> None:
        wb = workbook()
        communes = result.communes or [""] * len(result.rows)
        for kind in SHEETS:
            rows = [_humane(r, c, out.lang) for r, c in zip(result.rows, communes, strict=True) if r["kind"] == kind]
            read, codes = _filled(READ[kind], rows), _filled(CODES, rows)
            columns = [(k, t(f"xlsx.col.{k}", out.lang)) for k in (*read, *codes)]
            add_sheet(wb, t(f"xlsx.sheet.{kind}", out.lang), columns, rows, caps=CAPS, unprinted=len(codes))
        out.binary.write(saved(wb))


def _filled(keys: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
    """The columns with a value on some row (all of them on an empty sheet, which shows its header)."""
    return [k for k in keys if not rows or k in ALWAYS or any(r.get(k) not in (None, "", [], {}) for r in rows)]


def _humane(rec: dict[str, Any], commune: str, lang: str) -> dict[str, Any]:
    """One record as the sheet shows it."""
    number, title = rec.get("group") or "", rec.get("group_title") or ""
    return {
        **rec,
        "plan": commune or rec["plan"], "file": rec["plan"], "kind": t(f"xlsx.kind.{rec['kind']}", lang),
        "table": _TRAILING.sub("", rec["table"]) if rec.get("table") else "",
        "group": f"{number.rstrip('.')}. {title}" if number and title else number or title,
    }
