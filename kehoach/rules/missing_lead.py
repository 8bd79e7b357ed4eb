"""The missing-lead rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Task
from . import Context, Hit, Rule


class MissingLead(Rule):
    """Nhiệm vụ chưa có đơn vị chủ trì.

    **Tác dụng.** Báo nhiệm vụ (trong bảng hoặc trong phần nội dung) có đơn vị chủ trì (*đơn vị / cơ
    quan chủ trì*) để trống hoặc không có.

    **Vì sao quan trọng.** Mỗi nhiệm vụ cần một đơn vị chịu trách nhiệm ("rõ người" trong nguyên tắc
    "5 rõ" mà kế hoạch nào cũng nêu); thiếu đơn vị chủ trì thì không ai báo cáo tiến độ và không ai
    bị coi là chậm.

    **Ví dụ.** Một dòng của Phụ lục 4 có ô *Cơ quan chủ trì* để trống.

    **Cách sửa.** Ghi đơn vị chủ trì nhiệm vụ, ví dụ `lead: Phòng Văn hóa - Xã hội`.
    """

    doc_en = """A task has no lead unit.

    **What it does.** Reports a task (in a table or in the narrative) whose lead unit
    ("đơn vị / cơ quan chủ trì") is empty or absent.

    **Why it matters.** Every task needs one accountable unit ("rõ người" in the "5 rõ" rule every
    plan cites); without it nobody reports progress and nobody is late.

    **Example.** A row of Appendix 4 with an empty "Cơ quan chủ trì" cell.

    **Fix.** Name the unit that leads the task, e.g. `lead: Phòng Văn hóa - Xã hội`.
    """

    name = "missing-lead"
    code = "KH101"
    severity = Severity.ERROR
    message = 'Nhiệm vụ "{id}" chưa có đơn vị chủ trì.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if isinstance(row, Task) and not row.lead:
                yield self.hit(row.span, id=row.id)
