"""The progress-date-in-future rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import iso_date


class ProgressDateInFuture(Rule):
    """Cập nhật tiến độ ghi ngày muộn hơn ngày đánh giá.

    **Tác dụng.** Báo cập nhật (hoặc ngày hoàn thành) muộn hơn `--as-of` (mặc định là hôm nay).

    **Vì sao quan trọng.** Báo cáo đến từ tương lai là lỗi gõ ngày; nó còn làm nhiệm vụ trông như đã
    được cập nhật, che mất việc nhiệm vụ đang chậm hoặc chưa được cập nhật.

    **Ví dụ.** `date: "2026-12-03"` ghi ngày 12 tháng 3 năm 2026, lẽ ra là `2026-03-12`.

    **Cách sửa.** Sửa ngày. `kehoach progress` từ chối những ngày như vậy khi ghi.
    """

    doc_en = """A progress update is dated after the as-of date.

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
    message = 'Cập nhật của "{id}" ghi ngày {value}, sau ngày hiện tại {as_of}.'
    uses_as_of = True

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                for value in (u.date, u.done_on):
                    when = iso_date(value)
                    if when and when > ctx.as_of:
                        yield self.hit(u.span, id=task.id, value=value,
                                       as_of=ctx.as_of.isoformat())
