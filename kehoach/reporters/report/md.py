"""The report as Markdown: sections I–IV as the signed report has them, to read or paste."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...escape import markdown
from ...messages import t
from ...output import Formatter, Out
from ...report import Report, TaskLine
from ...report.words import day
from ._common import GRID_COLUMNS, col, grid_cells


def _table(write: Callable[[str], object], head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    write("| " + " | ".join(head) + " |\n")
    write("|" + "---|" * len(head) + "\n")
    for row in rows:
        write("| " + " | ".join(markdown(str(c)) for c in row) + " |\n")


class MdFormat(Formatter[Report]):
    extensions = (".md",)

    def write(self, result: Report, out: Out) -> None:
        lang, write = out.lang, out.text.write
        r = result
        communes = ", ".join(p.commune for p in r.plans) if len(r.plans) == 1 else ""
        label = r.period.label(lang)
        write(f"# {t('report.title', lang)}\n\n**{markdown(t('report.summary', lang, period=label))}**")
        write(f" — {markdown(communes)}\n\n" if communes else "\n\n")
        write(t("report.window", lang, start=day(r.period.start, lang), end=day(r.period.end, lang),
                judged=day(r.judged_on, lang)) + "\n\n")
        if r.provisional:
            write(f"> **{t('report.provisional', lang, as_of=day(r.as_of, lang), end=day(r.period.end, lang))}**\n\n")

        write(f"## {t('report.s1', lang)}\n\n### {t('report.s1.grid', lang)}\n\n")
        head = [col("commune", lang), *(col(k, lang) for k in GRID_COLUMNS)]
        rows: list[list[object]] = [[p.commune, *grid_cells(p.grid, lang).values()] for p in r.plans]
        if len(r.plans) > 1:
            rows.append([t("report.total", lang), *grid_cells(r.totals, lang).values()])
        _table(write, head, rows)

        write(f"\n### {t('report.s1.indicators', lang)}\n")
        for p in r.plans:
            if len(r.plans) > 1:
                write(f"\n#### {markdown(p.commune)}\n")
            if not p.indicators:
                write(f"\n{t('report.none', lang)}\n")
                continue
            write("\n")
            _table(write, [col(k, lang) for k in ("id", "indicator", "unit_of", "baseline", "target", "actual")],
                   [[i.id, i.text, i.unit, i.baseline, i.target,
                     f"{i.actual} ({day(i.actual_date, lang)})" if i.actual is not None
                     else t("report.no-value", lang)] for i in p.indicators])

        write(f"\n## {t('report.s2', lang)}\n")
        self._by_unit(write, [x for p in r.plans for x in p.late], lang, several=len(r.plans) > 1, r=r)
        write(f"\n## {t('report.s3', lang, period=r.next_period.label(lang))}\n")
        self._by_unit(write, [x for p in r.plans for x in p.next_due], lang, several=len(r.plans) > 1, r=r)
        write(f"\n## {t('report.s4', lang)}\n\n{t('report.s4.blank', lang)}\n")

    @staticmethod
    def _by_unit(write: Callable[[str], object], tasks: list[TaskLine], lang: str, *, several: bool,
                 r: Report) -> None:
        if not tasks:
            write(f"\n{t('report.none', lang)}\n")
            return
        commune = {p.plan: p.commune for p in r.plans}
        for unit in sorted({x.unit for x in tasks}):
            write(f"\n**{markdown(unit) or '—'}**\n\n")
            for x in (x for x in tasks if x.unit == unit):
                where = f"{markdown(commune.get(x.plan, x.plan))}: " if several else ""
                deadline = f"{col('deadline', lang).lower()}: {markdown(x.deadline)}"
                line = f"- {where}{markdown(x.id)} — {markdown(x.text)} ({deadline})"
                if x.note:
                    line += f"; {markdown(x.note)} ({day(x.note_date, lang)})"
                write(line + "\n")
