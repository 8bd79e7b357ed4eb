"""The per-file work of ``rollup``: what one plan contributes, computed once and cached.

Everything that depends on one plan only is done here, in the runner's workers: the commune's
figure under each catalog code (kehoach.rollup.figures), the findings about its rows and values,
and, per task, the timeliness the status engine derives as of the date. The cache key covers the
plan's content, kehoach's code, the catalog and the date. The payload is compact lists because
the cache holds one per plan of the country (3,321) and a warm run reads it whole.
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
from ..linter import FileResult, load_usable
from ..model import Plan, Task
from ..runner import Job, code_fingerprint
from ..status import Clock, judge, schedule
from .figures import Figure, plan_figures
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


def extract_file(path: Path, display: str, catalog: Catalog, as_of: dt.date) -> FileResult:
    """The runner's per-file work: the plan's payload, or the findings that make it unusable.

    It makes no reference cycles (tests/test_rollup.py checks it on the real plans), so it runs
    with the cyclic collector off, as the command does: a tenth of reading a plan otherwise.
    """
    loaded = load_usable(path, display)
    if isinstance(loaded, FileResult):
        return loaded
    return loaded.result(display, _payload(display, path.stem, loaded.plan, catalog, as_of))


def rollup_job(catalog: Catalog, as_of: dt.date) -> Job:
    key = hashlib.blake2b(f"{code_fingerprint()}:{catalog.digest}:{as_of.isoformat()}".encode(),
                          digest_size=16).hexdigest()
    return Job("rollup", key, functools.partial(extract_file, catalog=catalog, as_of=as_of))


def _payload(display: str, slug: str, plan: Plan, catalog: Catalog, as_of: dt.date) -> dict[str, Any]:
    m = plan.meta
    figures, findings = plan_figures(plan, display, slug, catalog, as_of)
    groups: dict[tuple[str, str, str], int] = {}
    tasks = []
    clock, start = Clock(as_of), m.period_start.isoformat()
    for task in plan.tasks:
        # the status engine's own verdict, as `kehoach status` gives it on that date
        v = judge(schedule(task, parse_deadline(task.deadline, m.year)), start, clock)
        index = groups.setdefault(_group(task), len(groups))
        tasks.append((task.lead, index, v.timeliness.value, v.stale))
    return {"m": [m.city, m.commune, m.commune_kind, m.year, m.period_start.isoformat(), m.period_end.isoformat()],
            "f": [tuple(f) for f in figures],   # tuples all through (marshal keeps them): no rebuilding
            "x": [[f.kind, f.message, list(f.paths), f.line, f.plan, f.code, dict(f.args)] for f in findings],
            "g": [list(k) for k in groups], "t": tasks}


def _group(task: Task) -> tuple[str, str, str]:
    table = task.appendix or ("" if task.narrative else task.table)
    number = task.groups[0] if task.groups else ""
    title = task.group_titles[0] if task.group_titles else ""
    return table, number, title


def plan_data(display: str, payload: dict[str, Any]) -> PlanData:
    city, commune, kind, year, start, end = payload["m"]
    figures = map(Figure._make, payload["f"])
    return PlanData(
        path=display, slug=Path(display).stem, city=city, commune=commune, kind=kind, year=int(year),
        start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), figures={f.code: f for f in figures},
        findings=tuple(RollupFinding(k, msg, tuple(paths), line, plan, code, args)
                       for k, msg, paths, line, plan, code, args in payload["x"]),
        groups=tuple(map(TaskGroup._make, payload["g"])),
        tasks=tuple(map(TaskRow._make, payload["t"])),
    )
