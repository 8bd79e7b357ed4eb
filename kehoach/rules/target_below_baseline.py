"""The target-below-baseline rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Indicator
from . import Context, Hit, Rule
from ._common import target

_NUMERIC = {"number", "range"}


class TargetBelowBaseline(Rule):
    """Mức chỉ tiêu cần đạt thấp hơn giá trị cơ sở (kết quả năm trước).

    **Tác dụng.** Với các chỉ tiêu càng cao càng tốt (mọi chỉ tiêu, trừ khi danh mục chỉ tiêu ghi
    khác), báo mức cần đạt thấp hơn giá trị cơ sở khi cả hai đều là số cùng đơn vị tính.

    **Vì sao quan trọng.** Kế hoạch đặt mục tiêu thấp hơn kết quả năm trước là kế hoạch đi lùi;
    thường đó là lỗi gõ hoặc nhầm cột.

    **Ví dụ.** `baseline: 80%` và `target: 60%`.

    **Cách sửa.** Sửa số liệu, hoặc giải thích lý do giảm trong `note`.
    """

    doc_en = """An indicator's target is lower than its baseline.

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
    message = 'Chỉ tiêu "{target}" thấp hơn kết quả năm trước "{baseline}".'

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
                yield self.hit(row.at("target"), id=row.id, target=row.target,
                               baseline=row.baseline)
