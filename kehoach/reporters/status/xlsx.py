"""An Excel workbook: one sheet, titled, frozen and filterable, laid out to print on A4.

The columns people read come first, the commune by its name; the codes (row id, status code, file)
come last and stay off the printed page. Yes/no columns say "có" rather than TRUE, dates are date cells.
"""

from __future__ import annotations

from typing import Any

from ...messages import t
from ...output import Formatter, Out
from ...status_query import Answer
from ...writers import add_sheet, saved, workbook
from ._common import records, titles

CODES = ("id", "continues", "timeliness", "file")
CAPS = {"text": 42, "plan": 12, "unit": 18, "lead": 18, "support": 18, "deadline": 12, "label": 16}


class XlsxFormat(Formatter[Answer]):
    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Answer, out: Out) -> None:
        sheet = t("status.sheet", out.lang)
        named = {**dict(titles(out.lang)), "file": t("xlsx.col.file", out.lang)}
        keys = [k for k in named if k not in CODES] + list(CODES)
        yes = t("xlsx.yes", out.lang)
        rows = [_humane(r, yes, result.communes) for r in records(result, out.lang)]
        wb = workbook()
        add_sheet(wb, sheet, [(k, named[k]) for k in keys], rows, caps=CAPS, unprinted=len(CODES))
        out.binary.write(saved(wb))


def _humane(rec: dict[str, Any], yes: str, communes: dict[str, str]) -> dict[str, Any]:
    """The commune's name where the JSON has the file's; "có" for true."""
    return {**rec, **{k: yes if v else "" for k, v in rec.items() if isinstance(v, bool)},
            "plan": communes.get(rec["plan"]) or rec["plan"], "file": rec["plan"]}
