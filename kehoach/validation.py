"""``kehoach validate`` as a function: the files checked, their findings, what could not be checked.

The command line parses options into :class:`~kehoach.config.Settings`, calls :func:`validate`
and hands the :class:`Validation` to the output layer; the exit code follows from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Settings
from .findings import Severity
from .jobs import FileResult
from .units import REGISTRY_FILE

# The rules that need the city's unit registry: without units.yaml beside a plan they say nothing.
UNIT_RULES = ("unknown-unit", "unit-spelling")


@dataclass(frozen=True, slots=True)
class Validation:
    files: list[FileResult[Any]]
    fail_on: Severity = Severity.ERROR
    # Folders of plans without a unit registry, when a rule that needs one was selected.
    no_registry: tuple[str, ...] = ()

    @property
    def unreadable(self) -> bool:
        return any(r.unreadable for r in self.files)

    @property
    def failed(self) -> bool:
        return any(f.severity >= self.fail_on for r in self.files for f in r.findings)

    @property
    def exit_code(self) -> int:
        return 2 if self.unreadable else 1 if self.failed else 0


def validate(files: list[tuple[Path, str]], settings: Settings, *, cache_dir: Path | None, jobs: int | None,
             progress: Callable[[int, int], None] | None = None) -> Validation:
    from .runner import run, validate_job

    results = run(files, validate_job(settings, files), cache_dir=cache_dir, jobs=jobs, progress=progress)
    return Validation(results, settings.fail_on, folders_without_registry(files, settings))


def folders_without_registry(files: list[tuple[Path, str]], settings: Settings) -> tuple[str, ...]:
    if not any(name in settings.rules for name in UNIT_RULES):
        return ()
    folders = sorted({os.path.dirname(os.path.abspath(p)) for p, _ in files})
    missing = {f for f in folders if not os.path.isfile(os.path.join(f, REGISTRY_FILE))}
    # Shown as the user wrote them: the folder of the first plan found there.
    shown: dict[str, str] = {}
    for p, display in files:
        folder = os.path.dirname(os.path.abspath(p))
        if folder in missing and folder not in shown:
            shown[folder] = os.path.dirname(display) or "."
    return tuple(shown[f] for f in sorted(shown))
