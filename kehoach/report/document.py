"""The report as the document the render module prints (Nghị định 30/2020 layout): the letterhead
and signature, "BÁO CÁO", "Số:      /BC-UBND", sections I–IV, the tables and, for one plan, the
appendix of every task. Built as a :class:`kehoach.render.context.DocumentView`, so the Word and
HTML templates, the fonts, the page setup and the table writer are the render module's own.

One plan: the commune's report, its letterhead and signature from the plan. Several plans: the
city's consolidated report, one grid row per commune and the total, the indicators across
communes (the rollup engine's figures), the communes that did not report, sections II and III
summed up a row per commune with their full lists as landscape appendices (Phụ lục I, II); the
letterhead is the city's People's Committee, the signature TM. / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, and
the recipients are blank lines to fill.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..errors import KehoachError
from ..messages import t
from ..render.context import (
    BLANK_NUMBER,
    AppendixView,
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
from ..status import Timeliness, timeliness_label
from .result import FOUR, Grid, IndicatorLine, Letterhead, PlanReport, Report, TaskLine
from .words import NBSP, day, percent

SYMBOL = "BC-UBND"
GRID_KEYS = ("due", *FOUR, "not_yet_due", "no_deadline", "share")
INDICATOR_KEYS = ("id", "indicator", "unit_of", "baseline", "target", "actual", "method", "on_track")
GROUP_KEYS = ("group", "total", "done", "overdue")
TASK_KEYS = ("id", "task", "unit", "deadline", "status")
CITY_INDICATOR_KEYS = ("code", "name", "unit_of", "method", "city_figure")


def _heading(level: int, line: str) -> Heading:
    number, _, text = line.partition(" ")
    return Heading(level, number, text)


def _percent(share: float | None, lang: str) -> str:
    return percent(share, lang, space=NBSP) or "—"


def _grid_cells(g: Grid, lang: str) -> tuple[str, ...]:
    values = {"due": g.due_total, **g.due, "not_yet_due": g.not_yet_due, "no_deadline": g.no_deadline,
              "share": _percent(g.on_time_share, lang)}
    return tuple(str(values[k]) for k in GRID_KEYS)


def _table(id_: str, keys: Sequence[str], rows: Sequence[tuple[str, ...]], shares: Sequence[float],
           centred: set[int], lang: str) -> TableView:
    total = sum(shares)
    columns = tuple(ColumnView(f"c{i}", t(f"report.col.{k}", lang), s / total, i in centred)
                    for i, (k, s) in enumerate(zip(keys, shares, strict=True)))
    n = len(keys)
    return TableView(id_, "", columns, tuple(RowView(r, merged=(False,) * n, rowspan=(1,) * n) for r in rows))


def status_label(x: TaskLine, lang: str) -> str:
    """A task's status at the date judged, in the words of ``kehoach status``."""
    return timeliness_label(Timeliness(x.timeliness), x.state, lang)


def method_label(method: str, lang: str) -> str:
    return t(f"report.method.{method}", lang)


def on_track_label(i: IndicatorLine, lang: str) -> str:
    if i.actual is None:
        return t("report.no-value", lang)
    return t({True: "report.on-track.yes", False: "report.on-track.no", None: "report.on-track.none"}[i.on_track],
             lang)


def actual_cell(i: IndicatorLine, lang: str) -> str:
    return f"{i.actual} ({day(i.actual_date, lang)})" if i.actual is not None else t("report.no-value", lang)


def indicator_cells(i: IndicatorLine, lang: str) -> tuple[str, ...]:
    return (i.id, i.text, i.unit, i.baseline, i.target, actual_cell(i, lang), method_label(i.method, lang),
            on_track_label(i, lang))


def method_notes(indicators: Sequence[IndicatorLine], lang: str) -> list[str]:
    """How each figure was aggregated: the rollup's note for every method the table uses."""
    used = dict.fromkeys(i.method for i in indicators)
    return [t("report.method-note", lang, method=method_label(m, lang), note=t(f"rollup.method.{m}", lang))
            for m in used]


