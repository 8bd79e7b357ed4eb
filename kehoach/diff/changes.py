"""What ``kehoach diff`` reports: one :class:`Change` per difference that matters to a reviewer.

The kinds, their default severities and the ``--fail-on`` classes are a stable interface
(docs/diff.md): a kind is never renamed or given another meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import KehoachError

# kind → default severity. Order: the order reporters list kinds of equal severity in.
KINDS: dict[str, str] = {
    "plan-added": "info", "plan-removed": "warning",
    "task-added": "info", "task-removed": "warning", "task-moved": "info",
    "indicator-added": "info", "indicator-removed": "warning", "indicator-moved": "info",
    "budget-added": "info", "budget-removed": "warning", "budget-moved": "info",
    "lead-changed": "warning", "support-changed": "info", "unit-spelling-fixed": "info",
    "deadline-changed": "info", "target-changed": "info", "milestone-changed": "info",
    "baseline-changed": "info", "text-changed": "info", "number-changed": "info", "field-changed": "info",
    "progress-added": "info", "progress-changed": "warning", "progress-removed": "warning",
    "actual-added": "info", "actual-changed": "warning", "actual-removed": "warning",
    "meta-changed": "info", "appendix-changed": "info",
    "paragraph-added": "info", "paragraph-removed": "info", "paragraph-changed": "info",
}
_ORDER = {k: i for i, k in enumerate(KINDS)}
_REMOVED = frozenset({"plan-removed", "task-removed", "indicator-removed", "budget-removed"})
_REWRITTEN = frozenset({"progress-changed", "progress-removed", "actual-changed", "actual-removed"})


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. ``old``/``new`` are the values as written (text, a list of units, an update
    as a mapping, or None when absent); ``line`` is where to look in the new file (None when the
    change has no place there)."""

    kind: str
    plan: str
    path: str
    id: str
    old: Any
    new: Any
    severity: str
    line: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "plan": self.plan, "path": self.path, "id": self.id, "line": self.line,
                "old": self.old, "new": self.new, "severity": self.severity, "details": self.details}

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line if self.line is not None else 1 << 30, _ORDER[self.kind], self.id)


# --fail-on classes: names for the changes a plan repository may refuse. Every kind is a class too.
CLASSES: dict[str, Callable[[Change], bool]] = {
    "lowered-target": lambda c: c.kind in ("target-changed", "milestone-changed") and bool(c.details.get("lowered")),
    "deadline-later": lambda c: c.kind == "deadline-changed" and bool(c.details.get("later")),
    "row-removed": lambda c: c.kind in _REMOVED,
    "lead-reassigned": lambda c: c.kind == "lead-changed" and not c.details.get("reordered"),
    "progress-rewritten": lambda c: c.kind in _REWRITTEN,
    "warning": lambda c: c.severity in ("warning", "error"),
    "any": lambda c: True,
}


def parse_classes(values: Iterable[str] | None) -> tuple[str, ...]:
    """``--fail-on a,b`` (repeatable) → class names; an unknown name is a usage error (exit 2)."""
    names: list[str] = []
    for raw in values or ():
        for name in (p.strip() for p in raw.split(",")):
            if not name:
                continue
            if name not in CLASSES and name not in KINDS:
                raise KehoachError("diff.bad-fail-on", value=name, allowed=", ".join([*CLASSES, *KINDS]))
            names.append(name)
    return tuple(names)


def failing(change: Change, classes: Iterable[str]) -> bool:
    return any(change.kind == name if name in KINDS else CLASSES[name](change) for name in classes)


def mark_failing(changes: Iterable[Change], classes: tuple[str, ...]) -> list[Change]:
    """A change that fails the run is reported as an error, so that every format shows why."""
    return [replace(c, severity="error") if classes and failing(c, classes) else c for c in changes]
