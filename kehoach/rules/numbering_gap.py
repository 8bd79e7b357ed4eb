"""The numbering-gap rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..findings import Severity, Span
from ..model import Block, Group, Row, Section, Table
from . import Context, Hit, Rule

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_LAST_NUMBER = re.compile(r"(\d+)\D*$")


def _roman(text: str) -> int | None:
    if not _ROMAN_RE.match(text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def ordinal(number: str) -> tuple[int, int] | None:
    """The (first, last) value a number label stands for: "III." → (3, 3), "1-3." → (1, 3),
    "4.3" → (3, 3) (the last level counts), "b)" → (2, 2); None when it is not a plain ordinal."""
    t = number.strip().rstrip(".):").strip()
    if not t:
        return None
    r = _roman(t) if t.isupper() else None
    if r is not None:
        return r, r
    if re.fullmatch(r"[a-zđ]", t):
        return ord(t) - ord("a") + 1 if t != "đ" else 5, ord(t) - ord("a") + 1 if t != "đ" else 5
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", t)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _LAST_NUMBER.search(t)
    if m and re.fullmatch(r"[\d.]+", t):
        v = int(m.group(1))
        return v, v
    return None


def _depth(label: str) -> int:
    """ "4" and "IV." are depth 1, "4.1" depth 2, "1.1.2" depth 3."""
    return len([p for p in label.strip().rstrip(".").split(".") if p.strip()]) or 1


def _label(item: Row | Group) -> tuple[str, Span]:
    if isinstance(item, Group):
        return item.number, item.span
    # A continuation row's number is the merged cell of the row above: counted once, there.
    return ("" if item.inherits("number") else item.number), item.at("number")


class NumberingGap(Rule):
    """Số thứ tự bị nhảy hoặc lặp lại.

    **Tác dụng.** Nêu lưu ý ở chỗ số La Mã của nhóm (I, II …), số thứ tự dòng hoặc số mục bị nhảy (V
    → VIII, 7 → 9) hoặc lặp lại (III., III.), và các phần của văn bản có số thứ tự không bắt đầu từ
    số đầu tiên (các mục của một phần đánh số 3., 4. mà không có 1., 2.). Số thứ tự dòng có thể bắt
    đầu lại từ 1 ở mỗi nhóm hoặc đánh tiếp qua các nhóm; cả hai đều được, và một bảng có thể bắt đầu
    từ số lớn hơn 1.

    **Vì sao quan trọng.** Chỗ nhảy số thường cho thấy có dòng bị mất khi sao chép hoặc gộp kế
    hoạch; người đọc văn bản đã ký sẽ hỏi mục 8 đâu. Số thứ tự được giữ như đã viết, nên đây là ghi
    chú, không phải lỗi.

    **Ví dụ.** Phụ lục 4 nhảy từ mục 7 sang mục 9.

    **Cách sửa.** Đánh số lại trong văn bản gốc, hoặc bổ sung mục còn thiếu.
    """

    doc_en = """Numbering skips or repeats a number.

    **What it does.** Notes where group numerals (I, II …), row numbers or section numbers skip
    (V → VIII, 7 → 9) or repeat (III., III.), and sections of the document whose numbering starts
    past the first (a section's items numbered 3., 4. with no 1., 2.). Row numbers may restart at
    1 in each group or run on across groups; both are fine, and a table may start past 1.

    **Why it matters.** A gap often means rows were lost when the plan was copied or merged; a
    reader of the signed document will ask where item 8 went. The numbers are kept as written, so
    this is a note, not an error.

    **Example.** Appendix 4 jumps from item 7 to item 9.

    **Fix.** Renumber in the source document, or add the missing item.
    """

    name = "numbering-gap"
    code = "KH401"
    severity = Severity.INFO
    message = 'Số thứ tự nhảy từ "{previous}" đến "{value}".'
    messages: ClassVar[dict[str, str]] = {
        'numbering-repeat': 'Số thứ tự "{value}" lặp lại hoặc lùi lại (sau "{previous}").',
        'numbering-start': 'Số thứ tự bắt đầu từ "{value}": thiếu các mục trước đó.',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        for table in ctx.plan.tables:
            yield from self._table(table)
        yield from self._sections(ctx.plan.body)
        for appendix in ctx.plan.appendices:
            yield from self._sections(appendix.content)

    def _sequence(self, labelled: Sequence[tuple[str, Span]], carry: tuple[int, int] | None = None,
                  carry_label: str = "", from_one: bool = False) -> Iterator[Hit]:
        """Check one run of sibling labels. ``carry`` is the last number of the previous sibling
        group: its rows may run on from there (carry + 1) or restart at 1."""
        # One run per depth: "4", "4.1", "4.2", "5" is 4 → 5 with 4.1, 4.2 under it.
        prev: dict[int, tuple[tuple[int, int], str]] = {}
        if carry is not None:
            prev[1] = (carry, carry_label)
        first = True
        for label, span in labelled:
            cur = ordinal(label)
            if cur is None:
                continue
            depth = _depth(label)
            for deeper in [d for d in prev if d > depth]:
                del prev[deeper]
            before = prev.get(depth)
            if first and carry is not None and cur[0] == 1:
                pass
            elif first and from_one and cur[0] > 1:
                yield self.hit(span, variant="numbering-start", value=label)
            elif before is not None:
                expected = before[0][1] + 1
                if cur[0] < expected:
                    yield self.hit(span, variant="numbering-repeat", value=label, previous=before[1])
                elif cur[0] > expected:
                    yield self.hit(span, value=label, previous=before[1])
            prev[depth], first = (cur, label), False

    def _table(self, table: Table) -> Iterator[Hit]:
        yield from self._items(table.items, None, "")

    def _items(self, items: Sequence[Row | Group], carry: tuple[int, int] | None,
               carry_label: str) -> Iterator[Hit]:
        yield from self._sequence([_label(i) for i in items], carry, carry_label)
        last: tuple[int, int] | None = None
        last_label = ""
        for item in items:
            if isinstance(item, Group):
                yield from self._items(item.items, last, last_label)
                numbered = [_label(i)[0] for i in item.items if ordinal(_label(i)[0]) and _depth(_label(i)[0]) == 1]
                if numbered:
                    last, last_label = ordinal(numbered[-1]), numbered[-1]

    def _sections(self, blocks: Sequence[Block]) -> Iterator[Hit]:
        sections = [b for b in blocks if isinstance(b, Section)]
        # A document's sections count from 1 (I., 1., a)); a table may be an excerpt that does not.
        yield from self._sequence([(s.number, s.span) for s in sections if s.number], from_one=True)
        for s in sections:
            yield from self._sections(s.content)
