"""For people: each indicator's table, task progress by commune, findings, how it was computed."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ...messages import t
from ...output import Formatter, Out
from ...rollup import CommuneFigure, Rollup
from ...rollup.tasks import TIMELINESS
from ._common import RULES, ddmmyyyy, num, summary_line, words


class TextFormat(Formatter[Rollup]):
    extensions = (".txt",)

    def write(self, result: Rollup, out: Out) -> None:
        _text(result, out.console(), out.lang)


def _text(r: Rollup, console: Any, lang: str) -> None:
    w = words(lang)
    console.print(Text(f"{w['title']} — {w['as_of']} {ddmmyyyy(r.as_of.isoformat())} — {len(r.plans)} {w['plans']}",
                       style="bold"))
    for ir in r.indicators:
        e = ir.entry
        console.print()
        console.print(Text(f"{e.code} — {e.name}", style="bold"))
        console.print(Text(f"{w['measure']}: {e.unit}; {w[e.direction]}. {w['method']}: "
                           f"{t(f'rollup.method.{ir.method}', lang)}", style="dim"))
        for c in ir.city_targets:
            console.print(Text(f"{w['city_target']} {c.city} {c.year}: {c.target} ({w['source']}: {c.source})"))
        table = Table(show_lines=False, expand=False)
        for key in ("commune", "row", "baseline", "target", "actual", "date", "gap", "meets", "city"):
            table.add_column(w[key], overflow="fold", max_width=40 if key in ("commune", "row") else 24)
        for f in ir.communes:
            # Plan text is data: as Text, never read as Rich markup ("[b]", "[/]").
            table.add_row(*(Text(c) if isinstance(c, str) else c for c in _text_cells(f, lang)))
        console.print(table)
        console.print(Text(summary_line(ir, lang)))
    _text_tasks(r, console, lang)
    console.print()
    console.print(Text(w["findings"], style="bold"))
    if not r.findings:
        console.print(w["none"])
    for fd in r.findings:
        console.print(Text(f"- [{fd.kind}] {t(fd.message, lang, **fd.args)}"))
    console.print()
    console.print(Text(w["rules"], style="bold"))
    for k in RULES:
        console.print(Text(f"- {t(f'rollup.rule.{k}', lang)}", style="dim"))


def _text_cells(f: CommuneFigure, lang: str) -> list[Any]:

    w = words(lang)
    name = f.plan.commune + ("" if f.counted else f" ({w['excluded']})")
    g = f.figure
    if g is None:
        return [name, Text(w["absent"], style="dim italic"), "", "", "", "", "", "", ""]
    row = g.row + (f" (+ {', '.join(r for r in g.rows if r != g.row)})" if len(g.rows) > 1 else "")
    target: Any = g.target or Text(w["no_target"], style="dim italic")
    actual: Any = Text(w["no_data"], style="dim italic") if g.actual is None else (
        g.actual if isinstance(g.actual, str) else num(g.actual, lang))
    return [name, row, g.baseline or "", target, actual, ddmmyyyy(g.actual_date), num(g.gap, lang),
            _yes_no(g.meets_target, lang, False), _yes_no(g.meets_city_target, lang, True)]


def _yes_no(value: bool | None, lang: str, city: bool) -> Any:

    w = words(lang)
    if value is None:
        return ""
    if city:
        return Text(w["city_yes"], style="green") if value else Text(w["city_no"], style="bold red")
    return Text(w["yes"], style="green") if value else Text(w["no"], style="bold red")


def _text_tasks(r: Rollup, console: Any, lang: str) -> None:
    from rich.text import Text

    w = words(lang)
    console.print()
    console.print(Text(f"{w['tasks']} — {w['as_of']} {ddmmyyyy(r.as_of.isoformat())}", style="bold"))
    table = Table()
    table.add_column(w["commune"])
    table.add_column(w["total"], justify="right")
    for key in TIMELINESS:
        table.add_column(w[key], justify="right")
    table.add_column(w["stale"], justify="right")
    for p in r.tasks:
        c = p.counts
        name = p.plan.commune + ("" if p.counted else f" ({w['excluded']})")
        cells = [str(c.by_timeliness[k]) for k in TIMELINESS]
        table.add_row(Text(name), str(c.total), *cells, str(c.stale))
    console.print(table)
    console.print()
    console.print(Text(w["units"], style="bold"))
    units = Table()
    for key in ("unit", "tasks_col", "overdue", "stale", "done", "plans_col"):
        units.add_column(w[key], justify="left" if key == "unit" else "right")
    for u in r.units[:20]:
        units.add_row(Text(u.unit or w["no_lead"]), str(u.tasks), str(u.overdue), str(u.stale), str(u.done),
                      str(u.plans))
    console.print(units)
    console.print(Text(t("rollup.rule.tasks", lang), style="dim"))
