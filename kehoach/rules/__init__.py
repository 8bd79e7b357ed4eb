"""The rule registry: every rule with its stable name, code and default severity.

A rule only reports *what* and *where*; the linter applies the configured severity.
Codes are grouped in families: KH0xx document, KH1xx units, KH2xx deadlines, KH3xx targets,
KH4xx structure, KH5xx progress. Names and codes are a stable interface: never reuse or rename one.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..deadlines import Deadline, parse_deadline
from ..findings import Severity, Span
from ..model import Plan
from ..targets import Target, parse_target
from ..units import Registry


@dataclass(frozen=True, slots=True)
class Hit:
    span: Span
    message: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    plan: Plan
    registry: Registry | None
    as_of: dt.date


class Rule:
    """Base class. The subclass docstring is the rule's documentation, with the sections
    What it does / Why it matters / Example / Fix."""

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    # "load" and "schema" rules are reported by the loader and the schema check themselves;
    # they are registered so that they can be selected, configured and explained like the rest.
    phase: ClassVar[str] = "plan"
    # Rules whose findings depend on --as-of say so, so that the cache keys on the date only then.
    uses_as_of: ClassVar[bool] = False

    def check(self, ctx: Context) -> Iterator[Hit]:
        return iter(())

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @staticmethod
    def hit(span: Span, message: str, **args: Any) -> Hit:
        return Hit(span, message, args)


# Several rules read the same deadline and target cells: parse each distinct text once.
@functools.lru_cache(maxsize=16384)
def deadline(text: str, year: int) -> Deadline:
    return parse_deadline(text, year)


@functools.lru_cache(maxsize=16384)
def target(text: str) -> Target:
    return parse_target(text)


def _all_rules() -> dict[str, type[Rule]]:
    from . import deadlines, document, progress, structure, targets, units

    rules: dict[str, type[Rule]] = {}
    for module in (document, units, deadlines, targets, structure, progress):
        for cls in module.RULES:
            assert cls.name not in rules, cls.name
            rules[cls.name] = cls
    return rules


REGISTRY: dict[str, type[Rule]] = _all_rules()
BY_CODE: dict[str, type[Rule]] = {r.code: r for r in REGISTRY.values()}


def resolve(selector: str) -> list[type[Rule]]:
    """A rule name, a code (KH203) or a code prefix naming a family (KH2) → the rules it names."""
    s = selector.strip()
    if s in REGISTRY:
        return [REGISTRY[s]]
    up = s.upper()
    if up in BY_CODE:
        return [BY_CODE[up]]
    family = [r for c, r in sorted(BY_CODE.items()) if up.startswith("KH") and c.startswith(up)]
    if up == "ALL":
        return list(REGISTRY.values())
    return family

