"""The HTML dashboard of a rollup: one self-contained file the Department opens or prints.

This module turns the rollup into view objects (formatted text, chart geometry); the markup is
``templates/rollup.html.j2``, rendered by Jinja with autoescaping: plan text is data and comes
out escaped, never as markup or template code. Charts are SVG drawn here, on the server; the
page makes no request of its own (its Content-Security-Policy forbids any), so it opens the same
offline, from an e-mail attachment or a shared folder.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ... import __version__
from ...escape import html_value
from ...messages import labels as msg_labels
from ...messages import t
from ...output import Formatter, Out
from ...rollup import CommuneFigure, IndicatorRollup, PlanProgress, Rollup
from ...rollup.tasks import TIMELINESS
from ._common import RULES, data_status, ddmmyyyy, finding_record, num, summary_line, words

TEMPLATE = "rollup.html.j2"
# Indicators with at most this many communes start unfolded; a national page folds them all.
OPEN_UP_TO = 40
# A group title in a tile stops after this many characters, at a word (the tooltip has all of it).
TILE = 90



def labels(lang: str) -> dict[str, str]:
    return {**words(lang), **msg_labels("rollup.html", lang)}


# --- view objects -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Bar:
    y: float
    label: str               # the commune, shortened to fit
    title: str               # the full sentence for the tooltip and screen readers
    target_w: float | None   # the commune's own target, drawn as a pale bar
    actual_w: float | None
    tone: str                # ok | short | plain
    note: str                # instead of a bar: no value yet / no such indicator
    value: str               # "72 / ≥ 80"


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: int
    plot: int
    top: int
    bar_h: int
    ticks: tuple[tuple[float, str], ...]
    city_x: float | None
    city_label: str
    bars: tuple[Bar, ...]
    title: str


@dataclass(frozen=True, slots=True)
class CommuneRow:
    commune: str
    path: str
    excluded: bool
    status: str              # actual | no-actual | absent
    row: str
    text: str                # the indicator as this plan words it
    rows: str
    rule: str
    baseline: str
    target: str
    target_sort: str
    actual: str
    actual_sort: str
    date: str
    gap: str
    gap_sort: str
    meets: str               # yes | no | ""
    city: str                # yes | no | ""


@dataclass(frozen=True, slots=True)
class IndicatorView:
    anchor: str
    code: str
    name: str
    unit: str
    direction: str
    method: str
    method_note: str
    city_targets: tuple[str, ...]
    summary: str
    present: int
    with_target: int         # a readable target: a "-" written in the target cell is none
    counted: int
    with_actual: int
    no_data: int
    meets: int
    below: int
    below_city: int
    has_city: bool
    distribution: str        # the actual values: min · median · max, or the total
    targets: str             # the communes' targets, the same way
    chart: Chart | None
    rows: tuple[CommuneRow, ...]
    open: bool


@dataclass(frozen=True, slots=True)
class HeatCell:
    label: str               # "PL 4 · I"
    name: str                # the group's title as the plan writes it ("" for none)
    title: str
    level: int               # 0..5, the share done in fifths
    late: bool
    text: str                # "3/7"


@dataclass(frozen=True, slots=True)
class HeatRow:
    commune: str
    excluded: bool
    total: int
    overdue: int
    stale: int
    counts: tuple[int, ...]  # in TIMELINESS order
    cells: tuple[HeatCell, ...]


# --- building the views ---------------------------------------------------------------------------

class HtmlFormat(Formatter[Rollup]):
    extensions = (".html", ".htm")

    def write(self, result: Rollup, out: Out) -> None:
        out.text.write(html(result, out.lang))


def html(r: Rollup, lang: str) -> str:
    w = labels(lang)
    shown = _shown_paths(r)
    communes = len({(p.city, p.commune, p.year) for p in r.plans})
    context: dict[str, Any] = {
        "w": w, "lang": "en" if lang == "en" else "vi", "as_of": ddmmyyyy(r.as_of.isoformat()),
        "version": __version__, "catalog": shown(r.catalog.path), "plans": len(r.plans), "communes": communes,
        "cities": sorted({p.city for p in r.plans}),
        "tasks_total": sum(p.counts.total for p in r.tasks if p.counted),
        "overdue_total": sum(p.counts.overdue for p in r.tasks if p.counted),
        "stale_total": sum(p.counts.stale for p in r.tasks if p.counted),
        "indicators": [_indicator(ir, lang, w, shown) for ir in r.indicators],
        "heat": [_heat_row(p, lang, w) for p in r.tasks],
        "groups": [(p.plan.commune, g) for p in r.tasks for g in p.groups],
        "group_label": _group_label,
        "units": r.units,
        "findings": [{**rec, "message": _shown_in(rec["message"], r, shown), "paths": [shown(p) for p in rec["paths"]]}
                     for rec in (finding_record(f, lang) for f in r.findings)],
        "finding_kinds": _kinds(r, w), "findings_open": len(r.findings) <= 10,
        "rules": [t(f"rollup.rule.{k}", lang) for k in RULES], "t_rule": t("rollup.rule.tasks", lang),
        "methods": [(m, t(f"rollup.method.{m}", lang)) for m in ("point-latest", "cumulative-sum",
                                                                  "qualitative-latest")],
        "timeliness": [(k, w[k]) for k in TIMELINESS],
    }
    return str(_template().render(**context))


def _kinds(r: Rollup, w: dict[str, str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for f in r.findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return [(w[k], n) for k, n in counts.items()]


def _shown_paths(r: Rollup) -> Callable[[str], str]:
    """Paths as the page shows them. The page travels (e-mail, a shared folder), so it never shows
    where the files sit on this machine: an absolute path is shown from the folder above the one
    that holds every plan and the catalog ("plans/hai-phong/an-lao.yaml"); a relative one as given."""
    absolute = [p for p in (r.catalog.path, *(p.path for p in r.plans)) if os.path.isabs(p)]
    if not absolute:
        return str
    try:
        base = os.path.dirname(os.path.commonpath([os.path.dirname(p) for p in absolute]))
    except ValueError:      # Windows paths on two drives share no folder: the file names only
        return lambda p: os.path.basename(p) if os.path.isabs(p) else p
    return lambda p: os.path.relpath(p, base) if os.path.isabs(p) else p


def _shown_in(text: str, r: Rollup, shown: Callable[[str], str]) -> str:
    """A finding's message with the paths it quotes shown as the page shows them."""
    for path in sorted({r.catalog.path, *(p.path for p in r.plans)}, key=len, reverse=True):
        if os.path.isabs(path) and path in text:
            text = text.replace(path, shown(path))
    return text


