"""The line-separator rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity, Span
from . import Context, Hit, Rule

_SEPARATOR = re.compile("[\x85\u2028\u2029]")
# Where libyaml ends a line, so that the finding's line is the one every other finding counts.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class LineSeparator(Rule):
    """Các dòng kết thúc bằng ký tự NEL, LS hoặc PS thay cho ký tự xuống dòng (LF).

    **Tác dụng.** Báo tệp xuống dòng bằng U+0085 (NEL), U+2028 (LS) hoặc U+2029 (PS), một lần, tại
    ký tự đầu tiên, kèm số lần xuất hiện.

    **Vì sao quan trọng.** kehoach đọc YAML 1.1, trong đó các ký tự này là xuống dòng; trình soạn
    thảo và công cụ kiểm tra định dạng đọc YAML 1.2, trong đó chúng là ký tự thường, nên trình soạn
    thảo hiện cả kế hoạch (hoặc cả đoạn văn bản) trên một dòng và đọc ra dữ liệu khác với kehoach.
    Các ký tự này đến từ văn bản sao chép từ Word hoặc trang web.

    **Ví dụ.** Tệp do một công cụ lưu, ghi U+2028 giữa các dòng.

    **Cách sửa.** Chạy `kehoach fmt`: lệnh này đổi chúng thành ký tự xuống dòng (và báo khi có ký tự
    nằm trong một giá trị nhiều dòng, để bạn quyết định nội dung cho đúng).
    """

    doc_en = """Lines end with NEL, LS or PS instead of a line feed.

    **What it does.** Reports a file that ends lines with U+0085 (NEL), U+2028 (LS) or U+2029
    (PS), once, at the first one, with how many there are.

    **Why it matters.** kehoach reads YAML 1.1, where these characters end a line; editors and
    the schema checker read YAML 1.2, where they are ordinary characters, so the editor shows
    the whole plan on one line (or the text on one line) and reads different data from kehoach.
    They come from text copied out of Word or a web page.

    **Example.** A file saved by a tool that writes U+2028 between lines.

    **Fix.** Run `kehoach fmt`: it writes them as line feeds (and says so when one sits inside a
    multi-line value, where you decide what the text should say).
    """

    name = "line-separator"
    code = "KH008"
    severity = Severity.WARNING
    message = ('Tệp xuống dòng bằng ký tự {char} ({count} lần): trình soạn thảo (YAML 1.2) không coi đó là '
               'xuống dòng; chạy "kehoach fmt" để đổi thành xuống dòng thường.')

    def check(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.doc.text if ctx.doc is not None else ""
        first = _SEPARATOR.search(text)
        if first is None:
            return
        before = text[:first.start()]
        breaks = list(_BREAK.finditer(before))
        column = first.start() - (breaks[-1].end() if breaks else 0) + 1
        yield self.hit(Span(len(breaks) + 1, column), char=f"U+{ord(first.group(0)):04X}",
                       count=len(_SEPARATOR.findall(text)))
