"""The city's unit registry: canonical unit names, their aliases, known misspellings and vague phrases.

A city's ``units.yaml`` may say ``extends: national``: it then adds to and overrides the national
model of commune-level units that kehoach ships (``kehoach/data/units-national.yaml``).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import KehoachError
from .loader import LoadFailure, load
from .messages import t
from .schema import message_of, validate
from .text import fold_tones, nfc, norm_key, strip_accents

REGISTRY_FILE = "units.yaml"
NATIONAL = "national"

# Phrases that name no one whatever the city: a lead unit must be a unit, not a category.
# "Các …" before a kind of body, and a list of kinds of body ending in "(có) liên quan". The list stops
# at a real name: "Phòng VHXXH và các đơn vị liên quan" is a unit and a vague phrase, not one vague phrase.
_GENERIC = r"(phòng|ban|ngành|sở|cơ quan|đơn vị|bộ phận|tổ chức|cá nhân|đoàn thể|lực lượng|địa phương|chuyên môn)"
_VAGUE_PATTERNS = [
    re.compile(p) for p in (
        r"^các (phòng|cơ quan|đơn vị|ban|ngành|sở|bộ phận|tổ chức|cá nhân|lực lượng)\b",
        r"^(cơ quan|đơn vị|phòng|bộ phận)( có)? liên quan$",
        r"^(các )?đơn vị (có )?liên quan",
        r"^(các )?cơ quan,? đơn vị",
        rf"^(các |những )?{_GENERIC}((,| và| -)? (các )?{_GENERIC})* (có )?liên quan$",
    )
]
# "Phòng Văn hóa - Xã hội xã", "Công an phường Hải An", "… cấp xã", "… của UBND phường Phú An": the
# commune qualifier does not change the unit. "Xã hội" is a word, not the qualifier "xã" + a place name.
# The commune's name after its level: words, but not a list going on ("xã và các đơn vị liên quan" is
# the commune's office and a vague phrase, not one unit of a commune called "và các đơn vị liên quan").
_PLACE = r"(\s+(?!(và|các|cùng|với|phối hợp)(\s|$))[^\s,;()]+)*"
# The levels may be listed: "UBND xã, phường, thị trấn", "Công an xã/phường" name the one commune body.
_LEVEL = r"(xã|phường|đặc khu|thị trấn)"
# "P.Sài Gòn", "X. Tân Minh": the level abbreviated before a commune's name (never alone: "P." alone
# is more often "Phòng").
_LEVEL_ABBR = r"(p|x)\.\s*[^\s,;()]+"
_QUALIFIER_BODY = (r"\s+(((của|thuộc|trực thuộc)\s+((ubnd|ủy ban nhân dân)\s+)?)?(cấp\s+)?"
                   rf"({_LEVEL}((\s*[,/]\s*|\s+(và|hoặc)\s+){_LEVEL})*(?!\s+hội\b)|{_LEVEL_ABBR}){_PLACE})$")
# Public: unit-inconsistent folds and keeps the qualifier the way the registry reads it.
QUALIFIER = re.compile(_QUALIFIER_BODY)
QUALIFIER_AS_WRITTEN = re.compile(_QUALIFIER_BODY, re.IGNORECASE)
# "Bộ phận một cửa UBND xã": a commune unit followed by the committee it belongs to.
_OWNER = re.compile(r"\s+((của|thuộc|trực thuộc)\s+)?(ubnd|ủy ban nhân dân)\s+(cấp\s+)?(xã|phường|đặc khu)"
                    rf"{_PLACE}$", re.IGNORECASE)
# "Sở Khoa học và Công nghệ tỉnh Nghệ An", "Sở KH-CN TPHCM": a province-level unit with its province.
_PROVINCE = re.compile(r"\s+(cấp tỉnh|tỉnh|thành phố|tp\.?(?=\s|hcm)|tphcm)(\s*[^,;]*)?$", re.IGNORECASE)
# "Sở KH&CN Hà Tĩnh": a province's name written without "tỉnh" — words in title case at the end.
_PROPER_NAME_WORDS = 3
_PROVINCIAL = frozenset({"tỉnh", "thành phố", "trung ương"})
# A cell naming several units, split from the strongest separator down: "Văn phòng HĐND và UBND xã;
# Công an xã" is two units, not three, because "và" is tried only inside the parts ";" leaves.
# A line break in a table cell separates units as ";" does ("Phòng VHXH\nCông an xã"); "/" and a
# spaced dash only between names that are each known ("Phòng VHXH/Phòng KT").
_AND = re.compile(r"\s+và\s+")
_SPLITS = (re.compile(r"\s*(?:;|\n)\s*"), re.compile(r"\s*,\s*"), re.compile(r"\s*/\s*"), _AND,
           re.compile(r"\s+[-–]\s+"))
# What a cell may carry around the unit's name: a list bullet, a column's word before a colon
# ("Chủ trì: Phòng VHXH"), a note in brackets after it ("(cơ quan thường trực)").
_BULLET = re.compile(r"^\s*(?:[-+•*]|\d+[.)])\s+")
_ROLE = re.compile(r"^\s*(?:đơn vị |cơ quan )?(?:chủ trì|phối hợp)\s*:\s*", re.IGNORECASE)
_NOTE = re.compile(r"^(?P<head>.*\S)\s*\((?P<note>[^()]*)\)$")


@dataclass(frozen=True, slots=True)
class Match:
    text: str
    status: str            # canonical | alias | variant | misspelling | vague | unknown | several
    canonical: str | None
    suggestions: tuple[str, ...] = ()
    parts: tuple[Match, ...] = ()
    # How the spelling was read (explain's "rule"): exact | alias | misspelling | qualifier |
    # normalised | initials | ambiguous | vague-list | vague-pattern | several | unknown.
    rule: str = ""

    @property
    def known(self) -> bool:
        return self.status not in ("unknown",)

    @property
    def reading(self) -> str:
        """The cell's reading on one line: its units' canonical names joined by " | ", or "vague"
        (it names no one) or "unknown" (no unit named) — the form of
        tests/data/unit-cells-other-provinces.txt."""
        leaves = list(self.leaves())
        if all(leaf.status == "vague" for leaf in leaves):
            return "vague"
        if all(leaf.canonical is None for leaf in leaves):
            return "unknown"
        return " | ".join(leaf.canonical or leaf.status for leaf in leaves)

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
    stripped = QUALIFIER.sub("", key)
    return stripped or key


def is_vague_phrase(text: str) -> bool:
    key = norm_key(text)
    return any(p.search(key) for p in _VAGUE_PATTERNS)


# ---------------------------------------------------------------- initials ("P. VHXH", "TTPVHCC")
# A token is an abbreviation when it is written in capitals ("VHXH", "HĐND"), or, in a text written
# all in capitals, when it cannot be a Vietnamese syllable ("PHÒNG" can, "PVHCC" cannot).
_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
_TOKENS = re.compile(r"[^\W\d_]+", re.UNICODE)
_CONNECTORS = frozenset({"và", "các", "của"})
# Words a writer drops before an abbreviation ("VHXH" for "Phòng VHXH"); only heads whose rest is
# still long enough to be told apart (three letters or more).
_HEADS = ("p", "tt", "vp", "b", "h")
_MIN_INITIALS = 3


def _is_abbreviation(token: str, all_caps: bool) -> bool:
    if len(token) < 2 or not token.isupper():
        return False
    return not all_caps or not _SYLLABLE.match(strip_accents(token).lower())


def initials(text: str) -> tuple[str, bool]:
    """The initials skeleton of a name ("Phòng Văn hóa - Xã hội" and "P. VHXH" → "pvhxh") and whether
    the text itself abbreviates (has a token in capitals or a one-letter word)."""
    raw = QUALIFIER_AS_WRITTEN.sub("", fold_tones(nfc(text)).strip()) or text
    letters = [c for c in raw if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    out: list[str] = []
    abbreviates = False
    for token in _TOKENS.findall(raw):
        if token.lower() in _CONNECTORS:
            continue
        if _is_abbreviation(token, all_caps):
            out.append(strip_accents(token).lower())
            abbreviates = True
        else:
            abbreviates = abbreviates or len(token) == 1
            out.append(strip_accents(token[0]).lower())
    return "".join(out), abbreviates


# Head words a writer drops ("Văn hóa - Xã hội" for the Phòng); what is left must be four syllables
# or more, so that "Kinh tế" or "Dịch vụ công" (a field, a kind of service) is not read as a unit.
_BARE_HEADS = ("phòng ", "trung tâm ", "ban ")
_MIN_BARE_SYLLABLES = 4


def _bare(key: str) -> str | None:
    for head in _BARE_HEADS:
        if key.startswith(head):
            rest = key[len(head):]
            if len([w for w in rest.split() if w.isalpha()]) >= _MIN_BARE_SYLLABLES:
                return rest
    return None


def _headless(skeleton: str) -> str | None:
    for head in _HEADS:
        if skeleton.startswith(head) and len(skeleton) - len(head) >= _MIN_INITIALS:
            return skeleton[len(head):]
    return None


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
    # Initials skeleton of every name → the units it may stand for (more than one: ambiguous).
    initials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    headless: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # A name's key without its head word ("văn hóa - xã hội" for "Phòng Văn hóa - Xã hội") → the units
    # it may stand for (more than one: not read).
    bare: dict[str, tuple[str, ...]] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)   # canonical → "city" or "national" (its file)
    levels: dict[str, str] = field(default_factory=dict)   # canonical → level (xã, tỉnh …)
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
        bare = _ROLE.sub("", _BULLET.sub("", t))
        if bare != t and bare.strip():
            inner = self.lookup(bare)
            return Match(t, inner.status, inner.canonical, inner.suggestions, inner.parts, inner.rule)
        direct = self._named(t)
        if direct is not None:
            return direct
        key = unit_key(t)
        if key in self.vague or norm_key(t) in self.vague:
            return Match(t, "vague", None, rule="vague-list")
        # A registered name, however written, before the patterns: "các tổ chức chính trị – xã hội" is
        # the registry's "Các tổ chức chính trị - xã hội", not the vague "các tổ chức …".
        normalised = self._normalised(t)
        if normalised is not None:
            return normalised
        if is_vague_phrase(t):
            return Match(t, "vague", None, rule="vague-pattern")
        for separator in _SPLITS:
            parts = [p for p in separator.split(t) if p.strip()]
            if len(parts) > 1:
                matches = tuple(self.lookup(p) for p in parts)
                if all(m.status != "unknown" for m in matches):
                    return Match(t, "several", None, parts=matches, rule="several")
        halves = self._split_once(t) or self._noted(t)
        if halves is not None:
            return halves
        return (self._by_owner(t) or self._by_province(t) or self._by_initials(t) or self._by_bare(t)
                or Match(t, "unknown", None, self.suggest(t), rule="unknown"))

    def _by_bare(self, t: str) -> Match | None:
        """"Văn hóa - Xã hội", "Chỉ huy quân sự xã": a unit's name written without its head word
        (Phòng, Trung tâm, Ban), when only one unit's name reads so."""
        found = self.bare.get(unit_key(t))
        if found is None or len(found) != 1:
            return None
        return Match(t, "variant", found[0], rule="headless")

    def _split_once(self, t: str) -> Match | None:
        """"Văn phòng HĐND và UBND xã và các đơn vị liên quan": "và" both inside a name and between
        names. Split at one "và" so that both sides are known, the first such from the left."""
        for m in _AND.finditer(t):
            left, right = t[:m.start()], t[m.end():]
            if not left.strip() or not right.strip():
                continue
            a, b = self.lookup(left), self.lookup(right)
            if a.status != "unknown" and b.status != "unknown":
                return Match(t, "several", None, parts=(a, b), rule="several")
        return None

    def _noted(self, t: str) -> Match | None:
        """"Phòng Văn hóa - Xã hội (cơ quan thường trực)": the unit, and a note that names no other
        unit. A bracket naming another unit ("UBND xã (Phòng VHXH)") is not dropped."""
        m = _NOTE.match(t)
        if m is None:
            return None
        head, note = self.lookup(m.group("head")), self.lookup(m.group("note"))
        if head.status == "unknown" or (note.canonical is not None and note.canonical != head.canonical):
            return None
        return Match(t, head.status, head.canonical, head.suggestions, head.parts, "qualifier")

    def _by_owner(self, t: str) -> Match | None:
        head = _OWNER.sub("", t)
        if head == t or not head:
            return None
        inner = self._named(head) or self._normalised(head)
        if inner is None or self.levels.get(inner.canonical or "") != "xã":
            return None
        return Match(t, inner.status, inner.canonical, rule="qualifier")

    def _named(self, t: str) -> Match | None:
        """A registered name as written, with or without a commune qualifier."""
        if t in self.canonical:
            return Match(t, "canonical", t, rule="exact")
        if t in self.aliases:
            return Match(t, "alias", self.aliases[t], rule="alias")
        if t in self.misspellings:
            return Match(t, "misspelling", self.misspellings[t], rule="misspelling")
        # "Công an phường Hải An" is the registered "Công an xã" with another commune qualifier:
        # written as registered, not a variant.
        based = self.bases.get(QUALIFIER_AS_WRITTEN.sub("", t))
        if based is not None:
            return Match(t, based[0], based[1], rule="qualifier")
        return None

    def _normalised(self, t: str) -> Match | None:
        key = unit_key(t)
        canon = self.keys.get(key)
        if canon is None:
            # The plural marker does not change a collective unit: "tổ chức chính trị - xã hội" and
            # "Các tổ chức chính trị - xã hội" name the same bodies.
            other = key[4:] if key.startswith("các ") else f"các {key}"
            canon = self.keys.get(other)
            if canon is None or other in self.vague:
                return None
        exact = norm_key(t) == norm_key(canon) and t == canon
        return Match(t, "canonical" if exact else "variant", canon, rule="normalised")

    def _by_province(self, t: str) -> Match | None:
        """"Công an tỉnh Nghệ An" is "Công an tỉnh"; "Sở Y tế TPHCM" is "Sở Y tế" — but only a
        province-level unit: "Công an" alone is the commune's police."""
        m = _PROVINCE.search(t)
        if m is None:
            return self._by_province_name(t)
        level_word = m.group(1).lower()
        head = t[:m.start()]
        words = [level_word] if level_word in ("tỉnh", "thành phố") else ["tỉnh", "thành phố"]
        for candidate in [*(f"{head} {w}" for w in words), head]:
            inner = self._provincial(candidate)
            if inner is not None:
                return Match(t, inner.status, inner.canonical, rule="qualifier")
        return None

    def _provincial(self, text: str) -> Match | None:
        inner = self._named(text) or self._normalised(text)
        if inner is not None and inner.canonical and self.levels.get(inner.canonical) in _PROVINCIAL:
            return inner
        return None

    def _by_province_name(self, t: str) -> Match | None:
        """"Sở KH&CN Hà Tĩnh": a province-level unit followed by a place name in title case (one to
        three words). Only a unit of a province: "Công an Hà Tĩnh" is not read as the commune's police."""
        words = t.split()
        for n in range(1, min(_PROPER_NAME_WORDS, len(words) - 1) + 1):
            tail = words[-n:]
            if not all(w[:1].isupper() and w[1:].islower() for w in tail):
                break
            inner = self._provincial(" ".join(words[:-n]))
            if inner is not None:
                return Match(t, inner.status, inner.canonical, rule="qualifier")
        return None

    def _by_initials(self, t: str) -> Match | None:
        """"TT PVHCC", "P. VHXH", "KT-HT-ĐT": an abbreviation of exactly one unit's name. An
        abbreviation of two is not guessed: a wrong unit is worse than an unknown one."""
        skeleton, abbreviates = initials(t)
        if not abbreviates or len(skeleton) < _MIN_INITIALS:
            return None
        found = self.initials.get(skeleton) or self.headless.get(skeleton)
        if not found:
            return None
        if len(found) == 1:
            return Match(t, "alias", found[0], rule="initials")
        return Match(t, "unknown", None, tuple(found), rule="ambiguous")

    def suggest(self, text: str, n: int = 3) -> tuple[str, ...]:
        names = {strip_accents(k): v for k, v in self.keys.items()}
        wanted = strip_accents(unit_key(text))
        close = difflib.get_close_matches(wanted, list(names), n=n * 2, cutoff=0.6)
        # A unit of the same kind first: "Phòng Tài chính" is more likely a phòng than "Công an tỉnh".
        head = wanted.split(" ", 1)[0]
        close.sort(key=lambda c: strip_accents(norm_key(names[c])).split(" ", 1)[0] != head)
        out: list[str] = []
        for c in close:
            if names[c] not in out:
                out.append(names[c])
        return tuple(out[:n])


