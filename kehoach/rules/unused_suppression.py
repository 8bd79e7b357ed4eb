"""The unused-suppression rule: its documentation is the class docstring."""

from __future__ import annotations

from typing import ClassVar

from ..findings import Severity
from . import Rule


class UnusedSuppression(Rule):
    """A `# kehoach: ignore[...]` comment suppresses nothing.

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
