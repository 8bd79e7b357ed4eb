"""Load plans for the commands that work on valid plans (export, status, progress, rollup…).

Unlike ``validate``, these commands need a model: a file that cannot be read, breaks the
schema or repeats a key is reported with its findings, and the command stops before doing
anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .discovery import discover, display_name
from .findings import Finding
from .linter import load_plan
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
    return display_name(path.stem)   # a file name that is not UTF-8, printable


def load_plans(paths: Iterable[str], lang: str = "vi") -> list[Loaded]:
    files = discover(paths, lang)
    loaded: list[Loaded] = []
    failed: list[Finding] = []
    unreadable = False
    for path, display in files:
        read = load_plan(path, display)
        if read.plan is None:
            unreadable = unreadable or read.unreadable
            failed += read.problems
            continue
        loaded.append(Loaded(path, display, read.plan))
    if failed:
        raise PlansInvalid(failed, unreadable)
    return loaded

