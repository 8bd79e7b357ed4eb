"""Task progress across communes: counts per timeliness by commune, by task group and by unit.

Timeliness and staleness come from the status engine (kehoach.status) as recorded in each
plan's payload; nothing here derives them again. Units are resolved to their canonical names
through each plan's unit registry, so "Phòng VHXH" and "Phòng Văn hóa - Xã hội" count as one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from ..status import Timeliness
from ..units import Registry, named
from .extract import PlanData, TaskGroup, TaskRow

TIMELINESS: tuple[str, ...] = tuple(t.value for t in Timeliness)
DONE = frozenset({Timeliness.DONE_ON_TIME.value, Timeliness.DONE_LATE.value})
OVERDUE = Timeliness.OPEN_OVERDUE.value


@dataclass(frozen=True, slots=True)
class Counts:
    total: int
    by_timeliness: Mapping[str, int]     # every timeliness value, zeros included
    overdue: int
    stale: int
    done: int

    @classmethod
    def of(cls, tasks: Sequence[TaskRow]) -> Counts:
        by = dict.fromkeys(TIMELINESS, 0)
        by.update(Counter(map(_TIMELINESS, tasks)))    # counted in C: a national run counts 25,000 groups
        return cls(len(tasks), by, by[OVERDUE], sum(map(_STALE, tasks)), sum(by[d] for d in DONE))


_TIMELINESS, _STALE = attrgetter("timeliness"), attrgetter("stale")


@dataclass(frozen=True, slots=True)
class GroupProgress:
    group: TaskGroup
    counts: Counts


@dataclass(frozen=True, slots=True)
class PlanProgress:
    plan: PlanData
    counted: bool
    counts: Counts
    groups: tuple[GroupProgress, ...]    # in document order


@dataclass(frozen=True, slots=True)
class UnitProgress:
    unit: str                            # canonical name; as written when the registry does not know it
    tasks: int
    overdue: int
    stale: int
    done: int
    plans: int
    known: bool                          # the unit registry names this unit ("" and vague phrases are not)


def plan_progress(plan: PlanData, counted: bool) -> PlanProgress:
    by_group: dict[int, list[TaskRow]] = {}
    for t in plan.tasks:
        by_group.setdefault(t.group, []).append(t)
    groups = tuple(GroupProgress(plan.groups[g], Counts.of(ts)) for g, ts in sorted(by_group.items()))
    return PlanProgress(plan, counted, Counts.of(plan.tasks), groups)


def unit_progress(plans: Sequence[tuple[PlanData, Registry | None]]) -> tuple[UnitProgress, ...]:
    """Lead units across the plans, most overdue first. A task with two lead units counts for each."""
    tally: dict[str, list[int]] = {}
    seen_in: dict[str, set[str]] = {}
    known: set[str] = set()
    names: dict[tuple[int, tuple[str, ...]], set[str]] = {}   # a city's plans name the same few units
    for plan, registry in plans:
        # a plan's tasks come in a few kinds (lead, timeliness, stale): count the kinds
        for (lead, timeliness, stale), n in Counter((t.lead, t.timeliness, t.stale) for t in plan.tasks).items():
            key = (id(registry), lead)
            units = names.get(key)
            if units is None:
                resolved = [_canonical(u, registry) for u in named(registry, lead)]
                known.update(name for name, ok in resolved if ok)
                units = names[key] = {name for name, _ in resolved} or {""}
            for unit in units:
                row = tally.setdefault(unit, [0, 0, 0, 0])
                row[0] += n
                row[1] += n if timeliness == OVERDUE else 0
                row[2] += n if stale else 0
                row[3] += n if timeliness in DONE else 0
                seen_in.setdefault(unit, set()).add(plan.path)
    out = [UnitProgress(u, tasks=n, overdue=late, stale=stale, done=done, plans=len(seen_in[u]), known=u in known)
           for u, (n, late, stale, done) in tally.items()]
    return tuple(sorted(out, key=lambda u: (-u.overdue, -u.stale, -u.tasks, u.unit)))


def _canonical(name: str, registry: Registry | None) -> tuple[str, bool]:
    """The registry's name for a unit, and whether the registry knows it."""
    canonical = registry.lookup(name).canonical if registry is not None else None
    return (canonical, True) if canonical else (name, False)
