"""The repeated-word rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import strings

# Function words that Vietnamese never doubles. Words that can be doubled on purpose are left out:
# "người người, nhà nhà", "từ từ", "là là", "thường thường", "một một", and any compound that
# meets at a word boundary ("hệ thống thống nhất", "giao thông thông minh").
_WORDS = ("các", "của", "cho", "và", "với", "những", "trong", "tại", "theo", "về", "để", "đã", "sẽ", "được",
          "bằng", "nhằm", "đối", "vào")
_REPEAT = re.compile(rf"(?<!\w)({'|'.join(_WORDS)})\s+\1(?!\w)", re.IGNORECASE)
_AROUND = 4  # words shown either side


class RepeatedWord(Rule):
    """Một từ bị viết lặp hai lần liền nhau.

    **Tác dụng.** Báo một hư từ bị viết hai lần liền nhau trong bất kỳ nội dung nào của kế hoạch
    ("cho cho", "của của", "các các"), sau khi chuẩn hóa Unicode, không phân biệt chữ hoa, chữ
    thường và số dấu cách ở giữa. Chỉ tìm những từ tiếng Việt không bao giờ láy (`các`, `của`,
    `cho`, `và`, `với`, `những`, `trong`, `tại`, `theo`, `về`, `để`, `đã`, `sẽ`, `được`, `bằng`,
    `nhằm`, `đối`, `vào`); từ láy có chủ ý ("người người, nhà nhà", "từ từ") và hai từ gặp nhau ở
    ranh giới từ ghép ("hệ thống thống nhất") không bị báo.

    **Vì sao quan trọng.** Đây là lỗi gõ, thường còn sót lại sau khi sửa câu; trong văn bản đã ký
    nó cho thấy sự cẩu thả, và nó có mặt trong mọi văn bản in từ kế hoạch.

    **Ví dụ.** Vĩnh Lại: "… nền tảng vững chắc cho cho nhiệm vụ đào tạo …", "… giữa các ngành
    với các các quan, đơn vị" (còn thiếu một chữ: "các cơ quan").

    **Cách sửa.** Xóa từ thứ hai (và xem lại để chắc không mất chữ nào khác khi sửa).
    """

    doc_en = """A word written twice in a row.

    **What it does.** Reports a function word written twice in a row in any text of the plan
    ("cho cho", "của của", "các các"), after Unicode normalisation, whatever the case and the
    spaces between. Only words that Vietnamese never doubles are looked for (`các`, `của`, `cho`,
    `và`, `với`, `những`, `trong`, `tại`, `theo`, `về`, `để`, `đã`, `sẽ`, `được`, `bằng`, `nhằm`,
    `đối`, `vào`); reduplication on purpose ("người người, nhà nhà", "từ từ") and words that meet
    across a compound ("hệ thống thống nhất") are not.

    **Why it matters.** It is a typing slip, usually left by an edit; in the signed document it
    reads as carelessness, and it stays in every document rendered from the plan.

    **Example.** Vinh Lai: "… nền tảng vững chắc cho cho nhiệm vụ đào tạo …", "… giữa các ngành
    với các các quan, đơn vị" (also a missing word: "các cơ quan").

    **Fix.** Delete the second word (and check that nothing else was lost in the edit).
    """

    name = "repeated-word"
    code = "KH010"
    severity = Severity.WARNING
    message = 'Từ "{word}" bị lặp liền nhau: "{excerpt}".'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.doc is None:
            return
        for path, text in strings(ctx.doc.data):
            if " " not in text:
                continue
            text = unicodedata.normalize("NFC", text)
            for m in _REPEAT.finditer(text):
                before, after = text[:m.start()].split(), text[m.end():].split()
                excerpt = " ".join([*before[-_AROUND:], *m.group(0).split(), *after[:_AROUND]])
                excerpt = ("…" if len(before) > _AROUND else "") + excerpt + ("…" if len(after) > _AROUND else "")
                yield self.hit(ctx.doc.span(path), word=m.group(1), excerpt=excerpt)
