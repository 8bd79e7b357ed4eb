"""The unit-spelling rule: its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import units


class UnitSpelling(Rule):
    """A known unit written in a non-canonical way.

    **What it does.** Reports a unit name that the registry lists as a misspelling
    (`Phòng VHXXH`, `Phòng XHXXH`) and gives the canonical name. Spellings that differ from a
    registered name only in Unicode form, tone placement (`hoá`/`hóa`), dash kind, `&`/`và`, spaces
    or case are the same name and are not reported: they are compared after normalisation.

    **Why it matters.** One unit written five ways splits its tasks five ways in every report; the
    signed document should spell the unit one way.

    **Example.** `Phòng VHXXH` for `Phòng Văn hóa - Xã hội`.

    **Fix.** Write the canonical name; `kehoach validate --fix` does it for you.
    Registered aliases (accepted abbreviations such as `Phòng VHXH`) are not reported.
    """

    name = "unit-spelling"
    code = "KH104"
    severity = Severity.WARNING
    message = 'Tên đơn vị "{value}" viết chưa chuẩn; tên chuẩn: "{canonical}".'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in units(row):
                for m in ctx.registry.lookup(unit).leaves():
                    if m.status == "misspelling" and m.canonical:
                        yield self.hit(row.at(f"{role}.{i}"), value=m.text,
                                       canonical=m.canonical)