def group_cells(plan: PlanReport, lang: str) -> list[tuple[str, int, int, int]]:
    """A row per task group of the plan (its appendix and outermost group, as the rollup counts
    them): the group, its tasks, how many are done and how many overdue at the date judged."""
    from ..reporters.rollup._common import words

    out = []
    for g in plan.groups:
        where = " ".join(x for x in (g.group.table, g.group.number, g.group.title) if x)
        out.append((where or words(lang)["narrative"], g.counts.total, g.counts.done, g.counts.overdue))
    return out


def task_cells(x: TaskLine, lang: str) -> tuple[str, ...]:
    return (x.id, x.text, x.unit, x.deadline, status_label(x, lang))


def window(report: Report, lang: str) -> str:
    key = "report.window-calendar" if report.period.rule == "calendar" else "report.window"
    return t(key, lang, start=day(report.period.start, lang), end=day(report.period.end, lang),
             judged=day(report.judged_on, lang))


def notes_lines(report: Report, lang: str) -> list[str]:
    """Section IV: the --notes file, a paragraph per non-blank line; the blank to fill without it."""
    lines = [line for line in report.notes.split("\n") if line.strip()]
    return lines or [t("report.s4.blank", lang)]


def _tasks(tasks: Sequence[TaskLine], lang: str) -> list[ViewBlock]:
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


def _opening(report: Report, lang: str) -> list[ViewBlock]:
    body: list[ViewBlock] = [Para(window(report, lang))]
    if report.provisional:
        body.append(Para(t("report.provisional", lang, as_of=day(report.as_of, lang),
                           end=day(report.period.end, lang))))
    return body


def _grid_sentence(g: Grid, report: Report, lang: str, key: str = "report.grid-sentence", **extra: object) -> Para:
    """The grid in one sentence: of the plan, or (``report.grid-sentence-city``) of the communes'
    plans together."""
    return Para(t(key, lang, judged=day(report.judged_on, lang), total=g.total, due=g.due_total,
                  share=_percent(g.on_time_share, lang), not_yet_due=g.not_yet_due, no_deadline=g.no_deadline,
                  **extra, **g.due))


def _document(report: Report, lh: Letterhead, lang: str, *, title: str, body: list[ViewBlock],
              recipients: tuple[str, ...], appendices: tuple[AppendixView, ...] = ()) -> DocumentView:
    blank_day, blank_month, year = date_parts("", report.as_of.year)
    return DocumentView(
        draft=False, issuer=issuer_lines(lh.issuer), number=BLANK_NUMBER, symbol=SYMBOL, place=lh.place,
        day=blank_day, month=blank_month, year=year, doc_type=t("report.title", lang),
        title=title, legal_bases=(), intro=(), body=tuple(body), closing=(),
        signature_titles=lh.signature_titles, signer=lh.signer, recipients=recipients,
        appendices=appendices, commune_title=lh.commune_title)


