"""kehoach fmt: one canonical layout for plan files, so that a change shows as a small diff.

The layout (docs/diff.md says why each choice was made):

- keys in the schema's order (``id, number, text, directing, lead, …`` for a row); keys the
  schema does not know keep their relative order, after the known ones;
- two spaces per level, sequences indented under their key (``key:`` then ``  - item``);
- block style everywhere except a table's column definitions: one ``{field: …, heading: …}``
  per line;
- a string is plain when YAML reads it back as the same string, else double-quoted; a
  multi-line string is a literal block (``|-``); numbers, booleans and nulls stay as written
  (``1.10`` stays ``1.10``);
- no line wrapping: a paragraph is one line however long, so editing a word changes one line;
- comments stay: a comment line moves with the key or item below it, an end-of-line comment
  stays on its entry's line, comments above the first key stay on top; blank lines stay (a run
  of them becomes one);
- encoding, byte-order mark and line endings stay as found.

The layout is emitted from libyaml's node tree (fast: the national corpus is checked in about
the time ``validate`` takes), and every result is parsed again and compared with the original
data before it is written: fmt never changes what the plan says.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from . import schema as schemas
from .errors import KehoachError
from .findings import Finding, Span
from .jobs import FileResult, Job, code_fingerprint
from .linter import LOAD_ONLY, lint_file
from .loader import (
    MAX_NODES,
    TIMESTAMP,
    Composer,
    Document,
    LoadFailure,
    Path_,
    collector_paused,
    decode,
    document,
    parse,
    read_bytes,
    refuse_too_many_values,
    tagged_scalar,
    typed_plain,
)
from .safewrite import digest, write_plan
from .yamlio import Source, double_quoted, folded, literal, plain_ok, read_source, source_of
from .yamlio import scalar as scalar_text

_STR = "tag:yaml.org,2002:str"
_KEHOACH_KEYS = {"kehoach": "plan", "kehoach_units": "units", "kehoach_catalog": "catalog"}
_FLOW_DEFS = ("column",)   # the $defs written as one flow mapping per line
_SCALAR_TYPES = frozenset({"string", "number", "integer", "boolean", "null"})
_EOL_GAP = "  "


# --- what the schema says about order ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Shape:
    """The schema fragments that apply to one node: its key order and whether it is written flow."""

    frags: tuple[dict[str, Any], ...] = ()
    rank: dict[str, int] = field(default_factory=dict)
    flow: bool = False


_NO_SHAPE = _Shape()


class _Schema:
    """Walks a JSON Schema alongside the YAML nodes, far enough to know key order (no validation)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.defs: dict[str, dict[str, Any]] = document.get("$defs", {})
        self.flow_ids = {id(self.defs[n]) for n in _FLOW_DEFS if n in self.defs}
        self.root = self.resolve((document,), None)
        self.memo: dict[tuple[tuple[int, ...], Any], _Shape] = {}

    def resolve(self, frags: Sequence[dict[str, Any]], node: yaml.Node | None) -> _Shape:
        out: list[dict[str, Any]] = []
        for frag in frags:
            self._collect(frag, node, out)
        # The most specific fragment (a row's taskRow) lists most keys; more general ones add theirs.
        order: list[str] = []
        for frag in sorted(out, key=lambda f: -len(f.get("properties", ()))):
            order += [k for k in frag.get("properties", ()) if k not in order]
        return _Shape(tuple(out), {k: i for i, k in enumerate(order)}, any(id(f) in self.flow_ids for f in out))

    def child(self, shape: _Shape, key: str, node: yaml.Node) -> _Shape:
        sub = next((f["properties"][key] for f in shape.frags if key in f.get("properties", ())), None)
        if sub is None:
            sub = next((f["additionalProperties"] for f in shape.frags
                        if isinstance(f.get("additionalProperties"), dict)), None)
        return self._memo((sub,), node) if sub is not None else _NO_SHAPE

    def item(self, shape: _Shape, node: yaml.Node) -> _Shape:
        sub = next((f["items"] for f in shape.frags if isinstance(f.get("items"), dict)), None)
        return self._memo((sub,), node) if sub is not None else _NO_SHAPE

    def _memo(self, frags: tuple[dict[str, Any], ...], node: yaml.Node) -> _Shape:
        # Conditions only ever look at which keys a mapping has and at its scalar values.
        if isinstance(node, yaml.MappingNode):
            sig: Any = tuple((k.value, v.value if isinstance(v, yaml.ScalarNode) else None) for k, v in node.value
                             if k.value in ("title", "table", "task", "indicator", "kind"))
        else:
            sig = type(node).__name__
        key = (tuple(id(f) for f in frags), sig)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.resolve(frags, node)
        return found

    def _target(self, frag: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in frag:
            frag = self.defs[frag["$ref"].rsplit("/", 1)[1]]
        return frag

    def _collect(self, frag: dict[str, Any], node: yaml.Node | None, out: list[dict[str, Any]]) -> None:
        frag = self._target(frag)
        if "if" in frag:
            branch = frag.get("then") if self._matches(frag["if"], node) else frag.get("else")
            if isinstance(branch, dict):
                self._collect(branch, node, out)
        for sub in frag.get("allOf", ()):
            self._collect(sub, node, out)
        for keyword in ("anyOf", "oneOf"):
            for sub in frag.get(keyword, ()):
                if self._type_ok(sub, node):
                    self._collect(sub, node, out)
                    break
        out.append(frag)

    def _type_ok(self, frag: dict[str, Any], node: yaml.Node | None) -> bool:
        wanted = self._target(frag).get("type")
        if wanted is None or node is None:
            return True
        types = {wanted} if isinstance(wanted, str) else set(wanted)
        if isinstance(node, yaml.MappingNode):
            return "object" in types
        if isinstance(node, yaml.SequenceNode):
            return "array" in types
        return bool(types & _SCALAR_TYPES)

    def _matches(self, cond: dict[str, Any], node: yaml.Node | None) -> bool:
        if not self._type_ok(cond, node):
            return False
        values = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
        if any(k not in values for k in cond.get("required", ())):
            return False
        for key, sub in cond.get("properties", {}).items():
            v = values.get(key)
            if isinstance(v, yaml.ScalarNode):
                if "const" in sub and v.value != str(sub["const"]):
                    return False
                if "enum" in sub and v.value not in {str(e) for e in sub["enum"]}:
                    return False
        return True


@functools.cache
def _schema(name: str) -> _Schema:
    return _Schema(schemas.schema(name))


# --- where the comments and blank lines are ----------------------------------------------------

@dataclass(slots=True)
class _Notes:
    before: list[str] = field(default_factory=list)   # comment lines and "" for a blank line
    after: list[str] = field(default_factory=list)    # end-of-line comments


@dataclass(slots=True)
class _Layout:
    header: list[str]
    footer: list[str]
    notes: dict[int, _Notes]    # id(key node) for a mapping entry, id(item node) for a sequence item


def _unsupported(display: str, what: str, node: yaml.Node) -> KehoachError:
    return KehoachError(f"fmt.unsupported-{what}", path=display, line=node.start_mark.line + 1)


def _scan(text: str, root: yaml.Node, display: str) -> _Layout:
    """Find every comment and blank line and give it to the entry it belongs to.

    A comment line or blank line belongs to the first entry that starts below it (it is written
    above that entry, wherever the entry moves); an end-of-line comment to the last entry that
    starts on or above its line. An entry is a mapping key or a sequence item.
    """
    lines = text.split("\n")
    entries: list[tuple[int, int]] = []          # (start line, id) in document order
    ranges: dict[int, list[tuple[int, int]]] = {}  # line → column ranges covered by scalars
    inside = bytearray(len(lines) + 1)           # lines wholly inside a multi-line scalar
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _unsupported(display, "alias", node)
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise LoadFailure("load.too-many-nodes", Span(1, 1), limit=MAX_NODES)
        if isinstance(node, yaml.ScalarNode):
            s, e = node.start_mark, node.end_mark
            if s.line == e.line:
                ranges.setdefault(s.line, []).append((s.column, e.column))
            else:
                ranges.setdefault(s.line, []).append((s.column, len(lines[s.line]) + 1))
                ranges.setdefault(e.line, []).append((0, e.column))
                last = e.line
                if node.style in ("|", ">"):
                    # A block scalar's token runs over the blank lines after it: those are layout.
                    while last > s.line + 1 and not lines[last - 1].strip():
                        last -= 1
                for n in range(s.line + 1, last):
                    inside[n] = 1
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack += (v, k)
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)
    # Entries in document order, from a second walk (the stack above visits children reversed).
    _entries(root, entries)
    starts = [line for line, _ in entries]
    first = starts[0] if starts else len(lines)
    # One document per file: "---" goes, unless a directive (%YAML) needs it.
    directives = any(line.startswith("%") for line in lines[:first])
    layout = _Layout(header=[], footer=[], notes={})
    for n, line in enumerate(lines):
        if inside[n]:
            continue
        if n < first:
            # Comments above the first key (the schema line) and directives: kept as written.
            if directives or line.rstrip() != "---":
                layout.header.append(line.rstrip())
            continue
        col = _comment_column(line, ranges.get(n, ()))
        blank = not line.strip()
        if col is None and not blank:
            continue
        item = "" if blank else line[col:].rstrip()
        full = blank or not line[:col].strip()
        if full:
            i = bisect.bisect_right(starts, n)
            target = layout.footer if i == len(entries) else layout.notes.setdefault(entries[i][1], _Notes()).before
            target.append(item)
        else:
            i = bisect.bisect_right(starts, n) - 1
            layout.notes.setdefault(entries[i][1], _Notes()).after.append(item)
    return layout


