"""The shared indicator catalog (``catalog.yaml``): codes, units, direction, aggregation, city targets.

A plan's indicator points at a catalog code; rolling up across communes goes by code. The
catalog is configuration: a catalog that cannot be read or breaks ``catalog.schema.json`` stops
the command (exit 2) with the file, line and column, before any plan is read.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import KehoachError
from .findings import Span
from .loader import Document, LoadFailure, load
from .messages import t
from .schema import message_of, validate
from .targets import Target, parse_target
from .text import did_you_mean, norm_key

CATALOG_FILE = "catalog.yaml"
# Units that name no quantity: the value is a verdict ("Đạt") or a description, never a number.
QUALITATIVE_UNITS = frozenset({"định tính", "đạt/không đạt"})


@dataclass(frozen=True, slots=True)
class CityTarget:
    city: str
    year: int
    target: str          # as written in the catalog
    parsed: Target
    source: str          # the city's document the figure comes from
    span: Span


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    name: str
    unit: str
    direction: str       # higher | lower
    aggregation: str     # point | cumulative
    group: str
    definition: str
    city_targets: tuple[CityTarget, ...]
    span: Span
    qualitative: bool = False   # the unit names no quantity (see QUALITATIVE_UNITS)

    @property
    def higher(self) -> bool:
        return self.direction == "higher"

    def city_target(self, city: str, year: int) -> CityTarget | None:
        key = norm_key(city)
        return next((c for c in self.city_targets if c.year == year and norm_key(c.city) == key), None)


@dataclass(frozen=True, slots=True)
class Catalog:
    path: str
    entries: tuple[Entry, ...]
    digest: str = ""     # of the file's bytes: what a cached result computed with this catalog depends on
    by_code: Mapping[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, path: str, entries: tuple[Entry, ...], digest: str = "") -> Catalog:
        return cls(path, entries, digest, {e.code: e for e in entries})

    def get(self, code: str) -> Entry | None:
        return self.by_code.get(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.entries)


def find_catalog(folder: Path) -> Path | None:
    """The nearest ``catalog.yaml`` in ``folder`` or a folder above it (plans/<city>/ → plans/),
    named relative to the current folder when it lies below it, as the user would write it."""
    start = folder.resolve()
    for candidate in (start, *start.parents):
        path = candidate / CATALOG_FILE
        if os.path.lexists(path):   # a catalog.yaml that is a folder or a FIFO is an error, not "none"
            try:
                return path.relative_to(Path.cwd())
            except ValueError:
                return path
    return None


def catalog_for(plan_files: Iterable[Path], explicit: Path | None) -> Catalog:
    """The catalog given with ``--catalog``, or the one every plan's folder leads to."""
    if explicit is not None:
        return load_catalog(explicit)
    found = {find_catalog(folder) for folder in {p.parent for p in plan_files}}
    if None in found or not found:
        raise KehoachError("rollup.catalog-missing")
    if len(found) > 1:
        raise KehoachError("rollup.catalog-several", paths=", ".join(sorted(str(p) for p in found if p)))
    (path,) = found
    assert path is not None
    return load_catalog(path)


def load_catalog(path: Path) -> Catalog:
    try:
        st = path.stat()
    except OSError:
        raise KehoachError("rollup.catalog-not-found", path=str(path)) from None
    return _load(path, str(path), st.st_mtime_ns, st.st_size)


@cache
def _load(path: Path, display: str, mtime_ns: int, size: int) -> Catalog:
    # Keyed on mtime and size too: a long-lived process (tests, an editor plugin) sees edits.
    try:
        doc = load(path, display)
    except LoadFailure as e:
        raise _config_error("rollup.catalog-unreadable", display, e.span, e.key, e.args_) from None
    errors = validate(doc, "catalog")
    if errors:
        first = errors[0]
        span = doc.key_span(first.key_path) if first.key_path else doc.span(first.path)
        raise _config_error("rollup.catalog-invalid", display, span, *message_of(first))
    digest = hashlib.blake2b(doc.text.encode("utf-8"), digest_size=16).hexdigest()
    return Catalog.of(display, _entries(doc, display), digest)


def _entries(doc: Document, display: str) -> tuple[Entry, ...]:
    out: list[Entry] = []
    seen: dict[str, Span] = {}
    for i, e in enumerate(doc.data["indicators"]):
        code = e["code"]
        span = doc.span(("indicators", i, "code"))
        if code in seen:
            raise KehoachError("rollup.catalog-duplicate-code", path=display, line=span.line, column=span.column,
                               code=code, first=seen[code].line)
        seen[code] = span
        out.append(Entry(code=code, name=e["name"].strip(), unit=e["unit"].strip(), direction=e["direction"],
                         aggregation=e["aggregation"], group=str(e.get("group", "")),
                         definition=str(e.get("definition", "")),
                         city_targets=_city_targets(doc, display, i, code), span=doc.span(("indicators", i)),
                         qualitative=norm_key(e["unit"]) in QUALITATIVE_UNITS))
    return tuple(out)


def _city_targets(doc: Document, display: str, index: int, code: str) -> tuple[CityTarget, ...]:
    out: list[CityTarget] = []
    for j, c in enumerate(doc.data["indicators"][index].get("city_targets", []) or []):
        path = ("indicators", index, "city_targets", j)
        written = doc.raw_text((*path, "target"), c["target"]).strip()
        parsed = parse_target(written)
        span = doc.span((*path, "target"))
        # A city target is what communes are compared with: one that is not a figure compares with nothing.
        if parsed.kind not in ("number", "range", "qualitative"):
            raise KehoachError("rollup.catalog-city-target", path=display, line=span.line, column=span.column,
                               code=code, value=written)
        target = CityTarget(city=c["city"].strip(), year=int(c["year"]), target=written, parsed=parsed,
                            source=c["source"].strip(), span=span)
        twin = next((o for o in out if o.year == target.year and norm_key(o.city) == norm_key(target.city)), None)
        if twin is not None:
            raise KehoachError("rollup.catalog-city-target-repeat", path=display, line=span.line,
                               column=span.column, code=code, city=target.city, year=target.year,
                               first=twin.span.line)
        out.append(target)
    return tuple(out)


def _config_error(key: str, display: str, span: Span, reason: str, args: dict[str, object]) -> KehoachError:
    # The reason is itself a message; the CLI formats the outer one in the user's language, so
    # both languages are carried.
    return KehoachError(key, path=display, line=span.line, column=span.column,
                        detail_vi=t(reason, "vi", **args).rstrip("."), detail_en=t(reason, "en", **args).rstrip("."))


def select(catalog: Catalog, codes: Sequence[str] | None) -> tuple[str, ...]:
    """The codes named with ``--indicator`` (commas allowed), in catalog order; all when none."""
    if not codes:
        return catalog.codes
    wanted = [c.strip() for raw in codes for c in raw.split(",") if c.strip()]
    for code in wanted:
        if catalog.get(code) is None:
            raise KehoachError("rollup.unknown-indicator", value=code, path=catalog.path,
                               suggestions=", ".join(did_you_mean(code, list(catalog.codes))))
    return tuple(c for c in catalog.codes if c in set(wanted))
