"""KH3xx: how much — indicator targets as the target parser reads them."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Indicator
from . import Context, Hit, Rule, target

_NUMERIC = {"number", "range"}


class TargetUnparseable(Rule):
    """kehoach cannot read an indicator's target.

    **What it does.** Reports a target (or a milestone) that the target parser cannot read as a
    number with an operator and a unit, a range, `Đạt`, `-` (none) or `?` (unknown).

    **Why it matters.** A target that cannot be read cannot be compared with the baseline, the
    city's target or the reported actual values: the rollup shows it as a gap.

    **Example.** `target: tăng mạnh`.

    **Fix.** Write the target as a number with its operator and unit (`≥ 60%`, `100%`,
    `tối thiểu 20 sáng kiến`); see `kehoach explain target`.
    """

    name = "target-unparseable"
    code = "KH301"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if not isinstance(row, Indicator):
                continue
            if row.target and not target(row.target).valid:
                yield self.hit(row.at("target"), "rule.target-unparseable", id=row.id, value=row.target)
            for year, value in row.milestones:
                if value and not target(value).valid:
                    yield self.hit(row.at("milestones"), "rule.target-unparseable", id=row.id,
                                   value=f"{year}: {value}")


class TargetBelowBaseline(Rule):
    """An indicator's target is lower than its baseline.

    **What it does.** For indicators where higher is better (all of them unless the indicator
    catalog says otherwise), reports a target whose value is lower than the baseline's value
    when both are numbers in the same unit.

    **Why it matters.** A plan that aims below last year's result plans to go backwards; it is
    usually a typo or a column mix-up.

    **Example.** `baseline: 80%` and `target: 60%`.

    **Fix.** Correct the figure, or explain the decrease in `note`.
    """

    name = "target-below-baseline"
    code = "KH302"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if not isinstance(row, Indicator) or not row.baseline or not row.target:
                continue
            base, goal = target(row.baseline), target(row.target)
            if base.kind not in _NUMERIC or goal.kind not in _NUMERIC:
                continue
            if base.value is None or goal.value is None:
                continue
            if base.unit and goal.unit and base.unit != goal.unit:
                continue
            # A range target counts by its upper bound: "80-90%" does not fall below 85%.
            reach = goal.upper if goal.upper is not None else goal.value
            if reach < base.value:
                yield self.hit(row.at("target"), "rule.target-below-baseline", id=row.id, target=row.target,
                               baseline=row.baseline)


RULES: list[type[Rule]] = [TargetUnparseable, TargetBelowBaseline]
