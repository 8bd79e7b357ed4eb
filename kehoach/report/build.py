"""From the cached facts of each plan to the report of a period: each task judged by the status
engine on the cut-off date, the grid counted from those verdicts; the indicators and the task
groups as the rollup engine computes them on that date (``kehoach rollup --as-of <cut-off>``)."""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import rollup
from ..catalog import Catalog
from ..jobs import FileResult
from ..rollup import Figure
from ..rollup.figures import METHOD_POINT
from ..rollup.values import NOT_REACHED, meets, parse_target
from ..status import Clock, Details, Schedule, Timeliness, judge
from ..text import norm_key
from ..units import Registry, named, registry_for
from .extract import ReportFacts
from .periods import Period
from .result import FIVE, FOUR, Grid, IndicatorLine, Letterhead, PlanReport, Report, TaskLine

# The consolidated report is the city People's Committee's (Nghị định 30/2020 letterhead). Its
# signature block (Nghị định 30/2020, Phụ lục I, the authority and the signer's title): signed on
# behalf of the committee (TM.) by a vice-chairman for the chairman (KT.), as the plans are; the
# name is --signer, blank without it (written by hand under the signature).
CITY_BODY, CITY_KIND = "ỦY BAN NHÂN DÂN", "thành phố"
CITY_SIGNATURE = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
# Plans whose folders have no catalog.yaml: no code to roll up; each row keeps its own target.
NO_CATALOG = Catalog.of("", ())


def build(period: Period, as_of: dt.date, files: Sequence[tuple[Path, str]],
          results: Sequence[FileResult[ReportFacts]], *, catalog: Catalog | None = None, notes: str = "",
          issuer: Sequence[str] = (), signer: str = "") -> Report:
    """The report of ``period`` made on ``as_of``. ``catalog``: the one the payloads were made with
    (none: no catalog found, the indicators are each row's own); ``issuer``: the lines of the
    city's body, when the plans do not name one city; ``signer``: the name under the signature
    (the city's report: blank without it; one plan's report: instead of the plan's signer)."""
    judged_on = min(as_of, period.end)
    clock = Clock(judged_on)
    nxt = period.next()
    cat = catalog or NO_CATALOG
    rolled_up = [FileResult(r.path, payload=r.payload.rollup_facts() if r.payload else None) for r in results]
    rolled = rollup.build(rollup.collect(files, rolled_up, judged_on), cat, cat.codes, judged_on)
    groups = {p.plan.path: p.groups for p in rolled.tasks}
    figures = {p.path: p.figures for p in rolled.plans}
    methods = {ir.entry.code: ir.method for ir in rolled.indicators}
    plans = []
    for (path, display), result in zip(files, results, strict=True):
        assert result.payload is not None
        plans.append(_plan(path, display, result.payload, period, nxt, clock, figures.get(display, {}), methods,
                           groups.get(display, ())))
    plans.sort(key=lambda p: (p.city, p.commune, p.year, p.path))
    if signer and len(plans) == 1:
        plans = [replace(plans[0], letterhead=replace(plans[0].letterhead, signer=signer))]
    city = _city(plans, issuer, signer) if len(plans) > 1 else None
    return Report(period, nxt, as_of, judged_on, period.provisional(as_of), tuple(plans), rolled.indicators, notes,
                  city)


def _city(plans: Sequence[PlanReport], issuer: Sequence[str], signer: str) -> Letterhead:
    """The consolidated report's letterhead: the body given with ``--issuer``, else the People's
    Committee of the one city the plans name; none (the docx refuses) when they name several."""
    cities = sorted({p.city for p in plans if p.city})
    city = cities[0] if len(cities) == 1 else ""
    lines = tuple(issuer) or ((CITY_BODY, f"{CITY_KIND} {city}".upper()) if city else ())
    return Letterhead(lines, city, CITY_SIGNATURE, signer, f"{CITY_KIND} {city}" if city else "")


