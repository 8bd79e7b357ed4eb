"""The report as JSON: a documented contract (docs/interfaces.md); keys and order are stable."""

from __future__ import annotations

from ...output import Formatter, Out
from ...report import Report
from .._json import document
from ._common import report_record


class JsonFormat(Formatter[Report]):
    extensions = (".json",)

    def write(self, result: Report, out: Out) -> None:
        out.text.write(document(report_record(result, out.lang)))
