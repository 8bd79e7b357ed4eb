"""The rule registry: every rule with its stable name, code, default severity and message.

A rule is one module in this package: a ``Rule`` subclass with its name, code, severity, message
template (Vietnamese, ``str.format``) and its documentation: the docstring in Vietnamese, and
``doc_en`` in English, both with the fixed headings of ``HEADINGS``. Importing the
package discovers the modules, so adding a rule touches no list. Modules whose name starts with
"_" hold shared helpers and are not searched for rules.

A rule only reports *what* and *where*; the linter applies the configured severity.
Codes are grouped in families: KH0xx document, KH1xx units, KH2xx deadlines, KH3xx targets,
KH4xx structure, KH5xx progress. Names and codes are a stable interface: never reuse or rename one.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from ..findings import Severity, Span
from ..loader import Document
from ..model import Plan
from ..units import Registry


@dataclass(frozen=True, slots=True)
class Hit:
    span: Span
    message: str                # catalogue key: "rule." + the message id
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Context:
    plan: Plan
    registry: Registry | None
    as_of: dt.date
    # The parsed file under the model: every value as read, with its position. For rules about
    # characters and blanks in any field, which the model strips or does not keep a line for.
    doc: Document | None = None


# The fixed sections of a rule's documentation, in order, in each language.
HEADINGS: dict[str, tuple[str, ...]] = {
    "vi": ("**Tác dụng.**", "**Vì sao quan trọng.**", "**Ví dụ.**", "**Cách sửa.**"),
    "en": ("**What it does.**", "**Why it matters.**", "**Example.**", "**Fix.**"),
}


class Rule:
    """Base class. The subclass docstring is the rule's documentation in Vietnamese, the source
    language: a one-sentence summary, then the sections Tác dụng / Vì sao quan trọng / Ví dụ /
    Cách sửa (``HEADINGS``). ``doc_en`` is the same documentation in English (What it does / Why
    it matters / Example / Fix). Both are Markdown; plan text in examples stays as written."""

    name: ClassVar[str]
    code: ClassVar[str]
    severity: ClassVar[Severity]
    # The Vietnamese text of the finding, a str.format template over the hit's arguments.
    message: ClassVar[str] = ""
    # Further texts for a rule that reports more than one kind of finding, by message id; a hit
    # picks one with variant=<id>. Ids share one namespace with rule names (the catalogue key is
    # "rule.<id>"), so an id is never another rule's name.
    messages: ClassVar[dict[str, str]] = {}
    # "load" and "schema" rules are reported by the loader and the schema check themselves;
    # they are registered so that they can be selected, configured and explained like the rest.
    phase: ClassVar[str] = "plan"
    # Rules whose findings depend on --as-of say so, so that the cache keys on the date only then.
    uses_as_of: ClassVar[bool] = False
    # The documentation in English; a translation into another language is ``doc_<lang>``. A rule
    # without one shows its Vietnamese documentation in that language, never nothing.
    doc_en: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterator[Hit]:
        return iter(())

    @classmethod
    def doc(cls, lang: str = "vi") -> str:
        """The documentation (Markdown) in ``lang``: the docstring, or its translation ``doc_<lang>``."""
        translated = getattr(cls, f"doc_{lang}", "") if lang.isidentifier() else ""
        return inspect.cleandoc(translated or cls.__doc__ or "")

    @classmethod
    def summary(cls, lang: str = "vi") -> str:
        """The first paragraph of the documentation in ``lang``: one sentence saying what the rule flags."""
        first = cls.doc(lang).split("\n\n", 1)[0]
        return " ".join(first.split()) or cls.name

    @classmethod
    def templates(cls) -> dict[str, str]:
        """Every message of the rule by message id: the rule's name for ``message``."""
        out = {cls.name: cls.message} if cls.message else {}
        out.update(cls.messages)
        return out

    def hit(self, span: Span, *, variant: str = "", **args: Any) -> Hit:
        """A finding at ``span`` with the rule's ``message`` (or ``messages[variant]``) and
        ``args`` to fill it. The text itself is looked up when the finding is shown: findings are
        cached and shown in either language."""
        if variant and variant not in self.messages:
            raise KeyError(f"rule {self.name} has no message variant {variant!r}")
        return Hit(span, f"rule.{variant or self.name}", args)


V = TypeVar("V")
_REQUIRED = ("name", "code", "severity")


def _defined_in(module: Any) -> Iterator[type[Rule]]:
    for obj in vars(module).values():
        if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
            yield obj


def _discover() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            found += _defined_in(importlib.import_module(f"{__name__}.{info.name}"))
    for cls in found:
        missing = [a for a in _REQUIRED if a not in vars(cls)]
        if missing:
            raise TypeError(f"rule {cls.__module__}.{cls.__qualname__} does not set {', '.join(missing)}")
        if cls.phase in ("plan", "post") and not cls.templates():
            raise TypeError(f"rule {cls.name} has no message")
    # Code order is the order users see: rule listings, SARIF, docs/rules.md.
    return sorted(found, key=lambda r: r.code)


def _index(rules: list[type[Rule]], what: str, pairs: Callable[[type[Rule]], Iterable[tuple[str, V]]]) -> dict[str, V]:
    out: dict[str, V] = {}
    for r in rules:
        for k, v in pairs(r):
            if k in out:
                raise TypeError(f"{what} {k!r} is used twice (the second time by rule {r.name})")
            out[k] = v
    return out


_RULES = _discover()
REGISTRY: dict[str, type[Rule]] = _index(_RULES, "rule name", lambda r: [(r.name, r)])
BY_CODE: dict[str, type[Rule]] = _index(_RULES, "rule code", lambda r: [(r.code, r)])
# Message id → Vietnamese template, for every rule: what kehoach.messages renders "rule.<id>" with.
TEMPLATES: dict[str, str] = _index(_RULES, "message id", lambda r: r.templates().items())
del _RULES


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
