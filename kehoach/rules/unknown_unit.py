"""The unknown-unit rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import units


class UnknownUnit(Rule):
    """Đơn vị không có trong danh mục đơn vị của thành phố.

    **Tác dụng.** Tra từng đơn vị chủ trì và đơn vị phối hợp trong tệp `units.yaml` đặt cạnh kế
    hoạch (sau khi chuẩn hóa tiếng Việt: dạng Unicode, kiểu đặt dấu cũ/mới, dấu gạch, dấu cách, chữ
    hoa/thường, chữ `xã`/`phường` ở cuối) và báo những tên không tìm thấy, kèm các tên gần giống
    nhất trong danh mục.

    **Vì sao quan trọng.** `kehoach status --unit` và báo cáo tổng hợp của thành phố nhóm nhiệm vụ
    theo đơn vị: tên không có trong danh mục là một đơn vị mà không ai thấy nhiệm vụ của nó.

    **Ví dụ.** `lead: Phòng Văn hoá Thông tin` ở thành phố không có đơn vị này.

    **Cách sửa.** Dùng tên trong danh mục (xem `kehoach explain unit`), hoặc thêm đơn vị hay tên gọi
    khác (alias) vào `units.yaml`. Quy tắc không chạy khi thư mục của kế hoạch không có
    `units.yaml`.
    """

    doc_en = """A unit that the city's unit registry does not know.

    **What it does.** Looks every lead and coordinating unit up in `units.yaml` beside the plan
    (after Vietnamese normalisation: Unicode form, old/new tone placement, dashes, spaces, case,
    a trailing `xã`/`phường`) and reports the names it cannot find, with the closest known names.

    **Why it matters.** `kehoach status --unit` and the city rollup group tasks by unit: a name the
    registry does not know is a unit whose tasks nobody sees.

    **Example.** `lead: Phòng Văn hoá Thông tin` in a city that has no such unit.

    **Fix.** Use the registry's name (see `kehoach explain unit`), or add the unit or an alias to
    `units.yaml`. Skipped when the plan's folder has no `units.yaml`.
    """

    name = "unknown-unit"
    code = "KH103"
    severity = Severity.WARNING
    message = 'Đơn vị "{value}" không có trong danh mục đơn vị.{did_you_mean}'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in units(row):
                m = ctx.registry.lookup(unit)
                if m.status == "unknown":
                    yield self.hit(row.at(f"{role}.{i}"), value=unit,
                                   suggestions=", ".join(m.suggestions))
