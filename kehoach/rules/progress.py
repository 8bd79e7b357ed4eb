"""KH5xx: progress records — what the units report on their tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Severity
from ..model import Task
from . import Context, Hit, Rule


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


class ProgressDateInFuture(Rule):
    """A progress update is dated after the as-of date.

    **What it does.** Reports an update (or a completion date) later than `--as-of` (today by
    default).

    **Why it matters.** A report from the future is a typo in the date; it would also make the
    task look up to date and hide that it is late or not updated.

    **Example.** `date: "2026-12-03"` written on 12 March 2026 for `2026-03-12`.

    **Fix.** Correct the date. `kehoach progress` refuses such dates when recording.
    """

    name = "progress-date-in-future"
    code = "KH501"
    severity = Severity.ERROR
    uses_as_of = True

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                for value in (u.date, u.done_on):
                    when = _date(value)
                    if when and when > ctx.as_of:
                        yield self.hit(u.span, "rule.progress-date-in-future", id=task.id, value=value,
                                       as_of=ctx.as_of.isoformat())


class DoneWithoutDate(Rule):
    """A task is reported done without its completion date.

    **What it does.** Reports an update with `state: hoàn thành` that has no `done_on`.

    **Why it matters.** Whether a task was done on time is decided by the completion date, which
    may be earlier than the report; without it kehoach uses the report date, and a task finished on
    time but reported late counts as late.

    **Example.** `- {date: "2026-04-05", state: hoàn thành}` for a task finished on 28 March.

    **Fix.** Add `done_on: "2026-03-28"`. `kehoach progress --status hoan-thanh --done-on` writes it.
    """

    name = "done-without-date"
    code = "KH502"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                if u.state == "hoàn thành" and not u.done_on:
                    yield self.hit(u.span, "rule.done-without-date", id=task.id, date=u.date)


class PercentOutOfRange(Rule):
    """A progress percentage is below 0 or above 100.

    **What it does.** Reports `percent` values outside 0–100.

    **Why it matters.** A task cannot be 140 % done; the figure is a typo and would distort any
    average of progress.

    **Example.** `percent: 140`.

    **Fix.** Write the share of the task done, from 0 to 100.
    """

    name = "percent-out-of-range"
    code = "KH503"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                if u.percent is not None and not 0 <= u.percent <= 100:
                    yield self.hit(u.span, "rule.percent-out-of-range", id=task.id, value=f"{u.percent:g}")


class ProgressOutOfOrder(Rule):
    """Progress updates are not in date order, or a done task is reported again as open.

    **What it does.** Reports an update dated before the one above it, and an update that reopens
    a task already reported done without saying so in its note.

    **Why it matters.** The last update is the task's current state: out of order, the state
    shown is not the latest one.

    **Example.** An update of 28 February written below one of 31 March.

    **Fix.** Keep updates oldest first (as `kehoach progress` writes them).
    """

    name = "progress-out-of-order"
    code = "KH504"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            yield from self._task(task)

    def _task(self, task: Task) -> Iterator[Hit]:
        previous: dt.date | None = None
        done = False
        for u in task.progress:
            when = _date(u.date)
            if when and previous and when < previous:
                yield self.hit(u.span, "rule.progress-out-of-order", id=task.id, value=u.date,
                               previous=previous.isoformat())
            elif done and u.state in ("chưa thực hiện", "đang thực hiện") and not u.note:
                yield self.hit(u.span, "rule.progress-reopened", id=task.id, value=u.date)
            previous = when or previous
            done = done or u.state == "hoàn thành"


RULES: list[type[Rule]] = [ProgressDateInFuture, DoneWithoutDate, PercentOutOfRange, ProgressOutOfOrder]
