"""The duplicate-task rule: its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from ..model import Row, Task
from ..text import text_key
from . import Context, Hit, Rule


class DuplicateTask(Rule):
    """The same task appears twice in the plan.

    **What it does.** Reports a task whose text, after normalisation (case, spacing, punctuation,
    Unicode form), equals an earlier task's text.

    **Why it matters.** Two copies of one task get two progress histories and double counts in the
    rollup; usually a row was pasted twice, or two appendices overlap.

    **Example.** The same "Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW …" row in Phụ lục 3 and 4.

    **Fix.** Keep one task and give it every unit involved; if both are meant, make the texts say
    how they differ.
    """

    name = "duplicate-task"
    code = "KH402"
    severity = Severity.WARNING
    message = 'Nhiệm vụ "{id}" trùng nội dung với nhiệm vụ "{first}" (dòng {line}).'

    def check(self, ctx: Context) -> Iterator[Hit]:
        seen: dict[str, Row] = {}
        for row in ctx.plan.rows:
            # A continuation row shares its merged text with the row above on purpose.
            if not isinstance(row, Task) or not row.text or row.inherits("text"):
                continue
            key = text_key(row.text)
            if len(key) < 12:
                continue
            first = seen.get(key)
            if first is not None:
                yield self.hit(row.at("text"), id=row.id, first=first.id,
                               line=first.at("text").line)
            else:
                seen[key] = row
