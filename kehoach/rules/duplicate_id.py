"""The duplicate-id rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule


class DuplicateId(Rule):
    """Hai nhiệm vụ, chỉ tiêu, khoản kinh phí hoặc bảng dùng chung một `id`.

    **Tác dụng.** Báo mọi `id` đã được dùng trước đó trong cùng kế hoạch.

    **Vì sao quan trọng.** `kehoach progress` ghi tiến độ theo mã và `kehoach diff` so khớp các dòng
    theo mã; dùng chung mã sẽ trộn lẫn lịch sử của hai dòng.

    **Ví dụ.** Hai dòng `id: pl4.I.1` sau khi sao chép một dòng.

    **Cách sửa.** Đặt mã mới cho dòng mới. Không bao giờ đổi mã của dòng đã có cập nhật tiến độ.
    """

    doc_en = """Two tasks, indicators, budget items or tables share an `id`.

    **What it does.** Reports every `id` used before in the same plan.

    **Why it matters.** `kehoach progress` records updates by id and `kehoach diff` matches rows
    by id; a shared id mixes two rows' history.

    **Example.** Two rows `id: pl4.I.1` after copying a row.

    **Fix.** Give the new row a new id. Never change the id of a row that already has progress.
    """

    name = "duplicate-id"
    code = "KH004"
    severity = Severity.ERROR
    message = 'Mã "{id}" đã dùng ở dòng {first}.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        seen: dict[str, int] = {}
        for table in ctx.plan.tables:
            if table.id in seen:
                yield self.hit(table.span, id=table.id, first=seen[table.id])
            seen.setdefault(table.id, table.span.line)
        seen_rows: dict[str, int] = {}
        for row in ctx.plan.rows:
            if row.id in seen_rows:
                yield self.hit(row.at("id"), id=row.id, first=seen_rows[row.id])
            seen_rows.setdefault(row.id, row.at("id").line)
