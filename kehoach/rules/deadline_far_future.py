"""The deadline-far-future rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import deadline

# Deadlines that name one point in time; a multi-year range ("2026-2030") states a programme
# period and is not "far" in the sense of this rule.
_POINT_KINDS = {"date", "month", "quarter", "half", "year"}


class DeadlineFarFuture(Rule):
    """Thời hạn nằm sau khi kỳ kế hoạch kết thúc.

    **Tác dụng.** Nêu lưu ý khi thời hạn là một mốc (ngày, tháng, quý, nửa năm hoặc năm) nằm sau
    ngày kết thúc kỳ kế hoạch, ví dụ `Tháng 6/2028` trong kế hoạch năm 2026. Khoảng thời gian nhiều
    năm (`2026-2030`) không bị báo.

    **Vì sao quan trọng.** Điều này được phép, nhưng kế hoạch năm sẽ không theo dõi nhiệm vụ đến khi
    xong: kế hoạch các năm sau phải tiếp tục đưa nhiệm vụ vào.

    **Ví dụ.** `deadline: Tháng 6/2028`.

    **Cách sửa.** Không cần sửa nếu đúng ý định; nếu không, sửa lại năm.
    """

    doc_en = """A deadline falls after the plan period ends.

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
    message = 'Thời hạn "{value}" (đến {due}) nằm sau kỳ kế hoạch.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        end = ctx.plan.meta.period_end
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if d.valid and d.kind in _POINT_KINDS and d.due is not None and d.due > end:
                    yield self.hit(row.at("deadline"), value=row.deadline, due=d.due.isoformat())
