"""The deadline-missing rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..findings import Severity
from ..model import Task
from . import Context, Hit, Rule


class DeadlineMissing(Rule):
    """Nhiệm vụ chưa có thời hạn.

    **Tác dụng.** Báo nhiệm vụ có thời hạn (*thời gian thực hiện / hoàn thành*) để trống, và bảng
    nhiệm vụ không có cột thời hạn.

    **Vì sao quan trọng.** "Rõ thời gian": không có thời hạn thì nhiệm vụ không bao giờ bị chậm, nên
    không bao giờ được đôn đốc.

    **Ví dụ.** Một dòng có ô *Thời gian thực hiện* để trống.

    **Cách sửa.** Ghi thời hạn hoàn thành nhiệm vụ (`Quý II/2026`), hoặc `Thường xuyên` với nhiệm vụ
    thực hiện thường xuyên.
    """

    doc_en = """A task has no deadline.

    **What it does.** Reports a task whose deadline ("thời gian thực hiện / hoàn thành") is empty,
    and a task table that has no deadline column at all.

    **Why it matters.** "Rõ thời gian": without a deadline a task can never be late, so it is never
    followed up.

    **Example.** A row with an empty "Thời gian thực hiện" cell.

    **Fix.** Write when the task is due (`Quý II/2026`), or `Thường xuyên` for an ongoing task.
    """

    name = "deadline-missing"
    code = "KH201"
    severity = Severity.WARNING
    message = 'Nhiệm vụ "{id}" chưa có thời gian thực hiện.'
    messages: ClassVar[dict[str, str]] = {
        'deadline-missing-column': 'Bảng nhiệm vụ "{table}" không có cột thời gian thực hiện.',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        for table in ctx.plan.tables:
            if table.kind == "tasks" and not table.has_field("deadline"):
                yield self.hit(table.span, variant="deadline-missing-column", table=table.id)
        for row in ctx.plan.rows:
            if isinstance(row, Task) and row.has_deadline_column and not row.deadline:
                yield self.hit(row.span, id=row.id)
