"""Which tasks a ``status`` run lists: the filters, one row per lead unit, and the counts on top.

The status job caches each task's facts; this module judges them on the as-of date of the run and
keeps what the filters ask for. Only listed tasks become full records: on a national run most
tasks are only counted.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KehoachError
from .jobs import FileResult
from .status import Clock, Details, Schedule, StatusFacts, Verdict, judge
from .text import did_you_mean, norm_key
from .units import Registry, named, registry_for


@dataclass(frozen=True, slots=True)
class Query:
    as_of: dt.date
    overdue: bool = False
    due_within: int | None = None
    stale: bool = False
    unit: str | None = None
    role: str = "lead"               # lead | support | any: how --unit must take part in the task

    def wants(self, v: Verdict) -> bool:
        if not (self.overdue or self.due_within is not None or self.stale):
            return True
        return ((self.overdue and v.overdue) or (self.stale and v.stale)
                or (self.due_within is not None and v.due_within(self.due_within)))


@dataclass(frozen=True, slots=True)
class Listed:
    """A task the run lists, under one of its lead units (or the unit asked for)."""

    plan: str
    unit: str
    details: Details
    verdict: Verdict


@dataclass(slots=True)
class Answer:
    query: Query
    listed: list[Listed] = field(default_factory=list)          # one per task and lead unit
    counts: Counter[str] = field(default_factory=Counter)       # every task of the unit asked for, by timeliness
    communes: dict[str, str] = field(default_factory=dict)      # plan (as listed) → commune, for people

    @property
    def any_overdue(self) -> bool:
        return any(x.verdict.overdue for x in self.listed)


def answer(query: Query, files: Sequence[tuple[Path, str]], results: Sequence[FileResult[StatusFacts]]) -> Answer:
    clock = Clock(query.as_of)
    out = Answer(query)
    units = _Units(query.unit, query.role)
    for (path, display), result in zip(files, results, strict=True):
        facts = result.payload
        assert facts is not None
        # From the display name: a file name that is not UTF-8 is printable there.
        start, plan, rows = facts.start, Path(display).stem, facts.details
        out.communes[plan] = facts.commune
        for i, row in enumerate(facts.schedules):
            f: Details | None = None
            listed_under: list[str] | None = None
            if query.unit is not None:
                f = Details._make(marshal.loads(rows[i]))
                listed_under = units.of(f, path)
                if listed_under is None:
                    continue
            v = judge(Schedule._make(row), start, clock)
            out.counts[v.timeliness.value] += 1
            if not query.wants(v):
                continue  # counted in the summary, not listed
            if f is None:
                f = Details._make(marshal.loads(rows[i]))
            if listed_under is None:
                listed_under = units.of(f, path)
                assert listed_under is not None
            out.listed += (Listed(plan, u, f, v) for u in listed_under)
    if query.unit is not None and not out.counts:
        _check_unit_exists(query.unit, files, results)
    return out


def _check_unit_exists(unit: str, files: Sequence[tuple[Path, str]],
                       results: Sequence[FileResult[StatusFacts]]) -> None:
    """A --unit that lists nothing is either a real unit with no task in that role (an empty list
    is the answer) or a name no registry and no task knows: a typo, told with the near names
    rather than shown as an empty list the officer would read as "nothing to do"."""
    units = _Units(unit, "any")
    registries: dict[int, Registry] = {}   # by identity: comparing registries compares their tables
    for path, _ in files:
        registry = units._registry(path)
        if registry is not None and id(registry) not in registries:
            if registry.lookup(unit).known:
                return
            registries[id(registry)] = registry
    written: set[str] = set()
    for (path, _), result in zip(files, results, strict=True):
        assert result.payload is not None
        for row in result.payload.details:
            f = Details._make(marshal.loads(row))
            if units.of(f, path) is not None:
                return
            written.update(f.lead, f.support)
    near: list[str] = []
    for name in [*(n for r in registries.values() for n in r.suggest(unit)), *did_you_mean(unit, sorted(written))]:
        if name not in near:
            near.append(name)
    raise KehoachError("status.unknown-unit", value=unit, suggestions=", ".join(near[:3]))


class _Units:
    """Lead units under their canonical names, through the registry beside each plan; the same few
    names recur on every row of a national run, so each is looked up once per registry."""

    def __init__(self, unit: str | None, role: str) -> None:
        self.unit, self.role = unit, role
        self.unit_key = norm_key(unit) if unit is not None else ""
        self._registries: dict[Path, Registry | None] = {}
        self._canon: dict[tuple[int, str], str] = {}
        self._keys: dict[str, str] = {}

    def _registry(self, plan: Path) -> Registry | None:
        folder = plan.parent
        if folder not in self._registries:
            self._registries[folder] = registry_for(plan)
        return self._registries[folder]

    def _canonical(self, registry: Registry | None, name: str) -> str:
        if registry is None:
            return name
        memo = (id(registry), name)
        found = self._canon.get(memo)
        if found is None:
            found = self._canon[memo] = registry.lookup(name).canonical or name
        return found

    def _key(self, name: str) -> str:
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = norm_key(name)
        return found

    def of(self, f: Details, plan: Path) -> list[str] | None:
        """The units a task is listed under; with --unit, None when the task is not that unit's in
        the role asked for."""
        registry = self._registry(plan)
        leads = [self._canonical(registry, u) for u in named(registry, f.lead)] or [""]
        if self.unit is None:
            return leads
        wanted = self._canonical(registry, self.unit)
        cells = {"lead": f.lead, "support": f.support, "any": f.lead + f.support}[self.role]
        names = named(registry, cells)
        if not any(self._canonical(registry, n) == wanted or self._key(n) == self.unit_key for n in names):
            return None
        return [wanted] if self.role != "lead" or wanted in leads else leads
