"""The duplicate-task rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import ClassVar

from ..findings import Severity
from ..model import Row, Task
from ..text import norm_key, text_key
from ..units import Registry
from . import Context, Hit, Rule

_CLOSE = 0.9
# A part of a task long enough to be a task of its own; shorter sentences ("Thực hiện theo quy
# định.") recur in honest plans.
_PART_MIN = 60
# Numbered items "(1) …", and sentences.
_PARTS = re.compile(r"\(\d{1,2}\)|(?<=[.!?])\s+")
_DIGITS = re.compile(r"\d+")
_QUOTE = 80
# Rows compared with each row for a very close text: a bound, so that a plan of many tables with
# one lead and no numbers stays linear; real plans have a few dozen rows per lead.
_MAX_CANDIDATES = 400


def _lead_key(row: Row, registry: Registry | None) -> frozenset[str]:
    if registry is None:
        return frozenset(norm_key(u) for u in row.lead)
    return frozenset(m.canonical or norm_key(m.text) for u in row.lead for m in registry.lookup(u).leaves())


def _parts(text: str) -> Iterator[tuple[str, str]]:
    """Each numbered item and sentence of a task long enough to stand alone, as (key, as written)."""
    for piece in _PARTS.split(text):
        written = piece.strip().rstrip(";,").strip()
        key = text_key(written)
        if len(key) >= _PART_MIN:
            yield key, written


def _quoted(text: str) -> str:
    return text if len(text) <= _QUOTE else text[:_QUOTE].rstrip() + "…"


class DuplicateTask(Rule):
    """Một nhiệm vụ xuất hiện hai lần trong kế hoạch.

    **Tác dụng.** Báo nhiệm vụ có nội dung, sau khi chuẩn hóa (chữ hoa/thường, dấu cách, dấu câu,
    dạng Unicode), trùng với nội dung của một nhiệm vụ phía trước. Cũng báo, giữa các bảng của cùng
    kế hoạch, nhiệm vụ có nội dung rất gần với một nhiệm vụ phía trước (giống nhau ít nhất 90 % sau
    khi chuẩn hóa, cùng các con số, cùng đơn vị chủ trì), và nhiệm vụ lặp lại một mục có đánh số
    hoặc cả một câu (từ 60 ký tự trở lên) của nhiệm vụ khác. Dòng tiếp nối (ô gộp với dòng trên) cố
    ý dùng chung nội dung với dòng mà nó tiếp nối và không bao giờ bị coi là trùng.

    **Vì sao quan trọng.** Hai bản của một nhiệm vụ sẽ có hai lịch sử tiến độ và bị đếm hai lần
    trong báo cáo tổng hợp; thường là một dòng bị dán hai lần, hoặc hai phụ lục trùng nhau một phần.

    **Ví dụ.** Cùng một dòng "Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW …" ở Phụ lục 3 và 4;
    mục (1) của nhiệm vụ II.3 của Thái Tân ("Chủ động triển khai đầy đủ giải pháp bảo đảm an toàn hệ
    thống thông tin theo cấp độ …") lại là nhiệm vụ IV.1, với đơn vị chủ trì khác.

    **Cách sửa.** Giữ một nhiệm vụ và ghi đủ mọi đơn vị tham gia; nếu cả hai đều cần thiết, hãy viết
    nội dung cho thấy chúng khác nhau thế nào.
    """

    doc_en = """The same task appears twice in the plan.

    **What it does.** Reports a task whose text, after normalisation (case, spacing, punctuation,
    Unicode form), equals an earlier task's text. Also reports, across the tables of one plan,
    a task whose text is very close to an earlier one (at least 90 % alike after normalisation,
    the same numbers, the same lead units), and a task that repeats a numbered item or a whole
    sentence (60 characters or more) of another task. A continuation row (a merged cell with the
    row above) shares its parent's text on purpose and is never a duplicate.

    **Why it matters.** Two copies of one task get two progress histories and double counts in the
    rollup; usually a row was pasted twice, or two appendices overlap.

    **Example.** The same "Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW …" row in Appendices 3 and 4;
    Thai Tan's item (1) of task II.3 ("Chủ động triển khai đầy đủ giải pháp bảo đảm an toàn hệ thống
    thông tin theo cấp độ …") is again task IV.1, with another lead.

    **Fix.** Keep one task and give it every unit involved; if both are meant, make the texts say
    how they differ.
    """

    name = "duplicate-task"
    code = "KH402"
    severity = Severity.WARNING
    message = 'Nhiệm vụ "{id}" trùng nội dung với nhiệm vụ "{first}" (dòng {line}).'
    messages: ClassVar[dict[str, str]] = {
        "duplicate-task-close": 'Nhiệm vụ "{id}" gần trùng nội dung với nhiệm vụ "{first}" (dòng {line}, '
                                'bảng khác, cùng đơn vị chủ trì).',
        "duplicate-task-part": 'Nhiệm vụ "{id}" lặp lại nội dung "{part}" của nhiệm vụ "{first}" (dòng {line}).',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        seen: dict[str, Row] = {}
        parts: dict[str, Row] = {}
        close: dict[tuple[frozenset[str], tuple[str, ...]], list[tuple[str, Row]]] = {}
        for row in ctx.plan.rows:
            # A continuation row shares its merged text with the row above on purpose.
            if not isinstance(row, Task) or not row.text or row.inherits("text"):
                continue
            key = text_key(row.text)
            if len(key) < 12:
                continue
            first = seen.get(key)
            if first is not None:
                yield self.hit(row.at("text"), id=row.id, first=first.id, line=first.at("text").line)
                continue
            seen[key] = row
            hit = self._close(row, key, ctx, close) or self._part(row, parts)
            if hit is not None:
                yield hit

    def _close(self, row: Row, key: str, ctx: Context,
               buckets: dict[tuple[frozenset[str], tuple[str, ...]], list[tuple[str, Row]]]) -> Hit | None:
        if not row.lead:
            return None
        # Texts that differ in a number ("đợt 1", "năm 2026") are different tasks.
        bucket = buckets.setdefault((_lead_key(row, ctx.registry), tuple(_DIGITS.findall(key))), [])
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(key)
        found = None
        for other_key, other in bucket[-_MAX_CANDIDATES:]:
            if other.table == row.table:
                continue
            matcher.set_seq1(other_key)
            if matcher.real_quick_ratio() >= _CLOSE and matcher.quick_ratio() >= _CLOSE and matcher.ratio() >= _CLOSE:
                found = other
                break
        bucket.append((key, row))
        if found is None:
            return None
        return self.hit(row.at("text"), variant="duplicate-task-close", id=row.id, first=found.id,
                        line=found.at("text").line)

    def _part(self, row: Row, parts: dict[str, Row]) -> Hit | None:
        hit = None
        for key, written in _parts(row.text):
            first = parts.setdefault(key, row)
            if first is not row and hit is None:
                hit = self.hit(row.at("text"), variant="duplicate-task-part", id=row.id, first=first.id,
                               line=first.at("text").line, part=_quoted(written))
        return hit
