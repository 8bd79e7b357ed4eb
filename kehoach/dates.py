"""Dates as people type them on the command line and in spreadsheets: ``YYYY-MM-DD``, and
``dd/mm/yyyy`` (day first, what Vietnamese Excel writes and officers type). One parser for every
command that takes a date (``--as-of`` of status, rollup, report, validate; ``progress --date``)."""

from __future__ import annotations

import datetime as dt
import re

from .errors import KehoachError

# What Vietnamese Excel writes in a date cell saved as CSV, and what officers type: 31/03/2026.
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def read_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``dd/mm/yyyy`` (day first, as Vietnamese write it); None when neither."""
    s = text.strip()
    if (m := _DMY.fullmatch(s)) is not None:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(s) if len(s) == 10 else None
    except ValueError:
        return None


def parse_date(text: str) -> dt.date:
    """``read_date`` or a KehoachError naming the value (``--as-of``, ``--date`` alone)."""
    when = read_date(text)
    if when is None:
        raise KehoachError("progress.bad-date", value=text)
    return when
