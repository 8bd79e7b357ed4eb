"""The two sides of a diff: plans read from bytes, and what else they need (units, directions).

A side that cannot be used is bad input: the error says which side (old or new), the file and
the place, and the command exits 2 without writing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .. import model, schema
from ..catalog import find_catalog, load_catalog
from ..discovery import NOT_PLANS
from ..errors import KehoachError
from ..findings import Finding, Span
from ..linter import LoadedPlan, load_plan, load_plan_bytes
from ..loader import Document, LoadFailure, decode, parse
from ..messages import t
from ..units import REGISTRY_FILE, Registry, registry_for, registry_from_data

SIDES = {"old": ("cũ", "old"), "new": ("mới", "new")}


@dataclass(frozen=True, slots=True)
class Version:
    """A plan on one side of the diff: where it is shown, its document (for lines) and its model."""

    path: str
    doc: Document
    plan: model.Plan


@dataclass(frozen=True, slots=True)
class Context:
    """How to compare units (the city's registry) and targets (the catalog's directions)."""

    registry: Registry | None = None
    directions: Mapping[str, str] = field(default_factory=dict)


def _side_error(key: str, side: str, path: str, span: Span, reason: str, args: dict[str, object]) -> KehoachError:
    vi, en = SIDES[side]
    return KehoachError(key, side_vi=vi, side_en=en, path=path, line=span.line, column=span.column,
                        detail_vi=t(reason, "vi", **args).rstrip("."), detail_en=t(reason, "en", **args).rstrip("."))


def read_version(data: bytes, path: str, side: str) -> Version | None:
    """A plan from its bytes, or None for YAML that is no kehoach plan at all (a mapping without
    ``kehoach:``, such as ``mkdocs.yml``); raises KehoachError naming the side and the place when a
    file cannot be read or breaks the plan format."""
    return _version(load_plan_bytes(data, path), side)


def _version(loaded: LoadedPlan, side: str) -> Version | None:
    path, doc = loaded.display, loaded.doc
    if doc is None:
        first = loaded.problems[0]
        raise _side_error("diff.side-unreadable", side, path, first.span, first.message, first.args)
    if isinstance(doc.data, dict) and "kehoach" not in doc.data:
        return None
    if loaded.plan is None:
        # The first problem in the file; the message sends the user to validate for all of them.
        first = min(loaded.problems, key=Finding.sort_key)
        raise _side_error("diff.side-invalid", side, path, first.span, first.message, first.args)
    return Version(path, doc, loaded.plan)


def is_plan_path(rel: str) -> bool:
    """A plan file by its path: ``*.yaml``/``*.yml``, not ``units.yaml``/``catalog.yaml``, not hidden."""
    p = PurePosixPath(rel)
    return p.suffix in (".yaml", ".yml") and p.name not in NOT_PLANS and not any(
        part.startswith(".") for part in p.parts[:-1])


# --- context --------------------------------------------------------------------------------------

def context_on_disk(plan: Path) -> Context:
    """The registry beside the plan and the nearest catalog above it, as they are on disk."""
    found = find_catalog(plan.parent)
    directions = {e.code: e.direction for e in load_catalog(found).entries} if found else {}
    return Context(registry_for(plan), directions)


def context_from(read: Callable[[str], bytes | None], rel: str) -> Context:
    """The same, read through ``read`` (a git revision): ``units.yaml`` beside the plan and the
    nearest ``catalog.yaml`` in its folder or above."""
    folder = PurePosixPath(rel).parent
    registry = None
    units = read(str(folder / REGISTRY_FILE) if str(folder) != "." else REGISTRY_FILE)
    if units is not None:
        registry = registry_from_data(_config(units, str(folder / REGISTRY_FILE), "units", "units.invalid"),
                                      str(folder / REGISTRY_FILE))
    directions: dict[str, str] = {}
    for candidate in _upwards(folder):
        data = read(candidate)
        if data is not None:
            entries: Any = _config(data, candidate, "catalog", "rollup.catalog-invalid").get("indicators", [])
            directions = {str(e["code"]): str(e.get("direction", "higher")) for e in entries}
            break
    return Context(registry, directions)


def _upwards(folder: PurePosixPath) -> Iterator[str]:
    while True:
        yield "catalog.yaml" if str(folder) == "." else str(folder / "catalog.yaml")
        if str(folder) in (".", "/", ""):
            return
        folder = folder.parent


def _config(data: bytes, path: str, name: str, key: str) -> dict[str, object]:
    """A registry or catalog read from a revision: broken is a configuration error, as on disk."""
    try:
        doc = parse(decode(data), path)
    except LoadFailure as e:
        raise KehoachError(key, path=path, line=e.span.line, column=e.span.column,
                           detail_vi=t(e.key, "vi", **e.args_), detail_en=t(e.key, "en", **e.args_)) from None
    errors = schema.validate(doc, name)
    if errors:
        first = errors[0]
        span = doc.span(first.key_path or first.path)
        message, args = schema.message_of(first)
        vi, en = t(message, "vi", **args).rstrip("."), t(message, "en", **args).rstrip(".")
        raise KehoachError(key, path=path, line=span.line, column=span.column, detail_vi=vi, detail_en=en)
    result: dict[str, object] = doc.data
    return result


# --- files and folders on disk -------------------------------------------------------------------

def _plans_in(folder: Path) -> dict[str, Path]:
    return {f.relative_to(folder).as_posix(): f for f in sorted(folder.rglob("*"))
            if f.is_file() and is_plan_path(f.relative_to(folder).as_posix())}


def pairs_on_disk(old: str, new: str) -> list[tuple[Path | None, Path | None, str]]:
    """(old file, new file, path shown) for two files, or for two folders matched by relative path."""
    a, b = Path(old), Path(new)
    for p, raw in ((a, old), (b, new)):
        if not p.exists():
            raise KehoachError("cli.path-missing", path=raw)
    if a.is_dir() != b.is_dir():
        raise KehoachError("diff.file-and-folder", old=old, new=new)
    if not a.is_dir():
        return [(a, b, b.as_posix())]
    olds, news = _plans_in(a), _plans_in(b)
    if not olds and not news:
        raise KehoachError("cli.no-plans", path=new)
    return [(olds.get(rel), news.get(rel), (b / rel).as_posix() if rel in news else (a / rel).as_posix())
            for rel in sorted(olds.keys() | news.keys())]


def read_file(path: Path, shown: str, side: str) -> Version | None:
    return _version(load_plan(path, shown), side)
