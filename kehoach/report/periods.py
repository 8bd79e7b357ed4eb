"""Reporting periods and their data cut-off (Nghị định 09/2019/NĐ-CP, Điều 12).

A periodic report of a state administrative body counts what happened between the 15th of the
month before the period and the 14th of the period's last month:

- monthly: from the 15th of the previous month to the 14th of the month (January: 15/12 of the
  previous year to 14/01);
- quarterly: from the 15th of the month before the quarter to the 14th of its last month;
- six-monthly: first half 15/12 of the previous year to 14/06, second half 15/06 to 14/12;
- yearly: 15/12 of the previous year to 14/12.

A city may ask for calendar periods instead (``[report] periods = "calendar"`` in
``kehoach.toml``, :func:`kehoach.config.report_settings`): a month from its 1st to its last day,
a quarter from 1/1, 1/4, 1/7 or 1/10 to the end of its last month, a year from 1/1 to 31/12.

``--period`` is written ``2026-03``, ``2026-Q1``, ``2026-H1`` or ``2026``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import KehoachError
from ..messages import t

CUTOFF_DAY = 14           # the last day counted in the period's last month
_FORMS = re.compile(r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{1,2})|[Qq](?P<quarter>[1-4])|[Hh](?P<half>[12])))?$")
KINDS = ("month", "quarter", "half", "year")
RULES = ("nd09", "calendar")   # the cut-off rule: Nghị định 09/2019 (15th–14th), or calendar months


@dataclass(frozen=True, slots=True)
class Period:
    kind: str                 # month | quarter | half | year
    year: int
    index: int                # month 1-12, quarter 1-4, half 1-2; 1 for a year
    start: dt.date            # first day counted (the 15th of the month before)
    end: dt.date              # the cut-off: the last day counted (the 14th)
    rule: str = "nd09"        # one of RULES

    @property
    def code(self) -> str:
        """As written on the command line: 2026-03, 2026-Q1, 2026-H1, 2026."""
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        if self.kind == "half":
            return f"{self.year}-H{self.index}"
        return str(self.year)

    def label(self, lang: str) -> str:
        """The period as a report's title names it: "quý I năm 2026", "6 tháng đầu năm 2026"."""
        if self.kind == "year":
            return t("period.year", lang, year=self.year)
        return t(f"period.{self.kind}.{self.index}", lang, year=self.year)

    def provisional(self, as_of: dt.date) -> bool:
        """Asked for before the cut-off has passed: the figures may still change."""
        return as_of < self.end

    def next(self) -> Period:
        """The period after this one, of the same kind (what falls due next)."""
        calendar = self.rule == "calendar"
        if self.kind == "year":
            return period(self.kind, self.year + 1, 1, calendar=calendar)
        last = {"month": 12, "quarter": 4, "half": 2}[self.kind]
        if self.index == last:
            return period(self.kind, self.year + 1, 1, calendar=calendar)
        return period(self.kind, self.year, self.index + 1, calendar=calendar)



def _last_month(kind: str, index: int) -> int:
    return {"month": index, "quarter": 3 * index, "half": 6 * index, "year": 12}[kind]


def _months(kind: str) -> int:
    return {"month": 1, "quarter": 3, "half": 6, "year": 12}[kind]


def period(kind: str, year: int, index: int, *, calendar: bool = False) -> Period:
    """The period and its cut-off window: it ends on the 14th of its last month and starts on
    the 15th of the month before its first month (across the year boundary for January); with
    ``calendar``, from the 1st of its first month to the last day of its last month."""
    last = _last_month(kind, index)
    first = last - _months(kind) + 1
    if calendar:
        following = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
        return Period(kind, year, index, dt.date(year, first, 1), following - dt.timedelta(days=1), "calendar")
    before_year, before_month = (year - 1, 12) if first == 1 else (year, first - 1)
    return Period(kind, year, index, dt.date(before_year, before_month, CUTOFF_DAY + 1),
                  dt.date(year, last, CUTOFF_DAY))


def parse_period(text: str, *, calendar: bool = False) -> Period:
    """``2026-03`` | ``2026-Q1`` | ``2026-H1`` | ``2026``; anything else is a usage error.
    ``calendar``: calendar periods instead of the Nghị định 09 cut-off."""
    if not text.strip():
        raise KehoachError("report.need-period")
    m = _FORMS.match(text.strip())
    if m is None:
        raise KehoachError("report.bad-period", value=text)
    year = int(m["year"])
    if not 1900 <= year <= 9999:
        raise KehoachError("report.bad-period", value=text)
    if m["month"] is not None:
        month = int(m["month"])
        if not 1 <= month <= 12:
            raise KehoachError("report.bad-period", value=text)
        return period("month", year, month, calendar=calendar)
    if m["quarter"] is not None:
        return period("quarter", year, int(m["quarter"]), calendar=calendar)
    if m["half"] is not None:
        return period("half", year, int(m["half"]), calendar=calendar)
    return period("year", year, 1, calendar=calendar)
