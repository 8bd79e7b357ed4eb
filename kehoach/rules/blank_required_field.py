"""The blank-required-field rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ..findings import Severity
from . import Context, Hit, Rule

# The fields an official document cannot do without (docs/plan-format.md): the schema requires
# them and types them as strings, and a null there is a schema error; blank text passes it.
_META = ("city", "commune", "title")


class BlankRequiredField(Rule):
    """Một trường bắt buộc để trống.

    **Tác dụng.** Báo `meta.city`, `meta.commune`, `meta.title`, `signature.name` hoặc `text` của
    một dòng được ghi là chuỗi rỗng hoặc chỉ có dấu cách (`title:`, `text: ""`). Giá trị `null` ở
    các trường này đã là lỗi định dạng (schema). Nhiệm vụ có `text` trống nhưng có nhiệm vụ liên
    quan (`related`) thì không bị báo: ô tên nhiệm vụ trong văn bản gốc để trống và dòng đó vẫn nói
    rõ việc cần làm. Dòng có nội dung là ô gộp với dòng trên thì ghi rõ bằng `continues` và
    `merged`.

    **Vì sao quan trọng.** Trường là bắt buộc vì văn bản cần nó: trường để trống sẽ thành chỗ trống
    ở phần đầu văn bản, tên kế hoạch, phần ký hoặc một dòng của bảng; nhiệm vụ không có nội dung thì
    không giao việc cho ai.

    **Ví dụ.** `title: ""`, hoặc nhiệm vụ `- {id: t1, text: , lead: Công an xã}`.

    **Cách sửa.** Ghi giá trị như trong văn bản đã ký; xóa dòng không có nội dung.
    """

    doc_en = """A required field is blank.

    **What it does.** Reports `meta.city`, `meta.commune`, `meta.title`, `signature.name` or a
    row's `text` written as an empty string or only spaces (`title:`, `text: ""`). A `null`
    there is already a schema error. A task with a blank `text` and a `related` task is not
    reported: the source's task-name cell is empty and the row still says what is to be done.
    A row whose text is a merged cell of the row above says so with `continues` and `merged`.

    **Why it matters.** The field is required because the document needs it: a blank one renders
    as a gap in the letterhead, the title, the signature block or a table row, and a task
    without text commits no one to anything.

    **Example.** `title: ""`, or a task `- {id: t1, text: , lead: Công an xã}`.

    **Fix.** Write the value as in the signed document; remove a row that has no content.
    """

    name = "blank-required-field"
    code = "KH007"
    severity = Severity.ERROR
    message = 'Trường bắt buộc "{field}" để trống.'
    messages: ClassVar[dict[str, str]] = {
        "blank-row-text": 'Dòng "{id}" không có nội dung (trường "text" để trống).',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        plan, doc = ctx.plan, ctx.doc
        fields = [(("meta", name), getattr(plan.meta, name)) for name in _META]
        fields.append((("signature", "name"), plan.signature.name))
        for path, value in fields:
            if not str(value).strip():
                span = doc.span(path) if doc is not None else plan.meta.span
                yield self.hit(span, field=".".join(path))
        for row in plan.rows:
            # A blank text beside "related" is a source whose "Tên nhiệm vụ" cell is empty
            # (vinh-lai.yaml pl3.V.15): the row still says what is to be done.
            if not row.text.strip() and not getattr(row, "related", "").strip():
                yield self.hit(row.at("text"), variant="blank-row-text", id=row.id)
