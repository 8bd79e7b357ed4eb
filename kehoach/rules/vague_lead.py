"""The vague-lead rule: its documentation is the class docstring."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..units import is_vague_phrase
from . import Context, Hit, Rule

_PIECES = re.compile(r"\s*;\s*")


def _is_vague(unit: str, ctx: Context) -> bool:
    if ctx.registry is not None:
        match = ctx.registry.lookup(unit)
        if match.status == "several":
            return all(p.status == "vague" for p in match.parts)
        return match.status == "vague"
    return all(is_vague_phrase(p) for p in _PIECES.split(unit) if p)


class VagueLead(Rule):
    """The lead unit names no one.

    **What it does.** Reports a row whose lead units are all collective phrases such as
    `Các cơ quan, đơn vị`, `Các phòng, cơ quan, đơn vị` or `Các đơn vị liên quan` (the city's
    `units.yaml` lists more under `vague`).

    **Why it matters.** A phrase that names every unit makes none accountable: it breaks "rõ người".
    Coordinating units may be collective; the lead may not.

    **Example.** `lead: Các cơ quan, đơn vị`.

    **Fix.** Name the unit that answers for the task, and move the others to `support`.
    """

    name = "vague-lead"
    code = "KH102"
    severity = Severity.WARNING
    message = 'Đơn vị chủ trì "{value}" không chỉ rõ đơn vị nào (vi phạm "rõ người").'

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if row.lead and all(_is_vague(u, ctx) for u in row.lead):
                yield self.hit(row.at("lead.0"), id=row.id, value="; ".join(row.lead))