def _plan(path: Path, display: str, facts: ReportFacts, period: Period, nxt: Period, clock: Clock,
          figures: Mapping[str, Figure], methods: Mapping[str, str],
          groups: tuple[rollup.GroupProgress, ...]) -> PlanReport:
    status = facts.status_facts()
    registry = registry_for(path)
    due = dict.fromkeys(FOUR, 0)
    every = dict.fromkeys(FIVE, 0)
    not_yet = no_date = 0
    late: list[TaskLine] = []
    upcoming: list[TaskLine] = []
    every_task: list[TaskLine] = []
    plan = Path(display).stem
    for i, row in enumerate(status.schedules):
        s = Schedule._make(row)
        v = judge(s, status.start, clock)
        d = Details._make(marshal.loads(status.details[i]))
        note_date, note = _last_note(facts.notes[i], clock.iso)
        every_task.append(TaskLine(plan, d.id, d.text, "; ".join(u for u in _leads(registry, d) if u), d.deadline,
                                   s.due, v.state, v.timeliness.value, v.last_update, note, note_date))
        every[v.timeliness.value] += 1
        # A recurring task is due at the occurrence its verdict is about (the one missed, else the next).
        when = (v.occurrence or s.due) if s.occurrences else s.due
        if when is None:
            no_date += 1
        elif when <= clock.iso:
            due[v.timeliness.value] += 1
        else:
            not_yet += 1
        is_late = v.timeliness is Timeliness.OPEN_OVERDUE
        window = nxt.start.isoformat(), nxt.end.isoformat()
        coming = next((o for o in (s.occurrences or (s.due,)) if o is not None and window[0] <= o <= window[1]), None)
        comes_due = v.state != "done" and coming is not None
        if is_late or comes_due:
            units = _leads(registry, d)
            # A recurring task late for one occurrence may come due again in the next period: both lists.
            for listed, shown, wanted in ((late, when, is_late), (upcoming, coming, comes_due)):
                if wanted:
                    listed.extend(TaskLine(plan, d.id, d.text, unit, d.deadline, shown, v.state, v.timeliness.value,
                                           v.last_update, note, note_date) for unit in units)
    reported = any(period.start.isoformat() <= day <= clock.iso for dates in facts.updates for day in dates) or any(
        period.start.isoformat() <= a[0] <= clock.iso for ind in facts.indicators for a in ind[5])
    late.sort(key=lambda t: (t.unit, t.due or "", t.id))
    upcoming.sort(key=lambda t: (t.due or "", t.unit, t.id))
    return PlanReport(plan, display, status.commune, facts.city, facts.year,
                      Grid(due, not_yet, no_date, every), tuple(late), tuple(upcoming),
                      tuple(_indicator(ind, clock.iso, figures, methods) for ind in facts.indicators), reported,
                      _letterhead(facts.document), groups, tuple(every_task))


def _letterhead(doc: tuple[Any, ...]) -> Letterhead:
    issuer, place, titles, signer, commune = doc
    return Letterhead(tuple(issuer), place, tuple(titles), signer, commune)


def _leads(registry: Registry | None, d: Details) -> list[str]:
    """The task's lead units under their canonical names (as ``status`` lists them)."""
    names = named(registry, d.lead)
    if registry is not None:
        names = [registry.lookup(n).canonical or n for n in names]
    return list(dict.fromkeys(names)) or [""]


def _last_note(notes: tuple[tuple[str, str], ...], until: str) -> tuple[str | None, str]:
    found: tuple[str | None, str] = (None, "")
    for when, note in notes:
        if when <= until:
            found = (when, note)
    return found


def _indicator(ind: tuple[Any, ...], until: str, figures: Mapping[str, Figure],
               methods: Mapping[str, str]) -> IndicatorLine:
    """The row's figure at the cut-off. A row the rollup reads (its catalog code, and the row the
    rollup takes the code's figures from) has the rollup's figure, method and verdict; any other
    row, its latest value, compared with its target by the target's operator."""
    id_, text, unit, baseline, target, actuals, code = ind
    figure = figures.get(code) if code else None
    if figure is not None and figure.row == id_:
        return IndicatorLine(str(id_), str(text), str(unit), str(baseline), str(target), figure.actual_text,
                             figure.actual_date, code, methods.get(code, METHOD_POINT), figure.meets_target)
    latest = None
    for when, value, _note in actuals:
        if when <= until:
            latest = (when, value)
    value = latest[1] if latest else None
    return IndicatorLine(str(id_), str(text), str(unit), str(baseline), str(target), value,
                         latest[0] if latest else None, code, METHOD_POINT, _on_track(str(target), value))


def _on_track(target: str, actual: str | None) -> bool | None:
    """Whether ``actual`` meets ``target`` (higher is better, as for almost every indicator; the
    catalog says otherwise for the rows it reads); None when either is not a figure."""
    if actual is None:
        return None
    goal, value = parse_target(target), parse_target(actual)
    if goal.kind == "qualitative":
        return False if norm_key(actual) in NOT_REACHED else (True if value.kind == "qualitative" else None)
    if value.kind != "number" or value.operator != "eq" or value.value is None:
        return None
    return meets(value.value, goal, True)