def _indicator(ir: IndicatorRollup, lang: str, w: dict[str, str], shown: Callable[[str], str]) -> IndicatorView:
    e, s = ir.entry, ir.summary
    if s.total is not None:
        distribution = f"{w['total'].lower()} {num(s.total, lang)}"
    elif s.median is not None:
        distribution = f"{num(s.minimum, lang)} · {num(s.median, lang)} · {num(s.maximum, lang)}"
    else:
        distribution = "—"
    if s.target_median is not None:
        targets = f"{num(s.target_minimum, lang)} · {num(s.target_median, lang)} · {num(s.target_maximum, lang)}"
    elif s.target_total is not None:
        targets = f"{w['total'].lower()} {num(s.target_total, lang)}"
    else:
        targets = "—"
    return IndicatorView(
        anchor=f"ct-{e.code}", code=e.code, name=e.name, unit=e.unit, direction=w[e.direction],
        method=ir.method, method_note=t(f"rollup.method.{ir.method}", lang),
        city_targets=tuple(f"{c.city} {c.year}: {c.target} ({w['source']}: {c.source})" for c in ir.city_targets),
        summary=summary_line(ir, lang), present=s.present, with_target=s.with_target, counted=s.counted,
        with_actual=s.with_actual,
        no_data=s.no_data, meets=s.meets_target, below=s.below_target, below_city=s.below_city_target,
        has_city=bool(ir.city_targets), distribution=distribution, targets=targets, chart=_chart(ir, lang, w),
        rows=tuple(_commune_row(f, lang, w, shown) for f in ir.communes), open=len(ir.communes) <= OPEN_UP_TO,
    )


def _commune_row(f: CommuneFigure, lang: str, w: dict[str, str], shown: Callable[[str], str]) -> CommuneRow:
    g = f.figure
    status = data_status(f)
    if g is None:
        return CommuneRow(f.plan.commune, shown(f.plan.path), not f.counted, status, "", "", "", "", "", "", "", "",
                          "", "", "", "", "", "")
    return CommuneRow(
        commune=f.plan.commune, path=shown(f.plan.path), excluded=not f.counted, status=status, row=g.row, text=g.text,
        rows=", ".join(r for r in g.rows if r != g.row), rule=t(f"rollup.row-rule.{g.row_rule}", lang),
        baseline=g.baseline or "", target=g.target or "", target_sort=_sort(g.target_value),
        actual="" if g.actual is None else (g.actual if isinstance(g.actual, str) else num(g.actual, lang)),
        actual_sort=_sort(g.actual if isinstance(g.actual, float) else None), date=ddmmyyyy(g.actual_date),
        gap=num(g.gap, lang), gap_sort=_sort(g.gap), meets=_yes_no(g.meets_target),
        city=_yes_no(g.meets_city_target),
    )


