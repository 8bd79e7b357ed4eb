"""The duplicate-indicator rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Indicator
from ..text import text_key
from . import Context, Hit, Rule


class DuplicateIndicator(Rule):
    """Cùng một chỉ tiêu có hai dòng trong một nhóm của bảng.

    **Tác dụng.** Báo một chỉ tiêu của bảng phụ lục có nội dung, sau khi chuẩn hóa (chữ hoa, chữ
    thường, dấu cách, dấu câu, dạng Unicode), trùng với nội dung một chỉ tiêu đứng trước trong cùng
    nhóm của cùng bảng. Cùng chỉ tiêu ở nhóm khác (Phụ lục I của Vĩnh Lại liệt kê các chỉ tiêu giáo
    dục dưới "Đến năm 2030" và lại dưới "Đến năm 2045") hoặc ở bảng khác (một danh sách mục tiêu,
    rồi một bảng các mốc 5 năm) là một cách nhìn khác về nó và không bị báo. Dòng nối ô gộp với dòng
    trên không bao giờ bị coi là trùng.

    **Vì sao quan trọng.** Một chỉ tiêu nằm trên hai dòng sẽ có hai chuỗi giá trị báo cáo; bảng
    tổng hợp hiện nó hai lần, hoặc lấy chỉ tiêu của dòng này cho dòng kia, và mỗi dòng bỏ trống các
    cột của dòng kia.

    **Ví dụ.** Phụ lục II của Vĩnh Lại, nhóm II, dòng 12 và 16: "Tỷ lệ Cơ sở giáo dục phổ thông
    triển khai phương thức giáo dục tích hợp Khoa học, Kỹ thuật, Công nghệ, Toán học (STEM) và
    nghiên cứu khoa học.", dòng đầu có "≥ 80%" ở cột năm 2025, dòng sau có "100%" ở cột năm 2030.

    **Cách sửa.** Giữ một dòng với mọi giá trị của chỉ tiêu (ở đây năm 2025 "≥ 80%" và năm 2030
    "100%"), hoặc viết lại nội dung cho thấy hai chỉ tiêu khác nhau thế nào.
    """

    doc_en = """The same indicator has two rows in one group of a table.

    **What it does.** Reports an indicator of an appendix table whose text, after normalisation
    (case, spacing, punctuation, Unicode form), equals the text of an earlier indicator in the same
    group of the same table. The same indicator in another group (Vinh Lai's Appendix I lists its
    education indicators under "Đến năm 2030" and again under "Đến năm 2045") or in another table
    (a list of targets, then a table of five-year milestones) is a different view of it and is
    not reported. A continuation row (a merged cell with the row above) is never a duplicate.

    **Why it matters.** One indicator on two rows gets two series of reported values; the rollup
    shows it twice, or takes one row's target for the other's, and each row leaves the other's
    columns empty.

    **Example.** Vinh Lai's Appendix II, group II, rows 12 and 16: "Tỷ lệ Cơ sở giáo dục phổ thông
    triển khai phương thức giáo dục tích hợp Khoa học, Kỹ thuật, Công nghệ, Toán học (STEM) và
    nghiên cứu khoa học.", the first with "≥ 80%" in the 2025 column, the second with "100%" in the
    2030 column.

    **Fix.** Keep one row with every value of the indicator (here 2025 "≥ 80%" and 2030 "100%"),
    or make the texts say how the two indicators differ.
    """

    name = "duplicate-indicator"
    code = "KH403"
    severity = Severity.WARNING
    message = ('Chỉ tiêu "{id}" trùng nội dung với chỉ tiêu "{first}" (dòng {line}) trong cùng nhóm của bảng: '
               'mỗi chỉ tiêu nên chỉ có một dòng.')

    def check(self, ctx: Context) -> Iterator[Hit]:
        seen: dict[tuple[str, tuple[str, ...], str], Indicator] = {}
        for row in ctx.plan.rows:
            if not isinstance(row, Indicator) or row.appendix is None or not row.text or row.inherits("text"):
                continue
            key = text_key(row.text)
            if len(key) < 12:
                continue
            first = seen.setdefault((row.table, row.groups, key), row)
            if first is not row:
                yield self.hit(row.at("text"), id=row.id, first=first.id, line=first.at("text").line)