def _entries(node: yaml.Node, out: list[tuple[int, int]]) -> None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out.append((k.start_mark.line, id(k)))
            _entries(v, out)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out.append((item.start_mark.line, id(item)))
            _entries(item, out)


def _comment_column(line: str, covered: Iterable[tuple[int, int]]) -> int | None:
    pos = line.find("#")
    while pos >= 0:
        if (pos == 0 or line[pos - 1] in " \t") and not any(s <= pos < e for s, e in covered):
            return pos
        pos = line.find("#", pos + 1)
    return None


# --- emitting the canonical layout -------------------------------------------------------------

class _Emitter:
    def __init__(self, layout: _Layout, schema: _Schema, display: str) -> None:
        self.layout = layout
        self.schema = schema
        self.display = display
        self.out: list[str] = []
        self._pending: list[str] = []    # comment lines waiting for the entry's indentation

    def document(self, root: yaml.MappingNode) -> str:
        self.blank_lines(self.layout.header, 0)
        self.mapping(root, 0, self.schema.resolve(self.schema.root.frags, root))
        self.blank_lines(self.layout.footer, 0)
        while self.out and not self.out[-1]:
            self.out.pop()
        return "\n".join(self.out) + "\n"

    # comments

    def blank_lines(self, items: Iterable[str], indent: int) -> None:
        for item in items:
            if not item:
                if self.out and self.out[-1]:
                    self.out.append("")
            else:
                self.out.append(" " * indent + item)

    def notes_of(self, *nodes: yaml.Node) -> str:
        """Stage the comment lines of ``nodes`` for ``flush`` (at the entry's indentation); return the
        entry's end-of-line comment. A second end-of-line comment (two source lines that became one)
        goes above the entry."""
        afters: list[str] = []
        befores: list[str] = []
        for node in nodes:
            notes = self.layout.notes.get(id(node))
            if notes is not None:
                befores += notes.before
                afters += notes.after
        self._pending = befores + afters[1:]
        return _EOL_GAP + afters[0] if afters else ""

    def flush(self, indent: int) -> None:
        self.blank_lines(self._pending, indent)
        self._pending = []

    # nodes

    def ordered(self, node: yaml.MappingNode, shape: _Shape) -> list[tuple[yaml.Node, yaml.Node]]:
        if not shape.rank:
            return list(node.value)
        last = len(shape.rank)
        return sorted(node.value, key=lambda kv: shape.rank.get(kv[0].value, last))

    def mapping(self, node: yaml.MappingNode, indent: int, shape: _Shape) -> None:
        for k, v in self.ordered(node, shape):
            eol = self.notes_of(k)
            self.flush(indent)
            self.value(" " * indent + self.key(k) + ":", v, indent, self.schema.child(shape, k.value, v), eol)

    def sequence(self, node: yaml.SequenceNode, indent: int, shape: _Shape) -> None:
        for item in node.value:
            ishape = self.schema.item(shape, item)
            if isinstance(item, yaml.MappingNode) and item.value and not self.as_flow(item, ishape):
                entries = self.ordered(item, ishape)
                k0, v0 = entries[0]
                eol = self.notes_of(item, k0)   # the first key shares the dash's line
                self.flush(indent)
                head = " " * indent + "- " + self.key(k0) + ":"
                self.value(head, v0, indent + 2, self.schema.child(ishape, k0.value, v0), eol)
                for k, v in entries[1:]:
                    eol = self.notes_of(k)
                    self.flush(indent + 2)
                    self.value(" " * (indent + 2) + self.key(k) + ":", v, indent + 2,
                               self.schema.child(ishape, k.value, v), eol)
            else:
                eol = self.notes_of(item)
                self.flush(indent)
                self.value(" " * indent + "-", item, indent, ishape, eol)

    def value(self, head: str, node: yaml.Node, indent: int, shape: _Shape, eol: str) -> None:
        sep = " " if head else ""
        if isinstance(node, yaml.ScalarNode):
            text = self.scalar(node, flow=False)
            if isinstance(text, tuple):
                header, lines = text
                self.out.append(f"{head}{sep}{header}{eol}")
                self.out += [" " * (indent + 2) + line if line else "" for line in lines]
            else:
                self.out.append(f"{head}{sep}{text}{eol}" if text else f"{head}{eol}")
        elif not node.value:
            self.out.append(f"{head}{sep}{'{}' if isinstance(node, yaml.MappingNode) else '[]'}{eol}")
        elif isinstance(node, yaml.MappingNode) and self.as_flow(node, shape):
            # Comments written inside a mapping that becomes one line go above it, or at its end.
            inner = self.notes_of(*(k for k, _ in node.value))
            self.flush(indent)
            if eol and inner:
                self.out.append(" " * indent + inner.strip())
            self.out.append(f"{head}{sep}{self.flow_mapping(node, shape)}{eol or inner}")
        elif isinstance(node, yaml.MappingNode):
            self.out.append(f"{head}{eol}")
            self.mapping(node, indent + 2, shape)
        else:
            assert isinstance(node, yaml.SequenceNode)
            self.out.append(f"{head}{eol}")
            self.sequence(node, indent + 2, shape)

    def as_flow(self, node: yaml.MappingNode, shape: _Shape) -> bool:
        return shape.flow and all(isinstance(v, yaml.ScalarNode) for _, v in node.value)

    def flow_mapping(self, node: yaml.MappingNode, shape: _Shape) -> str:
        parts = []
        for k, v in self.ordered(node, shape):
            assert isinstance(v, yaml.ScalarNode)   # as_flow() let only scalar values through
            text = self.scalar(v, flow=True)
            assert isinstance(text, str)
            parts.append(f"{self.key(k, flow=True)}: {text}" if text else f"{self.key(k, flow=True)}:")
        return "{" + ", ".join(parts) + "}"

    def key(self, node: yaml.Node, flow: bool = False) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise LoadFailure("load.complex-key", Span(node.start_mark.line + 1, node.start_mark.column + 1))
        # kehoach reads every key as a string: quote the ones another tool would read as a number.
        return _key_text(node.value, flow)

    def scalar(self, node: yaml.ScalarNode, *, flow: bool) -> str | tuple[str, list[str]]:
        value: str = node.value
        if node.tag != _STR:
            value = _untagged(node)
            if node.tag != TIMESTAMP:
                return value
        elif not node.style and typed_plain(value):
            return value          # a number, boolean or null exactly as written
        if not flow:
            # Prose the author chose to fold (a catalog's definitions) stays folded, re-wrapped.
            block = folded(value) if node.style == ">" else None
            if block is None and "\n" in value:
                block = literal(value)
            if block is not None:
                return block
        return scalar_text(value, flow=flow)


