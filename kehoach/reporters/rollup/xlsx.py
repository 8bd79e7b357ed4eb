"""An Excel workbook of the rollup: summary, communes, tasks, units, findings, method."""

from __future__ import annotations

from typing import Any

from ...messages import t
from ...output import Formatter, Out
from ...rollup import Rollup
from ...rollup.tasks import TIMELINESS
from ...writers import add_sheet, saved, workbook
from ._common import LONG_COLUMNS, RULES, finding_record, long_rows, summary_record, words

# Codes and the working of a figure: in the sheet for whoever checks, off the printed page.
SUMMARY_CODES = ("code", "direction", "aggregation", "method", "city_target_source", "method_note")
LONG_CODES = ("code", "direction", "aggregation", "method", "city", "plan", "path", "year", "counted", "present",
              "rows", "row", "row_rule", "line", "target_source", "target_value", "actual_text", "actuals_used",
              "city_target_source", "method_note")
CAPS = {"name": 40, "message": 80, "commune": 14, "unit": 28, "data_status": 16, "rule": 120}


class XlsxFormat(Formatter[Rollup]):
    """One sheet per view; below-target, below-city-target, gaps and overdue stand out by colour."""

    extensions = (".xlsx",)
    binary = True
    file_only = True

    def write(self, result: Rollup, out: Out) -> None:
        out.binary.write(_workbook(result, out.lang))


