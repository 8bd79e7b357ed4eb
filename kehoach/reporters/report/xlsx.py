"""The report as a workbook that prints on A4 landscape: the grid (a row per commune, the total),
late tasks, tasks due next, indicators. Numbers stay numbers; the share is written 65,5 %."""

from __future__ import annotations

from typing import Any

from ...messages import t
from ...output import Formatter, Out
from ...report import Report, TaskLine
from ...writers import add_sheet, saved, workbook
from ._common import GRID_COLUMNS, col, grid_cells

TASK_COLUMNS = ("commune", "unit", "id", "task", "deadline", "due_date", "note", "note_date")
INDICATOR_COLUMNS = ("commune", "id", "indicator", "unit_of", "baseline", "target", "actual", "actual_date")
CAPS = {"task": 60, "note": 40, "indicator": 60, "commune": 18, "unit": 24}


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
                     "actual_date": i.actual_date} for p in r.plans for i in p.indicators]
        add_sheet(wb, t("report.sheet.indicators", lang), [(k, col(k, lang)) for k in INDICATOR_COLUMNS], ind_rows,
                  caps=CAPS)
        out.binary.write(saved(wb))
