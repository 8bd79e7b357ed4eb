"""What the rollup found wrong in the data it rolled up: said, never silently skipped.

A finding does not stop the rollup: the row or value it names is left out of the figures (and
the finding says so), everything else is rolled up. Messages are catalogue keys
(``rollup.finding.<kind>``) rendered by the reporters in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Report order: what breaks the rollup's identity first, then what leaves a value out, then the
# comparison with the city.
KINDS = ("duplicate-commune", "unknown-code", "no-code", "wrong-unit", "unreadable-actual", "conflicting-actuals",
         "below-city-target")


@dataclass(frozen=True, slots=True)
class RollupFinding:
    kind: str                         # one of KINDS
    message: str                      # catalogue key
    paths: tuple[str, ...]            # every file concerned, as given on the command line
    line: int | None = None           # in paths[0], when the finding is about one place
    plan: str | None = None
    code: str | None = None           # the catalog code concerned
    args: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, str, int, str]:
        return (KINDS.index(self.kind), self.paths[0] if self.paths else "", self.line or 0, self.code or "")


def finding(kind: str, paths: tuple[str, ...], *, line: int | None = None, plan: str | None = None,
            code: str | None = None, variant: str = "", **args: Any) -> RollupFinding:
    key = f"rollup.finding.{kind}{'-' + variant if variant else ''}"
    where = f"{paths[0]}:{line}" if line else ", ".join(paths)
    extra = {"code": code} if code is not None else {}
    return RollupFinding(kind, key, paths, line, plan, code, {"where": where, **extra, **args})
