"""The yaml-syntax rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


class YamlSyntax(Rule):
    """Không đọc được tệp như một kế hoạch YAML.

    **Tác dụng.** Báo tệp không phải YAML hợp lệ, không mã hóa UTF-8 (hoặc UTF-16 có BOM), chứa byte
    NUL, lớn hơn 10 MB, lồng nhau quá sâu hoặc bung bí danh (alias) không giới hạn.

    **Vì sao quan trọng.** Tệp không đọc được thì không kiểm tra được gì khác; kehoach kết thúc với
    mã thoát 2.

    **Ví dụ.** Thụt lề bằng phím Tab, hoặc văn bản có `: ` mà không đặt trong dấu ngoặc kép: `text:
    Mục tiêu: đạt 100%`.

    **Cách sửa.** Thụt lề bằng dấu cách; đặt văn bản có `: ` hoặc ` #` trong dấu ngoặc kép; lưu tệp
    dạng UTF-8.
    """

    doc_en = """The file cannot be read as a YAML plan.

    **What it does.** Reports a file that is not valid YAML, not UTF-8 (or UTF-16 with a BOM),
    contains NUL bytes, is larger than 10 MB, nests too deeply or expands aliases without bound.

    **Why it matters.** Nothing else can be checked in a file that cannot be read; kehoach exits
    with code 2.

    **Example.** A tab used for indentation, or text with `: ` that is not quoted:
    `text: Mục tiêu: đạt 100%`.

    **Fix.** Indent with spaces; put text containing `: ` or ` #` in double quotes; save the file
    as UTF-8.
    """

    name = "yaml-syntax"
    code = "KH001"
    severity = Severity.ERROR
    phase = "load"