@functools.lru_cache(maxsize=4096)
def _key_text(key: str, flow: bool) -> str:
    return key if plain_ok(key, flow=flow) else double_quoted(key)


def _untagged(node: yaml.ScalarNode) -> str:
    """A scalar with an explicit standard tag (``!!int '1'``, as PyYAML writes in quoted style) as
    the plain scalar kehoach's loader reads as the same value; a timestamp stays the text it is."""
    value = tagged_scalar(node)
    if isinstance(value, str):
        return value   # a timestamp
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    return repr(value)


def schema_name(root: yaml.Node | None) -> str | None:
    """Which kehoach document this is, from its first key (None: not a kehoach file)."""
    if isinstance(root, yaml.MappingNode):
        for k, _ in root.value:
            if isinstance(k, yaml.ScalarNode) and k.value in _KEHOACH_KEYS:
                return _KEHOACH_KEYS[k.value]
    return None


def compose(text: str, display: str) -> yaml.Node | None:
    refuse_too_many_values(text)   # before libyaml builds the graph of a plan far too big
    try:
        return yaml.compose(text, Loader=Composer)
    except (yaml.YAMLError, RecursionError):
        parse(text, display)   # raises the loader's LoadFailure, with its message and place
        raise LoadFailure("load.syntax", Span(1, 1), detail="", context="") from None


