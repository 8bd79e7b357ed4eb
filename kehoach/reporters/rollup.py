"""Formatting a rollup: JSON (a contract), a long CSV table, an Excel workbook, text for people.

Every format carries the aggregation rule next to the figures (``method`` and its note), and
shows a gap as a gap: a commune without the indicator, or without a value, is a row with empty
figures and a status saying which, never a missing row.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

import orjson

from .. import __version__
from ..catalog import CityTarget
from ..messages import t
from ..records import cell
from ..rollup import CommuneFigure, Counts, Figure, IndicatorRollup, Rollup, RollupFinding
from ..rollup.tasks import TIMELINESS

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Tổng hợp kế hoạch KHCN, ĐMST và CĐS", "as_of": "tính đến ngày", "plans": "kế hoạch",
        "indicators": "Chỉ tiêu", "tasks": "Tiến độ nhiệm vụ theo xã", "units": "Đơn vị có nhiều nhiệm vụ quá hạn",
        "findings": "Phát hiện", "rules": "Cách tính", "commune": "Xã/phường", "row": "Dòng",
        "baseline": "Kết quả năm trước", "target": "Chỉ tiêu", "actual": "Thực tế", "date": "Ngày số liệu",
        "gap": "Chênh lệch", "meets": "Đạt chỉ tiêu", "city": "So với chỉ tiêu TP", "city_target": "Chỉ tiêu thành phố",
        "source": "nguồn", "higher": "càng cao càng tốt", "lower": "càng thấp càng tốt", "yes": "Đạt",
        "no": "Chưa đạt", "city_yes": "Không thấp hơn", "city_no": "Thấp hơn", "absent": "không có chỉ tiêu này",
        "no_data": "chưa có số liệu", "no_target": "chưa có chỉ tiêu năm kế hoạch", "excluded": "không tính (trùng)",
        "total": "Tổng", "unit": "Đơn vị", "overdue": "Quá hạn", "stale": "Chưa cập nhật", "plans_col": "Số kế hoạch",
        "done": "Đã hoàn thành", "no_lead": "(chưa có đơn vị chủ trì)", "none": "Không có phát hiện nào.",
        "present": "có chỉ tiêu", "with_actual": "có số liệu", "min": "nhỏ nhất", "median": "trung vị",
        "max": "lớn nhất", "targets": "chỉ tiêu của các xã", "sum": "tổng toàn thành phố",
        "target_sum": "tổng chỉ tiêu", "reached": "đạt", "kind": "Loại", "message": "Nội dung", "file": "Tệp",
        "line": "Dòng", "code": "Mã", "name": "Tên chỉ tiêu", "measure": "Đơn vị tính", "direction": "Chiều",
        "aggregation": "Cách cộng", "method": "Cách tính", "status": "Tình trạng số liệu", "more_rows": "cũng có",
        "communes": "Số xã", "tasks_col": "Nhiệm vụ", "narrative": "Nhiệm vụ trong phần lời văn",
        "group": "Nhóm nhiệm vụ", "rows_of": "xã", "year": "Năm", "method_note": "Ghi chú cách tính",
        "city_vs": "so với chỉ tiêu thành phố",
        "counted": "Tính vào số liệu chung",
        "done_on_time": "Hoàn thành đúng hạn", "done_late": "Hoàn thành quá hạn",
        "open_in_time": "Đang/chưa thực hiện (trong hạn)", "open_overdue": "Đang/chưa thực hiện (quá hạn)",
        "no_deadline": "Không có hạn",
        "point-latest": "Mới nhất", "cumulative-sum": "Cộng dồn", "qualitative-latest": "Đạt / không đạt",
        "duplicate-commune": "Trùng kế hoạch của một xã", "unknown-code": "Mã không có trong danh mục",
        "no-code": "Thiếu mã danh mục", "wrong-unit": "Sai đơn vị", "unreadable-actual": "Giá trị không đọc được",
        "conflicting-actuals": "Hai giá trị khác nhau cùng ngày", "below-city-target": "Thấp hơn chỉ tiêu thành phố",
    },
    "en": {
        "title": "Rollup of the science, technology, innovation and digital transformation plans",
        "as_of": "as of", "plans": "plans", "indicators": "Indicators", "tasks": "Task progress by commune",
        "units": "Units with the most overdue tasks", "findings": "Findings", "rules": "How figures are computed",
        "commune": "Commune", "row": "Row", "baseline": "Baseline", "target": "Target", "actual": "Actual",
        "date": "Date", "gap": "Gap", "meets": "Meets target", "city": "Vs city target", "city_target": "City target",
        "source": "source", "higher": "higher is better", "lower": "lower is better", "yes": "Yes", "no": "No",
        "city_yes": "Not below", "city_no": "Below", "absent": "no such indicator", "no_data": "no value yet",
        "no_target": "no plan-year target", "excluded": "not counted (duplicate)", "total": "Total", "unit": "Unit",
        "overdue": "Overdue", "stale": "Not updated", "plans_col": "Plans", "done": "Done",
        "no_lead": "(no lead unit)", "none": "No findings.", "present": "have the indicator",
        "with_actual": "have a value", "min": "min", "median": "median", "max": "max", "targets": "commune targets",
        "sum": "city total", "target_sum": "sum of targets", "reached": "reached", "kind": "Kind",
        "message": "Message", "file": "File", "line": "Line", "code": "Code", "name": "Indicator",
        "measure": "Unit of measure", "direction": "Direction", "aggregation": "Aggregation", "method": "Method",
        "status": "Data status", "more_rows": "also", "communes": "Communes", "tasks_col": "Tasks",
        "narrative": "Tasks in the narrative", "group": "Task group", "rows_of": "communes", "year": "Year",
        "method_note": "Method note", "counted": "Counted", "city_vs": "against the city target",
        "done_on_time": "Done on time", "done_late": "Done late", "open_in_time": "Open (in time)",
        "open_overdue": "Open (overdue)", "no_deadline": "No deadline",
        "point-latest": "Latest", "cumulative-sum": "Summed", "qualitative-latest": "Reached / not",
        "duplicate-commune": "Two plans for one commune", "unknown-code": "Code not in the catalog",
        "no-code": "No catalog code", "wrong-unit": "Wrong unit", "unreadable-actual": "Unreadable value",
        "conflicting-actuals": "Two values on one day", "below-city-target": "Below the city target",
    },
}
RULES = ("rows", "values", "compare", "gaps", "duplicates", "tasks")


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "vi"]


def num(value: float | None, lang: str) -> str:
    """A figure for people: no trailing ``.0``, a decimal comma in Vietnamese."""
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang != "en" else text


def data_status(f: CommuneFigure) -> str:
    """Which kind of gap, if any: a value, no value yet, or no such indicator at all."""
    if not f.present:
        return "absent"
    return "no-actual" if f.actual is None else "actual"


# --- JSON --------------------------------------------------------------------------------------

def city_target_record(c: CityTarget | None) -> dict[str, Any] | None:
    if c is None:
        return None
    from ..rollup.values import threshold

    return {"city": c.city, "year": c.year, "target": c.target, "target_value": threshold(c.parsed, True),
            "source": c.source}


_FIGURE_KEYS = Figure._fields


def commune_record(f: CommuneFigure) -> dict[str, Any]:
    """One commune under one code: the plan's keys, then those of kehoach.rollup.figures.Figure
    (but ``code``, which is the indicator's). A commune without the code has the contract's keys
    only, every figure null; the detail keys (``row``, ``line``, ``text``, ``milestones`` …) exist
    where there is a row. The plan's city, year and whether it counts in the city figures are in
    the top-level ``plans`` list (by ``path``), not repeated under every code."""
    p, g = f.plan, f.figure
    city = f.city_target.target if f.city_target else None
    if g is None:
        return {"plan": p.slug, "path": p.path, "commune": p.commune, "present": False, "rows": [], "baseline": None,
                "target": None, "target_value": None, "actual": None, "actual_date": None, "gap": None,
                "meets_target": None, "meets_city_target": None, "city_target": city}
    rec: dict[str, Any] = {"plan": p.slug, "path": p.path, "commune": p.commune, "present": True,
                           **dict(zip(_FIGURE_KEYS, g, strict=True))}
    del rec["code"]
    rec["milestones"] = dict(g.milestones)
    rec["city_target"] = city
    return rec


def _present(f: CommuneFigure, prefixes: dict[int, bytes]) -> bytes:
    """``commune_record(f)`` as JSON, the plan's keys encoded once per plan rather than per code."""
    g = f.figure
    assert g is not None
    prefix = prefixes.get(id(f.plan))
    if prefix is None:
        p = f.plan
        prefix = prefixes[id(f.plan)] = _dump({"plan": p.slug, "path": p.path, "commune": p.commune,
                                                "present": True})[:-1] + b","
    rest: dict[str, Any] = dict(zip(_FIGURE_KEYS[1:], g[1:], strict=True))   # all but the code
    rest["milestones"] = dict(g.milestones)
    rest["city_target"] = f.city_target.target if f.city_target else None
    return prefix + _dump(rest)[1:]


def summary_record(ir: IndicatorRollup) -> dict[str, Any]:
    s = ir.summary
    return {
        "method": ir.method, "communes": s.communes, "counted": s.counted, "present": s.present,
        "absent": s.absent, "with_target": s.with_target, "with_actual": s.with_actual, "no_data": s.no_data,
        "meets_target": s.meets_target, "below_target": s.below_target, "meets_city_target": s.meets_city_target,
        "below_city_target": s.below_city_target, "total": s.total, "target_total": s.target_total,
        "min": s.minimum, "median": s.median, "max": s.maximum, "target_min": s.target_minimum,
        "target_median": s.target_median, "target_max": s.target_maximum,
    }


def indicator_head(ir: IndicatorRollup, lang: str) -> dict[str, Any]:
    e = ir.entry
    return {
        "code": e.code, "name": e.name, "unit": e.unit, "direction": e.direction, "aggregation": e.aggregation,
        "method": ir.method, "method_note": t(f"rollup.method.{ir.method}", lang),
        "city_target": city_target_record(ir.city_target),
        "city_targets": [city_target_record(c) for c in ir.city_targets], "summary": summary_record(ir),
    }


def counts_record(c: Counts) -> dict[str, Any]:
    return {"total": c.total, "counts": dict(c.by_timeliness), "overdue": c.overdue, "stale": c.stale,
            "done": c.done}


def finding_record(f: RollupFinding, lang: str) -> dict[str, Any]:
    return {"kind": f.kind, "message": t(f.message, lang, **f.args), "paths": list(f.paths), "line": f.line,
            "plan": f.plan, "code": f.code}


def head_record(r: Rollup, lang: str) -> dict[str, Any]:
    return {
        "version": 1, "tool": {"name": "kehoach", "version": __version__}, "as_of": r.as_of.isoformat(),
        "catalog": r.catalog.path,
        "plans": [{"plan": p.slug, "path": p.path, "city": p.city, "commune": p.commune, "kind": p.kind,
                   "year": p.year, "counted": p.path not in r.excluded} for p in r.plans],
        "rules": {k: t(f"rollup.rule.{k}", lang) for k in RULES},
    }


def write_json(r: Rollup, out: BinaryIO, lang: str) -> None:
    """Streamed, one commune per line, as UTF-8 bytes: the national rollup has 66 × 3,321 commune
    figures, and a pretty-printed document of that size takes longer to write than the rollup
    takes to compute."""
    out.writelines(_json_chunks(r, lang))


# orjson, not the json module: the national document is 66 × 3,321 commune records, and the
# standard encoder took half of a warm run writing them. Output is compact UTF-8.
_dump = orjson.dumps


def _absent(f: CommuneFigure, seen: dict[tuple[int, str | None], bytes]) -> bytes:
    """A commune without the code reads the same under every code: serialise it once."""
    key = (id(f.plan), f.city_target.target if f.city_target else None)
    text = seen.get(key)
    if text is None:
        text = seen[key] = _dump(commune_record(f))
    return text


def _json_chunks(r: Rollup, lang: str) -> Iterator[bytes]:
    absent: dict[tuple[int, str | None], bytes] = {}
    prefixes: dict[int, bytes] = {}
    yield b"{\n"
    for key, value in head_record(r, lang).items():
        yield b"  " + _dump(key) + b": " + _dump(value) + b",\n"
    yield b'  "indicators": ['
    for i, ir in enumerate(r.indicators):
        yield (b"," if i else b"") + b"\n    {"
        for key, value in indicator_head(ir, lang).items():
            yield _dump(key) + b": " + _dump(value) + b", "
        yield b'"communes": [\n      '
        yield b",\n      ".join(_present(f, prefixes) if f.figure is not None else _absent(f, absent)
                                 for f in ir.communes)
        yield b"\n    ]}"
    yield b"\n  ],\n"
    tasks = [{"plan": p.plan.slug, "path": p.plan.path, "commune": p.plan.commune, "counted": p.counted,
              **counts_record(p.counts),
              "groups": [{"table": g.group.table, "number": g.group.number, "title": g.group.title,
                          **counts_record(g.counts)} for g in p.groups]} for p in r.tasks]
    yield b'  "tasks": [' + b",".join(b"\n    " + _dump(x) for x in tasks) + b"\n  ],\n"
    units = [{"unit": u.unit, "known": u.known, "tasks": u.tasks, "overdue": u.overdue, "stale": u.stale,
              "done": u.done, "plans": u.plans} for u in r.units]
    yield b'  "units": [' + b",".join(b"\n    " + _dump(x) for x in units) + b"\n  ],\n"
    findings = [finding_record(f, lang) for f in r.findings]
    yield b'  "findings": [' + b",".join(b"\n    " + _dump(x) for x in findings) + b"\n  ]\n}\n"


# --- the long table (CSV, and the Excel sheet) ------------------------------------------------

LONG_COLUMNS: list[tuple[str, tuple[str, str]]] = [
    ("code", ("Mã chỉ tiêu", "Code")), ("name", ("Tên chỉ tiêu", "Indicator")),
    ("unit", ("Đơn vị tính", "Unit")), ("direction", ("Chiều", "Direction")),
    ("aggregation", ("Cách cộng", "Aggregation")), ("method", ("Cách tính", "Method")),
    ("city", ("Thành phố", "City")), ("commune", ("Xã/phường", "Commune")), ("plan", ("Kế hoạch", "Plan")),
    ("path", ("Tệp", "File")), ("year", ("Năm", "Year")), ("counted", ("Tính vào số liệu chung", "Counted")),
    ("present", ("Có chỉ tiêu", "Present")), ("data_status", ("Tình trạng số liệu", "Data status")),
    ("rows", ("Các dòng", "Rows")), ("row", ("Dòng dùng", "Row used")), ("row_rule", ("Cách chọn dòng", "Row rule")),
    ("line", ("Số dòng", "Line")), ("baseline", ("Kết quả năm trước", "Baseline")),
    ("target", ("Chỉ tiêu", "Target")), ("target_source", ("Nguồn chỉ tiêu", "Target from")),
    ("target_value", ("Giá trị chỉ tiêu", "Target value")), ("actual", ("Thực tế", "Actual")),
    ("actual_text", ("Thực tế như đã báo cáo", "Actual as reported")),
    ("actual_date", ("Ngày số liệu", "Actual date")), ("actuals_used", ("Số lần báo cáo tính", "Reports counted")),
    ("gap", ("Chênh lệch", "Gap")), ("meets_target", ("Đạt chỉ tiêu", "Meets target")),
    ("city_target", ("Chỉ tiêu thành phố", "City target")),
    ("city_target_source", ("Nguồn chỉ tiêu thành phố", "City target source")),
    ("meets_city_target", ("Không thấp hơn chỉ tiêu TP", "Meets city target")),
    ("method_note", ("Ghi chú cách tính", "Method note")),
]


def long_rows(r: Rollup, lang: str) -> Iterator[dict[str, Any]]:
    for ir in r.indicators:
        e = ir.entry
        common = {"code": e.code, "name": e.name, "unit": e.unit, "direction": e.direction,
                  "aggregation": e.aggregation, "method": ir.method,
                  "method_note": t(f"rollup.method.{ir.method}", lang)}
        for f in ir.communes:
            rec = commune_record(f)
            rec["rows"] = "; ".join(rec["rows"])
            rec.update(city=f.plan.city, year=f.plan.year, counted=f.counted, data_status=data_status(f),
                       actuals_used=f.figure.actuals_used if f.figure else 0,
                       city_target_source=f.city_target.source if f.city_target else None)
            yield {**rec, **common}


def _csv_value(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return "" if v is None else v


def csv_bytes(r: Rollup, lang: str) -> bytes:
    from ..writers import to_csv

    columns = [(k, k) for k, _ in LONG_COLUMNS]
    rows = [{k: _csv_value(v) for k, v in rec.items()} for rec in long_rows(r, lang)]
    return to_csv(columns, rows)


# --- text ----------------------------------------------------------------------------------------

def text(r: Rollup, out: TextIO, lang: str) -> None:
    import shutil

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    w = words(lang)
    width = shutil.get_terminal_size((160, 40)).columns if out.isatty() else 160
    console = Console(file=out, highlight=False, soft_wrap=False, emoji=False, width=max(width, 100))
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
    from rich.text import Text

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
    from rich.text import Text

    w = words(lang)
    if value is None:
        return ""
    if city:
        return Text(w["city_yes"], style="green") if value else Text(w["city_no"], style="bold red")
    return Text(w["yes"], style="green") if value else Text(w["no"], style="bold red")


def summary_line(ir: IndicatorRollup, lang: str) -> str:
    """The city's view of one indicator in a sentence, saying how the figures were made."""
    w = words(lang)
    s = ir.summary
    parts = [f"{s.present}/{s.counted} {w['rows_of']} {w['present']}", f"{s.with_actual} {w['with_actual']}",
             f"{s.no_data} {w['no_data']}"]
    if s.total is not None:
        parts.append(f"{w['sum']} {num(s.total, lang)} ({s.with_actual} {w['rows_of']})")
    if s.target_total is not None:
        parts.append(f"{w['target_sum']} {num(s.target_total, lang)}")
    if s.median is not None:
        parts.append(f"{w['actual'].lower()}: {w['min']} {num(s.minimum, lang)}, {w['median']} "
                     f"{num(s.median, lang)}, {w['max']} {num(s.maximum, lang)}")
    if s.target_median is not None:
        parts.append(f"{w['targets']}: {w['min']} {num(s.target_minimum, lang)}, {w['median']} "
                     f"{num(s.target_median, lang)}, {w['max']} {num(s.target_maximum, lang)}")
    parts.append(f"{w['meets'].lower()}: {s.meets_target}, {w['no'].lower()}: {s.below_target}")
    if ir.city_targets:
        parts.append(f"{w['city_vs']}: {w['city_no'].lower()} {s.below_city_target}, {w['city_yes'].lower()} "
                     f"{s.meets_city_target}")
    if s.communes != s.counted:
        parts.append(f"{s.communes - s.counted} {w['excluded']}")
    return "; ".join(parts) + "."


def _text_tasks(r: Rollup, console: Any, lang: str) -> None:
    from rich.table import Table
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


def ddmmyyyy(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


# --- Excel ----------------------------------------------------------------------------------------

def xlsx_bytes(r: Rollup, lang: str) -> bytes:
    """One sheet per view; below-target, below-city-target, gaps and overdue stand out by colour."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    w = words(lang)
    en = lang == "en"
    red = PatternFill("solid", fgColor="F8CBAD")
    orange = PatternFill("solid", fgColor="FCE4D6")
    grey = PatternFill("solid", fgColor="EDEDED")
    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)

    summary_cols = [("code", w["code"]), ("name", w["name"]), ("unit", w["measure"]), ("direction", w["direction"]),
                    ("aggregation", w["aggregation"]), ("method", w["method"]), ("city_target", w["city_target"]),
                    ("city_target_source", w["source"]), ("communes", w["communes"]), ("present", w["present"]),
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
            "communes": s["counted"], "present": s["present"], "with_actual": s["with_actual"],
            "no_data": s["no_data"], "meets_target": s["meets_target"], "below_target": s["below_target"],
            "below_city_target": s["below_city_target"], "total": s["total"], "min": s["min"], "median": s["median"],
            "max": s["max"], "method_note": t(f"rollup.method.{ir.method}", lang)})
    _sheet(wb, "Summary" if en else "Tổng hợp chỉ tiêu", summary_cols, summary_rows)

    long_cols = [(k, pair[1] if en else pair[0]) for k, pair in LONG_COLUMNS]
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
    ws = _sheet(wb, "By commune" if en else "Chỉ tiêu theo xã", long_cols, long)
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
    ws = _sheet(wb, "Tasks" if en else "Tiến độ theo xã", task_cols, task_rows)
    _red_above_zero(ws, task_cols, task_rows, ("overdue", "open_overdue"), red, CellIsRule, get_column_letter)

    unit_cols = [("unit", w["unit"]), ("tasks", w["tasks_col"]), ("overdue", w["overdue"]), ("stale", w["stale"]),
                 ("done", w["done"]), ("plans", w["plans_col"])]
    unit_rows = [{"unit": u.unit or w["no_lead"], "tasks": u.tasks, "overdue": u.overdue, "stale": u.stale,
                  "done": u.done, "plans": u.plans} for u in r.units]
    ws = _sheet(wb, "Units" if en else "Đơn vị", unit_cols, unit_rows)
    _red_above_zero(ws, unit_cols, unit_rows, ("overdue",), red, CellIsRule, get_column_letter)

    finding_cols = [("kind", w["kind"]), ("message", w["message"]), ("paths", w["file"]), ("line", w["line"]),
                    ("code", w["code"])]
    finding_rows = [{**finding_record(f, lang), "paths": "; ".join(f.paths)} for f in r.findings]
    _sheet(wb, "Findings" if en else "Phát hiện", finding_cols, finding_rows)
    rules = [{"rule": t(f"rollup.rule.{k}", lang)} for k in RULES]
    rules += [{"rule": f"{m}: {t(f'rollup.method.{m}', lang)}"}
              for m in ("point-latest", "cumulative-sum", "qualitative-latest")]
    _sheet(wb, "Rules" if en else "Cách tính", [("rule", w["rules"])], rules)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet(wb: Any, name: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=name[:31])
    ws.append([title for _, title in columns])
    for c in ws[1]:
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append([cell(row.get(key)) for key, _ in columns])
        for c in ws[ws.max_row]:
            if c.data_type == "f":   # plan text starting with "=" is data, never a formula
                c.data_type = "s"
    for i, (key, title) in enumerate(columns, start=1):
        longest = max([len(title), *(len(str(cell(r.get(key)))) for r in rows[:500])], default=len(title))
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(50, longest + 2))
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    return ws


def _red_above_zero(ws: Any, columns: list[tuple[str, str]], rows: list[dict[str, Any]], keys: tuple[str, ...],
                    fill: Any, rule: Any, letter: Any) -> None:
    if not rows:
        return
    for key in keys:
        c = letter([k for k, _ in columns].index(key) + 1)
        ws.conditional_formatting.add(f"{c}2:{c}{len(rows) + 1}", rule(operator="greaterThan", formula=["0"],
                                                                      fill=fill))
