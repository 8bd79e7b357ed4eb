"""The unit-inconsistent rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..findings import Severity, Span
from ..messages import t
from ..text import fold_tones, nfc
from ..units import QUALIFIER, QUALIFIER_AS_WRITTEN
from . import Context, Hit, Rule
from ._common import units

# The commune qualifier ("… phường Hải An", "… xã", "… cấp xã", "… xã, phường") names the same
# unit: folded (and kept as written when --fix rewrites the name before it) exactly as the
# registry reads it (kehoach.units.QUALIFIER).
_DASH = re.compile(r"[‐‑‒–—―−]")
# Spaces next to punctuation are a typing slip ("HĐND &UBND", "Văn hóa -Xã hội"), not another name.
_PUNCT_SPACE = re.compile(r"\s*([^\w\s])\s*")
_SPACES = re.compile(r"\s+")
_MAX_LINES = 5


def spelling_key(text: str) -> str:
    """What makes two spellings of one unit *different names* on the page: the words, the
    abbreviations and the punctuation between them ("&" or "và", "," or "và", a dash or none).
    Case, Unicode form, old or new tone placement (both correct), dash kind, spacing and the
    commune qualifier are typography, not another name: they are folded here."""
    t = fold_tones(nfc(text).lower()).strip().rstrip(".;,:").strip()
    t = _SPACES.sub(" ", _DASH.sub("-", t))
    t = QUALIFIER.sub("", t) or t
    return _PUNCT_SPACE.sub(r"\1", t)


def split_qualifier(written: str) -> tuple[str, str]:
    """A unit as written, cut into its name and its commune qualifier ("Phòng Văn hóa Xã hội
    phường" → "Phòng Văn hóa Xã hội", " phường"); the qualifier is "" when there is none."""
    m = QUALIFIER_AS_WRITTEN.search(written)
    if m is None or m.start() == 0:
        return written, ""
    return written[:m.start()], written[m.start():]


@dataclass
class _Spelling:
    written: list[str] = field(default_factory=list)     # each form as written, first seen first
    lines: list[int] = field(default_factory=list)
    first: Span | None = None


def _lines(lines: list[int], lang: str) -> str:
    shown = sorted(set(lines))
    word = t("units.line-one" if len(shown) == 1 else "units.line-many", lang)
    tail = ", …" if len(shown) > _MAX_LINES else ""
    return f"{word} {', '.join(map(str, shown[:_MAX_LINES]))}{tail}"


def _spellings(group: list[_Spelling], lang: str) -> str:
    return "; ".join(" / ".join(f'"{w}"' for w in s.written) + f" ({_lines(s.lines, lang)})" for s in group)


class UnitInconsistent(Rule):
    """Một đơn vị được viết theo nhiều cách trong cùng kế hoạch.

    **Tác dụng.** Nhóm mọi đơn vị chủ trì và đơn vị phối hợp của kế hoạch theo đơn vị mà danh mục
    đơn vị của thành phố (`units.yaml`) xác định, và báo đơn vị được viết bằng nhiều tên: khác từ
    ngữ hoặc chữ viết tắt (`Trung tâm Phục vụ hành chính công`, `Trung tâm PV Hành chính công`, `TT
    PVHCC`) hoặc khác dấu câu giữa các từ (`Phòng Văn hóa - Xã hội` và `Phòng Văn hóa Xã hội`; `Văn
    phòng HĐND và UBND` và `Văn phòng HĐND&UBND`). Dù mỗi cách viết đều có thể là tên gọi khác được
    chấp nhận, kế hoạch vẫn không thống nhất. Mỗi đơn vị có một phát hiện, tại ô đầu tiên không dùng
    cách viết phổ biến nhất của kế hoạch; phát hiện liệt kê mọi cách viết kèm số dòng và tên chuẩn.
    Chữ hoa/thường, dạng Unicode, kiểu đặt dấu (`hoá`/`hóa`), loại dấu gạch, dấu cách và phần ghi
    tên xã, phường (`Công an phường Hải An` bên cạnh `Công an xã`) là cách trình bày, không phải tên
    khác, và không bị báo; lỗi viết sai do `unit-spelling` báo. Không có danh mục đơn vị thì không
    có gì để nhóm, và không báo gì.

    **Vì sao quan trọng.** Văn bản ký ban hành nên gọi một đơn vị bằng một tên; người đọc, và mọi
    báo cáo đếm nhiệm vụ theo tên đơn vị như đã viết, sẽ thấy hai đơn vị trong khi chỉ có một.

    **Ví dụ.** Hải An viết `Phòng Văn hóa Xã hội phường` ở Phụ lục 1 và `Phòng Văn hóa -Xã hội` ở
    Phụ lục 2.

    **Cách sửa.** Viết mọi ô của đơn vị theo cùng một cách. `validate --fix` làm việc này: mỗi đơn
    vị lấy cách viết phổ biến nhất trong kế hoạch (nếu ngang nhau thì ưu tiên tên chuẩn, rồi tên
    viết đầy đủ trước chữ viết tắt, rồi cách viết gặp trước), vì cách viết quen dùng của xã là cách
    cán bộ của xã đã viết và sẽ ký, và giữ cách đó thì phải sửa ít ô nhất; các báo cáo vẫn nhóm theo
    tên chuẩn. Trong một ô chỉ các từ của chính đơn vị đó thay đổi: dấu phân cách, các đơn vị khác
    trong ô và phần ghi tên xã, phường được giữ nguyên (`Phòng KTHT&ĐT, các đơn vị trực thuộc UBND
    phường` → `Phòng Kinh tế Hạ tầng và Đô thị, các đơn vị trực thuộc UBND phường`; `Phòng Văn hóa
    Xã hội phường` → `Phòng Văn hóa - Xã hội phường`). Một cách viết chỉ được chọn khi mọi ô sửa
    theo nó vẫn đọc ra đúng các đơn vị đó: tên có dấu phẩy (`Phòng Kinh tế, Hạ tầng và Đô thị`)
    không được đưa vào một ô liệt kê ngăn cách bằng dấu phẩy; khi đó cách viết kế tiếp được thử, và
    nếu không cách nào phù hợp thì không sửa gì. Lỗi viết sai do `unit-spelling` sửa.
    """

    doc_en = """One unit written in more than one way in the same plan.

    **What it does.** Groups every lead and coordinating unit of the plan by the unit the city's
    registry (`units.yaml`) resolves it to, and reports a unit written with more than one name:
    other words or abbreviations (`Trung tâm Phục vụ hành chính công`, `Trung tâm PV Hành chính
    công`, `TT PVHCC`) or other punctuation between them (`Phòng Văn hóa - Xã hội` and `Phòng Văn
    hóa Xã hội`; `Văn phòng HĐND và UBND` and `Văn phòng HĐND&UBND`). Each spelling may be an
    accepted alias: the plan is still inconsistent. One finding per unit, at the first cell that
    does not use the plan's most frequent spelling; it lists every spelling with its lines and
    the canonical name. Case, Unicode form, tone placement (`hoá`/`hóa`), dash kind, spacing and
    the commune qualifier (`Công an phường Hải An` beside `Công an xã`) are typography, not
    another name, and are not reported; misspellings are left to `unit-spelling`. Without a
    registry there is nothing to group by, and nothing is reported.

    **Why it matters.** The signed document should name a unit one way; readers, and every
    report that counts tasks by unit as written, see two units where there is one.

    **Example.** Hai An writes `Phòng Văn hóa Xã hội phường` in Appendix 1 and `Phòng Văn hóa -Xã
    hội` in Appendix 2.

    **Fix.** Write every cell of the unit the same way. `validate --fix` does it: each unit takes
    the plan's most frequent spelling (between equals the canonical name, then a name written out
    before an abbreviation, then the first seen), because the commune's usual spelling is the one
    its people wrote and will sign, and keeping it changes the fewest cells; the canonical name is
    what reports group by anyway. Only the unit's own words change inside a cell: the separators,
    the other units of the cell and a commune qualifier stay (`Phòng KTHT&ĐT, các đơn vị trực
    thuộc UBND phường` → `Phòng Kinh tế Hạ tầng và Đô thị, các đơn vị trực thuộc UBND phường`;
    `Phòng Văn hóa Xã hội phường` → `Phòng Văn hóa - Xã hội phường`). A spelling is chosen only
    if every cell it goes into still reads as the same units: a name with a comma
    (`Phòng Kinh tế, Hạ tầng và Đô thị`) is not put into a list cut at commas, the next spelling
    is tried, and when none fits nothing changes. Misspellings are `unit-spelling`'s fix.
    """

    name = "unit-inconsistent"
    code = "KH105"
    severity = Severity.WARNING
    message = ('Đơn vị "{canonical}" được viết theo {count} cách trong cùng kế hoạch: {spellings}. '
               'Nên viết thống nhất một cách.')

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        by_unit: dict[str, dict[str, _Spelling]] = {}
        for row in ctx.plan.rows:
            for role, i, cell in units(row):
                span = row.at(f"{role}.{i}")
                for m in ctx.registry.lookup(cell).leaves():
                    if m.canonical is None or m.status == "misspelling":
                        continue
                    s = by_unit.setdefault(m.canonical, {}).setdefault(spelling_key(m.text), _Spelling())
                    written = m.text.strip()
                    if written not in s.written:
                        s.written.append(written)
                    s.lines.append(span.line)
                    if s.first is None:
                        s.first = span
        for canonical, spellings in by_unit.items():
            if len(spellings) < 2:
                continue
            group = list(spellings.values())       # first seen first
            main = max(group, key=lambda s: len(s.lines))   # max keeps the first of equals
            at = min((s.first for s in group if s is not main and s.first is not None),
                     key=lambda sp: (sp.line, sp.column))
            yield self.hit(at, canonical=canonical, count=len(group),
                           spellings_vi=_spellings(group, "vi"), spellings_en=_spellings(group, "en"))
