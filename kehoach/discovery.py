"""Which files a command works on: the paths named on the command line, plans found in folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import KehoachError
from .units import REGISTRY_FILE

# The city files beside the plans: not plans themselves.
NOT_PLANS = {REGISTRY_FILE, "catalog.yaml"}


def discover(paths: Iterable[str]) -> list[tuple[Path, str]]:
    """Files named on the command line as they are, and every ``*.yaml``/``*.yml`` plan in a folder."""
    out: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.suffix in (".yaml", ".yml") and f.name not in NOT_PLANS and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise KehoachError("cli.no-plans", path=raw)
            for f in found:
                key = os.path.abspath(f)
                if key not in seen:
                    seen.add(key)
                    out.append((f, f.as_posix()))
        elif p.exists() or p.is_symlink():
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                out.append((p, p.as_posix()))
        else:
            raise KehoachError("cli.path-missing", path=raw)
    return out
