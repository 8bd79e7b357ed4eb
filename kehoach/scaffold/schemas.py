"""Is the repository's copy of the schema (what editors read) the installed kehoach's?

A plan names its schema on its first line (``# yaml-language-server: $schema=../../schema/plan.schema.json``);
``kehoach init`` writes that copy. After kehoach is upgraded the copy is old: the editor would
accept what ``kehoach validate`` refuses, or the other way round.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from ..schema import schema_text

MODELINE = re.compile(rb"#\s*yaml-language-server:\s*\$schema=(\S+)")
_NAMES = {f"{name}.schema.json": name for name in ("plan", "units", "catalog")}
# The modeline is on the first lines of a file; the rest is never read here.
_HEAD = 1024


def referenced(path: Path) -> Path | None:
    """The local schema file a YAML file's modeline names, if it names a local one."""
    # Only a regular file: opening a FIFO named on the command line would wait for a writer forever.
    if not path.is_file():
        return None
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except OSError:
        return None
    m = MODELINE.search(head)
    if m is None:
        return None
    ref = m.group(1).decode("utf-8", errors="replace")
    if ":" in ref.split("/", 1)[0]:   # a URL or a URN: not a file of this repository
        return None
    return Path(os.path.normpath(path.parent / ref))


def stale_copies(files: Iterable[tuple[Path, str]]) -> list[str]:
    """The schema copies named by these files that differ from the installed kehoach's (as data:
    a CRLF checkout or another indentation is the same schema), each once, as shown to the user."""
    seen: set[Path] = set()
    stale: list[str] = []
    for path, _ in files:
        ref = referenced(path)
        if ref is None or ref in seen or ref.name not in _NAMES:
            continue
        seen.add(ref)
        try:
            text = ref.read_text(encoding="utf-8")
        except (OSError, ValueError):
            continue   # missing: the editor says so on the plan's first line; not a copy to refresh
        try:
            same = json.loads(text) == json.loads(schema_text(_NAMES[ref.name]))
        except ValueError:
            same = False
        if not same:
            stale.append(_shown(ref))
    return stale


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:   # another drive on Windows
        return path.as_posix()
