"""The schema rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


class Schema(Rule):
    """Kế hoạch không tuân theo định dạng tệp kế hoạch (schema/plan.schema.json).

    **Tác dụng.** Báo mọi chỗ tệp vi phạm JSON Schema: thiếu trường bắt buộc, có trường không xác
    định, sai kiểu dữ liệu, giá trị nằm ngoài danh sách cho phép.

    **Vì sao quan trọng.** Mọi lệnh khác đều đọc kế hoạch theo định dạng này; kế hoạch sai định dạng
    thì không kiểm tra, theo dõi, tổng hợp hay kết xuất được. Các quy tắc nghiệp vụ không chạy trên
    tệp như vậy.

    **Ví dụ.** Nhiệm vụ thiếu `id`, hoặc viết `dealine:` thay cho `deadline:`.

    **Cách sửa.** Sửa theo thông báo; trình soạn thảo có yaml-language-server hiện các lỗi này ngay
    khi gõ, kèm giải thích bằng tiếng Việt khi di chuột lên.
    """

    doc_en = """The plan does not follow the plan format (schema/plan.schema.json).

    **What it does.** Reports every place where the file breaks the JSON Schema: a missing
    required field, an unknown field, a wrong type, a value outside its list.

    **Why it matters.** Every other command reads plans through the format; a plan that breaks
    it cannot be checked, tracked, rolled up or rendered. Domain rules are not run on such a file.

    **Example.** A task without `id`, or `dealine:` instead of `deadline:`.

    **Fix.** Follow the message; editors with yaml-language-server show the same errors while
    typing, with hover help in Vietnamese.
    """

    name = "schema"
    code = "KH002"
    severity = Severity.ERROR
    phase = "schema"
