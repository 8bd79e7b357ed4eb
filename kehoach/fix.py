"""kehoach validate --fix: safe fixes, each replacing one string in the file and nothing else.

A fix rewrites one scalar where it stands; every other byte of the file stays as it was
(comments, quotes, key order, line endings), and the result is parsed again and compared with
the intended data before it replaces the file atomically. The fixes:

- ``unit``: a lead or coordinating unit that the city's registry (``units.yaml``) knows as a
  misspelling (``Phòng VHXXH``) or as a variant spelling (``Phòng Văn hóa -Xã hội``) becomes the
  registry's canonical name (a commune qualifier after it stays); accepted aliases (``Phòng VHXH``),
  unknown and vague names stay;
- ``unify``: a unit the plan writes in more than one way (``unit-inconsistent``) takes one of
  its spellings in every cell, the plan's most frequent (see that rule's Fix section); only the
  unit's words change inside a cell, and only when every cell still reads as the same units;
- ``html``: formatting tags left by extraction (``<u>…</u>``, ``<p>``, ``<br>``) and entities;
- ``latex``: ``$\\geq 60\\%$`` → ``≥ 60%``;
- ``nfc``: decomposed Unicode (NFD) composed, so that ``hóa`` is one character per letter;
- ``spaces``: non-breaking, zero-width and repeated spaces, tabs, spaces at the ends of a line;
- ``dash``: a dash between two words spaced on one side only (``Văn hóa -Xã hội`` →
  ``Văn hóa - Xã hội``), and look-alike hyphens (U+2010, U+2011) → ``-``.

Nothing else: wording, typos, case and punctuation are the author's. Ids and catalog codes are
never touched.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import KehoachError
from .fmt import canonical_data, compose, schema_name
from .loader import LoadFailure, Path_, collector_paused, document, parse, typed_plain
from .rules.unit_inconsistent import spelling_key, split_qualifier
from .units import Registry, initials, registry_for
from .yamlio import Source, double_quoted, literal, plain_ok, read_source, single_quoted, write

KINDS = ("unit", "unify", "html", "latex", "nfc", "spaces", "dash")
_NOT_FIXED = frozenset({"id", "catalog"})
_UNIT_KEYS = frozenset({"lead", "support"})
_STR = "tag:yaml.org,2002:str"

# --- the text fixes --------------------------------------------------------------------------

_TAG = re.compile(r"</?(?:u|i|b|em|strong|sup|sub|span|font)(?:\s[^<>]*)?>", re.IGNORECASE)
_BREAK_TAG = re.compile(r"</?(?:p|br|div)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|#[0-9]{1,6}|#x[0-9a-fA-F]{1,5});")
_MATH = re.compile(r"\$([^$\n]*\\[^$\n]*)\$")
_COMMAND = re.compile(r"\\([a-zA-Z]+|[%,;:! ])")
_SYMBOLS = {"geq": "≥", "ge": "≥", "leq": "≤", "le": "≤", "neq": "≠", "ne": "≠", "times": "×", "pm": "±",
            "cdot": "·", "approx": "≈", "gt": ">", "lt": "<", "%": "%", ",": " ", ";": " ", ":": " ", " ": " ",
            "!": ""}
_BARE = re.compile(r"\\(geq?|leq?|%)(?![a-zA-Z])")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile("[\u200b\u200c\u2060\ufeff\u00ad]")
_RUN = re.compile(" {2,}")
_LOOKALIKE = str.maketrans({"\u2010": "-", "\u2011": "-"})
_DASH_LEFT = re.compile(r"(?<=[^\W\d_]) ([-–])(?=[^\W\d_])")    # "hóa -Xã"
_DASH_RIGHT = re.compile(r"(?<=[^\W\d_])([-–]) (?=[^\W\d_])")   # "hóa- Xã"


def _html(text: str) -> str:
    if "<" not in text and "&" not in text:
        return text
    text = _BREAK_TAG.sub(" ", _TAG.sub("", text))
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _latex(text: str) -> str:
    if "\\" not in text:
        return text

    def math(m: re.Match[str]) -> str:
        inner = m.group(1)
        unknown = [c for c in _COMMAND.findall(inner) if c not in _SYMBOLS]
        if unknown:  # a formula kehoach cannot read back to plain text: left as written
            return m.group(0)
        return _COMMAND.sub(lambda c: _SYMBOLS[c.group(1)], inner).strip()

    text = _MATH.sub(math, text)
    return _BARE.sub(lambda m: _SYMBOLS[m.group(1)], text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _spaces(text: str) -> str:
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return "\n".join(_RUN.sub(" ", line).strip(" ") for line in text.split("\n"))


def _dash(text: str) -> str:
    text = text.translate(_LOOKALIKE)
    return _DASH_RIGHT.sub(r" \1 ", _DASH_LEFT.sub(r" \1 ", text))


_TEXT_FIXES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("html", _html), ("latex", _latex), ("nfc", _nfc), ("spaces", _spaces), ("dash", _dash))
_ORDER = {name: i for i, (name, _) in enumerate(_TEXT_FIXES)}


# Every character or pattern one of the text fixes acts on: a string without any (most of a
# plan's strings) and already composed (NFC) is left as it is without running them (a plan of
# 40,000 rows ran the five fixes on 160,000 strings, most of --fix's time).
_SUSPECT = re.compile(r"[<&\\\t\n\u00a0\u00ad\u2000-\u200c\u2010\u2011\u202f\u205f\u2060\u3000\ufeff\u2013-]|  |^ | $")


def fix_text(value: str) -> tuple[str, tuple[str, ...]]:
    """``value`` with the text fixes applied, and the names of those that changed it."""
    if _SUSPECT.search(value) is None and unicodedata.is_normalized("NFC", value):
        return value, ()
    return _fix_all(value)


def _fix_all(value: str) -> tuple[str, tuple[str, ...]]:
    kinds: list[str] = []
    for _ in range(4):   # until nothing changes, so that a second --fix finds nothing ("<<u>u>", "&amp;amp;")
        before = value
        for name, fixer in _TEXT_FIXES:
            fixed = fixer(value)
            if fixed != value:
                kinds += [name] if name not in kinds else []
                value = fixed
        if value == before:
            break
    return value, tuple(k for _, k in sorted((_ORDER[k], k) for k in kinds))


def fix_unit(value: str, registry: Registry) -> str:
    """A unit cell with every misspelt or variant unit name replaced by its canonical name."""
    m = registry.lookup(value)
    if m.status in ("misspelling", "variant") and m.canonical:
        return _renamed(m.text, m.canonical, registry)
    if m.status != "several":
        return value
    out, pos = value, 0
    for part in m.leaves():
        at = out.find(part.text, pos)
        if at < 0:
            continue
        new = part.text
        if part.status in ("misspelling", "variant") and part.canonical:
            new = _renamed(part.text, part.canonical, registry)
        out = out[:at] + new + out[at + len(part.text):]
        pos = at + len(new)
    return out


def _renamed(written: str, name: str, registry: Registry) -> str:
    """``name`` in place of the unit ``written``, keeping the commune qualifier the author wrote
    after it ("Văn phòng HĐND &UBND phường" → "Văn phòng HĐND và UBND phường"): the fix changes
    the name, not what the author said about the commune. Without the qualifier when the two
    together would not read back as the same unit."""
    qualifier = split_qualifier(written)[1]
    if qualifier and registry.lookup(name + qualifier).canonical == registry.lookup(name).canonical:
        return name + qualifier
    return name


# --- one spelling per unit (the unit-inconsistent rule) -----------------------------------------

@dataclass(frozen=True, slots=True)
class _Leaf:
    """One unit named in a cell: which cell, where in its text, as written, and what it is."""

    cell: int
    start: int
    end: int
    text: str
    canonical: str
    key: str        # its spelling (kehoach.rules.unit_inconsistent.spelling_key)


def _leaves(cell: int, value: str, registry: Registry) -> list[_Leaf]:
    """The units of a cell that unit-inconsistent groups: known, not misspelt (unit-spelling's)."""
    out: list[_Leaf] = []
    pos = 0
    for m in registry.lookup(value).leaves():
        at = value.find(m.text, pos)
        if at < 0:
            continue
        pos = at + len(m.text)
        if m.canonical is not None and m.status != "misspelling":
            out.append(_Leaf(cell, at, pos, m.text, m.canonical, spelling_key(m.text)))
    return out


def _reading(value: str, registry: Registry) -> tuple[tuple[str, str], ...]:
    """What a cell says, unit by unit: what --fix may not change."""
    return tuple((m.canonical or m.status, spelling_key(m.text)) for m in registry.lookup(value).leaves())


def _candidates(leaves: list[_Leaf], canonical: str) -> list[tuple[str, str]]:
    """The unit's spellings in the plan, best first, as (key, name as written without qualifier).

    Most cells first: the commune's own usual spelling is the one its people wrote and signed,
    and keeping it changes the fewest cells. Between equals: the registry's canonical name, then
    a name written out before an abbreviation, then the first seen."""
    count: dict[str, int] = {}
    forms: dict[str, dict[str, int]] = {}
    for leaf in leaves:
        count[leaf.key] = count.get(leaf.key, 0) + 1
        form = split_qualifier(leaf.text)[0].strip()
        forms.setdefault(leaf.key, {})[form] = forms.get(leaf.key, {}).get(form, 0) + 1
    first = list(count)
    canonical_key = spelling_key(canonical)

    def rank(key: str) -> tuple[int, bool, bool, int]:
        return (-count[key], key != canonical_key, _abbreviates(key, forms), first.index(key))

    # A spelling's most frequent form, typography included (case, spaces), first seen on ties.
    return [(key, max(forms[key], key=lambda f: forms[key][f])) for key in sorted(count, key=rank)]


def _abbreviates(key: str, forms: dict[str, dict[str, int]]) -> bool:
    return any(initials(form)[1] for form in forms[key])


def _unify(found: list[_Found], registry: Registry) -> None:
    """Rewrite, in place in ``found``, every unit written in more than one way in the plan to
    one of its spellings: only the unit's own text changes in each cell (the separators, the other
    units and the commune qualifier stay), and a spelling is chosen only when every cell it goes
    into still reads as the same units (``Phòng Kinh tế, Hạ tầng và Đô thị`` inside a list cut at
    commas would not)."""
    values = [item[4] for item in found]
    by_unit: dict[str, list[_Leaf]] = {}
    for cell, (_, _, _, key, value, _) in enumerate(found):
        if key in _UNIT_KEYS:
            for leaf in _leaves(cell, value, registry):
                by_unit.setdefault(leaf.canonical, []).append(leaf)
    changes: dict[int, list[tuple[_Leaf, str]]] = {}
    targets: dict[str, str] = {}
    for canonical, leaves in by_unit.items():
        if len({leaf.key for leaf in leaves}) < 2:
            continue
        for key, form in _candidates(leaves, canonical):
            planned = {**changes}
            for leaf in leaves:
                if leaf.key != key:
                    planned[leaf.cell] = [*planned.get(leaf.cell, []), (leaf, form + split_qualifier(leaf.text)[1])]
            wanted = {**targets, canonical: key}
            if all(_fits(values[cell], _rewritten(values[cell], planned[cell]), wanted, registry)
                   for cell in {leaf.cell for leaf in leaves if leaf.key != key}):
                changes, targets = planned, wanted
                break
    for cell, edits in changes.items():
        node, path, flow, key, value, kinds = found[cell]
        found[cell] = (node, path, flow, key, _rewritten(value, edits), (*kinds, "unify"))


def _rewritten(value: str, edits: list[tuple[_Leaf, str]]) -> str:
    for leaf, new in sorted(edits, key=lambda e: e[0].start, reverse=True):
        value = value[:leaf.start] + new + value[leaf.end:]
    return value


def _fits(old: str, new: str, targets: dict[str, str], registry: Registry) -> bool:
    """The rewritten cell names the same units in the same order, each unit already given one
    spelling (``targets``: canonical name → spelling) written that way."""
    before, after = _reading(old, registry), _reading(new, registry)
    return len(before) == len(after) and all(
        b[0] == a[0] and (a[0] not in targets or a[1] == targets[a[0]]) for b, a in zip(before, after, strict=True))


# --- finding and applying the fixes in a file ----------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fix:
    """One string fixed: where (1-based), under which key, before and after, and by which fixes."""

    line: int
    column: int
    field: str
    old: str
    new: str
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FileFixes:
    path: str
    fixes: tuple[Fix, ...]


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int          # character offsets of the scalar in the text
    end: int
    path: Path_
    node: yaml.ScalarNode
    flow: bool
    fix: Fix


# A string of the plan with its value after the fixes: node, path, in a flow collection, key, value, kinds.
_Found = tuple[yaml.ScalarNode, Path_, bool, str, str, tuple[str, ...]]


def find_fixes(root: yaml.Node, registry: Registry | None) -> list[_Edit]:
    edits: list[_Edit] = []
    found: list[_Found] = []      # every string fixes may change, with its value after the fixes

    def visit(node: yaml.Node, key: str, flow: bool, path: Path_) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value not in seen:  # the loader keeps the first of twins
                    seen.add(k.value)
                    visit(v, k.value, flow or bool(node.flow_style), (*path, k.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                visit(item, key, flow or bool(node.flow_style), (*path, i))
        elif isinstance(node, yaml.ScalarNode) and key not in _NOT_FIXED and node.tag == _STR:
            value: str = node.value
            if not node.style and typed_plain(value):
                return
            new, kinds = fix_text(value)
            if registry is not None and key in _UNIT_KEYS:
                unit = fix_unit(new, registry)
                if unit != new:
                    new, kinds = unit, (*kinds, "unit")
            if new != value or (registry is not None and key in _UNIT_KEYS):
                found.append((node, path, flow, key, new, kinds))

    visit(root, "", False, ())
    if registry is not None:
        _unify(found, registry)
    for node, path, flow, key, new, kinds in found:
        if new != node.value:
            where = node.start_mark
            field = key if isinstance(path[-1], str) else f"{key}[{path[-1]}]"
            edits.append(_Edit(where.index, node.end_mark.index, path, node, flow,
                               Fix(where.line + 1, where.column + 1, field, node.value, new, kinds)))
    return edits


_BLOCK_HEAD = re.compile(r"[|>][+-]?")
_TAIL = re.compile(r"\n(?:[ \t]*\n)*\Z")


def _replacement(text: str, edit: _Edit) -> str:
    """The new scalar, written in the style the author chose where that style can carry it."""
    new, style = edit.fix.new, edit.node.style
    if style in ("|", ">"):
        original = text[edit.start:edit.end]
        head, _, body = original.partition("\n")
        indicator = _BLOCK_HEAD.match(head)
        tail_match = _TAIL.search(original)
        tail = tail_match.group(0) if tail_match else "\n"
        block = literal(new)
        content = [line for line in body.split("\n") if line.strip()]
        if indicator is None or block is None or not content:
            return double_quoted(new) + tail
        rest = head[indicator.end():]        # keeps an end-of-line comment after the indicator
        if rest[:1].isdigit():                # an explicit indentation indicator: not worth the risk
            return double_quoted(new) + tail
        indent = " " * (len(content[0]) - len(content[0].lstrip(" ")))
        header, lines = block
        return header + rest + "\n" + "\n".join(indent + line if line else "" for line in lines) + tail
    if style == "'":
        return single_quoted(new) or double_quoted(new)
    if style == '"' or "\n" in new or not plain_ok(new, flow=edit.flow):
        return double_quoted(new)
    return new


def apply_fixes(text: str, edits: Iterable[_Edit]) -> str:
    out = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[:edit.start] + _replacement(text, edit) + out[edit.end:]
    return out


def _expected(data: Any, edits: Iterable[_Edit]) -> Any:
    """``data`` with every fixed string in place. Only the lists and mappings on the way to each
    fix are copied (a deep copy of a plan of 40,000 rows took a second), once each."""
    copied: set[Path_] = set()
    expected = _copy(data)
    for edit in edits:
        target = expected
        for i, step in enumerate(edit.path[:-1]):
            if edit.path[:i + 1] not in copied:
                copied.add(edit.path[:i + 1])
                target[step] = _copy(target[step])
            target = target[step]
        target[edit.path[-1]] = edit.fix.new
    return expected


def _copy(node: Any) -> Any:
    return list(node) if isinstance(node, list) else dict(node) if isinstance(node, dict) else node


def fix_file(path: Path, display: str) -> FileFixes:
    """Apply the safe fixes to one plan and write it back; a file that cannot be read is left alone
    (validation reports it). A file edited between reading and writing is fixed again as it is
    then, under the plan's lock, and those fixes are the ones reported."""
    try:
        source = read_source(path)
    except LoadFailure:
        return FileFixes(display, ())
    fixed = _fixed(source, path, display)
    if fixed is None:
        return FileFixes(display, ())
    done = [fixed]

    def redo(current: Source) -> str | None:
        again = _fixed(current, path, display)
        done.append(again or ("", ()))
        return again[0] if again else None

    write(source, fixed[0], redo=redo)
    return FileFixes(display, done[-1][1])


def _fixed(source: Source, path: Path, display: str) -> tuple[str, tuple[Fix, ...]] | None:
    """The fixed text and its fixes, checked by reading it again; None when nothing needs fixing."""
    with collector_paused():   # two whole plans' nodes, and no reference cycles (kehoach.loader)
        return _fixed_text(source, path, display)


def _fixed_text(source: Source, path: Path, display: str) -> tuple[str, tuple[Fix, ...]] | None:
    try:
        root = compose(source.text, display)
        if root is None or schema_name(root) != "plan":
            return None
        # The loader's bounds before the walk below follows aliases: an 11-line alias bomb, or a
        # recursive alias, is refused here as validate refuses it, not walked for ever.
        doc = document(root, source.text, display, positions=False)   # its data only
    except LoadFailure:
        return None
    edits = find_fixes(root, registry_for(path))
    if not edits:
        return None
    new_text = apply_fixes(source.text, edits)
    try:
        got = parse(new_text, display, positions=False).data
        intended = _expected(doc.data, edits)
    except (LoadFailure, KeyError, IndexError, TypeError):
        raise KehoachError("fix.unsafe", path=display) from None
    if canonical_data(got) != canonical_data(intended):
        raise KehoachError("fix.unsafe", path=display)
    return new_text, tuple(e.fix for e in sorted(edits, key=lambda e: e.start))


def fix_files(files: Iterable[tuple[Path, str]]) -> list[FileFixes]:
    return [fix_file(path, display) for path, display in files]
