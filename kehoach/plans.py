"""Load plans for the commands that work on valid plans (export, status, progress, rollup…).

Unlike ``validate``, these commands need a model: a file that cannot be read or breaks the
schema is reported with its findings, and the command stops before doing anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import model, schema
from .discovery import discover
from .findings import Finding
from .linter import LOAD_ONLY, lint_file
from .loader import LoadFailure, load
from .model import Plan


@dataclass(frozen=True, slots=True)
class Loaded:
    path: Path
    display: str
    plan: Plan


class PlansInvalid(Exception):
    """Some plans cannot be used: their findings say why; ``unreadable`` means exit 2."""

    def __init__(self, findings: list[Finding], unreadable: bool) -> None:
        super().__init__("plans invalid")
        self.findings = findings
        self.unreadable = unreadable


def slug_of(path: Path) -> str:
    return path.stem


def load_plans(paths: Iterable[str]) -> list[Loaded]:
    files = discover(paths)
    loaded: list[Loaded] = []
    failed: list[Finding] = []
    unreadable = False
    for path, display in files:
        try:
            doc = load(path, display)
        except LoadFailure:
            unreadable = True
            failed += lint_file(path, display, LOAD_ONLY).findings
            continue
        if schema.validate(doc):
            failed += lint_file(path, display, LOAD_ONLY).findings
            continue
        loaded.append(Loaded(path, display, model.build(doc)))
    if failed:
        raise PlansInvalid(failed, unreadable)
    return loaded