def format_text(text: str, display: str = "<text>") -> str | None:
    """The canonical layout of a kehoach YAML document; None when it is not a kehoach document."""
    with collector_paused():   # a whole plan's nodes, and no reference cycles (kehoach.loader)
        return _format_text(text, display)


def _format_text(text: str, display: str) -> str | None:
    root = compose(text, display)
    if root is None:
        raise LoadFailure("load.empty", Span(1, 1))
    name = schema_name(root)
    if name is None:
        return None
    # What the loader refuses (a custom tag, a bad ``!!int``, nesting past its bound, an alias
    # bomb) fmt refuses too, in every mode, rather than lay out a file no command can read.
    document(root, text, display)
    assert isinstance(root, yaml.MappingNode)
    try:
        return _Emitter(_scan(text, root, display), _schema(name), display).document(root)
    except RecursionError:
        raise LoadFailure("load.too-deep", Span(1, 1), detail="", context="") from None


def same_data(old: str, new: str, display: str) -> bool:
    """Whether both texts load to the same data, numbers as written included (``1.10`` is not ``1.1``)."""
    a, b = parse(old, display, positions=False), parse(new, display, positions=False)
    return canonical_data(a.data) == canonical_data(b.data) and _written(a, b.raw) == _written(b, a.raw)


def _written(doc: Document, other: dict[Path_, str]) -> dict[Path_, str]:
    # What the model reads for each number written plain on either side (Document.raw_text).
    out = {}
    for path in doc.raw.keys() | other.keys():
        value: Any = doc.data
        for step in path:
            value = value[step]
        out[path] = doc.raw_text(path, value)
    return out


