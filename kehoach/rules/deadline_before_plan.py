"""The deadline-before-plan rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import deadline


class DeadlineBeforePlan(Rule):
    """Thời hạn kết thúc trước khi kỳ kế hoạch bắt đầu.

    **Tác dụng.** Báo thời hạn có ngày đến hạn trước ngày bắt đầu kỳ kế hoạch (ngày 1 tháng 1 của
    năm kế hoạch, trừ khi `meta.period` ghi khác), ví dụ `12/2025` hoặc `9/2025` trong kế hoạch năm 2026.

    **Vì sao quan trọng.** Kế hoạch không thể giao việc có hạn trước cả khi kế hoạch ban hành: dòng
    này được chép từ kế hoạch năm trước, hoặc ghi sai năm. Dù trường hợp nào, nhiệm vụ cũng quá hạn
    ngay từ ngày đầu.

    **Ví dụ.** `deadline: Tháng 12/2025` trong kế hoạch năm 2026.

    **Cách sửa.** Sửa thời hạn, hoặc bỏ nhiệm vụ nếu đã hoàn thành trong năm trước.
    """

    doc_en = """A deadline ends before the plan period starts.

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
    message = 'Thời hạn "{value}" (đến {due}) kết thúc trước kỳ kế hoạch (bắt đầu {start}).'

    def check(self, ctx: Context) -> Iterator[Hit]:
        start = ctx.plan.meta.period_start
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if d.valid and d.due is not None and d.due < start:
                    yield self.hit(row.at("deadline"), value=row.deadline,
                                   due=d.due.isoformat(), start=start.isoformat())
