"""The unit-spelling rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import units


class UnitSpelling(Rule):
    """Đơn vị có trong danh mục nhưng viết chưa chuẩn.

    **Tác dụng.** Báo tên đơn vị mà danh mục ghi là viết sai (`Phòng VHXXH`, `Phòng XHXXH`) và nêu
    tên chuẩn. Cách viết chỉ khác tên đã đăng ký ở dạng Unicode, kiểu đặt dấu (`hoá`/`hóa`), loại
    dấu gạch, `&`/`và`, dấu cách hoặc chữ hoa/thường là cùng một tên và không bị báo: các tên được
    so sánh sau khi chuẩn hóa.

    **Vì sao quan trọng.** Một đơn vị viết năm kiểu sẽ chia nhiệm vụ của nó thành năm phần trong mọi
    báo cáo; văn bản ký ban hành nên viết tên đơn vị thống nhất một cách.

    **Ví dụ.** `Phòng VHXXH` thay cho `Phòng Văn hóa - Xã hội`.

    **Cách sửa.** Viết tên chuẩn; `kehoach validate --fix` sửa giúp bạn. Tên gọi khác đã đăng ký
    (chữ viết tắt được chấp nhận như `Phòng VHXH`) không bị báo.
    """

    doc_en = """A known unit written in a non-canonical way.

    **What it does.** Reports a unit name that the registry lists as a misspelling
    (`Phòng VHXXH`, `Phòng XHXXH`) and gives the canonical name. Spellings that differ from a
    registered name only in Unicode form, tone placement (`hoá`/`hóa`), dash kind, `&`/`và`, spaces
    or case are the same name and are not reported: they are compared after normalisation.

    **Why it matters.** One unit written five ways splits its tasks five ways in every report; the
    signed document should spell the unit one way.

    **Example.** `Phòng VHXXH` for `Phòng Văn hóa - Xã hội`.

    **Fix.** Write the canonical name; `kehoach validate --fix` does it for you.
    Registered aliases (accepted abbreviations such as `Phòng VHXH`) are not reported.
    """

    name = "unit-spelling"
    code = "KH104"
    severity = Severity.WARNING
    message = 'Tên đơn vị "{value}" viết chưa chuẩn; tên chuẩn: "{canonical}".'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in units(row):
                for m in ctx.registry.lookup(unit).leaves():
                    if m.status == "misspelling" and m.canonical:
                        yield self.hit(row.at(f"{role}.{i}"), value=m.text,
                                       canonical=m.canonical)
