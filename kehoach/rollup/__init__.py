"""kehoach rollup: indicators and task progress across the communes of a city, gaps shown.

Data flows as everywhere in kehoach: each plan is read once by the runner (``extract``: the
commune's own figures, cached by content and spread over cores), then the whole set is rolled up
here (``indicators``, ``tasks``: what needs every commune), and the reporters only format the
result. The engine never prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..catalog import Catalog
from ..jobs import FileResult
from ..status import Clock
from ..text import norm_key, strip_accents
from ..units import Registry, registry_for
from .extract import PlanData, PlanFacts, Verdicts, plan_data, rollup_job
from .figures import Figure
from .findings import RollupFinding, finding
from .indicators import CommuneFigure, IndicatorRollup, Summary, absent_figures, rollup_indicator
from .tasks import TIMELINESS, Counts, GroupProgress, PlanProgress, UnitProgress, plan_progress, unit_progress

__all__ = [
    "TIMELINESS", "CommuneFigure", "Counts", "Figure", "GroupProgress", "IndicatorRollup", "PlanData", "PlanProgress",
    "Rollup", "RollupFinding", "Source", "Summary", "UnitProgress", "build", "collect", "rollup_job",
]


@dataclass(frozen=True, slots=True)
class Rollup:
    as_of: dt.date
    catalog: Catalog
    plans: tuple[PlanData, ...]              # every plan, sorted by city, commune, year
    excluded: frozenset[str]                 # paths of plans left out of the city figures (duplicates)
    indicators: tuple[IndicatorRollup, ...]
    tasks: tuple[PlanProgress, ...]
    units: tuple[UnitProgress, ...]
    findings: tuple[RollupFinding, ...]


@dataclass(frozen=True, slots=True)
class Source:
    plan: PlanData
    registry: Registry | None


def collect(files: Sequence[tuple[Path, str]], results: Sequence[FileResult[PlanFacts]],
            as_of: dt.date) -> list[Source]:
    """The runner's payloads as plans on the as-of date, each with its city's unit registry."""
    clock = Clock(as_of)
    verdicts: Verdicts = {}
    registries: dict[Path, Registry | None] = {}
    out = []
    for (path, display), result in zip(files, results, strict=True):
        folder = path.parent
        if folder not in registries:
            registries[folder] = registry_for(path)
        assert result.payload is not None
        out.append(Source(plan_data(display, result.payload, clock, verdicts), registries[folder]))
    return out


def _order(s: Source) -> tuple[str, str, int, str]:
    p = s.plan
    return norm_key(p.city), strip_accents(norm_key(p.commune)), p.year, p.path


def build(sources: Sequence[Source], catalog: Catalog, codes: Sequence[str], as_of: dt.date) -> Rollup:
    ordered = sorted(sources, key=_order)
    plans = tuple(s.plan for s in ordered)
    findings: list[RollupFinding] = [f for p in plans for f in p.findings
                                     if f.code is None or f.code in codes or f.kind == "unknown-code"]
    excluded = _duplicates(plans, findings)
    counted = [p.path not in excluded for p in plans]
    absent = absent_figures(plans, counted)
    indicators = []
    for code in codes:
        entry = catalog.get(code)
        assert entry is not None  # codes were checked against the catalog by the caller
        indicators.append(rollup_indicator(entry, plans, absent))
    tasks = tuple(plan_progress(p, c) for p, c in zip(plans, counted, strict=True))
    units = unit_progress([(s.plan, s.registry) for s in ordered if s.plan.path not in excluded])
    return Rollup(as_of, catalog, plans, frozenset(excluded), tuple(indicators), tasks, units,
                  tuple(sorted(findings, key=RollupFinding.sort_key)))


def _duplicates(plans: Sequence[PlanData], findings: list[RollupFinding]) -> set[str]:
    """Two plans for one commune and year: neither is counted in the city figures until one goes."""
    by_commune: dict[tuple[str, str, int], list[PlanData]] = {}
    for p in plans:
        by_commune.setdefault((norm_key(p.city), norm_key(p.commune), p.year), []).append(p)
    out: set[str] = set()
    for same in by_commune.values():
        if len(same) > 1:
            paths = tuple(p.path for p in same)
            findings.append(finding("duplicate-commune", paths, commune=same[0].commune, commune_kind=same[0].kind,
                                    year=same[0].year, files=", ".join(paths)))
            out.update(paths)
    return out