def report_view(report: Report, plan: PlanReport, lang: str) -> DocumentView:
    """The commune's report of one plan."""
    label = report.period.label(lang)
    g = plan.grid
    body = _opening(report, lang)
    body += [_heading(1, t("report.s1", lang)), _heading(2, t("report.s1.grid", lang)), _grid_sentence(g, report, lang),
             _table("grid", GRID_KEYS, [_grid_cells(g, lang)], [1.0] * len(GRID_KEYS), set(range(len(GRID_KEYS))),
                    lang),
             _heading(2, t("report.s1.indicators", lang))]
    if plan.indicators:
        body.append(_table("indicators", INDICATOR_KEYS, [indicator_cells(i, lang) for i in plan.indicators],
                           [1.2, 3.4, 0.9, 1.1, 1.2, 1.6, 1.2, 1.0], {0, 2, 3, 4, 5, 6, 7}, lang))
        body += [Para(line) for line in method_notes(plan.indicators, lang)]
    else:
        body.append(Para(t("report.none", lang)))
    body.append(_heading(2, t("report.s1.groups", lang)))
    if plan.groups:
        body.append(_table("groups", GROUP_KEYS, [tuple(map(str, row)) for row in group_cells(plan, lang)],
                           [5.0, 1.0, 1.0, 1.0], {1, 2, 3}, lang))
    else:
        body.append(Para(t("report.no-groups", lang)))
    body += [_heading(1, t("report.s2", lang)), *_tasks(plan.late, lang),
             _heading(1, t("report.s3", lang, period=report.next_period.label(lang))), *_tasks(plan.next_due, lang),
             _heading(1, t("report.s4", lang)), *(Para(x) for x in notes_lines(report, lang))]
    appendix = AppendixView(
        t("report.appendix", lang), t("report.appendix-title", lang),
        t("report.appendix-subtitle", lang, period=label, judged=day(report.judged_on, lang)), "",
        (_table("tasks", TASK_KEYS, [task_cells(x, lang) for x in plan.tasks], [1.1, 5.0, 2.0, 1.4, 1.8],
                {0, 3}, lang),))
    return _document(report, plan.letterhead, lang, title=t("report.summary", lang, period=label), body=body,
                     recipients=(t("report.recipient.city", lang, city=plan.city),
                                 t("report.recipient.archive", lang)),
                     appendices=(appendix,) if plan.tasks else ())


def city_indicator_cells(report: Report, lang: str) -> list[tuple[str, ...]]:
    """A row per catalog code: the city's figures in a sentence that says how they were made (the
    rollup's own summary line)."""
    from ..reporters.rollup._common import summary_line

    return [(ir.entry.code, ir.entry.name, ir.entry.unit, method_label(ir.method, lang), summary_line(ir, lang))
            for ir in report.indicators]


def city_view(report: Report, lang: str) -> DocumentView:
    """The city's consolidated report of every plan of a folder."""
    lh = report.city
    if lh is None or not lh.issuer:
        raise KehoachError("report.city-issuer", cities=", ".join(sorted({p.city for p in report.plans})) or "—")
    label = report.period.label(lang)
    communes = {p.plan: p.commune for p in report.plans}
    rows = [(p.commune, *_grid_cells(p.grid, lang)) for p in report.plans]
    rows.append((t("report.total", lang), *_grid_cells(report.totals, lang)))
    keys = ("commune", *GRID_KEYS)
    appendices: list[AppendixView] = []
    body = _opening(report, lang)
    body += [_heading(1, t("report.s1", lang)), _heading(2, t("report.s1.grid", lang)),
             _grid_sentence(report.totals, report, lang, "report.grid-sentence-city", plans=len(report.plans)),
             _table("grid", keys, rows, [2.4] + [1.0] * len(GRID_KEYS), set(range(1, len(keys))), lang),
             _heading(2, t("report.s1.city-indicators", lang))]
    if report.indicators:
        body.append(_table("indicators", CITY_INDICATOR_KEYS, city_indicator_cells(report, lang),
                           [1.7, 2.6, 0.9, 1.1, 4.5], {0, 2}, lang))
        body += [Para(t("report.method-note", lang, method=method_label(m, lang), note=t(f"rollup.method.{m}", lang)))
                 for m in dict.fromkeys(ir.method for ir in report.indicators)]
    else:
        body.append(Para(t("report.no-catalog", lang)))
    body += [_heading(2, t("report.s1.not-reporting", lang)), *_not_reporting(report, lang),
             _heading(1, t("report.s2", lang)), *_city_section(report, "late", lang, appendices, communes),
             _heading(1, t("report.s3", lang, period=report.next_period.label(lang))),
             *_city_section(report, "next", lang, appendices, communes),
             _heading(1, t("report.s4", lang)), *(Para(x) for x in notes_lines(report, lang))]
    blank = t("report.recipient.blank", lang)
    return _document(report, lh, lang, title=t("report.summary-city", lang, period=label), body=body,
                     recipients=(blank, blank, blank, t("report.recipient.archive", lang)),
                     appendices=tuple(appendices))