def canonical_data(data: Any) -> str:
    # JSON tells True from 1 and 1 from 1.0, which == does not; keys sorted, as order is layout.
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


# --- many files ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Outcome:
    """What fmt found for one file; ``text`` is the new layout when it changed (write and diff)."""

    path: Path
    display: str
    changed: bool = False
    skipped: bool = False
    text: str | None = None
    error: tuple[str, dict[str, Any]] | None = None     # a message key and its arguments
    findings: tuple[Finding, ...] = ()                  # why the file could not be read
    base: str = ""                                      # digest of the bytes ``text`` was made from

    @property
    def unreadable(self) -> bool:
        return bool(self.findings) or self.error is not None


class Verdict(NamedTuple):
    """What fmt found for one file, as the runner keeps it."""

    changed: bool = False
    skipped: bool = False
    text: str | None = None                                 # the new layout (write and diff only)
    error: tuple[str, dict[str, Any]] | None = None         # a message key and its arguments
    base: str = ""                                          # digest of the bytes formatted (write only)


def format_file(path: Path, display: str, mode: str) -> FileResult[Verdict]:
    """The per-file job (runs in worker processes)."""
    result: FileResult[Verdict] = FileResult(display)
    try:
        st = path.stat()
        result.mtime_ns, result.size = st.st_mtime_ns, st.st_size
        raw = read_bytes(path)
        source = source_of(path, raw)
        new = format_text(source.text, display)
        # A line ended by NEL, LS or PS is written back with a line feed even when nothing else
        # changes: YAML 1.2 editors read those characters as text, not as line breaks.
        changed = new is not None and (new != source.text or source.separators)
        if changed and mode != "check":
            # libyaml keeps LS and PS inside a multi-line value: as line feeds they would change
            # it. The officer decides what the text should say.
            if source.separators and not same_data(decode(source.raw), source.text, display):
                raise KehoachError("fmt.separators", path=display)
            if not same_data(source.text, new or "", display):
                raise KehoachError("fmt.unsafe", path=display)
    except LoadFailure:
        unreadable = lint_file(path, display, LOAD_ONLY)
        return FileResult(display, unreadable.findings, True)
    except (KehoachError, OSError) as e:
        key, args = (e.key, e.args_) if isinstance(e, KehoachError) else ("load.unreadable", {"reason": str(e)})
        result.payload = Verdict(error=(key, args))
        return result
    written = changed and mode != "check"
    result.payload = Verdict(changed, new is None, new if written else None, base=digest(raw) if written else "")
    # Only answers that stay true for this content are cached: "unchanged", or "would change"
    # for --check. A new layout (text) is never cached.
    if not (changed and mode != "check"):
        result.digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    return result