# ---------------------------------------------------------------- building a registry
def _names(unit: dict[str, Any]) -> list[str]:
    return [unit["name"].strip(), *(a.strip() for a in unit.get("aliases", []) or [])]


def _merged(base: dict[str, Any], city: dict[str, Any]) -> dict[str, Any]:
    """The city's registry over the national model. A city unit that shares a name or alias (after
    normalisation) with national units replaces them and takes over their other names: Hải Phòng's
    "Công an thành phố" is the national "Công an tỉnh", and "Công an tỉnh" now means it."""
    units: list[dict[str, Any]] = [dict(u) for u in base.get("units", []) or []]
    own: list[dict[str, Any]] = []
    for unit in city.get("units", []) or []:
        keys = {unit_key(n) for n in _names(unit)}
        taken = [u for u in units if keys & {unit_key(n) for n in _names(u)}]
        unit = dict(unit)
        for u in taken:
            units.remove(u)
            known = {unit_key(n) for n in _names(unit)}
            unit["aliases"] = [*(unit.get("aliases") or []), *(n for n in _names(u) if unit_key(n) not in known)]
            unit["misspellings"] = [*(unit.get("misspellings") or []), *(u.get("misspellings") or [])]
            unit["_origin"] = "merged"
        own.append(unit)
    for u in units:
        u["_origin"] = NATIONAL
    vague = [*(city.get("vague") or []), *(base.get("vague") or [])]
    return {**city, "units": own + units, "vague": vague}


