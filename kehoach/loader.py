"""Bytes → text → YAML nodes with positions → plain data, for any kehoach YAML file.

The read path composes nodes with libyaml (through PyYAML's C parser): a 1-based line:column
for every node, at C speed. Writes do not go through a YAML library at all: ``progress`` and
``--fix`` change the text itself and ``fmt`` emits from these nodes, so every line they do not
change stays byte-identical (``kehoach.yamlio`` and docs/plan-format.md say why not ruamel.yaml).
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import KehoachError
from .findings import Span
from .messages import os_reason, t

MAX_BYTES = 10 * 1024 * 1024
# A real plan has a few thousand nodes; this bound stops alias bombs (billion laughs) early.
MAX_NODES = 500_000
# Characters of text (keys and values) the data may expand to. A file without aliases never holds
# more text than it has characters, so no file under MAX_BYTES meets this bound; a long text
# repeated by aliases (1 MB × 400, under the node bound) does, before a renderer copies it.
MAX_TEXT = MAX_BYTES
# Real plans nest about eight levels. Every walk over the data (schema, rules, fmt, render) is
# recursive; a bound far below Python's recursion limit keeps them all from RecursionError, and
# makes a recursive alias (``x: &s [*s]``) a finding at its place.
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
}
_SUPPRESS = re.compile(r"(?:^|\s)#\s*kehoach:\s*ignore\[([^\]]*)\]", re.IGNORECASE)
_ANY_SUPPRESS = re.compile(r"#\s*kehoach:\s*ignore\[", re.IGNORECASE)


class Composer(yaml.CBaseLoader):
    """libyaml's composer, every tag left as the base loader leaves it (a plain scalar is a
    string), without the resolver's Python call per node: the base loader has no implicit or path
    resolvers, so its answer depends on the node kind alone. A tenth of reading a plan."""

    _TAGS: ClassVar[dict[type, str]] = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return self._TAGS[kind]


class LoadFailure(Exception):
    """The file cannot be read as YAML at all: ``key`` names the message, ``span`` the place."""

    def __init__(self, key: str, span: Span, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.span = span
        self.args_ = args


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int           # the line whose findings it silences
    span: Span          # where the comment itself is
    names: frozenset[str]


@dataclass(slots=True)
class Document:
    """A parsed YAML file: plain data plus where every piece of it came from."""

    path: str
    text: str
    data: Any
    spans: dict[Path_, Span] = field(default_factory=dict)
    key_spans: dict[Path_, Span] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)
    duplicate_keys: list[tuple[str, Span, Span]] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # libyaml's node graph, kept only when asked (``parse(keep_nodes=True)``): ``progress`` finds
    # where its lines go in it, rather than composing the text a second time.
    root: yaml.Node | None = None

    def span(self, path: Path_) -> Span:
        """The position of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            s = self.spans.get(p)
            if s is not None:
                return s
            p = p[:-1]
        return self.spans.get((), Span(1, 1))

    def key_span(self, path: Path_) -> Span:
        """Where the key that holds ``path`` is written (for errors about the key itself)."""
        return self.key_spans.get(tuple(path)) or self.span(path)

    def raw_text(self, path: Path_, value: Any) -> str:
        """The scalar as written (``1.10`` stays ``1.10``), for fields that are text by meaning."""
        raw = self.raw.get(tuple(path))
        if raw is not None:
            return raw
        return "" if value is None else str(value)


