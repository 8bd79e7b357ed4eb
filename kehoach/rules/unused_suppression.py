"""The unused-suppression rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from typing import ClassVar

from ..findings import Severity
from . import Rule


class UnusedSuppression(Rule):
    """Chú thích `# kehoach: ignore[...]` không bỏ qua phát hiện nào.

    **Tác dụng.** Báo chú thích bỏ qua mà quy tắc nó nêu không báo gì ở dòng đó, hoặc nêu một quy
    tắc không tồn tại.

    **Vì sao quan trọng.** Chú thích bỏ qua đã cũ sẽ che mất các vấn đề về sau và làm người đọc hiểu
    nhầm.

    **Ví dụ.** `deadline: Quý II/2026 # kehoach: ignore[deadline-before-plan]`.

    **Cách sửa.** Xóa chú thích, hoặc sửa lại tên quy tắc.
    """

    doc_en = """A `# kehoach: ignore[...]` comment suppresses nothing.

    **What it does.** Reports a suppression comment whose rule did not fire on its line, or that
    names a rule that does not exist.

    **Why it matters.** Stale suppressions hide future problems and mislead readers.

    **Example.** `deadline: Quý II/2026  # kehoach: ignore[deadline-before-plan]`.

    **Fix.** Remove the comment, or correct the rule name.
    """

    name = "unused-suppression"
    code = "KH005"
    severity = Severity.WARNING
    phase = "post"
    message = 'Chú thích bỏ qua [{name}] không bỏ qua phát hiện nào.'
    messages: ClassVar[dict[str, str]] = {
        'unknown-suppression': 'Chú thích bỏ qua nêu quy tắc không tồn tại "{name}".',
    }