def _chart(ir: IndicatorRollup, lang: str, w: dict[str, str]) -> Chart | None:
    e = ir.entry
    figures = ir.communes
    values = [v for f in figures if f.figure is not None
              for v in (f.figure.target_value, f.figure.actual) if isinstance(v, float)]
    city = ir.city_target
    city_value = _city_value(ir)
    if e.qualitative or not values:
        return None
    top = max([*values, city_value or 0.0])
    scale = max(100.0, top) if e.unit.startswith("%") else _nice(top)
    width, left, plot, bar_h, row_h, head = 860, 190, 560, 16, 20, 26

    def x(v: float) -> float:
        return round(max(0.0, min(v, scale)) / scale * plot, 1)

    def order(f: CommuneFigure) -> tuple[int, float, float]:
        g = f.figure
        if g is None:
            return (2, 0.0, 0.0)
        actual = g.actual if isinstance(g.actual, float) else None
        target = g.target_value if g.target_value is not None else -1.0
        return (0, -actual, -target) if actual is not None else (1, -target, 0.0)

    bars = []
    for i, f in enumerate(sorted(figures, key=order)):
        bars.append(_bar(f, head + i * row_h, x, lang, w, e.unit))
    ticks = tuple((x(scale * k / 4), num(scale * k / 4, lang)) for k in range(5))
    return Chart(width=width, height=head + len(bars) * row_h + (22 if city is not None else 8), left=left,
                 plot=plot, top=head, bar_h=bar_h,
                 ticks=ticks, city_x=x(city_value) if city_value is not None else None,
                 city_label=f"{w['city_short']} {city.target}" if city is not None else "", bars=tuple(bars),
                 title=f"{e.code} — {e.name}")


def _bar(f: CommuneFigure, y: float, x: Any, lang: str, w: dict[str, str], unit: str) -> Bar:
    name = f.plan.commune + ("" if f.counted else f" ({w['excluded']})")
    label = _clip(name, 26)
    g = f.figure
    if g is None:
        return Bar(y, label, f"{name}: {w['absent']}", None, None, "plain", w["absent"], "")
    actual = g.actual if isinstance(g.actual, float) else None
    target_w = x(g.target_value) if g.target_value is not None else None
    value = f"{num(actual, lang) if actual is not None else '—'} / {g.target or '—'}"
    tone = "plain" if g.meets_target is None else ("ok" if g.meets_target else "short")
    title = (f"{name}: {w['actual'].lower()} {num(actual, lang) if actual is not None else w['no_data']}"
             f" ({unit}); {w['target'].lower()} {g.target or w['no_target']}")
    if actual is None:
        return Bar(y, label, title, target_w, None, tone, w["no_data"], value)
    return Bar(y, label, title, target_w, x(actual), tone, "", value)


def _city_value(ir: IndicatorRollup) -> float | None:
    c = ir.city_target
    if c is None:
        return None
    from ...rollup.values import threshold

    return threshold(c.parsed, ir.entry.higher)


def _nice(top: float) -> float:
    """A round axis maximum at or above ``top``: 1, 2, 2.5 or 5 times a power of ten."""
    if top <= 0:
        return 1.0
    power = 10 ** len(str(int(top))) / 10
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= top:
            return float(step * power)
    return float(10 * power)


def _heat_row(p: PlanProgress, lang: str, w: dict[str, str]) -> HeatRow:
    cells = []
    for g in p.groups:
        c = g.counts
        share = c.done / c.total if c.total else 0.0
        title = (f"{_group_label(g.group.table, g.group.number, g.group.title, w)} — {c.total} {w['tasks_n']}: "
                 f"{c.done} {w['done'].lower()}, {c.overdue} {w['overdue'].lower()}, {c.stale} {w['stale'].lower()}")
        cells.append(HeatCell(label=_short_group(g.group.table, g.group.number, w), name=_clip(g.group.title, TILE),
                              title=title, level=min(5, int(share * 5 + 1e-9)), late=c.overdue > 0,
                              text=f"{c.done}/{c.total}"))
    c = p.counts
    return HeatRow(commune=p.plan.commune, excluded=not p.counted, total=c.total, overdue=c.overdue, stale=c.stale,
                   counts=tuple(c.by_timeliness[k] for k in TIMELINESS), cells=tuple(cells))


_APPENDIX = re.compile(r"(?i)^\s*phụ\s+lục\s*")


def _short_group(table: str, number: str, w: dict[str, str]) -> str:
    head = _APPENDIX.sub("PL ", table).rstrip(": ").strip() if table else w["narrative_short"]
    head = _clip(head, 12)
    return f"{head} · {number}" if number else head


def _clip(text: str, n: int) -> str:
    """``text`` in at most ``n`` characters, cut at a word boundary: a word cut in half reads as
    another word in Vietnamese ("Thực" → "Th…")."""
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip(" ,;:·-") + "…"


def _group_label(table: str, number: str, title: str, w: dict[str, str]) -> str:
    head = table.rstrip(": ") if table else w["narrative"]
    tail = " ".join(x for x in (number, title) if x)
    return f"{head} · {tail}" if tail else head


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _sort(value: float | None) -> str:
    return "" if value is None else repr(value)


# --- the template ------------------------------------------------------------------------------------

def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, finalize=html_value)
    env.filters["csp_hash"] = _csp_hash
    return env.from_string(_template_source())


def _template_source() -> str:
    """Installed, ``templates/`` is the package ``kehoach.templates``; in a checkout it is the
    folder beside the package."""
    try:
        return resources.files("kehoach.templates").joinpath(TEMPLATE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return (Path(__file__).resolve().parents[3] / "templates" / TEMPLATE).read_text(encoding="utf-8")
