"""The typed result of ``kehoach report``: what every format of it writes, and nothing else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..rollup import GroupProgress, IndicatorRollup
from .periods import Period

FOUR = ("done_on_time", "done_late", "open_in_time", "open_overdue")
FIVE = (*FOUR, "no_deadline")


@dataclass(frozen=True, slots=True)
class Grid:
    """The Government Office grid at the cut-off.

    ``due`` counts the tasks whose due date is on or before the date judged, split four ways
    (open_in_time there holds only the tasks due on that very day); ``every`` counts every task
    of the plan by its timeliness on that date, exactly as ``kehoach status --as-of`` does.
    """

    due: dict[str, int]             # FOUR → count, tasks due by the date judged
    not_yet_due: int                # tasks with a due date after it
    no_deadline: int                # tasks without an enforced date
    every: dict[str, int]           # FIVE → count, every task (equals status)

    @property
    def due_total(self) -> int:
        return sum(self.due.values())

    @property
    def total(self) -> int:
        return sum(self.every.values())

    @property
    def on_time_share(self) -> float | None:
        """Share of the due tasks completed on time (0–1); None when nothing was due."""
        return self.due["done_on_time"] / self.due_total if self.due_total else None

    def __add__(self, other: Grid) -> Grid:
        return Grid({k: self.due[k] + other.due[k] for k in FOUR}, self.not_yet_due + other.not_yet_due,
                    self.no_deadline + other.no_deadline, {k: self.every[k] + other.every[k] for k in FIVE})


EMPTY = Grid(dict.fromkeys(FOUR, 0), 0, 0, dict.fromkeys(FIVE, 0))


@dataclass(frozen=True, slots=True)
class TaskLine:
    """A task the report names (late, or due next), under one of its lead units."""

    plan: str
    id: str
    text: str
    unit: str
    deadline: str
    due: str | None
    state: str                      # not_started | in_progress | done
    timeliness: str
    last_update: str | None
    note: str                       # the last progress note on or before the date judged
    note_date: str | None


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    id: str
    text: str
    unit: str
    baseline: str
    target: str
    actual: str | None              # the figure at the cut-off as written ("55%", "3 + 2"); None: no value
    actual_date: str | None
    code: str = ""                  # the catalog code, if the row has one
    method: str = "point-latest"    # how the figure was aggregated (kehoach.rollup.figures.METHOD_*)
    on_track: bool | None = None    # the figure meets the target (kehoach.targets operators); None: not comparable


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What the signed report takes from its plan: who issues it, where, who signs."""

    issuer: tuple[str, ...]
    place: str
    signature_titles: tuple[str, ...]
    signer: str
    commune_title: str              # "xã An Lão"


@dataclass(frozen=True, slots=True)
class PlanReport:
    plan: str                       # the file's stem
    path: str
    commune: str
    city: str
    year: int
    grid: Grid
    late: tuple[TaskLine, ...]      # open and overdue at the date judged, by lead unit
    next_due: tuple[TaskLine, ...]  # open tasks due within the next period
    indicators: tuple[IndicatorLine, ...]
    reported: bool                  # any progress or value recorded within the period
    letterhead: Letterhead
    groups: tuple[GroupProgress, ...] = ()   # the plan's task groups, counted by the rollup engine
    tasks: tuple[TaskLine, ...] = ()         # every task with its status at the date judged (the appendix)


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    next_period: Period
    as_of: dt.date
    judged_on: dt.date              # the cut-off, or the as-of date when the cut-off has not passed
    provisional: bool
    plans: tuple[PlanReport, ...]
    # the indicators across communes, as `kehoach rollup` computes them on the date judged
    indicators: tuple[IndicatorRollup, ...] = ()
    notes: str = ""                 # section IV, from --notes
    city: Letterhead | None = None  # the city's body, for the consolidated report of several plans

    @property
    def not_reporting(self) -> tuple[PlanReport, ...]:
        """The communes with no progress update and no indicator value dated within the period."""
        return tuple(p for p in self.plans if not p.reported)

    @property
    def totals(self) -> Grid:
        out = EMPTY
        for p in self.plans:
            out = out + p.grid
        return out
