"""The report as Markdown: sections I–IV as the signed report has them, to read or paste."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...escape import markdown
from ...messages import t
from ...output import Formatter, Out
from ...report import Report, TaskLine
from ...report.document import (
    CITY_INDICATOR_KEYS,
    GROUP_KEYS,
    INDICATOR_KEYS,
    TASK_KEYS,
    city_indicator_cells,
    group_cells,
    indicator_cells,
    method_notes,
    not_reporting_sentence,
    task_cells,
    window,
)
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
        several = len(r.plans) > 1
        communes = "" if several else ", ".join(p.commune for p in r.plans)
        label = r.period.label(lang)
        summary = t("report.summary-city" if several else "report.summary", lang, period=label)
        write(f"# {t('report.title', lang)}\n\n**{markdown(summary)}**")
        write(f" — {markdown(communes)}\n\n" if communes else "\n\n")
        write(window(r, lang) + "\n\n")
        if r.provisional:
            write(f"> **{t('report.provisional', lang, as_of=day(r.as_of, lang), end=day(r.period.end, lang))}**\n\n")

        write(f"## {t('report.s1', lang)}\n\n### {t('report.s1.grid', lang)}\n\n")
        head = [col("commune", lang), *(col(k, lang) for k in GRID_COLUMNS)]
        rows: list[list[object]] = [[p.commune, *grid_cells(p.grid, lang).values()] for p in r.plans]
        if several:
            rows.append([t("report.total", lang), *grid_cells(r.totals, lang).values()])
        _table(write, head, rows)

        if several:
            self._city(write, r, lang)
        else:
            self._plan(write, r, lang)
        write(f"\n## {t('report.s2', lang)}\n")
        self._by_unit(write, [x for p in r.plans for x in p.late], lang, several=several, r=r)
        write(f"\n## {t('report.s3', lang, period=r.next_period.label(lang))}\n")
        self._by_unit(write, [x for p in r.plans for x in p.next_due], lang, several=several, r=r)
        write(f"\n## {t('report.s4', lang)}\n\n")
        # The --notes file is the officer's own Markdown: written as it is (it is not plan text).
        write(r.notes or t("report.s4.blank", lang))
        write("\n")
        if not several and r.plans[0].tasks:
            label = r.period.label(lang)
            write(f"\n## {t('report.appendix', lang)}: {t('report.appendix-title', lang)}\n\n")
            write(t("report.appendix-subtitle", lang, period=label, judged=day(r.judged_on, lang)) + "\n\n")
            _table(write, [col(k, lang) for k in TASK_KEYS], [task_cells(x, lang) for x in r.plans[0].tasks])

    @staticmethod
    def _plan(write: Callable[[str], object], r: Report, lang: str) -> None:
        p = r.plans[0]
        write(f"\n### {t('report.s1.indicators', lang)}\n\n")
        if p.indicators:
            _table(write, [col(k, lang) for k in INDICATOR_KEYS], [indicator_cells(i, lang) for i in p.indicators])
            write("".join(f"\n{markdown(line)}\n" for line in method_notes(p.indicators, lang)))
        else:
            write(f"{t('report.none', lang)}\n")
        write(f"\n### {t('report.s1.groups', lang)}\n\n")
        if p.groups:
            _table(write, [col(k, lang) for k in GROUP_KEYS], group_cells(p, lang))
        else:
            write(f"{t('report.no-groups', lang)}\n")

    @staticmethod
    def _city(write: Callable[[str], object], r: Report, lang: str) -> None:
        write(f"\n### {t('report.s1.city-indicators', lang)}\n\n")
        if r.indicators:
            _table(write, [col(k, lang) for k in CITY_INDICATOR_KEYS], city_indicator_cells(r, lang))
        else:
            write(f"{t('report.no-catalog', lang)}\n")
        write(f"\n### {t('report.s1.not-reporting', lang)}\n\n{not_reporting_sentence(r, lang)}\n")
        if r.not_reporting:
            write("\n" + "".join(f"- {markdown(p.commune)}\n" for p in r.not_reporting))

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