def _national_path() -> str:
    return str(resources.files("kehoach").joinpath("data", "units-national.yaml"))


@cache
def national_data() -> dict[str, Any]:
    """The national model kehoach ships (checked against the units schema once per process)."""
    path = Path(_national_path())
    doc = load(path)
    errors = validate(doc, "units")
    if errors:  # a packaging defect, not the user's: say which file and where
        span = doc.span(errors[0].key_path or errors[0].path)
        key, args = message_of(errors[0])
        raise KehoachError("units.invalid", path=str(path), line=span.line, column=span.column,
                           detail_vi=t(key, "vi", **args).rstrip("."), detail_en=t(key, "en", **args).rstrip("."))
    data: dict[str, Any] = doc.data
    return data


def national_registry() -> Registry:
    return registry_from_data(national_data(), _national_path())


def _index(names: dict[str, str]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    full: dict[str, list[str]] = {}
    headless: dict[str, list[str]] = {}
    for name, canon in names.items():
        skeleton, _ = initials(name)
        if len(skeleton) < _MIN_INITIALS:
            continue
        if canon not in full.setdefault(skeleton, []):
            full[skeleton].append(canon)
        rest = _headless(skeleton)
        if rest is not None and canon not in headless.setdefault(rest, []):
            headless[rest].append(canon)
    return {k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in headless.items()}


def registry_from_data(data: dict[str, Any], path: str) -> Registry:
    if data.get("extends") == NATIONAL:
        data = _merged(national_data(), data)
    canonical: dict[str, str] = {}
    aliases: dict[str, str] = {}
    miss: dict[str, str] = {}
    keys: dict[str, str] = {}
    origin: dict[str, str] = {}
    levels: dict[str, str] = {}
    for unit in data.get("units", []):
        name = unit["name"].strip()
        canonical[name] = name
        origin[name] = NATIONAL if unit.get("_origin") == NATIONAL or path == _national_path() else "city"
        levels[name] = str(unit.get("level", ""))
        keys.setdefault(unit_key(name), name)
        for a in unit.get("aliases", []) or []:
            aliases[a.strip()] = name
            keys.setdefault(unit_key(a), name)
        for m in unit.get("misspellings", []) or []:
            miss[m.strip()] = name
            keys.setdefault(unit_key(m), name)
    vague = frozenset(unit_key(v) for v in data.get("vague", []) or [])
    bases: dict[str, tuple[str, str]] = {}
    for status, names in (("misspelling", miss), ("alias", aliases), ("canonical", canonical)):
        for name, canon in names.items():
            bases[QUALIFIER_AS_WRITTEN.sub("", name)] = (status, canon)
    full, headless = _index({**aliases, **canonical})
    bare: dict[str, list[str]] = {}
    for name, canon in {**aliases, **canonical}.items():
        rest = _bare(unit_key(name))
        if rest is not None and rest not in keys and canon not in bare.setdefault(rest, []):
            bare[rest].append(canon)
    return Registry(path=path, city=str(data.get("city", "")), canonical=canonical, aliases=aliases,
                    misspellings=miss, keys=keys, vague=vague, bases=bases, initials=full, headless=headless,
                    bare={k: tuple(v) for k, v in bare.items()}, origin=origin, levels=levels)


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
