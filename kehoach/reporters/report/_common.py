"""What the formats of ``report`` share: the records of the JSON contract, and numbers, dates and
column titles as people read them."""

from __future__ import annotations

from typing import Any

from ...messages import t
from ...report import FIVE, FOUR, Grid, IndicatorLine, Period, PlanReport, Report, TaskLine
from ...report.words import percent
from ...rollup import IndicatorRollup
from ..rollup._common import commune_record, counts_record, indicator_head

GRID_COLUMNS = ("due", *FOUR, "not_yet_due", "no_deadline", "share", "total")


def grid_record(g: Grid) -> dict[str, Any]:
    share = g.on_time_share
    return {
        "due": {**{k: g.due[k] for k in FOUR}, "total": g.due_total},
        "on_time_share": None if share is None else round(share, 4),
        "not_yet_due": g.not_yet_due,
        "no_deadline": g.no_deadline,
        "every": {**{k: g.every[k] for k in FIVE}, "total": g.total},
    }


def period_record(p: Period, lang: str) -> dict[str, Any]:
    return {"code": p.code, "kind": p.kind, "start": p.start.isoformat(), "end": p.end.isoformat(),
            "label": p.label(lang), "rule": p.rule}


def task_record(x: TaskLine) -> dict[str, Any]:
    return {"plan": x.plan, "id": x.id, "text": x.text, "unit": x.unit, "deadline": x.deadline, "due": x.due,
            "state": x.state, "timeliness": x.timeliness, "last_update": x.last_update, "note": x.note,
            "note_date": x.note_date}


def indicator_record(x: IndicatorLine) -> dict[str, Any]:
    return {"id": x.id, "text": x.text, "unit": x.unit, "baseline": x.baseline, "target": x.target,
            "actual": x.actual, "actual_date": x.actual_date, "code": x.code or None, "method": x.method,
            "on_track": x.on_track}


def plan_record(p: PlanReport) -> dict[str, Any]:
    return {"plan": p.plan, "path": p.path, "commune": p.commune, "city": p.city, "year": p.year,
            "reported": p.reported, "grid": grid_record(p.grid), "late": [task_record(x) for x in p.late],
            "next_due": [task_record(x) for x in p.next_due],
            "indicators": [indicator_record(x) for x in p.indicators],
            "groups": [{"table": g.group.table, "number": g.group.number, "title": g.group.title,
                        **counts_record(g.counts)} for g in p.groups],
            "tasks": [task_record(x) for x in p.tasks]}


def city_indicator_record(ir: IndicatorRollup, lang: str) -> dict[str, Any]:
    """One catalog code across communes: the record of ``kehoach rollup --format json``."""
    return {**indicator_head(ir, lang), "communes": [commune_record(f) for f in ir.communes]}


def report_record(r: Report, lang: str) -> dict[str, Any]:
    """The JSON interface (docs/interfaces.md, docs/report.md): keys and order are a contract."""
    return {"period": period_record(r.period, lang), "next_period": period_record(r.next_period, lang),
            "as_of": r.as_of.isoformat(), "judged_on": r.judged_on.isoformat(), "provisional": r.provisional,
            "plans": [plan_record(p) for p in r.plans], "totals": grid_record(r.totals),
            "indicators": [city_indicator_record(ir, lang) for ir in r.indicators],
            "not_reporting": [{"plan": p.plan, "path": p.path, "commune": p.commune} for p in r.not_reporting],
            "issuer": list(r.city.issuer) if r.city is not None else None, "notes": r.notes,
            "signature": signature_record(r)}


def signature_record(r: Report) -> dict[str, Any]:
    """The signature block the document prints: its title lines and the signer's name ("" blank)."""
    lh = r.city if r.city is not None else r.plans[0].letterhead
    return {"titles": list(lh.signature_titles), "name": lh.signer}


def col(key: str, lang: str) -> str:
    return t(f"report.col.{key}", lang)


def grid_cells(g: Grid, lang: str) -> dict[str, str | int]:
    return {"due": g.due_total, **{k: g.due[k] for k in FOUR}, "not_yet_due": g.not_yet_due,
            "no_deadline": g.no_deadline, "share": percent(g.on_time_share, lang), "total": g.total}