# The city's sections II and III, summarised a row per commune; their full lists are appendices.
CITY_SUMMARY_KEYS = {"late": ("commune", "late", "late_units"), "next": ("commune", "next", "next_units")}
CITY_LIST_KEYS = {"late": ("commune", "id", "task", "unit", "deadline", "note"),
                  "next": ("commune", "id", "task", "unit", "deadline")}
_LIST_SHARES = {"late": [1.6, 1.2, 4.0, 1.8, 1.2, 2.4], "next": [1.6, 1.2, 4.8, 2.0, 1.4]}


def tasks_by_commune(report: Report, which: str) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Per commune with tasks late (``which`` = "late") or due next ("next"): how many, and its lead
    units with such tasks and their counts (most first, then by name)."""
    out = []
    for p in report.plans:
        tasks = p.late if which == "late" else p.next_due
        if tasks:
            units = Counter(x.unit or "—" for x in tasks)
            out.append((p.commune, len(tasks), sorted(units.items(), key=lambda kv: (-kv[1], kv[0]))))
    return out


def city_list_cells(x: TaskLine, communes: dict[str, str], which: str, lang: str) -> tuple[str, ...]:
    """A row of the city's appendix of late tasks (with the last progress note and its date) or
    of tasks due next."""
    cells = (communes.get(x.plan, x.plan), x.id, x.text, x.unit or "—", x.deadline)
    if which == "next":
        return cells
    return (*cells, f"{x.note} ({day(x.note_date, lang)})" if x.note else "")


def _city_section(report: Report, which: str, lang: str, appendices: list[AppendixView],
                  communes: dict[str, str]) -> list[ViewBlock]:
    """The city's section II (``which`` = "late") or III ("next"): a sentence and a row per commune
    with such tasks, so that the body of a report of 114 communes stays a few pages; the full list
    becomes the next appendix (landscape, header repeated on every page)."""
    rows = tasks_by_commune(report, which)
    if not rows:
        return [Para(t("report.none", lang))]
    tasks = [x for p in report.plans for x in (p.late if which == "late" else p.next_due)]
    number = t(f"report.appendix-number.{len(appendices) + 1}", lang)
    label = report.period.label(lang)
    appendices.append(AppendixView(
        f"{t('report.appendix', lang)} {number}", t(f"report.appendix-title.{which}", lang),
        t("report.appendix-subtitle-city", lang, period=label, judged=day(report.judged_on, lang)), "",
        (_table(which, CITY_LIST_KEYS[which], [city_list_cells(x, communes, which, lang) for x in tasks],
                _LIST_SHARES[which], {1, 4}, lang),)))
    cells = [(commune, str(n), "; ".join(f"{u} ({k})" for u, k in units)) for commune, n, units in rows]
    cells.append((t("report.total", lang), str(len(tasks)), ""))
    sentence = t(f"report.city-sentence.{which}", lang, count=len(rows), total=len(report.plans), tasks=len(tasks),
                 judged=day(report.judged_on, lang), period=report.next_period.label(lang),
                 appendix=f"{t('report.appendix', lang)} {number}")
    return [Para(sentence), _table(f"{which}-by-commune", CITY_SUMMARY_KEYS[which], cells, [2.4, 1.6, 6.0], {1},
                                   lang)]


def not_reporting_sentence(report: Report, lang: str) -> str:
    silent = report.not_reporting
    if not silent:
        return t("report.everyone-reported", lang)
    return t("report.not-reporting-sentence", lang, count=len(silent), total=len(report.plans),
             start=day(report.period.start, lang), end=day(report.period.end, lang))


def _not_reporting(report: Report, lang: str) -> list[ViewBlock]:
    return [Para(not_reporting_sentence(report, lang)), *(Para(f"- {p.commune}") for p in report.not_reporting)]


def view_of(report: Report, lang: str) -> DocumentView:
    """The document of a report: the commune's for one plan, the city's for several."""
    if len(report.plans) == 1:
        return report_view(report, report.plans[0], lang)
    return city_view(report, lang)
