"""The city's unit registry: canonical unit names, their aliases, known misspellings and vague phrases."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import KehoachError
from .loader import LoadFailure, load
from .messages import t
from .schema import message_of, validate
from .text import norm_key, strip_accents

REGISTRY_FILE = "units.yaml"

# Phrases that name no one whatever the city: a lead unit must be a unit, not a category.
_VAGUE_PATTERNS = [
    re.compile(p) for p in (
        r"^các (phòng|cơ quan|đơn vị|ban|ngành|bộ phận|tổ chức|cá nhân)\b",
        r"^(cơ quan|đơn vị|phòng|bộ phận)( có)? liên quan$",
        r"^(các )?đơn vị (có )?liên quan",
        r"^(các )?cơ quan,? đơn vị",
    )
]
# "Phòng Văn hóa - Xã hội xã", "Công an phường Hải An": the commune qualifier does not change the unit.
# "Xã hội" is a word, not the qualifier "xã" followed by a place name.
_QUALIFIER = re.compile(r"\s+(xã|phường|đặc khu)(?!\s+hội\b)(\s+[^,;]*)?$")
_QUALIFIER_RAW = re.compile(r"\s+(xã|phường|đặc khu)(?!\s+hội\b)(\s+[^,;]*)?$", re.IGNORECASE)
# A cell naming several units, split from the strongest separator down: "Văn phòng HĐND và UBND xã;
# Công an xã" is two units, not three, because "và" is tried only inside the parts ";" leaves.
_SPLITS = (re.compile(r"\s*;\s*"), re.compile(r"\s*,\s*"), re.compile(r"\s+và\s+"))


@dataclass(frozen=True, slots=True)
class Match:
    text: str
    status: str            # canonical | alias | variant | misspelling | vague | unknown | several
    canonical: str | None
    suggestions: tuple[str, ...] = ()
    parts: tuple[Match, ...] = ()

    @property
    def known(self) -> bool:
        return self.status not in ("unknown",)

    def leaves(self) -> Iterator[Match]:
        """The unit itself, or each unit of a cell naming several."""
        if self.status == "several":
            for p in self.parts:
                yield from p.leaves()
        else:
            yield self


def named(registry: Registry | None, cells: Iterable[str]) -> list[str]:
    """The units cells name, each as written: a cell kept as the source wrote it, "Văn phòng HĐND
    và UBND xã; Công an xã", names two units when the registry knows both."""
    if registry is None:
        return list(cells)
    return [leaf.text for cell in cells for leaf in registry.lookup(cell).leaves()]


def unit_key(text: str) -> str:
    key = norm_key(text)
    stripped = _QUALIFIER.sub("", key)
    return stripped or key


def is_vague_phrase(text: str) -> bool:
    key = norm_key(text)
    return any(p.search(key) for p in _VAGUE_PATTERNS)


@dataclass(frozen=True, slots=True)
class Registry:
    path: str
    city: str
    canonical: dict[str, str]        # exact canonical name → itself
    aliases: dict[str, str]          # exact alias → canonical
    misspellings: dict[str, str]     # exact misspelling → canonical
    keys: dict[str, str]             # normalised key of any name → canonical
    vague: frozenset[str]            # normalised keys of vague phrases
    bases: dict[str, tuple[str, str]]  # a name without its commune qualifier → (status, canonical)
    # A city's plans name the same few dozen units thousands of times: remember the answers.
    memo: dict[str, Match] = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, text: str) -> Match:
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = self._lookup(text)
        return found

    def _lookup(self, text: str) -> Match:
        # The cell as written may end a list with "." or ";" (vinh-lai.yaml pl2.II.9).
        t = text.strip().rstrip(".;,").rstrip() or text.strip()
        if t in self.canonical:
            return Match(t, "canonical", t)
        if t in self.aliases:
            return Match(t, "alias", self.aliases[t])
        if t in self.misspellings:
            return Match(t, "misspelling", self.misspellings[t])
        # "Công an phường Hải An" is the registered "Công an xã" with another commune qualifier:
        # written as registered, not a variant.
        based = self.bases.get(_QUALIFIER_RAW.sub("", t))
        if based is not None:
            return Match(t, based[0], based[1])
        key = unit_key(t)
        if key in self.vague or norm_key(t) in self.vague or is_vague_phrase(t):
            return Match(t, "vague", None)
        if key in self.keys:
            canon = self.keys[key]
            return Match(t, "canonical" if norm_key(t) == norm_key(canon) and t == canon else "variant", canon)
        for separator in _SPLITS:
            parts = [p for p in separator.split(t) if p.strip()]
            if len(parts) > 1:
                matches = tuple(self.lookup(p) for p in parts)
                if all(m.status != "unknown" for m in matches):
                    return Match(t, "several", None, parts=matches)
        return Match(t, "unknown", None, self.suggest(t))

    def suggest(self, text: str, n: int = 3) -> tuple[str, ...]:
        names = {strip_accents(k): v for k, v in self.keys.items()}
        close = difflib.get_close_matches(strip_accents(unit_key(text)), list(names), n=n * 2, cutoff=0.6)
        out: list[str] = []
        for c in close:
            if names[c] not in out:
                out.append(names[c])
        return tuple(out[:n])


