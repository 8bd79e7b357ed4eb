"""Per-file work that the runner spreads over cores and caches, and what it returns.

The domain (validate, status, rollup, fmt) defines its jobs here without knowing the runner: a
job is a picklable function of one file and, for what it computes besides findings, a typed
record (a NamedTuple of plain values) that the cache stores as a plain tuple.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from . import __version__
from .findings import Finding
from .schema import schema_text

P = TypeVar("P")


@dataclass(slots=True)
class FileResult(Generic[P]):
    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    digest: str = ""
    mtime_ns: int = 0
    size: int = 0
    payload: P | None = None     # what a job other than validate computed for the file


@dataclass(frozen=True, slots=True)
class Job(Generic[P]):
    """One kind of per-file work that the runner spreads over cores and caches.

    ``work`` must be picklable (a module-level function, or a functools.partial of one): it runs
    in worker processes. ``key`` covers everything besides the file's content that changes its
    result; the cache keeps one file per job name. ``payload`` is the type of what ``work``
    computes besides findings: a NamedTuple whose fields hold only values marshal can store
    (str, int, float, bool, None, bytes, and tuples, lists and dicts of them).
    """

    name: str
    key: str
    work: Callable[[Path, str], FileResult[P]]
    payload: Callable[..., P] | None = None     # the NamedTuple class, called with the stored fields

    @staticmethod
    def store(payload: P | None) -> Any:
        """The payload as the cache keeps it: a plain tuple (marshal refuses tuple subclasses)."""
        return None if payload is None else tuple(cast(Iterable[Any], payload))

    def load(self, row: Any) -> P | None:
        if row is None or self.payload is None:
            return None
        return self.payload(*row)


def code_fingerprint() -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    root = Path(__file__).parent
    for f in sorted(root.rglob("*.py")):
        st = f.stat()
        h.update(f"{f.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}".encode())
    h.update(schema_text("plan").encode())
    return h.hexdigest()
