"""Progress status of tasks: timeliness derived from the deadline, the recorded state and the as-of date.

Nothing here is typed by a person: the vocabulary is the Government Office's for assigned tasks
(Hoàn thành đúng hạn / quá hạn, Đang / Chưa thực hiện trong hạn / quá hạn, không có hạn).
"""

from __future__ import annotations

import datetime as dt
import marshal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from dateutil.relativedelta import relativedelta

from .deadlines import Deadline, parse_deadline
from .jobs import FileResult, Job, code_fingerprint
from .linter import load_plan
from .messages import t
from .model import Plan, Task
from .records import commune_of

STATE_CODES = {"chưa thực hiện": "not_started", "đang thực hiện": "in_progress", "hoàn thành": "done"}


class Timeliness(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OPEN_OVERDUE = "open_overdue"
    NO_DEADLINE = "no_deadline"


def timeliness_label(timeliness: Timeliness, state: str, lang: str) -> str:
    """"Hoàn thành đúng hạn", "Đang thực hiện (quá hạn)": the open ones say their state."""
    if timeliness in (Timeliness.OPEN_OVERDUE, Timeliness.OPEN_IN_TIME):
        return t(f"status.t.{timeliness.value}", lang, state=t(f"status.state.{state}", lang))
    return t(f"status.t.{timeliness.value}", lang)


# How often a unit must report: monthly unless the deadline text states another cadence. A task
# that recurs every year ("Hằng năm") still reports monthly: the recurrence is what the task
# repeats, not how often the national monitoring system expects news of it.
_CADENCE = {"monthly": relativedelta(months=1), "quarterly": relativedelta(months=3),
            "six-monthly": relativedelta(months=6)}
DEFAULT_CADENCE = relativedelta(months=1)


def _iso(text: str | None) -> str | None:
    """An ISO date as written, or None when it is not one (schema and rules report those)."""
    if not text:
        return None
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return None
    return text


class Schedule(NamedTuple):
    """What judging a task needs, whatever the as-of date. Dates are ISO strings: they compare like
    dates and cost little to store; only the due dates of open tasks become dates on a run."""

    due: str | None            # the due date, only when it counts: readable, present, not fixed elsewhere
    start: str | None
    external: bool
    recurrence: str | None
    updates: tuple[tuple[str, str | None, str | None, float | None], ...]  # date, state, done on, percent
    # A recurring deadline's due dates in the plan year ("Hằng quý": the four quarter ends), the last
    # being ``due``; each one is judged in turn. Empty for any other deadline.
    occurrences: tuple[str, ...] = ()


class Details(NamedTuple):
    """The rest of a task's record, read only for the tasks a run lists."""

    id: str
    text: str
    lead: list[str]
    support: list[str]
    deadline: str
    due: str | None            # the due date read from the deadline, even when it does not count
    table: str | None          # the appendix the task is listed in
    line: int
    related: str               # the concrete task beside a programme's task (Nhiệm vụ tương ứng)
    continues: str | None      # the row whose merged cells this row continues


def schedule(task: Task, d: Deadline) -> Schedule:
    updates = []
    for u in sorted(task.progress, key=lambda u: u.date):
        when = _iso(u.date)
        if when is None:
            continue
        state = STATE_CODES[u.state] if u.state else None
        done_on = (_iso(u.done_on) or when) if state == "done" else None
        updates.append((when, state, done_on, u.percent))
    counts = d.valid and d.due is not None and not d.external
    occurrences = tuple(o.isoformat() for o in d.occurrences) if counts else ()
    return Schedule(d.due.isoformat() if counts and d.due else None, d.start.isoformat() if d.start else None,
                    d.external, d.recurrence, tuple(updates), occurrences)


def details(task: Task, d: Deadline) -> Details:
    return Details(task.id, task.text, list(task.lead), list(task.support), task.deadline,
                   d.due.isoformat() if d.due else None, task.appendix, task.span.line, task.related,
                   task.continues or None)


class Clock:
    """The as-of date, with what every task's verdict compares against worked out once."""

    __slots__ = ("_stale_from", "date", "iso")

    def __init__(self, as_of: dt.date) -> None:
        self.date = as_of
        self.iso = as_of.isoformat()
        self._stale_from: dict[str | None, str] = {}

    def stale_from(self, recurrence: str | None) -> str:
        """The as-of date less one reporting period: a last report before it is stale."""
        iso = self._stale_from.get(recurrence)
        if iso is None:
            iso = (self.date - _CADENCE.get(recurrence or "", DEFAULT_CADENCE)).isoformat()
            self._stale_from[recurrence] = iso
        return iso


class Verdict(NamedTuple):
    state: str                 # not_started | in_progress | done
    done_on: str | None
    last_update: str | None
    percent: float | None
    timeliness: Timeliness
    stale: bool
    due_in_days: int | None    # open tasks with an enforced due date: days left, negative when overdue
    # A recurring task's occurrence the verdict is about: the one missed when overdue, else the next one
    # (None when every occurrence has passed and was met). ``due_in_days`` counts to it. None otherwise.
    occurrence: str | None = None

    @property
    def overdue(self) -> bool:
        return self.timeliness is Timeliness.OPEN_OVERDUE

    def due_within(self, days: int) -> bool:
        return self.due_in_days is not None and 0 <= self.due_in_days <= days


def judge(f: Schedule, period_start: str, clock: Clock) -> Verdict:
    """The task's standing on the clock's date, from its schedule alone."""
    state, done_on, last, percent = "not_started", None, None, None
    for when, code, done, pct in f.updates:
        if when > clock.iso:
            break  # a report from after the as-of date is not known yet on that date (updates are sorted)
        last = when
        if code:
            state, done_on = code, done
        if pct is not None:
            percent = pct
    due_in = None
    occurrence = None
    if f.due is None:
        timeliness = Timeliness.NO_DEADLINE
    elif state == "done":
        assert done_on is not None
        timeliness = Timeliness.DONE_ON_TIME if done_on <= f.due else Timeliness.DONE_LATE
    elif f.occurrences:
        timeliness, occurrence = _occurrence(f, clock)
        due_in = None if occurrence is None else (dt.date.fromisoformat(occurrence) - clock.date).days
    else:
        timeliness = Timeliness.OPEN_OVERDUE if clock.iso > f.due else Timeliness.OPEN_IN_TIME
        due_in = (dt.date.fromisoformat(f.due) - clock.date).days
    return Verdict(state, done_on, last, percent, timeliness, _stale(f, state, last, period_start, clock),
                   due_in, occurrence)


def _occurrence(f: Schedule, clock: Clock) -> tuple[Timeliness, str | None]:
    """A recurring task not done as a whole, judged at its current occurrence: the latest one before the
    as-of date (the due day itself is in time, as for any deadline). Progress reported in its window, after
    the occurrence before it and up to it, meets it; otherwise the task is overdue for that occurrence
    until the next one passes and is judged in turn. A met (or not yet come) occurrence leaves the task in
    time for the next one."""
    passed = [o for o in f.occurrences if o < clock.iso]
    coming = next((o for o in f.occurrences if o >= clock.iso), None)
    if not passed:
        return Timeliness.OPEN_IN_TIME, coming
    current = passed[-1]
    previous = passed[-2] if len(passed) > 1 else ""
    if any(previous < when <= current and _progress(code, pct) for when, code, _, pct in f.updates):
        return Timeliness.OPEN_IN_TIME, coming
    return Timeliness.OPEN_OVERDUE, current


def _progress(state: str | None, percent: float | None) -> bool:
    """An update that reports progress: work under way or done, or a percentage above zero. "Chưa thực
    hiện" and "không phát sinh" (nothing to report) are reports, but not progress on the occurrence."""
    return state in ("in_progress", "done") or (percent is not None and percent > 0)


def _stale(f: Schedule, state: str, last: str | None, period_start: str, clock: Clock) -> bool:
    """Not reported within its reporting period. Done tasks, tasks whose window has not opened and
    tasks fixed elsewhere are never stale."""
    if state == "done" or f.external:
        return False
    opens = f.start or period_start
    if clock.iso < opens:
        return False
    threshold = clock.stale_from(f.recurrence)
    return threshold > last if last else threshold >= max(opens, period_start)


def record(plan: str, f: Details, v: Verdict, label: str) -> dict[str, Any]:
    """A task's status as the JSON interface writes it (docs/interfaces.md): keys and order are a contract."""
    return {
        "plan": plan, "id": f.id, "text": f.text, "lead": f.lead, "support": f.support, "deadline": f.deadline,
        "due": f.due, "state": v.state, "timeliness": v.timeliness.value,
        "overdue": v.overdue, "stale": v.stale, "last_update": v.last_update,
        "done_on": v.done_on, "percent": v.percent, "due_in_days": v.due_in_days,
        "table": f.table, "line": f.line, "label": label, "related": f.related, "continues": f.continues,
        # Added (domain-18): the recurring task's occurrence judged, see Verdict.occurrence.
        "occurrence": v.occurrence,
    }


def task_status(task: Task, year: int, period_start: dt.date, as_of: dt.date) -> Verdict:
    """One task's standing on ``as_of`` (the library entry point; runs judge cached schedules)."""
    return judge(schedule(task, parse_deadline(task.deadline, year)), period_start.isoformat(), Clock(as_of))


class StatusFacts(NamedTuple):
    """What ``status`` keeps of a plan, whatever the as-of date: each task's schedule (a plain
    tuple of :class:`Schedule`'s fields) and its details, marshalled: a national run judges a
    hundred thousand tasks but lists a tenth of them, and building the others' strings was most of
    a warm run."""

    start: str                                   # the plan period's first day
    commune: str                                 # as a person names it, "Xã An Lão"
    schedules: tuple[tuple[Any, ...], ...]
    details: tuple[bytes, ...]


def status_file(path: Path, display: str) -> FileResult[StatusFacts]:
    """The runner's per-file work for ``status``: each task's schedule and details, or why the plan
    cannot be read. Nothing here depends on the as-of date, so the cache serves every date:
    ``status`` defaults to today, and a cache keyed on the day would be cold every morning."""
    loaded = load_plan(path, display)
    plan = loaded.plan
    if plan is None:
        return loaded.result()
    return loaded.result(facts_of(plan))


def facts_of(plan: Plan) -> StatusFacts:
    """What ``status`` (and the report's grid) keeps of a valid plan."""
    schedules, rows = [], []
    for task in plan.tasks:
        d = parse_deadline(task.deadline, plan.meta.year)
        schedules.append(tuple(schedule(task, d)))
        rows.append(marshal.dumps(tuple(details(task, d))))
    return StatusFacts(plan.meta.period_start.isoformat(), commune_of(plan), tuple(schedules), tuple(rows))


def status_job() -> Job[StatusFacts]:
    return Job("status", code_fingerprint(), status_file, StatusFacts)
