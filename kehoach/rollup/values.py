"""Reading reported values and comparing figures in an indicator's direction.

Targets are compared as the plan states them: ``≥ 60%`` is met by 60; ``đạt 98%`` (no operator)
means *reach* 98, so at least 98 where higher is better and at most 98 where lower is better; a
range ``80-90%`` is met from its lower bound (higher) or up to its upper bound (lower).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..catalog import Entry
from ..targets import Target
from ..targets import parse_target as _parse_target
from ..text import norm_key

# The same few hundred texts ("100%", "≥ 60%", "72%") recur across thousands of plans; a Target is
# immutable, so one reading serves them all.
parse_target = lru_cache(maxsize=8192)(_parse_target)

NOT_REACHED = frozenset({"không đạt", "chưa đạt", "chưa hoàn thành", "không hoàn thành"})


@dataclass(frozen=True, slots=True)
class Reading:
    """A value as read for an indicator: a number, a verdict, or why neither."""

    number: float | None = None
    reached: bool | None = None      # qualitative indicators: Đạt / Không đạt
    problem: str | None = None       # "unreadable" | "wrong-unit"


@lru_cache(maxsize=1024)
def unit_fits(catalog_unit: str, written: str | None) -> bool:
    """A bare number is in the catalog's unit; a written unit must be that unit."""
    if written is None:
        return True
    have, want = norm_key(written), norm_key(catalog_unit)
    if want.startswith("%") or have == "%":
        return want.startswith("%") and have == "%"
    # "sáng kiến/năm" is still a count of "sáng kiến".
    return have == want or have.startswith(want) or want.startswith(have)


def read_actual(entry: Entry, text: str) -> Reading:
    if entry.qualitative:
        if norm_key(text) in NOT_REACHED:
            return Reading(reached=False)
        t = parse_target(text)
        if t.kind == "qualitative":
            return Reading(reached=True)
        return Reading(problem="unreadable")
    t = parse_target(text)
    if t.kind != "number" or t.operator != "eq" or t.value is None:
        return Reading(problem="unreadable")
    if not unit_fits(entry.unit, t.unit):
        return Reading(problem="wrong-unit")
    return Reading(number=t.value)


def read_target(entry: Entry, text: str) -> tuple[Target, bool]:
    """The target as read, and whether its unit (if written) is the catalog's."""
    t = parse_target(text)
    return t, t.kind not in ("number", "range") or unit_fits(entry.unit, t.unit)


def threshold(t: Target, higher: bool) -> float | None:
    """The single figure a target stands for in the indicator's direction."""
    if t.kind == "range":
        return t.value if higher else t.upper
    return t.value if t.kind == "number" else None


def meets(value: float, t: Target, higher: bool) -> bool | None:
    if t.kind == "range":
        assert t.value is not None and t.upper is not None
        return value >= t.value if higher else value <= t.upper
    if t.kind != "number" or t.value is None:
        return None
    v = t.value
    op = t.operator
    if op == "ge":
        return value >= v
    if op == "gt":
        return value > v
    if op == "le":
        return value <= v
    if op == "lt":
        return value < v
    return value >= v if higher else value <= v


def gap(value: float, t: Target, higher: bool) -> float | None:
    """How far the value is past the target in the good direction: negative is short of it."""
    limit = threshold(t, higher)
    if limit is None:
        return None
    return round(value - limit if higher else limit - value, 6)


def at_least_as_ambitious(commune: Target, city: Target, higher: bool) -> bool | None:
    """Whether a commune's target asks at least what the city's does (None: not comparable)."""
    if city.kind == "qualitative":
        return True if commune.kind == "qualitative" else None
    mine, theirs = threshold(commune, higher), threshold(city, higher)
    if mine is None or theirs is None:
        return None
    if (commune.unit is not None and city.unit is not None) and norm_key(commune.unit) != norm_key(city.unit):
        return None
    if mine != theirs:
        return mine > theirs if higher else mine < theirs
    # Same figure: "> 60" asks more than "≥ 60"; a strict city target is not met by a loose one.
    strict_city = city.operator in ("gt", "lt")
    strict_mine = commune.operator in ("gt", "lt")
    return strict_mine or not strict_city
