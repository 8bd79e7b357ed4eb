"""Rewriting YAML files that people edit by hand: read, write scalars, replace atomically.

``kehoach fmt`` and ``kehoach validate --fix`` both write plan files back. Three promises hold
for both, and live here:

- the file keeps its encoding, byte-order mark and line endings as found;
- a scalar is written so that kehoach's loader (YAML 1.1 resolution, as PyYAML) and editors
  (YAML 1.2) read back exactly the same string: ``"2030"``, ``"1."``, ``"yes"``, ``"2026-01-16"``
  stay quoted, ``≥ 60%`` or ``Phòng Văn hóa - Xã hội`` need no quotes;
- the new bytes replace the old ones through ``safewrite.write_plan``: under the plan's lock, the
  file read again (a change made meanwhile is redone on it or refused), a temporary file in the
  same folder, fsync, ``os.replace`` onto the symlink's target; read-only plans are refused. A
  failed write leaves the original untouched.

Why not a ruamel.yaml round trip (load, change, dump), which keeps comments: measured on
``vinh-lai.yaml`` (104 KB), ruamel's round-trip load and dump take 0.31 s against 0.01 s for
libyaml's composer, which puts ``fmt --check`` over the national corpus (3,321 plans) at
minutes instead of seconds; ruamel stores a comment line in the token of the key *before* it
(the comment above ``b:`` belongs to ``a``), so reordering keys moves comments to the wrong key;
and a dump re-emits every line, while ``--fix`` must leave every line it does not fix
byte-identical. So ``fmt`` emits from libyaml's node tree (``kehoach.fmt``) and ``--fix``
replaces single scalars in the text (``kehoach.fix``), both with the scalar writers below.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .loader import bom_of, decode, read_bytes, typed_plain
from .safewrite import digest, write_plan


@dataclass(frozen=True, slots=True)
class Source:
    """A YAML file as read, and how to write it back (progress, fmt, --fix): ``text`` has ``\n``
    line ends when the file used one line ending throughout (CRLF, CR or LF), and ``eol`` is
    that line ending, which ``encode`` puts back."""

    path: Path
    raw: bytes
    text: str
    codec: str
    bom: bytes
    eol: str
    separators: bool = False    # NEL, LS or PS ended a line: the file is not as text says

    @property
    def newline(self) -> str:
        """The line end for lines inserted into ``text``: ``\n`` (``encode`` turns it into the
        file's own), ``\r\n`` in a file that mixes CRLF and LF."""
        return "\r\n" if "\r\n" in self.text else "\n"

    def encode(self, text: str) -> bytes:
        if self.eol != "\n":
            text = text.replace("\n", self.eol)
        return self.bom + text.encode(self.codec)


# Every character libyaml ends a line at (YAML 1.1): LF, CR, CRLF, and NEL, LS, PS. YAML 1.2
# (editors, yaml-language-server) reads the last three as text, not as line breaks.
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
SEPARATORS = frozenset("\x85\u2028\u2029")


def line_endings(text: str) -> tuple[str, bool]:
    """The file's line ending (``\n``, ``\r\n`` or ``\r``; ``\n`` for a mix or none) and whether
    it is used throughout (NEL, LS and PS aside: they are written back as line feeds). Counted
    with ``str.count``: a regex match per line was a tenth of reading a big plan."""
    crlf = text.count("\r\n")
    kinds = {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}
    own = [k for k, n in kinds.items() if n]
    if len(own) == 1:
        return own[0], True
    return "\n", not own


def encoding_of(raw: bytes) -> tuple[str, bytes]:
    """The codec to write a file back in, and its byte-order mark (``b""`` for plain UTF-8)."""
    mark, codec = bom_of(raw)
    return codec, mark


def source_of(path: Path, raw: bytes) -> Source:
    """Decode ``raw`` (raises ``LoadFailure`` as the loader does) and note how to encode it back.

    ``text`` always breaks lines where kehoach's loader does, with ``\n`` only where that is
    safe: fmt and progress count lines in it as libyaml counts them. A file that uses one line
    ending throughout is normalised to ``\n`` and written back with its own; NEL, LS and PS
    become ``\n`` (and stay so); a file that mixes CRLF and LF keeps every byte of its untouched
    lines and text written into it uses ``\n``; a mix with a lone CR is written with ``\n``.
    """
    text = decode(raw)
    codec, bom = encoding_of(raw)
    eol, uniform = line_endings(text)
    separators = not SEPARATORS.isdisjoint(text)
    if uniform or "\r" not in text.replace("\r\n", ""):
        if separators:
            text = text.translate({ord(c): "\n" for c in SEPARATORS})
        if eol != "\n":
            text = text.replace(eol, "\n")
    else:
        # A lone CR beside other line ends: libyaml ends a line at each of them, so must fmt.
        text = _BREAKS.sub("\n", text)
    return Source(path, raw, text, codec, bom, eol, separators)


def read_source(path: Path) -> Source:
    return source_of(path, read_bytes(path))


def write(source: Source, text: str, redo: Callable[[Source], str | None] | None = None) -> bool:
    """Replace the file with ``text``, made from ``source``, in the file's own encoding and line
    endings; when the file changed since ``source`` was read, ``redo`` makes the change again on
    the current file, or the write is refused (``safewrite.write_plan``). Whether it was written."""
    return write_plan(source.path, text, base=digest(source.raw), redo=redo)


# --- scalars ----------------------------------------------------------------------------------

# What YAML cannot carry in a plain or block scalar (and would escape in a double-quoted one):
# C0/C1 controls, line and paragraph separators, the BOM, lone surrogates, U+FFFE/U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NOT_PLAIN = re.compile(r":(?:\s|$)|\s#|[\t\r\n]")
_FLOW_NOT_PLAIN = re.compile(r"[,\[\]{}:#]")
# What YAML 1.2 (editors, yaml-language-server) or YAML 1.1 (PyYAML, ruamel in 1.1 mode) would read
# as something other than a string; kehoach's own loader is asked separately.
_TYPED_ELSEWHERE = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
    r"|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE"
    r"|null|Null|NULL|~|<<|="
)
_ESCAPES = {
    "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\x0b": "\\v", "\f": "\\f",
    "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')


@functools.lru_cache(maxsize=1 << 16)   # a plan says "Phòng Văn hóa - Xã hội" and "Quý IV/2026" many times
def plain_ok(value: str, *, flow: bool = False) -> bool:
    """Whether ``value`` can be written without quotes and read back as the same string everywhere."""
    if not value or value != value.strip(" ") or value[0] in _INDICATORS or value.startswith("..."):
        return False
    if _NOT_PLAIN.search(value) or _UNPRINTABLE.search(value):
        return False
    if flow and _FLOW_NOT_PLAIN.search(value):
        return False
    return not typed_plain(value) and not _TYPED_ELSEWHERE.fullmatch(value)


def double_quoted(value: str) -> str:
    """``value`` as a one-line double-quoted scalar (escapes only what must be escaped)."""
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _escape(m.group(0)), value) + '"'


