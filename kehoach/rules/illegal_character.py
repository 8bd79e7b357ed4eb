"""The illegal-character rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..escape import XML_ILLEGAL
from ..findings import Severity
from ..loader import Path_
from . import Context, Hit, Rule


class IllegalCharacter(Rule):
    r"""Nội dung chứa ký tự điều khiển mà không loại tài liệu nào chứa được.

    **Tác dụng.** Báo giá trị chứa ký tự mà XML không chứa được: ký tự điều khiển khác dấu tab và
    dấu xuống dòng (`\v`, `\f`, `\0`, `\e`, `\x01` …), U+FFFE hoặc U+FFFF. Kế hoạch chỉ có thể mang
    ký tự như vậy qua một chuỗi thoát (escape) trong chuỗi đặt giữa dấu ngoặc kép (`"…\v…"`); các ký
    tự này thường đến từ văn bản dán từ chương trình khác.

    **Vì sao quan trọng.** Word, Excel và HTML không chứa được các ký tự này: `render`, `export` và
    `status` bỏ chúng khỏi tài liệu ghi ra, nên tài liệu khác với kế hoạch mà không nhìn thấy được,
    còn các công cụ khác đọc kế hoạch thì từ chối tệp hoặc hiện ô vuông.

    **Ví dụ.** `title: "Kế hoạch\vchuyển đổi số"`.

    **Cách sửa.** Xóa chuỗi thoát (`\v`), hoặc thay bằng dấu cách hay dấu xuống dòng.
    """

    doc_en = """Text holds a control character that no document can carry.

    **What it does.** Reports a value holding a character XML cannot hold: a control
    character other than tab and line break (`\\v`, `\\f`, `\\0`, `\\e`, `\\x01` …), U+FFFE or
    U+FFFF. A plan can only carry one through an escape in a double-quoted string (`"…\\v…"`);
    such characters usually come from text pasted out of another program.

    **Why it matters.** Word, Excel and HTML cannot hold these characters: `render`, `export` and
    `status` drop them from the documents they write, so the document differs from the plan in an
    invisible way, and other tools that read the plan refuse it or show a box.

    **Example.** `title: "Kế hoạch\\vchuyển đổi số"`.

    **Fix.** Delete the escape (`\\v`), or replace it with a space or a line break.
    """

    name = "illegal-character"
    code = "KH006"
    severity = Severity.WARNING
    message = 'Ký tự {char} trong "{field}" không in được: Word, Excel và HTML không chứa được nên bị bỏ khi xuất.'

    def check(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        # libyaml refuses these characters written raw, so only an escape in a double-quoted
        # scalar ("\v", "\uFFFE") brings one in: a file without a backslash has none, and most
        # plans are spared the walk.
        if doc is None or "\\" not in doc.text or not _ESCAPE.search(doc.text):
            return
        stack: list[tuple[Path_, Any]] = [((), doc.data)]
        while stack:
            path, value = stack.pop()
            if isinstance(value, str):
                found = XML_ILLEGAL.search(value)
                if found:
                    yield self.hit(doc.span(path), char=f"U+{ord(found.group(0)):04X}", field=_field(path))
            elif isinstance(value, dict):
                # Keys need no look: the schema admits only known names and four-digit years.
                stack += [((*path, key), item) for key, item in value.items()]
            elif isinstance(value, list):
                stack += [((*path, i), item) for i, item in enumerate(value)]


# The escapes of a double-quoted scalar that stand for such a character (a superset: "\\\\v" or a
# "\\v" outside double quotes only costs the walk). Plans escape quotes and line breaks often.
_ESCAPE = re.compile(r"\\(?:[0abvfe]|x[01][0-9A-Fa-f]|u(?:00[01][0-9A-Fa-f]|[Ff]{3}[EeFf]|[Dd][89A-Fa-f])"
                     r"|U(?:0000[01][0-9A-Fa-f]|0000[Ff]{3}[EeFf]|0000[Dd][89A-Fa-f]))")


def _field(path: Path_) -> str:
    # The last key (and the item number under it) reads better than the whole path: the line
    # says where.
    keys = [str(p) for p in path]
    while len(keys) > 1 and keys[-1].isdigit():
        keys.pop()
    return keys[-1] if keys else ""
