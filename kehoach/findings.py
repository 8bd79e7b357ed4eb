"""Findings: what a rule reports, where, and how serious it is."""

from __future__ import annotations

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


class Finding(NamedTuple):
    """One problem found in one file.

    ``message`` is a catalogue key and ``args`` its arguments: the reporter renders it in the
    requested language, so cached findings serve every language. A tuple, because a warm run
    rebuilds tens of thousands of them from the cache.
    """

    rule: str
    code: str
    severity: Severity
    path: str
    span: Span
    message: str
    args: dict[str, Any]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_row(self) -> list[Any]:
        """Compact form for the cache."""
        return [self.rule, self.code, int(self.severity), self.span.line, self.span.column, self.message, self.args]

    @classmethod
    def from_row(cls, row: list[Any], path: str) -> Finding:
        rule, code, severity, line, column, message, args = row
        return cls(rule, code, _SEVERITY[severity], path, Span(line, column), message, args)


# Severity(n) goes through Enum.__new__, which is slow enough to show in warm runs.
_SEVERITY = {int(s): s for s in Severity}
