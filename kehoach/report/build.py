"""From the cached facts of each plan to the report of a period: each task judged by the status
engine on the cut-off date, the grid counted from those verdicts."""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..jobs import FileResult
from ..status import Clock, Details, Schedule, Timeliness, judge
from ..units import Registry, named, registry_for
from .extract import ReportFacts
from .periods import Period
from .result import FIVE, FOUR, Grid, IndicatorLine, Letterhead, PlanReport, Report, TaskLine


def build(period: Period, as_of: dt.date, files: Sequence[tuple[Path, str]],
          results: Sequence[FileResult[ReportFacts]]) -> Report:
    judged_on = min(as_of, period.end)
    clock = Clock(judged_on)
    nxt = period.next()
    plans = []
    for (path, display), result in zip(files, results, strict=True):
        assert result.payload is not None
        plans.append(_plan(path, display, result.payload, period, nxt, clock))
    plans.sort(key=lambda p: (p.city, p.commune, p.year, p.path))
    return Report(period, nxt, as_of, judged_on, period.provisional(as_of), tuple(plans))


def _plan(path: Path, display: str, facts: ReportFacts, period: Period, nxt: Period, clock: Clock) -> PlanReport:
    status = facts.status_facts()
    registry = registry_for(path)
    due = dict.fromkeys(FOUR, 0)
    every = dict.fromkeys(FIVE, 0)
    not_yet = no_date = 0
    late: list[TaskLine] = []
    upcoming: list[TaskLine] = []
    plan = Path(display).stem
    for i, row in enumerate(status.schedules):
        s = Schedule._make(row)
        v = judge(s, status.start, clock)
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
            d = Details._make(marshal.loads(status.details[i]))
            note_date, note = _last_note(facts.notes[i], clock.iso)
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
                      tuple(_indicator(ind, clock.iso) for ind in facts.indicators), reported,
                      _letterhead(facts.document))


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


def _indicator(ind: tuple[object, ...], until: str) -> IndicatorLine:
    id_, text, unit, baseline, target, actuals = ind
    latest = None
    for when, value, _note in actuals:  # type: ignore[attr-defined]
        if when <= until:
            latest = (when, value)
    return IndicatorLine(str(id_), str(text), str(unit), str(baseline), str(target),
                         latest[1] if latest else None, latest[0] if latest else None)
