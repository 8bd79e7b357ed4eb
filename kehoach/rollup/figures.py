"""One commune's figure for each catalog code its plan uses.

This is per-file work (it runs in the runner's workers and is cached with the plan's content and
the catalog): a commune's figures depend on its own plan only. The as-of date only decides which
reported values count, so the worker computes the actual after each reported date (a ``Course``)
and the run picks the one for its date: the cache serves every date. The rules, each stated in
the output (``row_rule``, and the indicator's ``method``):

- **Which row.** A plan may list the same code in several rows (Vĩnh Lại lists indicators in
  both appendices). The figures come from one row: the first with a plan-year ``target``
  (``row_rule: target``), else the first with a milestone for the plan year (``milestone``),
  else the first row (``first``); ``only`` when there is one. Every row id is kept (``rows``).
- **Which values.** Actual values reported on any row of the code count, dated within the plan
  period and on or before the as-of date. A value in another unit than the catalog's, or not a
  number, is left out with a finding. Two rows reporting different values on the same date: the
  chosen row's value counts, with a finding.
- **Point-in-time** codes take the latest value, never a sum; **cumulative** codes sum the
  values in the window; **qualitative** codes (``đạt/không đạt``, ``định tính``) take the latest
  verdict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from ..catalog import Catalog, Entry
from ..model import Actual, Indicator, Plan
from ..targets import Target, parse_target
from ..text import did_you_mean
from .findings import RollupFinding, finding
from .values import Reading, at_least_as_ambitious, gap, meets, read_actual, read_target, threshold

METHOD_POINT, METHOD_CUMULATIVE, METHOD_QUALITATIVE = "point-latest", "cumulative-sum", "qualitative-latest"


def method_of(entry: Entry) -> str:
    if entry.qualitative:
        return METHOD_QUALITATIVE
    return METHOD_CUMULATIVE if entry.aggregation == "cumulative" else METHOD_POINT


class Figure(NamedTuple):
    """A commune's figures under one code. A named tuple: it travels through the cache as a
    list, and a national rollup rebuilds some 100,000 of them on every run."""

    code: str
    rows: tuple[str, ...]                    # ids of every row with the code, in document order
    row: str                                 # the row the figures come from
    row_rule: str                            # only | target | milestone | first
    line: int
    text: str                                # the indicator as the plan words it
    baseline: str | None
    target: str | None                       # as written
    target_source: str | None                # "target" or "milestones.<year>"
    target_value: float | None               # the figure the target stands for in the indicator's direction
    has_target: bool                         # a readable target (a number, a range or "Đạt")
    milestones: tuple[tuple[str, str], ...]
    actual: float | str | None               # a number; the verdict as written for qualitative codes
    actual_text: str | None                  # the value(s) as written
    actual_date: str | None
    actuals_used: int
    gap: float | None
    meets_target: bool | None
    meets_city_target: bool | None


def choose_row(rows: Sequence[Indicator], year: int) -> tuple[Indicator, str]:
    if len(rows) == 1:
        return rows[0], "only"
    for row in rows:
        if _written(row.target):
            return row, "target"
    for row in rows:
        if _milestone(row, year):
            return row, "milestone"
    return rows[0], "first"


def plan_target(row: Indicator, year: int) -> tuple[str, str]:
    """The row's target for the plan year as written (its ``target``, else its milestone for the
    plan year; "" when neither) and where it comes from."""
    return (row.target, "target") if _written(row.target) else (_milestone(row, year), f"milestones.{year}")


def _milestone(row: Indicator, year: int) -> str:
    return next((v for y, v in row.milestones if _written(v) and y == str(year)), "")


def _written(target: str | None) -> bool:
    """A target cell that holds a target: a "-" or "—" (what a table puts in a cell left blank on
    purpose) is none, so the row does not count as having one."""
    return bool(target) and parse_target(target).kind != "none"


class Course(NamedTuple):
    """A commune's figure under one code on any as-of date: the fields that do not depend on the
    date (Figure's, up to ``milestones``), then, for each date a value was reported on, the six
    actual fields counting every value up to that date (Figure's ``actual`` … ``meets_target``)."""

    head: tuple[Any, ...]
    steps: tuple[tuple[str, tuple[Any, ...]], ...]
    meets_city_target: bool | None


NOTHING_REPORTED: tuple[Any, ...] = (None, None, None, 0, None, None)


def figure_on(course: Sequence[Any], as_of: str) -> Figure:
    """The figure as known on ``as_of`` (ISO date); ``course`` is a Course or its cached tuple."""
    head, steps, city = course
    fields = NOTHING_REPORTED
    for date, step in steps:
        if date > as_of:
            break
        fields = step
    return Figure._make((*head, *fields, city))


def plan_figures(plan: Plan, path: str, slug: str, catalog: Catalog) -> tuple[list[Course], list[RollupFinding]]:
    findings: list[RollupFinding] = []
    by_code: dict[str, list[Indicator]] = {}
    for row in plan.indicators:
        if not row.catalog:
            findings.append(finding("no-code", (path,), line=row.span.line, plan=slug, id=row.id))
        elif catalog.get(row.catalog) is None:
            findings.append(finding("unknown-code", (path,), line=row.at("catalog").line, plan=slug,
                                    code=row.catalog, id=row.id,
                                    suggestions=", ".join(did_you_mean(row.catalog, list(catalog.codes)))))
        else:
            by_code.setdefault(row.catalog, []).append(row)
    out = []
    for code, rows in by_code.items():
        entry = catalog.get(code)
        assert entry is not None
        out.append(_course(entry, plan, path, slug, rows, findings))
    return out, findings


def _course(entry: Entry, plan: Plan, path: str, slug: str, rows: list[Indicator],
            findings: list[RollupFinding]) -> Course:
    year = plan.meta.year
    row, rule = choose_row(rows, year)
    target_text, source = plan_target(row, year)
    target: Target | None = None
    if target_text:
        target, unit_ok = read_target(entry, target_text)
        if not unit_ok:
            findings.append(finding("wrong-unit", (path,), line=row.at("target").line, plan=slug, code=entry.code,
                                    variant="target", id=row.id, value=target_text, unit=entry.unit))
            target = None
    start, end = plan.meta.period_start.isoformat(), plan.meta.period_end.isoformat()
    values = [(a, r) for a, r in _values(entry, path, slug, row, rows, findings) if start <= a.date <= end]
    steps = tuple((a.date, _actual(entry, values[: i + 1], target, target_text))
                  for i, (a, _) in enumerate(values)
                  if i + 1 == len(values) or values[i + 1][0].date != a.date)   # after the last value of a date
    city = entry.city_target(plan.meta.city, year) if entry.city_targets else None
    meets_city = None
    if city is not None and target is not None:
        meets_city = at_least_as_ambitious(target, city.parsed, entry.higher)
        if meets_city is False:
            findings.append(finding("below-city-target", (path,), line=row.at("target").line, plan=slug,
                                    code=entry.code, id=row.id, commune=plan.meta.commune, target=target_text,
                                    city_target=city.target, city=city.city, year=city.year, source=city.source))
    value = threshold(target, entry.higher) if target is not None else None
    has_target = value is not None or (target is not None and target.kind == "qualitative")
    head = (entry.code, tuple(r.id for r in rows), row.id, rule, row.span.line, row.text, row.baseline or None,
            target_text or None, source if target_text else None, value, has_target, row.milestones)
    return Course(head, steps, meets_city)


def _actual(entry: Entry, values: list[tuple[Actual, Reading]], target: Target | None,
            target_text: str) -> tuple[Any, ...]:
    """Figure's six actual fields, counting ``values`` (not empty)."""
    actual, written, date = _aggregate(entry, values)
    meets_target: bool | None = None
    gap_: float | None = None
    if entry.qualitative:
        # The verdict is the comparison: "Đạt" meets whatever the plan wrote as the target.
        meets_target = _latest(values)[1].reached if target_text else None
    elif target is not None and isinstance(actual, float):
        meets_target = meets(actual, target, entry.higher)
        gap_ = gap(actual, target, entry.higher)
    return actual, written, date, len(values), gap_, meets_target


def _values(entry: Entry, path: str, slug: str, chosen: Indicator, rows: list[Indicator],
            findings: list[RollupFinding]) -> list[tuple[Actual, Reading]]:
    """Readable values of every row of the code, the chosen row's first, oldest first."""
    kept: list[tuple[Actual, Reading]] = []
    owner: dict[str, tuple[Indicator, Actual, Reading]] = {}
    for row in (chosen, *(r for r in rows if r is not chosen)):
        mine: list[tuple[Actual, Reading]] = []
        for a in row.actuals:
            reading = read_actual(entry, a.value)
            if reading.problem is not None or not _is_date(a.date):
                kind = "wrong-unit" if reading.problem == "wrong-unit" else "unreadable-actual"
                findings.append(finding(kind, (path,), line=a.span.line, plan=slug, code=entry.code, id=row.id,
                                        value=a.value, unit=entry.unit, date=a.date))
                continue
            first = owner.get(a.date)
            if first is not None and first[0] is not row:
                if (first[2].number, first[2].reached) != (reading.number, reading.reached):
                    findings.append(finding("conflicting-actuals", (path,), line=a.span.line, plan=slug,
                                            code=entry.code, date=a.date, value=a.value, id=row.id,
                                            kept=first[1].value, kept_id=first[0].id, kept_line=first[1].span.line))
                continue
            mine.append((a, reading))
        for a, reading in mine:
            owner.setdefault(a.date, (row, a, reading))
        kept += mine
    kept.sort(key=lambda v: v[0].date)   # stable: on one date the chosen row's value comes first
    return kept


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _latest(values: list[tuple[Actual, Reading]]) -> tuple[Actual, Reading]:
    last = values[-1][0].date
    return next(v for v in values if v[0].date == last)


def _aggregate(entry: Entry, values: list[tuple[Actual, Reading]]
               ) -> tuple[float | str | None, str | None, str | None]:
    """The commune's actual for the period, the value(s) as written, and the date of the last one."""
    if not values:
        return None, None, None
    if entry.qualitative or entry.aggregation != "cumulative":
        value, reading = _latest(values)
        if entry.qualitative:
            return value.value, value.value, value.date
        return reading.number, value.value, value.date
    total = sum(r.number or 0.0 for _, r in values)
    return float(total), " + ".join(a.value for a, _ in values), values[-1][0].date
