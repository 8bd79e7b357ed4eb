"""The duplicate-indicator rule: its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Indicator
from ..text import text_key
from . import Context, Hit, Rule


class DuplicateIndicator(Rule):
    """The same indicator has two rows in one group of a table.

    **What it does.** Reports an indicator of an appendix table whose text, after normalisation
    (case, spacing, punctuation, Unicode form), equals the text of an earlier indicator in the same
    group of the same table. The same indicator in another group (Vĩnh Lại's Phụ lục I lists its
    education indicators under "Đến năm 2030" and again under "Đến năm 2045") or in another table
    (a list of targets, then a table of five-year milestones) is a different view of it and is
    not reported. A continuation row (a merged cell with the row above) is never a duplicate.

    **Why it matters.** One indicator on two rows gets two series of reported values; the rollup
    shows it twice, or takes one row's target for the other's, and each row leaves the other's
    columns empty.

    **Example.** Vĩnh Lại's Phụ lục II, group II, rows 12 and 16: "Tỷ lệ Cơ sở giáo dục phổ thông
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
