"""Linter settings: which rules run, at which severity, and what fails the run.

Read from ``kehoach.toml`` (section ``[validate]``) or ``pyproject.toml`` (``[tool.kehoach.validate]``),
the nearest one found from the current folder upwards; command-line options override it. The same
file's ``[report]`` section holds the settings of ``kehoach report`` (:func:`report_settings`).
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
from .loader import LoadFailure, read_bytes
from .messages import t
from .rules import REGISTRY, resolve
from .text import did_you_mean


@dataclass(frozen=True, slots=True)
class Settings:
    rules: tuple[str, ...]                      # selected rule names, registry order
    severities: dict[str, Severity] = field(default_factory=dict)
    as_of: dt.date = dt.date(2000, 1, 1)
    fail_on: Severity = Severity.ERROR

    def severity(self, rule: str) -> Severity:
        return self.severities.get(rule, REGISTRY[rule].severity)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration and its ``[validate]`` section, checked against the schema below
    (a misspelt key is an error that names the file, not a setting silently ignored)."""
    found = _nearest(start)
    if found is None:
        return None
    path, top, prefix = found
    section = top.get("validate", {})
    _check(path, section, _VALIDATE, f"{prefix}validate.")
    return path, section


def _nearest(start: Path) -> tuple[Path, dict[str, Any], str] | None:
    """The nearest ``kehoach.toml``, or ``pyproject.toml`` with a ``[tool.kehoach]`` table: the
    file, its kehoach table (top-level keys checked) and the prefix its keys are named with."""
    for folder in (start, *start.parents):
        own = folder / "kehoach.toml"
        # exists, not is_file: a kehoach.toml that is a folder or a FIFO is an error, not ignored.
        if own.exists():
            data = _read(own)
            _check(own, data, _TOP, "")
            return own, data, ""
        py = folder / "pyproject.toml"
        if py.is_file():
            tool = _read(py).get("tool", {})
            section = tool.get("kehoach", {}) if isinstance(tool, dict) else {}
            if section:
                _check(py, section, _TOP, "tool.kehoach.")
                return py, section, "tool.kehoach."
    return None


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """``[report]``: ``periods = "nd09"`` (default: Nghị định 09/2019, 15th to 14th) or
    ``"calendar"`` (a city that asks for calendar months, quarters and years)."""

    calendar: bool = False


def report_settings(cwd: Path) -> ReportSettings:
    found = _nearest(cwd)
    if found is None:
        return ReportSettings()
    path, top, prefix = found
    section = top.get("report", {})
    _check(path, section, _REPORT, f"{prefix}report.")
    periods = section.get("periods", "nd09")
    if periods not in ("nd09", "calendar"):
        raise KehoachError("report.config-periods", path=str(path), setting=f"{prefix}report.periods",
                           value=periods)
    return ReportSettings(calendar=periods == "calendar")


# The configuration's own schema: each key and the TOML types it takes ("list" of strings).
_TOP: dict[str, tuple[type, ...]] = {"validate": (dict,), "report": (dict,)}
_REPORT: dict[str, tuple[type, ...]] = {"periods": (str,)}
_VALIDATE: dict[str, tuple[type, ...]] = {"select": (list, str), "ignore": (list, str), "fail-on": (str,),
                                          "severity": (dict,)}
_TYPE_NAMES: dict[type, str] = {dict: "table", list: "list of strings", str: "string"}


def _check(path: Path, table: object, schema: dict[str, tuple[type, ...]], prefix: str) -> None:
    if not isinstance(table, dict):
        raise KehoachError("cli.config-type", path=str(path), setting=prefix.rstrip("."), expected="table")
    for key, value in table.items():
        if key not in schema:
            close = did_you_mean(key.replace("_", "-"), list(schema), n=1)
            raise KehoachError("cli.config-unknown", path=str(path), setting=f"{prefix}{key}",
                               suggestions=", ".join(f"{prefix}{c}" for c in close))
        allowed = schema[key]
        if not isinstance(value, allowed) or (isinstance(value, list) and not all(isinstance(v, str) for v in value)):
            raise KehoachError("cli.config-type", path=str(path), setting=f"{prefix}{key}",
                               expected=" / ".join(_TYPE_NAMES[t] for t in allowed))
    severity = table.get("severity") if prefix.endswith("validate.") else None
    if isinstance(severity, dict):
        for rule, level in severity.items():
            if not isinstance(level, str):
                raise KehoachError("cli.config-type", path=str(path), setting=f"{prefix}severity.{rule}",
                                   expected="string")


def _read(path: Path) -> dict[str, Any]:
    """A TOML file through the loader's read (a regular file, under the size cap)."""
    try:
        data = read_bytes(path, limit=1024 * 1024)
    except LoadFailure as e:
        raise KehoachError("cli.config-unreadable", path=str(path), problem_vi=t(e.key, "vi", **e.args_),
                           problem_en=t(e.key, "en", **e.args_)) from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise KehoachError("cli.config-encoding", path=str(path), line=line) from None
    except tomllib.TOMLDecodeError as e:
        raise KehoachError("cli.config", path=str(path), detail=str(e)) from None


def _names(selectors: Iterable[str] | str, where: str, setting: str = "") -> set[str]:
    """The rules that selectors name; ``where`` and ``setting`` say which file and key they come from
    (empty: the command line)."""
    out: set[str] = set()
    for sel in [selectors] if isinstance(selectors, str) else selectors:
        for part in str(sel).split(","):
            if not part.strip():
                continue
            found = resolve(part)
            if not found and where:
                close = did_you_mean(part.strip(), list(REGISTRY), n=1)
                raise KehoachError("cli.config-rule", path=where, setting=setting, name=part.strip(),
                                   suggestions=", ".join(close))
            if not found:
                raise KehoachError("cli.unknown-rule", name=part.strip(), known=", ".join(REGISTRY))
            out.update(r.name for r in found)
    return out


def build_settings(*, select: list[str] | None, ignore: list[str] | None, fail_on: str | None,
                   as_of: dt.date, cwd: Path) -> Settings:
    found = find_config(cwd)
    conf: dict[str, Any] = found[1] if found else {}
    where = str(found[0]) if found else ""
    chosen = _names(select, "") if select else _names(conf.get("select", ["ALL"]), where, "validate.select")
    chosen -= _names(conf.get("ignore", []), where, "validate.ignore")
    chosen -= _names(ignore or [], "")
    severities: dict[str, Severity] = {}
    for sel, level in (conf.get("severity", {}) or {}).items():
        try:
            sev = Severity.parse(str(level))
        except KeyError:
            raise KehoachError("cli.config-severity", path=where, setting=f"validate.severity.{sel}",
                               value=level) from None
        for name in _names([sel], where, "validate.severity"):
            severities[name] = sev
    fail = fail_on or conf.get("fail-on", "error")
    try:
        fail_sev = Severity.parse(str(fail))
    except KeyError:
        if fail_on:
            raise KehoachError("cli.bad-severity", value=fail) from None
        raise KehoachError("cli.config-severity", path=where, setting="validate.fail-on", value=fail) from None
    ordered = tuple(name for name in REGISTRY if name in chosen)
    return Settings(rules=ordered, severities=severities, as_of=as_of, fail_on=fail_sev)
