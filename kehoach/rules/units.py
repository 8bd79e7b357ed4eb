"""KH1xx: who is responsible — lead units and unit names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..model import Row, Task
from ..units import is_vague_phrase
from . import Context, Hit, Rule

_PIECES = re.compile(r"\s*;\s*")


class MissingLead(Rule):
    """A task has no lead unit.

    **What it does.** Reports a task (in a table or in the narrative) whose lead unit
    (*đơn vị / cơ quan chủ trì*) is empty or absent.

    **Why it matters.** Every task needs one accountable unit ("rõ người" in the "5 rõ" rule every
    plan cites); without it nobody reports progress and nobody is late.

    **Example.** A row of Phụ lục 4 with an empty *Cơ quan chủ trì* cell.

    **Fix.** Name the unit that leads the task, e.g. `lead: Phòng Văn hóa - Xã hội`.
    """

    name = "missing-lead"
    code = "KH101"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if isinstance(row, Task) and not row.lead:
                yield self.hit(row.span, "rule.missing-lead", id=row.id)


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

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if row.lead and all(_is_vague(u, ctx) for u in row.lead):
                yield self.hit(row.at("lead.0"), "rule.vague-lead", id=row.id, value="; ".join(row.lead))


def _units(row: Row) -> Iterator[tuple[str, int, str]]:
    for role in ("lead", "support"):
        for i, unit in enumerate(getattr(row, role)):
            yield role, i, unit


class UnknownUnit(Rule):
    """A unit that the city's unit registry does not know.

    **What it does.** Looks every lead and coordinating unit up in `units.yaml` beside the plan
    (after Vietnamese normalisation: Unicode form, old/new tone placement, dashes, spaces, case,
    a trailing `xã`/`phường`) and reports the names it cannot find, with the closest known names.

    **Why it matters.** `kehoach status --unit` and the city rollup group tasks by unit: a name the
    registry does not know is a unit whose tasks nobody sees.

    **Example.** `lead: Phòng Văn hoá Thông tin` in a city that has no such unit.

    **Fix.** Use the registry's name (see `kehoach explain unit`), or add the unit or an alias to
    `units.yaml`. Skipped when the plan's folder has no `units.yaml`.
    """

    name = "unknown-unit"
    code = "KH103"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in _units(row):
                m = ctx.registry.lookup(unit)
                if m.status == "unknown":
                    yield self.hit(row.at(f"{role}.{i}"), "rule.unknown-unit", value=unit,
                                   suggestions=", ".join(m.suggestions))


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

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in _units(row):
                for m in ctx.registry.lookup(unit).leaves():
                    if m.status == "misspelling" and m.canonical:
                        yield self.hit(row.at(f"{role}.{i}"), "rule.unit-spelling", value=m.text,
                                       canonical=m.canonical)


RULES: list[type[Rule]] = [MissingLead, VagueLead, UnknownUnit, UnitSpelling]
