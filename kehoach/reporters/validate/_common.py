"""What the formats of ``validate`` share: the counts, the sorted findings, a finding's message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...findings import Finding, Severity
from ...jobs import FileResult
from ...messages import t


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    infos: int
    unreadable: int

    @classmethod
    def of(cls, results: list[FileResult[Any]]) -> Summary:
        fs = [f for r in results for f in r.findings]
        return cls(len(results), sum(f.severity == Severity.ERROR for f in fs),
                   sum(f.severity == Severity.WARNING for f in fs), sum(f.severity == Severity.INFO for f in fs),
                   sum(r.unreadable for r in results))


def message(f: Finding, lang: str) -> str:
    return t(f.message, lang, **f.args)


def all_findings(results: list[FileResult[Any]]) -> list[Finding]:
    return sorted((f for r in results for f in r.findings), key=Finding.sort_key)
