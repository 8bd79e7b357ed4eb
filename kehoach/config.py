"""Linter settings: which rules run, at which severity, and what fails the run.

Read from ``kehoach.toml`` (section ``[validate]``) or ``pyproject.toml`` (``[tool.kehoach.validate]``),
the nearest one found from the current folder upwards; command-line options override it.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import KehoachError
from .findings import Severity
from .rules import REGISTRY, resolve


@dataclass(frozen=True, slots=True)
class Settings:
    rules: tuple[str, ...]                      # selected rule names, registry order
    severities: dict[str, Severity] = field(default_factory=dict)
    as_of: dt.date = dt.date(2000, 1, 1)
    fail_on: Severity = Severity.ERROR

    def severity(self, rule: str) -> Severity:
        return self.severities.get(rule, REGISTRY[rule].severity)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (start, *start.parents):
        own = folder / "kehoach.toml"
        if own.is_file():
            return own, _read(own).get("validate", {})
        py = folder / "pyproject.toml"
        if py.is_file():
            section = _read(py).get("tool", {}).get("kehoach", {})
            if section:
                return py, section.get("validate", {})
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KehoachError("cli.config", path=str(path), detail=str(e)) from None


def _names(selectors: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for sel in selectors:
        for part in str(sel).split(","):
            if not part.strip():
                continue
            found = resolve(part)
            if not found:
                raise KehoachError("cli.unknown-rule", name=part.strip(), known=", ".join(REGISTRY))
            out.update(r.name for r in found)
    return out


def build_settings(*, select: list[str] | None, ignore: list[str] | None, fail_on: str | None,
                   as_of: dt.date, cwd: Path) -> Settings:
    found = find_config(cwd)
    conf: dict[str, Any] = found[1] if found else {}
    where = str(found[0]) if found else ""
    chosen = _names(select or conf.get("select", ["ALL"]), where)
    chosen -= _names(conf.get("ignore", []), where)
    chosen -= _names(ignore or [], where)
    severities: dict[str, Severity] = {}
    for sel, level in (conf.get("severity", {}) or {}).items():
        try:
            sev = Severity.parse(str(level))
        except KeyError:
            raise KehoachError("cli.config", path=where, detail=f"severity {sel} = {level!r}") from None
        for name in _names([sel], where):
            severities[name] = sev
    fail = fail_on or conf.get("fail-on", "error")
    try:
        fail_sev = Severity.parse(str(fail))
    except KeyError:
        raise KehoachError("cli.bad-severity", value=fail) from None
    ordered = tuple(name for name in REGISTRY if name in chosen)
    return Settings(rules=ordered, severities=severities, as_of=as_of, fail_on=fail_sev)
