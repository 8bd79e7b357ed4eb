"""The percent-out-of-range rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule


class PercentOutOfRange(Rule):
    """Tỷ lệ tiến độ nhỏ hơn 0 hoặc lớn hơn 100.

    **Tác dụng.** Báo giá trị `percent` nằm ngoài khoảng 0–100.

    **Vì sao quan trọng.** Nhiệm vụ không thể xong 140 %; số liệu này là lỗi gõ và sẽ làm sai lệch
    mọi số bình quân về tiến độ.

    **Ví dụ.** `percent: 140`.

    **Cách sửa.** Ghi phần nhiệm vụ đã làm được, từ 0 đến 100.
    """

    doc_en = """A progress percentage is below 0 or above 100.

    **What it does.** Reports `percent` values outside 0–100.

    **Why it matters.** A task cannot be 140 % done; the figure is a typo and would distort any
    average of progress.

    **Example.** `percent: 140`.

    **Fix.** Write the share of the task done, from 0 to 100.
    """

    name = "percent-out-of-range"
    code = "KH503"
    severity = Severity.ERROR
    message = 'Tiến độ {value}% của "{id}" phải từ 0 đến 100.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for task in ctx.plan.tasks:
            for u in task.progress:
                if u.percent is not None and not 0 <= u.percent <= 100:
                    yield self.hit(u.span, id=task.id, value=f"{u.percent:g}")