def _escape(char: str) -> str:
    known = _ESCAPES.get(char)
    if known is not None:
        return known
    code = ord(char)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def single_quoted(value: str) -> str | None:
    """``value`` in single quotes, or None when single quotes cannot carry it on one line."""
    if "\n" in value or "\r" in value or "\t" in value or _UNPRINTABLE.search(value):
        return None
    return "'" + value.replace("'", "''") + "'"


def literal(value: str) -> tuple[str, list[str]] | None:
    """A multi-line ``value`` as a literal block (``|`` or ``|-``) header and content lines.

    None when a block would not read back the same: leading spaces or blank first line (they
    would need an indentation indicator), trailing spaces (editors strip them), tabs, carriage
    returns or unprintable characters, or several trailing line breaks (``|+`` would swallow the
    blank lines that follow).
    """
    if "\n" not in value or value[0] in " \n" or "\r" in value or "\t" in value or _UNPRINTABLE.search(value):
        return None
    body = value[:-1] if value.endswith("\n") else value
    if body.endswith("\n"):
        return None
    lines = body.split("\n")
    # Any trailing whitespace, Unicode included: libyaml and editors disagree on a line that ends
    # in a no-break space (found by the fmt property test).
    if any(line != line.rstrip() for line in lines):
        return None
    return ("|" if value.endswith("\n") else "|-"), lines


FOLD_WIDTH = 100   # characters of text per line of a folded block, whatever its indentation


def folded(value: str, width: int = FOLD_WIDTH) -> tuple[str, list[str]] | None:
    """A one-paragraph ``value`` as a folded block (``>`` or ``>-``) wrapped at single spaces.

    None when folding would not read back the same: line breaks or tabs inside, spaces at either
    end or doubled (a line starting with a space is not folded), unprintable characters.
    """
    body = value[:-1] if value.endswith("\n") else value
    if (not body or "\n" in body or "\t" in body or "\r" in body or "  " in body or body != body.strip(" ")
            or _UNPRINTABLE.search(body)):
        return None
    lines: list[str] = []
    line = ""
    for word in body.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    # Unicode whitespace at either end of a line (a no-break space): libyaml reads such a line
    # back as it is, but then emits it with a blank line after it (found by the fmt property test).
    if any(part != part.strip() for part in lines):
        return None
    return (">" if value.endswith("\n") else ">-"), lines


def scalar(value: str, *, flow: bool = False) -> str:
    """The canonical one-line form of a string: plain when it is safe, else quoted (single quotes
    when the text holds double quotes and nothing that needs escaping, double quotes otherwise)."""
    if plain_ok(value, flow=flow):
        return value
    if '"' in value:
        single = single_quoted(value)
        if single is not None:
            return single
    return double_quoted(value)