def format_files(files: list[tuple[Path, str]], mode: str, *, cache_dir: Path | None, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[Outcome]:
    from .runner import run

    key = hashlib.blake2b(f"{code_fingerprint()}:{mode}".encode(), digest_size=16).hexdigest()
    job = Job(f"fmt-{mode}", key, functools.partial(format_file, mode=mode), Verdict)
    outcomes = []
    for (path, display), r in zip(files, run(files, job, cache_dir=cache_dir, jobs=jobs, progress=progress),
                                  strict=True):
        v = r.payload or Verdict()
        outcomes.append(Outcome(path, display, changed=v.changed, skipped=v.skipped, text=v.text,
                                error=(v.error[0], dict(v.error[1])) if v.error else None, findings=tuple(r.findings),
                                base=v.base))
    return outcomes


def write_all(outcomes: Iterable[Outcome]) -> None:
    for o in outcomes:
        if o.changed and o.text is not None:
            # Under the plan's lock, a file edited since it was formatted is formatted again.
            write_plan(o.path, o.text, base=o.base, redo=functools.partial(_reformat, display=o.display))


def _reformat(current: Source, display: str) -> str | None:
    new = format_text(current.text, display)
    if new is None or new == current.text:
        return None
    if not same_data(current.text, new, display):
        raise KehoachError("fmt.unsafe", path=display)
    return new


@dataclass(frozen=True, slots=True)
class Formatting:
    """A run of ``kehoach fmt``: what each file needs; ``diffs`` in diff mode."""

    mode: str                                  # write | check | diff
    outcomes: list[Outcome]
    diffs: tuple[str, ...] = ()

    @property
    def changed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.changed]

    @property
    def unchanged(self) -> int:
        return sum(1 for o in self.outcomes if not o.changed and not o.skipped)


def unified_diffs(outcomes: Iterable[Outcome]) -> tuple[str, ...]:
    import difflib

    out = []
    for o in outcomes:
        if o.changed:
            old = read_source(o.path).text
            out.append("".join(difflib.unified_diff(old.splitlines(keepends=True),
                                                    (o.text or "").splitlines(keepends=True),
                                                    f"a/{o.display}", f"b/{o.display}")))
    return tuple(out)
