"""The vague-lead rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from ..findings import Severity
from ..text import norm_key
from ..units import is_vague_phrase
from . import Context, Hit, Rule

_PIECES = re.compile(r"\s*;\s*")
# The pieces of a cell when no registry splits it: "UBND phường, các cơ quan chuyên môn".
_LIST = re.compile(r"\s*[;,]\s*|\s+và\s+")
# The whole committee, the Party committee or the council: bodies that own the plan, not an
# office that answers for one of its tasks. Compared on the normalised name (case, hoá/hóa).
_COMMITTEE = re.compile(r"^(ubnd|ủy ban nhân dân|đảng ủy|hđnd|hội đồng nhân dân)( (xã|phường|đặc khu)\b.*)?$")


def _is_vague(unit: str, ctx: Context) -> bool:
    if ctx.registry is not None:
        match = ctx.registry.lookup(unit)
        if match.status == "several":
            return all(p.status == "vague" for p in match.parts)
        return match.status == "vague"
    return all(is_vague_phrase(p) for p in _PIECES.split(unit) if p)


def _is_committee(name: str) -> bool:
    return _COMMITTEE.match(norm_key(name)) is not None


def _committee_and_group(lead: tuple[str, ...], ctx: Context) -> bool:
    """The lead names only the whole committee (or the Party committee, the council) and an
    unnamed group: "UBND phường, các cơ quan chuyên môn"."""
    committee = group = False
    for cell in lead:
        if ctx.registry is not None:
            parts = [(m.status, m.canonical or m.text, m.text) for m in ctx.registry.lookup(cell).leaves()]
        else:
            parts = [("vague" if is_vague_phrase(p) else "", p, p) for p in _LIST.split(cell) if p.strip()]
        for status, canonical, written in parts:
            if status == "vague":
                group = True
            elif _is_committee(canonical) or _is_committee(written):
                committee = True
            else:
                return False          # a named unit answers for the task
    return committee and group


class VagueLead(Rule):
    """Đơn vị chủ trì không chỉ rõ đơn vị nào.

    **Tác dụng.** Báo dòng mà mọi đơn vị chủ trì đều là cụm từ chung chung như `Các cơ quan, đơn
    vị`, `Các phòng, cơ quan, đơn vị` hoặc `Các đơn vị liên quan` (tệp `units.yaml` của thành phố
    liệt kê thêm ở mục `vague`). Cũng báo đơn vị chủ trì chỉ ghi Ủy ban nhân dân (UBND), cấp ủy
    (Đảng ủy) hoặc Hội đồng nhân dân (HĐND) cùng với cụm từ như vậy: `UBND phường, các cơ quan
    chuyên môn`; `Đảng ủy, UBND phường, các cơ quan chuyên môn`. Đơn vị chủ trì có nêu tên một cơ
    quan (`UBND phường, các cơ quan chuyên môn, TT PVHCC`; `Phòng Văn hóa - Xã hội, các đơn vị liên
    quan`) thì không bị báo.

    **Vì sao quan trọng.** Cụm từ chỉ mọi đơn vị thì không đơn vị nào chịu trách nhiệm: vi phạm "rõ
    người". Đơn vị phối hợp có thể ghi chung; đơn vị chủ trì thì không. Ủy ban ban hành kế hoạch đã
    chịu trách nhiệm về mọi nhiệm vụ của kế hoạch: ghi Ủy ban là đơn vị chủ trì một nhiệm vụ, bên
    cạnh "các cơ quan", cũng không nói thêm được gì so với riêng cụm từ chung chung đó.

    **Ví dụ.** `lead: Các cơ quan, đơn vị`; `lead: UBND phường, các cơ quan chuyên môn`.

    **Cách sửa.** Ghi tên đơn vị chịu trách nhiệm về nhiệm vụ, và chuyển các đơn vị còn lại sang
    `support` (đơn vị phối hợp).
    """

    doc_en = """The lead unit names no one.

    **What it does.** Reports a row whose lead units are all collective phrases such as
    `Các cơ quan, đơn vị`, `Các phòng, cơ quan, đơn vị` or `Các đơn vị liên quan` (the city's
    `units.yaml` lists more under `vague`). Also reports a lead that names only the whole
    committee ("UBND"), the Party committee ("Đảng ủy") or the council ("HĐND") beside such a phrase:
    `UBND phường, các cơ quan chuyên môn`; `Đảng ủy, UBND phường, các cơ quan chuyên môn`. A lead
    that names an office (`UBND phường, các cơ quan chuyên môn, TT PVHCC`;
    `Phòng Văn hóa - Xã hội, các đơn vị liên quan`) is not reported.

    **Why it matters.** A phrase that names every unit makes none accountable: it breaks "rõ người".
    Coordinating units may be collective; the lead may not. The committee that issues the plan
    owns every task of it: naming it as the lead of one task, beside "all the offices", says
    no more than the phrase alone.

    **Example.** `lead: Các cơ quan, đơn vị`; `lead: UBND phường, các cơ quan chuyên môn`.

    **Fix.** Name the unit that answers for the task, and move the others to `support`.
    """

    name = "vague-lead"
    code = "KH102"
    severity = Severity.WARNING
    message = 'Đơn vị chủ trì "{value}" không chỉ rõ đơn vị nào (vi phạm "rõ người").'
    messages: ClassVar[dict[str, str]] = {
        "vague-lead-committee": 'Đơn vị chủ trì "{value}" chỉ ghi cấp ủy, chính quyền cùng các cơ quan, '
                                'đơn vị không nêu tên: không rõ đơn vị nào chịu trách nhiệm (vi phạm "rõ người").',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if not row.lead:
                continue
            if all(_is_vague(u, ctx) for u in row.lead):
                yield self.hit(row.at("lead.0"), id=row.id, value="; ".join(row.lead))
            elif _committee_and_group(row.lead, ctx):
                yield self.hit(row.at("lead.0"), variant="vague-lead-committee", id=row.id,
                               value="; ".join(row.lead))