# Opening a FIFO for reading waits for a writer unless non-blocking: a plan path that is a FIFO
# would hang every command before the check below could refuse it. Windows has no O_NONBLOCK
# (and no FIFOs in the file system); O_BINARY is Windows' own and 0 elsewhere.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    """The message that says what a file that is not a regular file is."""
    for test, kind in ((stat.S_ISFIFO, "load.fifo"), (stat.S_ISCHR, "load.device"), (stat.S_ISBLK, "load.device"),
                       (stat.S_ISSOCK, "load.socket")):
        if test(mode):
            return kind
    return "load.other"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing what cannot be a plan: missing, a folder, not a regular file
    (a device, FIFO or socket), over ``limit`` bytes.

    The size is asked of the read, not of ``stat``: a device (``/dev/zero``) or a file that grows
    while it is read says nothing true about its size, and reading stops at ``limit`` + 1 bytes."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise LoadFailure("load.missing", Span(1, 1)) from None
    except OSError as e:
        # Windows reports opening a folder as PermissionError, which would tell the officer the
        # plan is unreadable, and a socket cannot be opened at all (ENXIO): say what it is.
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if stat.S_ISDIR(mode):
            raise LoadFailure("load.is-dir", Span(1, 1)) from None
        if not stat.S_ISREG(mode):
            raise LoadFailure(_kind(mode), Span(1, 1)) from None
        raise LoadFailure("load.unreadable", Span(1, 1), **os_reason(e)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise LoadFailure("load.is-dir", Span(1, 1))
        if not stat.S_ISREG(st.st_mode):
            raise LoadFailure(_kind(st.st_mode), Span(1, 1))
        if st.st_size > limit:
            raise LoadFailure("load.too-large", Span(1, 1), size=st.st_size, limit=limit)
        f = os.fdopen(fd, "rb", buffering=0)
    except OSError as e:
        os.close(fd)
        raise LoadFailure("load.unreadable", Span(1, 1), **os_reason(e)) from None
    except BaseException:
        os.close(fd)
        raise
    with f:
        try:
            # One read of the size stat gives is the whole file in one system call; the loop only
            # runs for a file that grew, and stops one byte past the limit.
            chunks = [f.read(min(st.st_size, limit) + 1)]
            size = len(chunks[0])
            while chunks[-1] and size <= limit:
                chunks.append(f.read(limit + 1 - size))
                size += len(chunks[-1])
        except OSError as e:
            raise LoadFailure("load.unreadable", Span(1, 1), **os_reason(e)) from None
    if size > limit:
        raise LoadFailure("load.too-large", Span(1, 1), size=size, limit=limit)
    return chunks[0] if len(chunks) <= 2 and not chunks[-1] else b"".join(chunks)


def file_error(path: Path, e: LoadFailure) -> KehoachError:
    """The error that stops a command on a file it needs that is not a plan (a CSV, a template):
    exit 2, the file named, the reason in both languages."""
    return KehoachError("cli.file-unreadable", path=str(path), problem_vi=t(e.key, "vi", **e.args_),
                        problem_en=t(e.key, "en", **e.args_))


def read_text(path: Path) -> str:
    """Read and decode a file: UTF-8 (with or without BOM) or UTF-16/32 with a BOM."""
    return decode(read_bytes(path))


# A byte-order mark and the codec of the text after it: how a file is read and how it is written
# back (kehoach.yamlio). UTF-32 first: its little-endian mark starts with UTF-16's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_of(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``data`` starts with (``b""`` when none) and the codec of what follows."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return mark, codec
    return b"", "utf-8"


def decode(data: bytes) -> str:
    bom, codec = bom_of(data)
    body = data[len(bom):]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as e:
        # The family, not the byte order, names the encoding for the officer ("utf-16").
        raise LoadFailure("load.encoding", _offset_span(body, e.start, codec),
                          codec=codec.removesuffix("-le").removesuffix("-be")) from None
    if not bom:
        nul = text.find("\x00")
        if nul >= 0:
            raise LoadFailure("load.nul", _offset_span(text, nul))
    return text


def _offset_span(data: bytes | str, offset: int, codec: str = "utf-8") -> Span:
    """1-based line and column (in characters) of an offset into text, or into bytes in ``codec``."""
    before = data[:offset]
    if isinstance(before, bytes):
        before = before.decode(codec, "replace")
    last = before.rfind("\n")
    return Span(before.count("\n") + 1, len(before) - last)


def parse(text: str, path: str, *, keep_nodes: bool = False, positions: bool = True) -> Document:
    """Compose ``text`` and convert it to plain data with positions; raises LoadFailure. With
    ``keep_nodes``, the document keeps the node graph (``Document.root``); without
    ``positions``, it has no spans (a text read only to compare its data: a third of the time
    and memory of converting a big plan)."""
    with collector_paused():
        root = compose_text(text)
        doc = document(root, text, path, positions=positions)
    if keep_nodes:
        doc.root = root
    return doc


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector held off while a plan is read. Reading makes millions of objects
    and no reference cycles (tests/test_rollup.py checks it); left on, the collector walks all
    of them again each time their number grows by a quarter: two thirds of reading an 8 MB plan.
    Paused, not off: whatever was made meanwhile is collected as usual once it is back on. A
    caller that turned it off (``status``, ``rollup``) keeps it off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def compose_text(text: str) -> yaml.Node | None:
    """libyaml's node graph of ``text`` (None for an empty document); raises LoadFailure. Aliases
    are shared nodes: walk it only after :func:`document` has accepted it (the bounds)."""
    refuse_too_many_values(text)
    try:
        # The base loader resolves no implicit tags (every scalar is a string); _Converter types
        # plain scalars itself, which is much cheaper than the resolver's regex per scalar.
        root = yaml.compose(text, Loader=Composer)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        span = Span(mark.line + 1, mark.column + 1) if mark else Span(1, 1)
        problem = (e.problem or "").strip()
        at = mark.index if mark else -1
        tab = "tab" in problem or (0 <= at < len(text) and text[at] == "\t")
        key = "load.tab" if tab else "load.syntax"
        if "another document" in problem:
            key = "load.many-documents"
        elif "undefined alias" in problem:
            key = "load.undefined-alias"
        elif "nesting depth" in problem:
            key = "load.too-deep"
        elif "mapping values are not allowed" in problem:
            key = "load.colon-in-text"
        raise LoadFailure(key, span, detail=problem, context=(e.context or "").strip()) from None
    except yaml.YAMLError as e:  # ReaderError: control characters and the like
        position = getattr(e, "position", 0) or 0
        raise LoadFailure("load.syntax", _offset_span(text, position), detail=str(e).splitlines()[0],
                          context="") from None
    except RecursionError:
        raise LoadFailure("load.too-deep", Span(1, 1), detail="", context="") from None
    return root


# What a node can start after, besides a line break: every value in a document is the root, or
# follows one of these (``key: v``, ``- v``, ``[v, v]``, ``{k: v, k}``, ``? k``).
_NODE_MARKS = ":-,[{?"


def refuse_too_many_values(text: str) -> None:
    """Refuse, before libyaml builds the node graph, a text written out with more values than
    ``MAX_NODES``, with the message and place the converter would give (``load.too-many-values``
    at the first value past the bound): libyaml builds the whole graph first, 736 MB and
    seconds for a 10 MB plan in flow style.

    Two steps, each exact. Every value follows one of ``_NODE_MARKS`` (or is the root), so a text
    with fewer of them than the bound is under it: nothing more to do (every real plan). Else
    libyaml's events are counted as the converter counts nodes, without keeping them; anything
    the converter would report otherwise or earlier (a tag, an alias, a repeated or complex key,
    the depth or text bounds, a syntax error, a second document) leaves the text to the usual
    path, which says so."""
    if len(text) < MAX_NODES or 1 + sum(text.count(c) for c in _NODE_MARKS) <= MAX_NODES:
        return
    try:
        past = _value_past_bound(text)
    except yaml.YAMLError:
        return
    if past is not None:
        raise LoadFailure("load.too-many-values", past, limit=MAX_NODES)


class _Unsure(Exception):
    """The count cannot stand for the converter's: the usual path decides."""


def _value_past_bound(text: str) -> Span | None:
    """Where the converter would find its value number ``MAX_NODES + 1``, from libyaml's events;
    None when there is none or the count cannot say (``_Unsure``)."""
    try:
        return _count_values(yaml.parse(text, Loader=Composer))
    except _Unsure:
        return None


def _count_values(events: Iterator[yaml.Event]) -> Span | None:
    # One frame per open collection: None for a sequence, the keys seen so far for a mapping,
    # with whether a key comes next. Keys are not values (the converter does not count them).
    frames: list[tuple[set[str], list[bool]] | None] = []
    count = text = documents = 0
    past: Span | None = None
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Unsure
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            frames.pop()
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Unsure
        if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            continue
        if event.anchor is not None or event.tag not in (None, "!"):
            raise _Unsure
        frame = frames[-1] if frames else None
        if frame is not None and frame[1][0]:          # a key
            if not isinstance(event, yaml.ScalarEvent) or event.value in frame[0]:
                raise _Unsure
            frame[0].add(event.value)
            frame[1][0] = False
            text += len(event.value)
            continue
        if frame is not None:
            frame[1][0] = True
        count += 1
        if count == MAX_NODES + 1:
            mark = event.start_mark
            if mark is None:
                raise _Unsure
            past = Span(mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            text += len(event.value)
        elif len(frames) >= MAX_DEPTH:
            raise _Unsure
        else:
            frames.append(({*()}, [True]) if isinstance(event, yaml.MappingStartEvent) else None)
        if text > MAX_TEXT:
            raise _Unsure
    return past


def document(root: yaml.Node | None, text: str, path: str, *, positions: bool = True) -> Document:
    """The plain data of a node graph, with positions, within the bounds on nodes, text and depth
    (an alias bomb, a recursive alias): raises LoadFailure."""
    doc = Document(path=path, text=text, data=None)
    if root is None:
        raise LoadFailure("load.empty", Span(1, 1))
    aliased = _aliased(text)
    if aliased:
        _expanded_size(root)
    doc.data = _Converter(doc, aliased, positions).convert(root, ())
    doc.suppressions = find_suppressions(text)
    return doc


# Where an anchor (``&name``) or an alias (``*name``) can start: after these, and not followed by
# a space or a flow indicator. A graph can expand past its size only with both.
_BEFORE_TOKEN = frozenset(" \t\r\n[{,:-")
_NOT_NAME = frozenset(" \t\r\n,]}")


def _aliased(text: str) -> bool:
    """Whether ``text`` may use an anchor again: an alias token naming an anchor token. str.find,
    not a regex: a regex with a leading alternation tried every character of every plan (1 ms a
    plan, 4 s a national run), and Vietnamese plans write "HĐND&UBND" and "**bold**"."""
    anchors = set(_names(text, "&"))
    return bool(anchors) and any(name in anchors for name in _names(text, "*"))


def _names(text: str, mark: str) -> Iterator[str]:
    """The names of the anchor (``&``) or alias (``*``) tokens of ``text``."""
    i = text.find(mark)
    while i != -1:
        if (i == 0 or text[i - 1] in _BEFORE_TOKEN) and i + 1 < len(text) and text[i + 1] not in _NOT_NAME:
            end = i + 1
            while end < len(text) and text[end] not in _NOT_NAME:
                end += 1
            yield text[i + 1:end]
        i = text.find(mark, i + 1)


def _expanded_size(root: yaml.Node) -> None:
    """Refuse an alias bomb before expanding it: the number of nodes each shared node stands for,
    counted once per node (the graph is small, its expansion is not), stopping at MAX_NODES. A
    recursive alias is left to the converter, which reports it at its place."""
    try:
        _size(root, {}, set())
    except RecursionError:
        raise LoadFailure("load.too-deep", Span(1, 1), detail="", context="") from None


def _size(node: yaml.Node, sizes: dict[int, int], on_path: set[int]) -> int:
    # A module-level function, not a closure: a closure that calls itself is a reference cycle,
    # and status and rollup read plans with the cyclic collector off.
    known = sizes.get(id(node))
    if known is not None:
        return known
    if id(node) in on_path:
        return 1
    total = 1
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
        on_path.add(id(node))
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
        for child in children:
            total += _size(child, sizes, on_path)
            if total > MAX_NODES:
                raise LoadFailure("load.too-many-nodes", Span(1, 1), limit=MAX_NODES)
        on_path.discard(id(node))
    sizes[id(node)] = total
    return total


class _Converter:
    def __init__(self, doc: Document, aliased: bool = True, positions: bool = True) -> None:
        self.doc = doc
        self.aliased = aliased   # whether the nodes may come from aliases (what the message blames)
        self.count = 0
        self.text = 0       # characters of keys and values so far (MAX_TEXT)
        self.positions = positions   # whether to note where each value and key is (Document.spans)

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.aliased:
                raise LoadFailure("load.too-many-nodes", Span(1, 1), limit=MAX_NODES)
            # Written out, not expanded from aliases: a plan far larger than any commune's.
            raise LoadFailure("load.too-many-values", _mark(node), limit=MAX_NODES)
        doc = self.doc
        if self.positions:
            doc.spans[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        # The path is the depth: no counter to carry.
        if len(path) >= MAX_DEPTH:
            raise LoadFailure("load.too-deep-at", _mark(node), limit=MAX_DEPTH)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in (_SEQ, "!"):
                raise LoadFailure("load.tag", _mark(node), tag=token(node.tag))
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag not in (_MAP, "!"):
                # A custom tag says the author meant something kehoach would not do (``!include``).
                raise LoadFailure("load.tag", _mark(node), tag=token(node.tag))
            result: dict[str, Any] = {}
            first: dict[str, Span] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise LoadFailure("load.complex-key", _mark(key_node))
                key = key_node.value
                self.text += len(key)
                key_span = _mark(key_node)
                if key in first:
                    doc.duplicate_keys.append((key, key_span, first[key]))
                    # Kept out of the data and reported: kehoach.linter makes the plan unusable, so
                    # that no command silently goes on with one of the two values.
                    continue
                first[key] = key_span
                if self.positions:
                    doc.key_spans[(*path, key)] = key_span
                result[key] = self.convert(value_node, (*path, key))
            return result
        raise LoadFailure("load.syntax", _mark(node), detail=f"unexpected node {node.tag}", context="")

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        value: str = node.value
        self.text += len(value)
        if self.text > MAX_TEXT:
            raise LoadFailure("load.too-much-text", _mark(node), limit=MAX_TEXT)
        if not node.style and node.tag == _STR and value and value[0] in _PLAIN_STARTS:
            typed = _plain_scalar(value)
            if typed is not _TEXT:
                if (typed.__class__ is int and _YAML11_INT.match(value)) or (typed.__class__ is float and ":" in value):
                    # Hex, octal, binary and base-60 numbers are YAML 1.1 only (``year: 0x7EA``
                    # would be 2026): kept as the text they are, so that the schema says where a
                    # number is expected, and text stays text.
                    return value
                if typed is not None:
                    self.doc.raw[path] = value
                return typed
        elif node.tag not in (_STR, "!"):
            return tagged_scalar(node)
        # Dates stay text, as written: the schema checks their format (as check-jsonschema does).
        return value


# YAML 1.1 core schema, as PyYAML's resolver applies it to plain scalars.
_PLAIN_STARTS = frozenset("0123456789+-.~nNtTfFyYoO")
_TEXT = object()
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                  r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
# What _INT reads that YAML 1.2 does not: 0x, 0b, a leading zero (octal), base 60 (``33:46``).
_YAML11_INT = re.compile(r"[-+]?(?:0[bx0-9_]|[0-9][0-9_]*:)")
# The same forms as the loader keeps them (text), for the message that says why.
YAML11_NUMBER = re.compile(r"[-+]?(?:0[bx][0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)\Z")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TRUE = {"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}


def typed_plain(value: str) -> bool:
    """Whether kehoach's loader reads ``value`` written plain as a number, boolean or null."""
    return bool(value) and value[0] in _PLAIN_STARTS and _plain_scalar(value) is not _TEXT


def tagged_scalar(node: yaml.ScalarNode) -> Any:
    """The value of a scalar with an explicit standard tag (``!!int '1'``); a timestamp stays the
    text it is (the schema checks dates as text). Any other tag is refused."""
    if node.tag == TIMESTAMP:
        return node.value
    if node.tag not in _SCALAR_TAGS:
        raise LoadFailure("load.tag", _mark(node), tag=token(node.tag))
    try:
        return _CONSTRUCTOR.construct_object(node)
    except (ValueError, KeyError, TypeError, ArithmeticError, yaml.YAMLError):
        # ``!!int 'abc'``, ``!!bool 'x'``: PyYAML's constructors raise whatever int() or a dict does.
        raise LoadFailure("load.bad-tagged", _mark(node), value=token(node.value),
                          tag=token(node.tag.replace("tag:yaml.org,2002:", "!!"))) from None


def token(text: str, limit: int = 40) -> str:
    """At most the first ``limit`` characters of the first line of ``text``: what a message may
    show of a file (a file that is not a plan, a link to a credentials file, must not be printed)."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit and line == text else line[:limit] + "…"


def _plain_scalar(value: str) -> Any:
    """Type a plain scalar as PyYAML's safe loader would; ``_TEXT`` when it stays a string."""
    if _NULL.match(value):
        return None
    if _BOOL.match(value):
        return value in _TRUE
    if _INT.match(value):
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode("tag:yaml.org,2002:int", value))
    if _FLOAT.match(value):
        return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode("tag:yaml.org,2002:float", value))
    return _TEXT


def _mark(node: yaml.Node) -> Span:
    m = node.start_mark
    return Span(m.line + 1, m.column + 1)


def find_suppressions(text: str) -> list[Suppression]:
    """``# kehoach: ignore[a, b]`` on a line, or alone on the line above the value it silences."""
    # Every plan holds "kehoach:" (the format version key); few hold a suppression. One search of
    # the whole text spares the line-by-line scan, a seventh of reading a plan.
    if not _ANY_SUPPRESS.search(text):
        return []
    out: list[Suppression] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = _SUPPRESS.search(line)
        if not m:
            continue
        names = frozenset(n.strip() for n in m.group(1).split(",") if n.strip())
        comment_span = Span(i + 1, m.start() + 1 + (1 if line[m.start()].isspace() else 0))
        target = i + 1
        if not line[: m.start()].strip():
            # A comment on its own line covers the next line that holds something.
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
                j += 1
            target = j + 1
        out.append(Suppression(target, comment_span, names))
    return out


def load(path: Path, display: str | None = None) -> Document:
    return parse(read_text(path), display if display is not None else str(path))
