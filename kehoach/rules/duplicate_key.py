"""The duplicate-key rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


class DuplicateKey(Rule):
    """Một khóa xuất hiện hai lần trong cùng một ánh xạ (mapping).

    **Tác dụng.** Báo lần xuất hiện thứ hai của khóa, kèm số dòng của lần đầu.

    **Vì sao quan trọng.** Các công cụ YAML không thống nhất giá trị nào được giữ; `deadline:` ghi
    hai lần sẽ lặng lẽ làm mất một trong hai thời hạn.

    **Ví dụ.** Một nhiệm vụ có hai dòng `lead:`.

    **Cách sửa.** Chỉ giữ một khóa; nếu cả hai giá trị đều đúng, gộp chúng thành một danh sách.
    """

    doc_en = """A key appears twice in the same mapping.

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
