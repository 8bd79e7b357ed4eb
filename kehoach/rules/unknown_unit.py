"""The unknown-unit rule: its documentation is the class docstring."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import units


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
    message = 'Đơn vị "{value}" không có trong danh mục đơn vị.{did_you_mean}'

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.registry is None:
            return
        for row in ctx.plan.rows:
            for role, i, unit in units(row):
                m = ctx.registry.lookup(unit)
                if m.status == "unknown":
                    yield self.hit(row.at(f"{role}.{i}"), value=unit,
                                   suggestions=", ".join(m.suggestions))
