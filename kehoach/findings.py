"""Findings: what a rule reports, where, and how serious it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, NamedTuple


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Span(NamedTuple):
    """A 1-based position in a source file (a tuple: one is made for every YAML node)."""

    line: int
    column: int


NOWHERE = Span(1, 1)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one file.

    ``message`` is a catalogue key and ``args`` its arguments: the reporter renders it in the
    requested language, so cached findings serve every language.
    """

    rule: str
    code: str
    severity: Severity
    path: str
    span: Span
    message: str
    args: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "code": self.code, "severity": int(self.severity), "path": self.path,
                "line": self.span.line, "column": self.span.column, "message": self.message, "args": self.args}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(d["rule"], d["code"], Severity(d["severity"]), d["path"], Span(d["line"], d["column"]),
                   d["message"], d["args"])
