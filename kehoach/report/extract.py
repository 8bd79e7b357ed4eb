"""The per-file work of ``report``: what one plan contributes, computed once and cached.

The tasks are kept exactly as ``status`` keeps them (:func:`kehoach.status.facts_of`), so the
report's grid is the status engine's verdict at the cut-off; besides them, the progress notes (why
a task is late), the indicator rows with their recorded values, and what ``rollup`` keeps of the
plan (:func:`kehoach.rollup.extract.plan_facts`: the figures under each catalog code, the task
groups), so that a plan is read once for both. Nothing here depends on the period or the as-of
date; the cache key covers kehoach's code and the catalog.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any, NamedTuple

from ..catalog import Catalog
from ..jobs import FileResult, Job, code_fingerprint
from ..linter import load_plan
from ..model import Indicator
from ..rollup.extract import PlanFacts, plan_facts
from ..rollup.figures import plan_target
from ..status import StatusFacts, facts_of


class ReportFacts(NamedTuple):
    status: tuple[Any, ...]                                  # a StatusFacts, as a plain tuple
    city: str
    year: int
    notes: tuple[tuple[tuple[str, str], ...], ...]           # per task: (date, note) of each update with a note
    updates: tuple[tuple[str, ...], ...]                     # per task: the dates of its updates
    # per indicator row: id, text, unit, baseline, target, ((date, value, note), ...), catalog code
    indicators: tuple[tuple[Any, ...], ...]
    # for the signed report: issuer lines, place, signature titles, signer, "xã An Lão"
    document: tuple[Any, ...] = ((), "", (), "", "")
    rollup: tuple[Any, ...] = ()                             # a rollup PlanFacts, as a plain tuple

    def status_facts(self) -> StatusFacts:
        return StatusFacts._make(self.status)

    def rollup_facts(self) -> PlanFacts:
        return PlanFacts._make(self.rollup)


def _indicator(row: Indicator, year: int) -> tuple[Any, ...]:
    """The row as the report shows it; its target is the plan year's (the ``target``, else the
    plan year's milestone, as rollup reads it), else its milestones as written ("2030: ≥ 80")."""
    actuals = tuple((a.date, a.value, a.note) for a in sorted(row.actuals, key=lambda a: a.date))
    target = plan_target(row, year)[0] or "; ".join(f"{y}: {v}" for y, v in row.milestones if v)
    return (row.id, row.text, row.unit, row.baseline, target, actuals, row.catalog or "")


def report_file(path: Path, display: str, catalog: Catalog) -> FileResult[ReportFacts]:
    loaded = load_plan(path, display)
    plan = loaded.plan
    if plan is None:
        return loaded.result()
    notes, dates = [], []
    for task in plan.tasks:
        ordered = sorted(task.progress, key=lambda u: u.date)
        notes.append(tuple((u.date, u.note) for u in ordered if u.note))
        dates.append(tuple(u.date for u in ordered))
    facts = facts_of(plan)
    indicators = tuple(_indicator(r, plan.meta.year) for r in plan.rows if isinstance(r, Indicator))
    m = plan.meta
    document = (m.issuer, m.place, plan.signature.titles, plan.signature.name, f"{m.commune_kind} {m.commune}")
    rolled = tuple(plan_facts(display, Path(display).stem, plan, catalog))
    return loaded.result(ReportFacts(tuple(facts), m.city, m.year, tuple(notes), tuple(dates), indicators,
                                     document, rolled))


def report_job(catalog: Catalog) -> Job[ReportFacts]:
    key = hashlib.blake2b(f"{code_fingerprint()}:{catalog.digest}".encode(), digest_size=16).hexdigest()
    return Job("report", key, functools.partial(report_file, catalog=catalog), ReportFacts)
