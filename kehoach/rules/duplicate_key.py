"""The duplicate-key rule: its documentation is the class docstring."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


class DuplicateKey(Rule):
    """A key appears twice in the same mapping.

    **What it does.** Reports the second occurrence of a key, naming the line of the first.

    **Why it matters.** YAML tools disagree on which value wins; a duplicated `deadline:` silently
    loses one of the two deadlines.

    **Example.** A task with two `lead:` lines.

    **Fix.** Keep one key; merge the values into a list if both are meant.
    """

    name = "duplicate-key"
    code = "KH003"
    severity = Severity.ERROR
    phase = "load"
    message = 'Khóa "{name}" lặp lại (lần đầu ở dòng {first}).'
