"""Which files a command works on: the paths named on the command line, plans found in folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import KehoachError
from .units import REGISTRY_FILE

# The city files beside the plans: not plans themselves.
NOT_PLANS = {REGISTRY_FILE, "catalog.yaml"}
# Any case: a plan saved as KE-HOACH.YAML by a Windows tool is still a plan.
SUFFIXES = (".yaml", ".yml")


def discover(paths: Iterable[str], lang: str = "vi") -> list[tuple[Path, str]]:
    """Files named on the command line as they are, and every ``*.yaml``/``*.yml`` plan in a folder
    (any case, hidden folders skipped). A link that leads outside the folder given (or outside
    the repository that holds it) is read, with a warning: kehoach never writes through it."""
    out: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(_plans_in(p))
            if not found:
                raise KehoachError("cli.no-plans", path=display_name(raw))
            bound: str | None = None
            for f, linked in found:
                key = os.path.abspath(f)
                if key not in seen:
                    seen.add(key)
                    display = display_name(f.as_posix())
                    if linked:
                        bound = bound or _boundary(p)
                        _warn_outside(f, display, bound, lang)
                    out.append((f, display))
        elif p.exists() or p.is_symlink():
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                display = display_name(p.as_posix())
                if p.is_symlink():
                    _warn_outside(p, display, _boundary(p.parent), lang)
                out.append((p, display))
        else:
            raise KehoachError("cli.path-missing", path=display_name(raw))
    return out


def _plans_in(folder: Path, linked: bool = False, visited: set[str] | None = None) -> Iterator[tuple[Path, bool]]:
    """Plan files under ``folder`` and whether each is reached through a link. The directory
    entries say what each name is without a ``stat`` per file; a linked folder is followed once
    (a link back to an ancestor is not a loop)."""
    visited = set() if visited is None else visited
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            through = linked or entry.is_symlink()
            if through:
                real = os.path.realpath(entry.path)
                if real in visited:
                    continue
                visited.add(real)
            yield from _plans_in(folder / entry.name, through, visited)
        elif (os.path.splitext(entry.name)[1].lower() in SUFFIXES and entry.name.lower() not in NOT_PLANS
              and entry.is_file()):
            yield folder / entry.name, linked or entry.is_symlink()


def _boundary(folder: Path) -> str:
    """The tree a link may stay in: the repository that holds ``folder`` (its nearest ancestor
    with ``.git``), else ``folder`` itself."""
    start = os.path.realpath(folder)
    here = start
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return start
        here = parent


def _warn_outside(path: Path, display: str, bound: str, lang: str) -> None:
    from .output import notice

    target = os.path.realpath(path)
    if os.path.commonpath([target, bound]) != bound:
        notice("load.link-outside", lang, path=display, root=display_name(bound))


def display_name(name: str) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 (kept by the file system as
    surrogates) shown as ``\\xff`` escapes, not a crash of the output stream."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name
