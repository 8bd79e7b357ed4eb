"""What the formats of ``rollup`` share: words, figures for people, the records of the JSON and tables.

Every format carries the aggregation rule next to the figures (``method`` and its note), and
shows a gap as a gap: a commune without the indicator, or without a value, is a row with empty
figures and a status saying which, never a missing row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ... import __version__
from ...catalog import CityTarget
from ...messages import labels, t
from ...rollup import CommuneFigure, Counts, Figure, IndicatorRollup, Rollup, RollupFinding

RULES = ("rows", "values", "compare", "gaps", "duplicates", "tasks")


def words(lang: str) -> dict[str, str]:
    return labels("rollup.w", lang)


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
    from ...rollup.values import threshold

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


# --- the long table (CSV, and the Excel sheet) ------------------------------------------------

# The long table's column keys; their titles are the messages "rollup.col.<key>".
LONG_COLUMNS = ("code", "name", "unit", "direction", "aggregation", "method", "city", "commune", "plan", "path", "year",
                "counted", "present", "data_status", "rows", "row", "row_rule", "line", "baseline", "target",
                "target_source", "target_value", "actual", "actual_text", "actual_date", "actuals_used", "gap",
                "meets_target", "city_target", "city_target_source", "meets_city_target", "method_note")


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


def summary_line(ir: IndicatorRollup, lang: str) -> str:
    """The city's view of one indicator in a sentence, saying how the figures were made."""
    w = words(lang)
    s = ir.summary
    parts = [f"{s.present}/{s.counted} {w['rows_of']} {w['present']}", f"{s.with_target} {w['with_target']}",
             f"{s.with_actual} {w['with_actual']}",
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


def ddmmyyyy(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


