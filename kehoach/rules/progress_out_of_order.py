"""The progress-out-of-order rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from ..findings import Severity
from ..model import Task
from . import Context, Hit, Rule
from ._common import iso_date


class ProgressOutOfOrder(Rule):
    """Các cập nhật tiến độ không theo thứ tự ngày, hoặc nhiệm vụ đã hoàn thành lại được báo là chưa
    xong.

    **Tác dụng.** Báo cập nhật ghi ngày trước cập nhật ngay phía trên nó, và cập nhật mở lại nhiệm
    vụ đã báo hoàn thành mà không ghi lý do trong phần ghi chú.

    **Vì sao quan trọng.** Cập nhật cuối cùng là tình trạng hiện tại của nhiệm vụ: sai thứ tự thì
    tình trạng được hiện không phải là tình trạng mới nhất.

    **Ví dụ.** Cập nhật ngày 28 tháng 2 được ghi dưới cập nhật ngày 31 tháng 3.

    **Cách sửa.** Ghi các cập nhật từ cũ đến mới (như `kehoach progress` vẫn ghi).
    """

    doc_en = """Progress updates are not in date order, or a done task is reported again as open.

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
    message = 'Cập nhật ngày {value} của "{id}" đứng sau cập nhật ngày {previous}.'
    messages: ClassVar[dict[str, str]] = {
        'progress-reopened': '"{id}" đã báo hoàn thành, nay ngày {value} lại báo chưa xong mà không ghi lý do.',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            yield from self._task(task)

    def _task(self, task: Task) -> Iterator[Hit]:
        previous: dt.date | None = None
        done = False
        for u in task.progress:
            when = iso_date(u.date)
            if when and previous and when < previous:
                yield self.hit(u.span, id=task.id, value=u.date,
                               previous=previous.isoformat())
            elif done and u.state in ("chưa thực hiện", "đang thực hiện") and not u.note:
                yield self.hit(u.span, variant="progress-reopened", id=task.id, value=u.date)
            previous = when or previous
            done = done or u.state == "hoàn thành"
