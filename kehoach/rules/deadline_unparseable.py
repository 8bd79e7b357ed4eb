"""The deadline-unparseable rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import deadline


class DeadlineUnparseable(Rule):
    """kehoach không đọc được thời hạn.

    **Tác dụng.** Báo thời hạn mà bộ đọc thời hạn không hiểu được, hoặc nêu một ngày không có thật
    (`Quý V/2026`, `Tháng 13/2026`, `32/12/2026`). kehoach không bao giờ đoán.

    **Vì sao quan trọng.** Thời hạn không đọc được thì không bao giờ quá hạn và không bao giờ được
    nhắc.

    **Ví dụ.** `deadline: sớm nhất có thể`.

    **Cách sửa.** Dùng một cách viết mà `kehoach explain deadline` đọc được (ví dụ `Tháng 4/2026`,
    `Quý II/2026`, `trước ngày 20/11/2026`, `Thường xuyên`, `Hằng năm`).
    """

    doc_en = """kehoach cannot read a deadline.

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
    message = 'Không đọc được thời hạn "{value}": {reason_text}.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if not d.valid:
                    yield self.hit(row.at("deadline"), value=row.deadline,
                                   reason=d.reason or "unrecognised")
