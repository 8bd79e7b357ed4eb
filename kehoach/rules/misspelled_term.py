"""The misspelled-term rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..findings import Severity
from ..text import nfc, norm_key, strip_accents
from . import Context, Hit, Rule
from ._common import strings

# The fixed terms of a KHCN, ĐMST and CĐS plan, as the Resolutions and the national programmes
# write them. Only terms whose every variant below is a typo: none is another word of its own
# with other marks, and spellings with the other i/y ("kĩ năng") are other letters, not marks.
TERMS = (
    "chuyển đổi số", "chính quyền số", "kinh tế số", "xã hội số", "công dân số", "đổi mới sáng tạo",
    "khoa học và công nghệ", "chữ ký số", "hạ tầng số", "nền tảng số", "dịch vụ công trực tuyến",
    "thủ tục hành chính", "an toàn thông tin", "cơ sở dữ liệu", "trí tuệ nhân tạo", "thương mại điện tử",
    "định danh điện tử",
)
# Terms this long are also matched with one letter missing, extra or changed ("đổ mới sáng tạo"):
# no other phrase of four words comes that close to them.
_LONG = 4
_WORD = re.compile(r"\w+")
# Each precomposed Latin letter (NFC) to its base letter in lower case: folding a text with
# str.translate is done in C, where stripping the marks of its NFD form one by one is not.
_FOLD = {c: strip_accents(chr(c)).lower() for c in range(0xC0, 0x1F00)
         if len(strip_accents(chr(c))) == 1 and chr(c).isalpha()}


def _folded(text: str) -> str:
    """``text`` (NFC) in lower case without diacritics, character for character."""
    return text.lower().translate(_FOLD)


@functools.cache
def _terms() -> dict[int, dict[str, tuple[str, str]]]:
    """By word count: each term's letters without marks → (the term, its comparison key)."""
    out: dict[int, dict[str, tuple[str, str]]] = {}
    for term in TERMS:
        words = _WORD.findall(term)
        out.setdefault(len(words), {})[strip_accents(" ".join(words))] = (term, norm_key(" ".join(words)))
    return out


@functools.cache
def _needles() -> tuple[str, ...]:
    """Letters (without marks, lower case) that a text holding a misspelling must contain: a term's
    whole letters, or for a long term either half of its words (one letter off leaves one half)."""
    out: list[str] = []
    for n, terms in _terms().items():
        for letters in terms:
            words = letters.split()
            out += [" ".join(words[:n // 2]), " ".join(words[n // 2:])] if n >= _LONG else [letters]
    return tuple(out)


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed character."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def misspellings(text: str) -> Iterator[tuple[str, str]]:
    """Each (as written, term) in ``text`` where a term is written with other marks or, for a long
    term, with one letter off. Text with no marks at all (an id, a code, a text typed without
    accents) is not looked at: it misspells every term the same way, and says so elsewhere."""
    text = nfc(text)
    folded = _folded(text)
    if not any(needle in folded for needle in _needles()):
        return
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    lower = [folded[start:end] for _, start, end in words]
    for n, terms in _terms().items():
        for i in range(len(words) - n + 1):
            bare = " ".join(lower[i:i + n])
            found = terms.get(bare)
            if found is None and n >= _LONG:
                found = next((t for letters, t in terms.items()
                              if letters[0] == bare[0] and _one_edit(bare, letters)), None)
            if found is None:
                continue
            written = text[words[i][1]:words[i + n - 1][2]]
            if not written.isascii() and norm_key(" ".join(w for w, _, _ in words[i:i + n])) != found[1]:
                yield written, found[0]


class MisspelledTerm(Rule):
    """Một thuật ngữ của lĩnh vực bị viết sai dấu hoặc sai một chữ cái.

    **Tác dụng.** Báo một thuật ngữ cố định của kế hoạch khoa học, đổi mới sáng tạo và chuyển đổi
    số ("chuyển đổi số", "chính quyền số", "đổi mới sáng tạo", "chữ ký số", "dịch vụ công trực
    tuyến" … danh sách là `TERMS` trong mô-đun của quy tắc) được viết đúng các chữ cái nhưng sai
    dấu ("chuyên đổi số", "chính quyên số"), dù viết hoa hay thường; với thuật ngữ từ bốn tiếng trở
    lên, báo cả khi thiếu, thừa hoặc sai một chữ cái ("đổ mới sáng tạo"). Cách đặt dấu cũ và mới
    ("hoá"/"hóa") đều đúng; chữ không dấu (mã, ký hiệu) không được xét.

    **Vì sao quan trọng.** Các thuật ngữ này gọi tên ba trụ cột của Nghị quyết và các chương trình
    của nó: một thuật ngữ sai chính tả ở tiêu đề hay ở một nhiệm vụ là điều người đọc văn bản đã ký
    thấy đầu tiên, và tìm kiếm theo thuật ngữ sẽ bỏ sót dòng đó.

    **Ví dụ.** Hải An: "III. Phát triển chuyên đổi số", "CÁC NHIỆM VỤ CHUYÊN ĐỔI SỐ …"; Vĩnh Lại:
    "khoa học công nghệ, đổ mới sáng tạo và chuyển đổi số", "… của chính quyên số".

    **Cách sửa.** Viết thuật ngữ như thông báo chỉ ra.
    """

    doc_en = """A term of the field written with wrong marks or a letter off.

    **What it does.** Reports a fixed term of a science, innovation and digital transformation
    plan ("chuyển đổi số", "chính quyền số", "đổi mới sáng tạo", "chữ ký số", "dịch vụ công trực
    tuyến" … the list is `TERMS` in the rule's module) written with the same letters but other
    diacritics ("chuyên đổi số", "chính quyên số"), in any case; a term of four words or more also
    with one letter missing, extra or changed ("đổ mới sáng tạo"). The old and new tone placement
    ("hoá"/"hóa") are both right; text without any diacritics (ids, codes) is not looked at.

    **Why it matters.** These terms name the resolution's three pillars and its programmes: a
    misspelt one in a heading or a task is the first thing a reader of the signed plan sees, and
    a search for the term misses the row.

    **Example.** Hai An: "III. Phát triển chuyên đổi số", "CÁC NHIỆM VỤ CHUYÊN ĐỔI SỐ …"; Vinh Lai:
    "khoa học công nghệ, đổ mới sáng tạo và chuyển đổi số", "… của chính quyên số".

    **Fix.** Write the term as shown in the message.
    """

    name = "misspelled-term"
    code = "KH011"
    severity = Severity.WARNING
    message = 'Cụm từ "{written}" viết sai chính tả; viết đúng là "{term}".'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.doc is None:
            return
        for path, text in strings(ctx.doc.data):
            if " " not in text or text.isascii():
                continue
            # One finding per misspelling of a field: a paragraph that repeats it is fixed at once.
            for written, term in dict.fromkeys(misspellings(text)):
                yield self.hit(ctx.doc.span(path), written=written, term=term)
