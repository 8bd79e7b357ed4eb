"""Indicators across communes: every commune under every code, and the city's view of each code.

A commune without the code is a figure with ``present: false``; one without a value for the
period has ``actual: null``: both are listed and counted, never dropped. City figures follow the
catalog's aggregation: point-in-time codes (rates, indices, coverage) are never summed across
communes, the city sees their distribution (min / median / max) and how many communes reach
their target; cumulative codes (counts per year) add up the communes that reported, and a
commune that did not is missing, not 0; qualitative codes count the communes that reached them.
Communes with two plans for one year are listed but left out of the city figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..catalog import CityTarget, Entry
from .extract import PlanData
from .figures import Figure, method_of


class CommuneFigure(NamedTuple):
    plan: PlanData
    counted: bool                            # False for a commune with two plans: shown, not in city figures
    city_target: CityTarget | None           # the city's target for the plan's city and year, if any
    figure: Figure | None                    # None: the plan has no row with the code

    @property
    def present(self) -> bool:
        return self.figure is not None

    @property
    def actual(self) -> float | str | None:
        return self.figure.actual if self.figure is not None else None


@dataclass(frozen=True, slots=True)
class Summary:
    communes: int
    counted: int
    present: int
    absent: int
    with_target: int
    with_actual: int
    no_data: int                 # present, but no value for the period
    meets_target: int
    below_target: int
    meets_city_target: int
    below_city_target: int
    total: float | None          # cumulative codes only: sum over communes with a value
    target_total: float | None   # cumulative codes only: sum of numeric targets
    minimum: float | None        # point-in-time codes: the distribution of actual values
    median: float | None
    maximum: float | None
    target_minimum: float | None
    target_median: float | None
    target_maximum: float | None


@dataclass(frozen=True, slots=True)
class IndicatorRollup:
    entry: Entry
    method: str
    city_targets: tuple[CityTarget, ...]     # the city targets that apply to some commune
    summary: Summary
    communes: tuple[CommuneFigure, ...]

    @property
    def city_target(self) -> CityTarget | None:
        return self.city_targets[0] if len(self.city_targets) == 1 else None


def absent_figures(plans: Sequence[PlanData], counted: Sequence[bool]) -> tuple[CommuneFigure, ...]:
    """Each plan's figure under a code it lacks and with no city target: one per plan, shared by
    every such code (a national rollup has some 130,000 of them)."""
    return tuple(CommuneFigure(p, c, None, None) for p, c in zip(plans, counted, strict=True))


def rollup_indicator(entry: Entry, plans: Sequence[PlanData], absent: Sequence[CommuneFigure]) -> IndicatorRollup:
    code = entry.code
    if entry.city_targets:
        cities = [entry.city_target(p.city, p.year) for p in plans]
        applied = tuple({id(c): c for c in cities if c is not None}.values())
        figures = tuple(CommuneFigure(p, a.counted, city, p.figures.get(code))
                        for p, a, city in zip(plans, absent, cities, strict=True))
    else:
        applied = ()
        figures = tuple(a if (g := p.figures.get(code)) is None else CommuneFigure(p, a.counted, None, g)
                        for p, a in zip(plans, absent, strict=True))
    return IndicatorRollup(entry, method_of(entry), applied, _summary(entry, figures), figures)


def _summary(entry: Entry, figures: Sequence[CommuneFigure]) -> Summary:
    counted = sum(f.counted for f in figures)
    present = [f.figure for f in figures if f.counted and f.figure is not None]
    actuals = sorted(f.actual for f in present if isinstance(f.actual, float))
    targets = sorted(f.target_value for f in present if f.target_value is not None)
    cumulative = entry.aggregation == "cumulative" and not entry.qualitative
    point = not cumulative and not entry.qualitative

    def dist(values: list[float]) -> tuple[float | None, float | None, float | None]:
        if not point or not values:
            return None, None, None
        return values[0], statistics.median(values), values[-1]

    lo, mid, hi = dist(actuals)
    tlo, tmid, thi = dist(targets)
    with_actual = sum(f.actual is not None for f in present)
    return Summary(
        communes=len(figures), counted=counted, present=len(present), absent=counted - len(present),
        with_target=sum(f.has_target for f in present), with_actual=with_actual, no_data=len(present) - with_actual,
        meets_target=sum(f.meets_target is True for f in present),
        below_target=sum(f.meets_target is False for f in present),
        meets_city_target=sum(f.meets_city_target is True for f in present),
        below_city_target=sum(f.meets_city_target is False for f in present),
        total=sum(actuals) if cumulative and actuals else None,
        target_total=sum(targets) if cumulative and targets else None,
        minimum=lo, median=mid, maximum=hi, target_minimum=tlo, target_median=tmid, target_maximum=thi,
    )
