"""The target-unparseable rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Indicator
from . import Context, Hit, Rule
from ._common import target


class TargetUnparseable(Rule):
    """kehoach không đọc được mức chỉ tiêu cần đạt.

    **Tác dụng.** Báo mức chỉ tiêu cần đạt (hoặc một mốc trung gian) mà bộ đọc chỉ tiêu không hiểu
    được là một số kèm toán tử và đơn vị tính, một khoảng, `Đạt`, `-` (không có) hoặc `?` (chưa
    biết).

    **Vì sao quan trọng.** Chỉ tiêu không đọc được thì không so sánh được với giá trị cơ sở (kết quả
    năm trước), với chỉ tiêu của thành phố hay với kết quả thực tế đã báo cáo: báo cáo tổng hợp hiện
    thành ô trống.

    **Ví dụ.** `target: tăng mạnh`.

    **Cách sửa.** Ghi chỉ tiêu là một số kèm toán tử và đơn vị tính (`≥ 60%`, `100%`, `tối thiểu 20
    sáng kiến`); xem `kehoach explain target`.
    """

    doc_en = """kehoach cannot read an indicator's target.

    **What it does.** Reports a target (or a milestone) that the target parser cannot read as a
    number with an operator and a unit, a range, `Đạt`, `-` (none) or `?` (unknown).

    **Why it matters.** A target that cannot be read cannot be compared with the baseline, the
    city's target or the reported actual values: the rollup shows it as a gap.

    **Example.** `target: tăng mạnh`.

    **Fix.** Write the target as a number with its operator and unit (`≥ 60%`, `100%`,
    `tối thiểu 20 sáng kiến`); see `kehoach explain target`.
    """

    name = "target-unparseable"
    code = "KH301"
    severity = Severity.WARNING
    message = 'Không đọc được chỉ tiêu "{value}".'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if not isinstance(row, Indicator):
                continue
            if row.target and not target(row.target).valid:
                yield self.hit(row.at("target"), id=row.id, value=row.target)
            for year, value in row.milestones:
                if value and not target(value).valid:
                    yield self.hit(row.at("milestones"), id=row.id,
                                   value=f"{year}: {value}")
