"""The report of one plan as the document the render module prints (Nghị định 30/2020 layout):
the plan's letterhead and signature, "BÁO CÁO", "Số:      /BC-UBND", sections I–IV and the grid
table. Built as a :class:`kehoach.render.context.DocumentView`, so the Word template, the fonts,
the page setup and the table writer are the render module's own."""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import t
from ..render.context import (
    BLANK_NUMBER,
    ColumnView,
    DocumentView,
    Heading,
    Para,
    RowView,
    TableView,
    ViewBlock,
    date_parts,
    issuer_lines,
)
from .result import FOUR, Grid, PlanReport, Report, TaskLine
from .words import NBSP, day, percent

SYMBOL = "BC-UBND"
GRID_KEYS = ("due", *FOUR, "not_yet_due", "no_deadline", "share")
INDICATOR_KEYS = ("id", "indicator", "unit_of", "baseline", "target", "actual")


def _heading(level: int, line: str) -> Heading:
    number, _, text = line.partition(" ")
    return Heading(level, number, text)


def _percent(share: float | None, lang: str) -> str:
    return percent(share, lang, space=NBSP) or "—"


def _grid_cells(g: Grid, lang: str) -> tuple[str, ...]:
    values = {"due": g.due_total, **g.due, "not_yet_due": g.not_yet_due, "no_deadline": g.no_deadline,
              "share": _percent(g.on_time_share, lang)}
    return tuple(str(values[k]) for k in GRID_KEYS)


def _table(id_: str, headings: list[str], rows: Sequence[tuple[str, ...]], shares: list[float],
           centred: set[int]) -> TableView:
    total = sum(shares)
    columns = tuple(ColumnView(f"c{i}", h, s / total, i in centred) for i, (h, s) in enumerate(zip(headings, shares,
                                                                                                      strict=True)))
    n = len(headings)
    return TableView(id_, "", columns, tuple(RowView(r, merged=(False,) * n, rowspan=(1,) * n) for r in rows))


def _tasks(tasks: tuple[TaskLine, ...], lang: str) -> list[ViewBlock]:
    if not tasks:
        return [Para(t("report.none", lang))]
    out: list[ViewBlock] = []
    deadline = t("report.col.deadline", lang).lower()
    for unit in sorted({x.unit for x in tasks}):
        out.append(Para(f"{unit or '—'}:"))
        for x in (x for x in tasks if x.unit == unit):
            line = f"- {x.text} ({deadline}: {x.deadline})"
            if x.note:
                line += f"; {x.note} ({day(x.note_date, lang)})"
            out.append(Para(line))
    return out


def report_view(report: Report, plan: PlanReport, lang: str) -> DocumentView:
    lh = plan.letterhead
    label = report.period.label(lang)
    g = plan.grid
    body: list[ViewBlock] = [Para(t("report.window", lang, start=day(report.period.start, lang),
                                    end=day(report.period.end, lang), judged=day(report.judged_on, lang)))]
    if report.provisional:
        body.append(Para(t("report.provisional", lang, as_of=day(report.as_of, lang),
                           end=day(report.period.end, lang))))
    body += [_heading(1, t("report.s1", lang)), _heading(2, t("report.s1.grid", lang)),
             Para(t("report.grid-sentence", lang, judged=day(report.judged_on, lang), total=g.total, due=g.due_total,
                    share=_percent(g.on_time_share, lang), not_yet_due=g.not_yet_due, no_deadline=g.no_deadline,
                    **g.due)),
             _table("grid", [t(f"report.col.{k}", lang) for k in GRID_KEYS], [_grid_cells(g, lang)],
                    [1.0] * len(GRID_KEYS), set(range(len(GRID_KEYS)))),
             _heading(2, t("report.s1.indicators", lang))]
    if plan.indicators:
        rows = [(i.id, i.text, i.unit, i.baseline, i.target,
                 f"{i.actual} ({day(i.actual_date, lang)})" if i.actual is not None else t("report.no-value", lang))
                for i in plan.indicators]
        body.append(_table("indicators", [t(f"report.col.{k}", lang) for k in INDICATOR_KEYS], rows,
                           [0.8, 4.0, 1.0, 1.2, 1.4, 1.6], {0, 2, 3, 4, 5}))
    else:
        body.append(Para(t("report.none", lang)))
    body += [_heading(1, t("report.s2", lang)), *_tasks(plan.late, lang),
             _heading(1, t("report.s3", lang, period=report.next_period.label(lang))), *_tasks(plan.next_due, lang),
             _heading(1, t("report.s4", lang)), Para(t("report.s4.blank", lang))]
    blank_day, blank_month, year = date_parts("", report.as_of.year)
    return DocumentView(
        draft=False, issuer=issuer_lines(lh.issuer), number=BLANK_NUMBER, symbol=SYMBOL, place=lh.place,
        day=blank_day, month=blank_month, year=year, doc_type=t("report.title", lang),
        title=t("report.summary", lang, period=label), legal_bases=(), intro=(), body=tuple(body), closing=(),
        signature_titles=lh.signature_titles, signer=lh.signer,
        recipients=(t("report.recipient.city", lang, city=plan.city), t("report.recipient.archive", lang)),
        appendices=(), commune_title=lh.commune_title)
