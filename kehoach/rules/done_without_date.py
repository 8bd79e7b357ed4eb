"""The done-without-date rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule


class DoneWithoutDate(Rule):
    """Nhiệm vụ báo hoàn thành nhưng thiếu ngày hoàn thành.

    **Tác dụng.** Báo cập nhật có `state: hoàn thành` mà không có `done_on`.

    **Vì sao quan trọng.** Nhiệm vụ có hoàn thành đúng hạn hay không được xác định theo ngày hoàn
    thành, có thể sớm hơn ngày báo cáo; thiếu ngày này, kehoach dùng ngày báo cáo, và nhiệm vụ hoàn
    thành đúng hạn nhưng báo cáo muộn sẽ bị tính là chậm.

    **Ví dụ.** `- {date: "2026-04-05", state: hoàn thành}` cho nhiệm vụ đã xong ngày 28 tháng 3.

    **Cách sửa.** Thêm `done_on: "2026-03-28"`. Lệnh `kehoach progress --status hoan-thanh
    --done-on` ghi trường này.
    """

    doc_en = """A task is reported done without its completion date.

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
    message = '"{id}" báo hoàn thành ngày {date} nhưng thiếu ngày hoàn thành (done_on).'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                if u.state == "hoàn thành" and not u.done_on:
                    yield self.hit(u.span, id=task.id, date=u.date)
