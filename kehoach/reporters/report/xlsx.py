"""The report as a workbook that prints on A4 landscape: the grid (a row per commune, the total),
late tasks, tasks due next, indicators (with how each figure was aggregated and whether it is on
track); for one plan, the task groups and every task with its status; for a folder, the
indicators across communes (the rollup's figures) and the communes that did not report. Numbers
stay numbers; the share is written 65,5 %."""

from __future__ import annotations

from typing import Any

from ...messages import t
from ...output import Formatter, Out
from ...report import Report, TaskLine
from ...report.document import (
    CITY_INDICATOR_KEYS,
    GROUP_KEYS,
    TASK_KEYS,
    city_indicator_cells,
    group_cells,
    method_label,
    on_track_label,
    status_label,
)
from ...writers import add_sheet, saved, workbook
from ._common import GRID_COLUMNS, col, grid_cells

TASK_COLUMNS = ("commune", "unit", "id", "task", "deadline", "due_date", "note", "note_date")
INDICATOR_COLUMNS = ("commune", "id", "indicator", "unit_of", "baseline", "target", "actual", "actual_date", "method",
                     "on_track")
CAPS = {"task": 60, "note": 40, "indicator": 60, "commune": 18, "unit": 24, "group": 70, "name": 50,
        "city_figure": 80}


def _task_rows(tasks: list[TaskLine], communes: dict[str, str]) -> list[dict[str, Any]]:
    return [{"commune": communes.get(x.plan, x.plan), "unit": x.unit, "id": x.id, "task": x.text,
             "deadline": x.deadline, "due_date": x.due, "note": x.note, "note_date": x.note_date} for x in tasks]


class XlsxFormat(Formatter[Report]):
    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Report, out: Out) -> None:
        lang, r = out.lang, result
        communes = {p.plan: p.commune for p in r.plans}
        wb = workbook()
        grid_rows = [{"commune": p.commune, **grid_cells(p.grid, lang),
                      "reported": t("report.yes" if p.reported else "report.no", lang)} for p in r.plans]
        if len(r.plans) > 1:
            grid_rows.append({"commune": t("report.total", lang), **grid_cells(r.totals, lang)})
        grid_keys = ("commune", *GRID_COLUMNS, "reported")
        add_sheet(wb, t("report.sheet.grid", lang), [(k, col(k, lang)) for k in grid_keys], grid_rows, caps=CAPS)
        task_columns = [(k, col(k, lang)) for k in TASK_COLUMNS]
        add_sheet(wb, t("report.sheet.late", lang), task_columns,
                  _task_rows([x for p in r.plans for x in p.late], communes), caps=CAPS)
        add_sheet(wb, t("report.sheet.next", lang), task_columns,
                  _task_rows([x for p in r.plans for x in p.next_due], communes), caps=CAPS)
        ind_rows = [{"commune": p.commune, "id": i.id, "indicator": i.text, "unit_of": i.unit, "baseline": i.baseline,
                     "target": i.target, "actual": i.actual if i.actual is not None else t("report.no-value", lang),
                     "actual_date": i.actual_date, "method": method_label(i.method, lang),
                     "on_track": on_track_label(i, lang)} for p in r.plans for i in p.indicators]
        add_sheet(wb, t("report.sheet.indicators", lang), [(k, col(k, lang)) for k in INDICATOR_COLUMNS], ind_rows,
                  caps=CAPS)
        if len(r.plans) == 1:
            p = r.plans[0]
            _sheet(wb, t("report.sheet.groups", lang), GROUP_KEYS, group_cells(p, lang), lang)
            _sheet(wb, t("report.sheet.tasks", lang), TASK_KEYS,
                   [(x.id, x.text, x.unit, x.deadline, status_label(x, lang)) for x in p.tasks], lang)
        else:
            _sheet(wb, t("report.sheet.city-indicators", lang), CITY_INDICATOR_KEYS, city_indicator_cells(r, lang),
                   lang)
            _sheet(wb, t("report.sheet.not-reporting", lang), ("commune",),
                   [(p.commune,) for p in r.not_reporting], lang)
        out.binary.write(saved(wb))


def _sheet(wb: Any, name: str, keys: tuple[str, ...], rows: list[tuple[Any, ...]], lang: str) -> None:
    """A sheet of the rows the printed report has in a table (kehoach.report.document)."""
    add_sheet(wb, name, [(k, col(k, lang)) for k in keys], [dict(zip(keys, row, strict=True)) for row in rows],
              caps=CAPS)
