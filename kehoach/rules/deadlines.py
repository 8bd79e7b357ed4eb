"""KH2xx: when — deadlines as the Vietnamese deadline grammar reads them."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Task
from . import Context, Hit, Rule, deadline

# Deadlines that name one point in time; a multi-year range ("2026-2030") states a programme
# period and is not "far" in the sense of this rule.
_POINT_KINDS = {"date", "month", "quarter", "half", "year"}


class DeadlineMissing(Rule):
    """A task has no deadline.

    **What it does.** Reports a task whose deadline (*thời gian thực hiện / hoàn thành*) is empty,
    and a task table that has no deadline column at all.

    **Why it matters.** "Rõ thời gian": without a deadline a task can never be late, so it is never
    followed up.

    **Example.** A row with an empty *Thời gian thực hiện* cell.

    **Fix.** Write when the task is due (`Quý II/2026`), or `Thường xuyên` for an ongoing task.
    """

    name = "deadline-missing"
    code = "KH201"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        for table in ctx.plan.tables:
            if table.kind == "tasks" and not table.has_field("deadline"):
                yield self.hit(table.span, "rule.deadline-missing-column", table=table.id)
        for row in ctx.plan.rows:
            if isinstance(row, Task) and row.has_deadline_column and not row.deadline:
                yield self.hit(row.span, "rule.deadline-missing", id=row.id)


class DeadlineUnparseable(Rule):
    """kehoach cannot read a deadline.

    **What it does.** Reports a deadline that the deadline grammar cannot read, or that names an
    impossible date (`Quý V/2026`, `Tháng 13/2026`, `32/12/2026`). kehoach never guesses.

    **Why it matters.** An unreadable deadline is never overdue and never reminded.

    **Example.** `deadline: sớm nhất có thể`.

    **Fix.** Use a form from `kehoach explain deadline` (e.g. `Tháng 4/2026`, `Quý II/2026`,
    `trước ngày 20/11/2026`, `Thường xuyên`, `Hằng năm`).
    """

    name = "deadline-unparseable"
    code = "KH202"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if not d.valid:
                    yield self.hit(row.at("deadline"), "rule.deadline-unparseable", value=row.deadline,
                                   reason=d.reason or "unrecognised")


class DeadlineBeforePlan(Rule):
    """A deadline ends before the plan period starts.

    **What it does.** Reports a deadline whose due date falls before the start of the plan period
    (1 January of the plan year unless `meta.period` says otherwise), e.g. `12/2025` or `9/2025`
    in a 2026 plan.

    **Why it matters.** A plan cannot assign work that was due before it was issued: the row was
    copied from last year's plan, or its year is wrong. Either way the task is overdue on day one.

    **Example.** `deadline: Tháng 12/2025` in a 2026 plan.

    **Fix.** Correct the deadline, or remove the task if it was done last year.
    """

    name = "deadline-before-plan"
    code = "KH203"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Hit]:
        start = ctx.plan.meta.period_start
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if d.valid and d.due is not None and d.due < start:
                    yield self.hit(row.at("deadline"), "rule.deadline-before-plan", value=row.deadline,
                                   due=d.due.isoformat(), start=start.isoformat())


class DeadlineFarFuture(Rule):
    """A deadline falls after the plan period ends.

    **What it does.** Notes a single-point deadline (a date, month, quarter, half or year) that
    falls after the end of the plan period, e.g. `Tháng 6/2028` in a 2026 plan. Multi-year ranges
    (`2026-2030`) are not reported.

    **Why it matters.** It is allowed, but the yearly plan will not see the task through: the next
    years' plans must carry it.

    **Example.** `deadline: Tháng 6/2028`.

    **Fix.** Nothing, if intended; otherwise correct the year.
    """

    name = "deadline-far-future"
    code = "KH204"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterator[Hit]:
        end = ctx.plan.meta.period_end
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if d.valid and d.kind in _POINT_KINDS and d.due is not None and d.due > end:
                    yield self.hit(row.at("deadline"), "rule.deadline-far-future", value=row.deadline,
                                   due=d.due.isoformat())


RULES: list[type[Rule]] = [DeadlineMissing, DeadlineUnparseable, DeadlineBeforePlan, DeadlineFarFuture]
