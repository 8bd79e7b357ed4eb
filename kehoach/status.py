"""Progress status of tasks: timeliness derived from the deadline, the recorded state and the as-of date.

Nothing here is typed by a person: the vocabulary is the Government Office's for assigned tasks
(Hoàn thành đúng hạn / quá hạn, Đang / Chưa thực hiện trong hạn / quá hạn, không có hạn).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from .deadlines import Deadline, parse_deadline
from .linter import FileResult, load_usable
from .model import Plan, Task, Update
from .runner import Job

STATE_CODES = {"chưa thực hiện": "not_started", "đang thực hiện": "in_progress", "hoàn thành": "done"}
STATE_LABELS = {
    "not_started": ("Chưa thực hiện", "Not started"),
    "in_progress": ("Đang thực hiện", "In progress"),
    "done": ("Hoàn thành", "Done"),
}


class Timeliness(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OPEN_OVERDUE = "open_overdue"
    NO_DEADLINE = "no_deadline"


def timeliness_label(t: Timeliness, state: str, lang: str) -> str:
    en = lang == "en"
    if t is Timeliness.DONE_ON_TIME:
        return "Done on time" if en else "Hoàn thành đúng hạn"
    if t is Timeliness.DONE_LATE:
        return "Done late" if en else "Hoàn thành quá hạn"
    if t is Timeliness.NO_DEADLINE:
        return "No deadline" if en else "Không có hạn"
    base = STATE_LABELS[state][1 if en else 0]
    if t is Timeliness.OPEN_OVERDUE:
        return f"{base} (overdue)" if en else f"{base} (quá hạn)"
    return f"{base} (in time)" if en else f"{base} (trong hạn)"


# How often a unit must report: monthly unless the deadline text states another cadence. A task
# that recurs every year ("Hằng năm") still reports monthly: the recurrence is what the task
# repeats, not how often the national monitoring system expects news of it.
_CADENCE = {"monthly": relativedelta(months=1), "quarterly": relativedelta(months=3)}
DEFAULT_CADENCE = relativedelta(months=1)


@dataclass(frozen=True, slots=True)
class TaskStatus:
    plan: str
    task: Task
    deadline: Deadline
    state: str                       # not_started | in_progress | done
    done_on: dt.date | None
    timeliness: Timeliness
    stale: bool
    last_update: dt.date | None
    percent: float | None
    due_in_days: int | None          # for open tasks with a due date: days left (negative when overdue)

    @property
    def overdue(self) -> bool:
        return self.timeliness is Timeliness.OPEN_OVERDUE

    def due_within(self, days: int) -> bool:
        return self.due_in_days is not None and 0 <= self.due_in_days <= days

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        d = self.deadline
        return {
            "plan": self.plan, "id": self.task.id, "text": self.task.text, "lead": list(self.task.lead),
            "support": list(self.task.support), "deadline": self.task.deadline,
            "due": d.due.isoformat() if d.due else None, "state": self.state,
            "timeliness": self.timeliness.value, "overdue": self.overdue, "stale": self.stale,
            "last_update": self.last_update.isoformat() if self.last_update else None,
            "done_on": self.done_on.isoformat() if self.done_on else None, "percent": self.percent,
            "due_in_days": self.due_in_days, "label": timeliness_label(self.timeliness, self.state, lang),
            "table": self.task.appendix, "line": self.task.span.line,
        }


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _recorded(updates: tuple[Update, ...], as_of: dt.date) -> tuple[str, dt.date | None, dt.date | None, float | None]:
    """State, completion date, last update and last percent, from the updates up to ``as_of``."""
    state, done_on, last, percent = "not_started", None, None, None
    for u in sorted(updates, key=lambda u: u.date):
        when = _date(u.date)
        if when is None or when > as_of:
            continue  # a report from after the as-of date is not known yet on that date
        last = when
        if u.state:
            state = STATE_CODES[u.state]
            done_on = (_date(u.done_on) or when) if state == "done" else None
        if u.percent is not None:
            percent = u.percent
    return state, done_on, last, percent


def task_status(plan_slug: str, task: Task, year: int, period_start: dt.date, as_of: dt.date) -> TaskStatus:
    d = parse_deadline(task.deadline, year)
    state, done_on, last, percent = _recorded(task.progress, as_of)
    has_due = d.valid and d.due is not None and not d.external
    if not has_due:
        timeliness = Timeliness.NO_DEADLINE
    elif state == "done":
        assert d.due is not None and done_on is not None
        timeliness = Timeliness.DONE_ON_TIME if done_on <= d.due else Timeliness.DONE_LATE
    else:
        assert d.due is not None
        timeliness = Timeliness.OPEN_OVERDUE if as_of > d.due else Timeliness.OPEN_IN_TIME
    due_in = (d.due - as_of).days if has_due and state != "done" and d.due is not None else None
    return TaskStatus(plan=plan_slug, task=task, deadline=d, state=state, done_on=done_on, timeliness=timeliness,
                      stale=_stale(d, state, last, period_start, as_of), last_update=last, percent=percent,
                      due_in_days=due_in)


def _stale(d: Deadline, state: str, last: dt.date | None, period_start: dt.date, as_of: dt.date) -> bool:
    """Not reported within its reporting period. Done tasks, tasks whose window has not opened and
    tasks fixed elsewhere are never stale."""
    if state == "done" or d.external:
        return False
    opens = d.start or period_start
    if as_of < opens:
        return False
    cadence = _CADENCE.get(d.recurrence or "", DEFAULT_CADENCE)
    since = last or max(opens, period_start)
    return as_of - cadence > since if last else as_of - cadence >= since


def plan_status(plan_slug: str, plan: Plan, as_of: dt.date) -> list[TaskStatus]:
    return [task_status(plan_slug, t, plan.meta.year, plan.meta.period_start, as_of) for t in plan.tasks]


def status_file(path: Path, display: str, as_of: dt.date) -> FileResult:
    """The runner's per-file work for ``status``: the plan's task records, or why it cannot be read."""
    loaded = load_usable(path, display)
    if isinstance(loaded, FileResult):
        return loaded
    plan = loaded.plan
    records = [s.to_dict() for s in plan_status(path.stem, plan, as_of)]
    keys = [k for k in records[0] if k != "label"] if records else []
    # Rows, not objects: the cache of a national run holds a hundred thousand of them.
    rows = [[r[k] for k in keys] for r in records]
    return loaded.result(display, {"keys": keys, "rows": rows})



def status_job(files: list[tuple[Path, str]], as_of: dt.date) -> Job:
    import functools
    import hashlib

    from .runner import _code_fingerprint

    key = hashlib.blake2b(f"{_code_fingerprint()}:{as_of.isoformat()}".encode(), digest_size=16).hexdigest()
    return Job("status", key, functools.partial(status_file, as_of=as_of))
