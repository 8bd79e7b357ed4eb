"""Helpers shared by several rules. Not a rule module: discovery skips names starting with "_"."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

from ..deadlines import Deadline, parse_deadline
from ..loader import Path_
from ..model import Row
from ..targets import Target, parse_target


# Several rules read the same deadline and target cells: parse each distinct text once.
@functools.lru_cache(maxsize=16384)
def deadline(text: str, year: int) -> Deadline:
    return parse_deadline(text, year)


@functools.lru_cache(maxsize=16384)
def target(text: str) -> Target:
    return parse_target(text)


def iso_date(text: str | None) -> dt.date | None:
    """A progress date as written, or None when it is not an ISO date (the schema reports those)."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def units(row: Row) -> Iterator[tuple[str, int, str]]:
    """Every lead and coordinating unit of a row, as (role, index, name)."""
    for role in ("lead", "support"):
        for i, unit in enumerate(getattr(row, role)):
            yield role, i, unit


def strings(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every string of the parsed plan, with its path (for ``Document.span``): the rules that read
    all its text (citations, repeated words, misspelt terms)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from strings(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from strings(v, (*path, i))