def registry_from_data(data: dict[str, object], path: str) -> Registry:
    canonical: dict[str, str] = {}
    aliases: dict[str, str] = {}
    miss: dict[str, str] = {}
    keys: dict[str, str] = {}
    for unit in data.get("units", []):  # type: ignore[attr-defined]
        name = unit["name"].strip()
        canonical[name] = name
        keys.setdefault(unit_key(name), name)
        for a in unit.get("aliases", []) or []:
            aliases[a.strip()] = name
            keys.setdefault(unit_key(a), name)
        for m in unit.get("misspellings", []) or []:
            miss[m.strip()] = name
            keys.setdefault(unit_key(m), name)
    vague = frozenset(unit_key(v) for v in data.get("vague", []) or [])  # type: ignore[attr-defined]
    bases: dict[str, tuple[str, str]] = {}
    for status, names in (("misspelling", miss), ("alias", aliases), ("canonical", canonical)):
        for name, canon in names.items():
            bases[_QUALIFIER_RAW.sub("", name)] = (status, canon)
    return Registry(path=path, city=str(data.get("city", "")), canonical=canonical, aliases=aliases,
                    misspellings=miss, keys=keys, vague=vague, bases=bases)


def load_registry(path: Path) -> Registry:
    """Load and check ``units.yaml``; a broken registry is a configuration error (exit 2)."""
    try:
        st = path.stat()
    except OSError:
        raise KehoachError("cli.units-missing", path=str(path)) from None
    return _load_registry(path.resolve(), st.st_mtime_ns, st.st_size, str(path))


@cache
def _load_registry(path: Path, mtime_ns: int, size: int, display: str) -> Registry:
    # Keyed on mtime and size too: a long-lived process (tests, an editor plugin) sees edits.
    # Errors name the file as found (units.yaml), not where a link leads.
    try:
        doc = load(path)
    except LoadFailure as e:
        raise KehoachError("units.unreadable", path=display, line=e.span.line, column=e.span.column,
                           problem_vi=t(e.key, "vi", **e.args_), problem_en=t(e.key, "en", **e.args_)) from None
    errors = validate(doc, "units")
    if errors:
        first = errors[0]
        span = doc.span(first.key_path or first.path)
        key, args = message_of(first)
        raise KehoachError("units.invalid", path=display, line=span.line, column=span.column,
                           detail_vi=t(key, "vi", **args).rstrip("."), detail_en=t(key, "en", **args).rstrip("."))
    return registry_from_data(doc.data, str(path))


def registry_for(plan_path: Path) -> Registry | None:
    """The registry beside a plan (``plans/<city>/units.yaml``), if there is one."""
    candidate = plan_path.resolve().parent / REGISTRY_FILE
    # Any units.yaml, not only a regular file: one that is a folder or a FIFO is an error, not
    # the unit checks silently off.
    return load_registry(candidate) if os.path.lexists(candidate) else None
