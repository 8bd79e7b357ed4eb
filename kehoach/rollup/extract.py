"""The per-file work of ``rollup``: what one plan contributes, computed once and cached.

Everything that depends on one plan only is done here, in the runner's workers: the commune's
figure under each catalog code on any date (kehoach.rollup.figures), the findings about its rows
and values, and each task's schedule for the status engine. Nothing here depends on the as-of
date (the rollup defaults to today: a cache keyed on the day would be cold every morning), so
the cache key covers the plan's content, kehoach's code and the catalog; ``plan_data`` reads the
payload as of the run's date. The payload is compact tuples because the cache holds one per plan
of the country (3,321) and a warm run reads it whole.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from ..catalog import Catalog
from ..deadlines import parse_deadline
from ..jobs import FileResult, Job, code_fingerprint
from ..linter import load_plan
from ..model import Plan, Task
from ..status import Clock, Schedule, judge, schedule
from .figures import Figure, figure_on, plan_figures
from .findings import RollupFinding


class TaskGroup(NamedTuple):
    """Where a task sits: its appendix (or table) and the outermost group of that table."""

    table: str           # appendix label as written; "" for tasks written in the narrative
    number: str
    title: str


class TaskRow(NamedTuple):
    """What the rollup counts of a task (its text and place stay in the plan: `kehoach status`)."""

    lead: tuple[str, ...]
    group: int           # index into PlanData.groups
    timeliness: str      # kehoach.status.Timeliness value, as the status engine derived it
    stale: bool


@dataclass(frozen=True, slots=True)
class PlanData:
    path: str            # as given on the command line (folders expanded)
    slug: str
    city: str
    commune: str
    kind: str            # xã | phường | đặc khu
    year: int
    start: dt.date
    end: dt.date
    figures: Mapping[str, Figure]           # by catalog code
    findings: tuple[RollupFinding, ...]     # about this plan's indicator rows and values
    groups: tuple[TaskGroup, ...]
    tasks: tuple[TaskRow, ...]


class PlanFacts(NamedTuple):
    """What the rollup keeps of a plan, whatever the as-of date, in plain values (the cache holds
    one per plan of the country, and a warm run reads it whole)."""

    meta: tuple[str, str, str, int, str, str]                  # city, commune, kind, year, start, end
    courses: tuple[tuple[Any, ...], ...]                       # kehoach.rollup.figures.Course, as tuples
    findings: tuple[tuple[Any, ...], ...]                      # RollupFinding, as tuples
    groups: tuple[tuple[str, str, str], ...]                   # TaskGroup, as tuples
    tasks: tuple[tuple[tuple[str, ...], int, tuple[Any, ...]], ...]   # lead, group index, Schedule as a tuple


def extract_file(path: Path, display: str, catalog: Catalog) -> FileResult[PlanFacts]:
    """The runner's per-file work: the plan's payload, or the findings that make it unusable.

    It makes no reference cycles (tests/test_rollup.py checks it on the real plans), so it runs
    with the cyclic collector off, as the command does: a tenth of reading a plan otherwise.
    """
    loaded = load_plan(path, display)
    if loaded.plan is None:
        return loaded.result()
    return loaded.result(plan_facts(display, Path(display).stem, loaded.plan, catalog))


def rollup_job(catalog: Catalog) -> Job[PlanFacts]:
    key = hashlib.blake2b(f"{code_fingerprint()}:{catalog.digest}".encode(), digest_size=16).hexdigest()
    return Job("rollup", key, functools.partial(extract_file, catalog=catalog), PlanFacts)


def plan_facts(display: str, slug: str, plan: Plan, catalog: Catalog) -> PlanFacts:
    """What the rollup keeps of a read plan (``report`` keeps it too, beside its own facts)."""
    m = plan.meta
    courses, findings = plan_figures(plan, display, slug, catalog)
    groups: dict[tuple[str, str, str], int] = {}
    tasks = []
    for task in plan.tasks:
        index = groups.setdefault(_group(task), len(groups))
        tasks.append((tuple(task.lead), index, tuple(schedule(task, parse_deadline(task.deadline, m.year)))))
    # Tuples all through (marshal keeps them): nothing to rebuild on a warm run.
    return PlanFacts((m.city, m.commune, m.commune_kind, m.year, m.period_start.isoformat(), m.period_end.isoformat()),
                     tuple(tuple(c) for c in courses),
                     tuple((f.kind, f.message, tuple(f.paths), f.line, f.plan, f.code, dict(f.args)) for f in findings),
                     tuple(groups), tuple(tasks))


def _group(task: Task) -> tuple[str, str, str]:
    table = task.appendix or ("" if task.narrative else task.table)
    number = task.groups[0] if task.groups else ""
    title = task.group_titles[0] if task.group_titles else ""
    return table, number, title


Verdicts = dict[tuple[tuple[Any, ...], str], tuple[str, bool]]


def plan_data(display: str, facts: PlanFacts, clock: Clock, verdicts: Verdicts) -> PlanData:
    """The plan as of the clock's date: its figures counting the values reported by then, its
    tasks judged by the status engine on that date (as `kehoach status` would). ``verdicts`` is
    shared by every plan of a run: most tasks have no report yet and one of a few deadlines, and
    two like schedules get the same verdict."""
    city, commune, kind, year, start, end = facts.meta
    figures = (figure_on(c, clock.iso) for c in facts.courses)
    tasks = []
    for lead, group, sched in facts.tasks:
        verdict = verdicts.get((sched, start))
        if verdict is None:
            v = judge(Schedule._make(sched), start, clock)
            verdict = verdicts[sched, start] = (v.timeliness.value, v.stale)
        tasks.append(TaskRow(lead, group, *verdict))
    return PlanData(
        path=display, slug=Path(display).stem, city=city, commune=commune, kind=kind, year=int(year),
        start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), figures={f.code: f for f in figures},
        findings=tuple(RollupFinding(k, msg, tuple(paths), line, plan, code, args)
                       for k, msg, paths, line, plan, code, args in facts.findings),
        groups=tuple(map(TaskGroup._make, facts.groups)),
        tasks=tuple(tasks),
    )