def _workbook(r: Rollup, lang: str) -> bytes:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    w = words(lang)
    red = PatternFill("solid", fgColor="F8CBAD")
    orange = PatternFill("solid", fgColor="FCE4D6")
    grey = PatternFill("solid", fgColor="EDEDED")
    wb = workbook()

    summary_cols = [("code", w["code"]), ("name", w["name"]), ("unit", w["measure"]), ("direction", w["direction"]),
                    ("aggregation", w["aggregation"]), ("method", w["method"]), ("city_target", w["city_target"]),
                    ("city_target_source", w["source"]), ("communes", w["communes"]), ("present", w["present"]),
                    ("with_target", w["with_target"]),
                    ("with_actual", w["with_actual"]), ("no_data", w["no_data"]), ("meets_target", w["meets"]),
                    ("below_target", w["no"]), ("below_city_target", w["city_no"]), ("total", w["sum"]),
                    ("min", w["min"]), ("median", w["median"]), ("max", w["max"]),
                    ("method_note", w["method_note"])]
    summary_rows = []
    for ir in r.indicators:
        s = summary_record(ir)
        ct = ir.city_target
        summary_rows.append({
            "code": ir.entry.code, "name": ir.entry.name, "unit": ir.entry.unit, "direction": w[ir.entry.direction],
            "aggregation": ir.entry.aggregation, "method": ir.method,
            "city_target": ct.target if ct else None, "city_target_source": ct.source if ct else None,
            "communes": s["counted"], "present": s["present"], "with_target": s["with_target"],
            "with_actual": s["with_actual"],
            "no_data": s["no_data"], "meets_target": s["meets_target"], "below_target": s["below_target"],
            "below_city_target": s["below_city_target"], "total": s["total"], "min": s["min"], "median": s["median"],
            "max": s["max"], "method_note": t(f"rollup.method.{ir.method}", lang)})
    # The words are lower case for use inside sentences; a column title starts with a capital.
    summary_cols = [(k, title[:1].upper() + title[1:]) for k, title in summary_cols]
    _sheet(wb, t("rollup.sheet.summary", lang), summary_cols, summary_rows, SUMMARY_CODES)

    long_cols = [(k, t(f"rollup.col.{k}", lang)) for k in LONG_COLUMNS]
    labels = {"absent": w["absent"], "no-actual": w["no_data"], "actual": w["actual"]}
    long = []
    for rec in long_rows(r, lang):
        rec = dict(rec)
        rec["data_status"] = labels[rec["data_status"]]
        for key, (yes, no) in (("meets_target", (w["yes"], w["no"])),
                               ("meets_city_target", (w["city_yes"], w["city_no"])),
                               ("counted", (w["yes"], w["no"])), ("present", (w["yes"], w["no"]))):
            rec[key] = None if rec[key] is None else (yes if rec[key] else no)
        long.append(rec)
    long_cols = _codes_last(long_cols, LONG_CODES)
    ws = _sheet(wb, t("rollup.sheet.by-commune", lang), long_cols, long, LONG_CODES)
    if long:
        keys = [k for k, _ in long_cols]
        last = get_column_letter(len(keys))
        area = f"A2:{last}{len(long) + 1}"

        def col(key: str) -> str:
            return get_column_letter(keys.index(key) + 1)

        # Whole rows, so a filtered or sorted sheet keeps the colour with the commune.
        for formula, fill in ((f'${col("meets_target")}2="{w["no"]}"', red),
                              (f'${col("meets_city_target")}2="{w["city_no"]}"', orange),
                              (f'${col("data_status")}2<>"{w["actual"]}"', grey)):
            ws.conditional_formatting.add(area, FormulaRule(formula=[formula], fill=fill))  # type: ignore[no-untyped-call]

    task_cols = [("commune", w["commune"]), ("plan", w["file"]), ("counted", w["counted"]), ("total", w["total"]),
                 *((k, w[k]) for k in TIMELINESS), ("overdue", w["overdue"]), ("stale", w["stale"])]
    task_rows = [{"commune": p.plan.commune, "plan": p.plan.path, "counted": w["yes"] if p.counted else w["no"],
                  "total": p.counts.total, **p.counts.by_timeliness, "overdue": p.counts.overdue,
                  "stale": p.counts.stale} for p in r.tasks]
    ws = _sheet(wb, t("rollup.sheet.tasks", lang), task_cols, task_rows, ("plan",))
    _red_above_zero(ws, task_cols, task_rows, ("overdue", "open_overdue"), red, CellIsRule, get_column_letter)

    unit_cols = [("unit", w["unit"]), ("tasks", w["tasks_col"]), ("overdue", w["overdue"]), ("stale", w["stale"]),
                 ("done", w["done"]), ("plans", w["plans_col"])]
    unit_rows = [{"unit": u.unit or w["no_lead"], "tasks": u.tasks, "overdue": u.overdue, "stale": u.stale,
                  "done": u.done, "plans": u.plans} for u in r.units]
    ws = _sheet(wb, t("rollup.sheet.units", lang), unit_cols, unit_rows)
    _red_above_zero(ws, unit_cols, unit_rows, ("overdue",), red, CellIsRule, get_column_letter)

    finding_cols = [("kind", w["kind"]), ("message", w["message"]), ("paths", w["file"]), ("line", w["line"]),
                    ("code", w["code"])]
    finding_rows = [{**finding_record(f, lang), "paths": "; ".join(f.paths)} for f in r.findings]
    _sheet(wb, t("rollup.sheet.findings", lang), finding_cols, finding_rows, ("paths", "line", "code"))
    rules = [{"rule": t(f"rollup.rule.{k}", lang)} for k in RULES]
    rules += [{"rule": f"{m}: {t(f'rollup.method.{m}', lang)}"}
              for m in ("point-latest", "cumulative-sum", "qualitative-latest")]
    _sheet(wb, t("rollup.sheet.rules", lang), [("rule", w["rules"])], rules)
    return saved(wb)


def _codes_last(columns: list[tuple[str, str]], codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """The columns people read first, then ``codes``."""
    return [c for c in columns if c[0] not in codes] + [c for c in columns if c[0] in codes]


def _sheet(wb: Any, name: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]],
           codes: tuple[str, ...] = ()) -> Any:
    """A sheet whose ``codes`` columns come last and stay off the printed page."""
    return add_sheet(wb, name, _codes_last(columns, codes), rows, caps=CAPS, unprinted=len(codes))


def _red_above_zero(ws: Any, columns: list[tuple[str, str]], rows: list[dict[str, Any]], keys: tuple[str, ...],
                    fill: Any, rule: Any, letter: Any) -> None:
    if not rows:
        return
    for key in keys:
        c = letter([k for k, _ in columns].index(key) + 1)
        ws.conditional_formatting.add(f"{c}2:{c}{len(rows) + 1}", rule(operator="greaterThan", formula=["0"],
                                                                      fill=fill))
