"""Word-level difference of two Vietnamese texts, for reviewers who read sentences, not lines.

Vietnamese writes one syllable per word-like token (``chuyển đổi số``), so the unit of the
comparison is the token: a run of letters and digits, a run of spaces, or one punctuation mark.
Texts are compared after Unicode composition (NFC), so a text pasted from another editor does
not show as changed when only its encoding of the accents differs.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# One segment of a difference: "=" unchanged, "-" only in the old text, "+" only in the new one.
Segment = tuple[str, str]


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def word_diff(old: str, new: str) -> list[Segment]:
    a, b = tokens(old), tokens(new)
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _push(out, "=", "".join(a[i1:i2]))
            continue
        if i2 > i1:
            _push(out, "-", "".join(a[i1:i2]))
        if j2 > j1:
            _push(out, "+", "".join(b[j1:j2]))
    return out


def _push(out: list[Segment], op: str, text: str) -> None:
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def similarity(old: str, new: str) -> float:
    """Share of tokens the two texts have in common (0 … 1)."""
    return difflib.SequenceMatcher(None, tokens(old), tokens(new), autojunk=False).ratio()


def elide(segments: list[Segment], context: int = 6) -> list[Segment]:
    """Long unchanged runs shortened to ``context`` words on each side of a change, for display."""
    out: list[Segment] = []
    for i, (op, text) in enumerate(segments):
        if op != "=":
            out.append((op, text))
            continue
        words = re.split(r"(\s+)", text)
        keep = context * 2  # a word and the space after it
        first, last = i == 0, i == len(segments) - 1
        if len(words) <= keep * (1 if first or last else 2) + 1:
            out.append((op, text))
        elif first:
            out.append((op, "…" + "".join(words[-keep:])))
        elif last:
            out.append((op, "".join(words[:keep]) + "…"))
        else:
            out.append((op, "".join(words[:keep]) + "…" + "".join(words[-keep:])))
    return out
