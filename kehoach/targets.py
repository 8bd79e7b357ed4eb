"""Indicator targets and baselines: ``≥ 60%``, ``0,77``, ``phấn đấu ít nhất 3%`` → a comparison.

``parse_target(text)`` reads a target (or baseline, or milestone) as written and returns a
:class:`Target`: an operator, a value (the lower bound for a range), an upper bound and a unit.
The original text is kept unchanged in ``Target.text``.

Forms understood (case, NFC/NFD, tone marks in keywords, HTML tags such as ``<u>``, LaTeX
artefacts of PDF extraction such as ``$\\geq 60\\%$``, and a trailing ``.`` never matter):

Numbers
    ``100``, ``02`` (padded), ``0,77`` and ``0,47%`` (decimal comma), ``0.8`` (decimal dot),
    ``1.000`` (thousands dot: a dot followed by exactly three digits after a non-zero integer
    part, so ``1.000`` is one thousand but ``0.125`` and ``1.5`` are decimals), ``1.000,5``.
    An ``int`` or ``float`` is taken as is (``eq``).
Operators
    ``≥`` ``>=`` ``tối thiểu`` ``ít nhất`` ``không dưới`` ``… trở lên`` → ``ge``;
    ``≤`` ``<=`` ``tối đa`` ``không quá`` ``không vượt quá`` ``… trở xuống`` → ``le``;
    ``>`` ``trên`` ``hơn`` ``vượt`` → ``gt``; ``<`` ``dưới`` → ``lt``; ``=`` ``bằng`` or none → ``eq``.
    ``phấn đấu`` (*strive for*, also its typos ``phần đầu``, ``phân đầu``) means "at least":
    ``Phấn đấu đạt 3%`` → ``ge 3``. ``đạt`` before a number only means *reach*: ``đạt 98%`` →
    ``eq 98``; with an operator the operator counts: ``Đạt trên 3%`` → ``gt 3``.
Ranges
    ``80-90%``, ``80% – 90%``, ``từ 80 đến 90%`` → ``between``, value 80, upper 90. ``từ 80%``
    alone is ``ge``.
Units
    ``%``, or the counted noun as written after the number: ``tối thiểu 20 sáng kiến`` →
    ``sáng kiến``; ``02 doanh nghiệp`` → ``doanh nghiệp``; ``01 tin/bài/tháng``.
Context that is ignored
    a trailing parenthesis (``100% (trong khu đô thị)``) and a scope introduced by *đối với*
    (``≥ 95 đối với cơ sở giáo dục phổ thông``).
Words
    ``Đạt``, ``Hoàn thành``, ``Đạt chuẩn``, ``Đạt yêu cầu`` → kind ``qualitative``, operator
    ``reached``. ``-`` (or an empty cell) → kind ``none``; ``?`` → kind ``unknown``. Both are
    valid: the plan says there is no target, or that it is not known yet.

Anything else — free description (``Tiên tiến, hiện đại, …``), a lone operator (``≥``), words
after a percentage (``100% hộ gia đình``), an ambiguous number (``1,000,000``), a range whose
upper bound is below its lower bound — is kind ``invalid``: kehoach does not guess.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["KINDS", "OPERATORS", "Target", "parse_target"]

KINDS: tuple[str, ...] = ("number", "range", "qualitative", "none", "unknown", "invalid")
OPERATORS: tuple[str, ...] = ("ge", "le", "gt", "lt", "eq", "between", "reached")


@dataclass(frozen=True, slots=True)
class Target:
    """A target as written and as read."""

    text: str  # the original text (str() of a number given)
    kind: str  # one of KINDS
    operator: str | None  # one of OPERATORS
    value: float | None  # the number; the lower bound of a range
    upper: float | None  # the upper bound of a range
    unit: str | None  # "%" or the counted noun as written ("sáng kiến"), else None
    valid: bool  # False only for kind "invalid"


def parse_target(text: str | int | float | None) -> Target:
    """Read a target, baseline or milestone value. Never raises."""
    if text is None:
        return _plain("", "none")
    if isinstance(text, int | float) and not isinstance(text, bool):
        # A number straight from YAML: nothing to read, but NaN and infinity are no target.
        if not math.isfinite(text):
            return _plain(str(text), "invalid")
        return Target(str(text), "number", "eq", float(text), None, None, True)
    original = str(text)
    s = _normalise(original)
    if not s or _NONE.fullmatch(s):
        return _plain(original, "none")
    if _UNKNOWN.fullmatch(s):
        return _plain(original, "unknown")
    if s.lower() in _QUALITATIVE:
        return Target(original, "qualitative", "reached", None, None, None, True)
    return _read(original, s) or _plain(original, "invalid")


def _plain(text: str, kind: str) -> Target:
    return Target(text, kind, None, None, None, None, kind != "invalid")


# --------------------------------------------------------------------------------------------
# Normalisation

_TAG = re.compile(r"<[^<>]*>")
# PDF-to-text turns ≥ 60% into LaTeX: $\geq 60\%$.
_LATEX = (
    (re.compile(r"\\geq?(?![a-z])"), "≥"),
    (re.compile(r"\\leq?(?![a-z])"), "≤"),
    (re.compile(r"\\gt(?![a-z])"), ">"),
    (re.compile(r"\\lt(?![a-z])"), "<"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\[,;:! ]|\$"), " "),
)
_DASH = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACE = re.compile(r"\s+")
_NONE = re.compile(r"-+")
_UNKNOWN = re.compile(r"\?+")
_QUALITATIVE = frozenset({"đạt", "đã đạt", "hoàn thành", "đã hoàn thành", "đạt chuẩn", "đạt yêu cầu"})


def _normalise(text: str) -> str:
    s = html.unescape(_TAG.sub(" ", text))
    for pattern, replacement in _LATEX:
        s = pattern.sub(replacement, s)
    s = unicodedata.normalize("NFC", s)
    s = _INVISIBLE.sub("", _DASH.sub("-", s))
    return _SPACE.sub(" ", s).strip(" .;:,")


def _fold(s: str) -> str:
    """Lower case without Vietnamese tone marks, one character for one: 'Phần đầu' → 'phan dau'.

    Keywords are matched on this shadow so that typos in tone marks (``phần đầu`` for
    ``phấn đấu``) and NFD input match too; positions stay aligned with ``s``, so a unit is cut
    from the text as written.
    """
    out = []
    for c in s:
        lower = c.lower()
        c = lower if len(lower) == 1 else c
        base = unicodedata.normalize("NFD", c)[0]
        out.append("d" if c == "đ" else base if base.isascii() and base.isalpha() else c)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# The grammar, on the folded text: lead words, one operator, a number and unit, an optional
# upper bound, an optional "trở lên/xuống", and ignorable context.

_LEAD = re.compile(r"\s*(phan dau|dat duoc|dat)(?!\w)")
_OPERATOR = re.compile(
    r"\s*(?:(?P<ge>≥|>=|=>|⩾|≧|toi thieu|it nhat|khong duoi|khong it hon|khong thap hon)"
    r"|(?P<le>≤|<=|=<|⩽|≦|toi da|khong vuot qua|khong qua|khong cao hon|nhieu nhat)"
    r"|(?P<gt>>|tren|cao hon|hon|vuot)"
    r"|(?P<lt><|duoi|thap hon)"
    r"|(?P<eq>=|bang))(?![a-z])"
)
_FROM = re.compile(r"\s*tu(?!\w)")
# Digit runs are bounded: int() refuses very long strings, and no target has 16 digits.
_NUMBER = re.compile(r"\s*([0-9]{1,15}(?:[.,][0-9]{1,15}){0,4})(?![0-9])")
_PERCENT = re.compile(r"\s*%")
_WORD = re.compile(r"\s*([^\W\d_]+(?:\s*/\s*[^\W\d_]+)*)")
_RESERVED = re.compile(r"\s*(?:doi voi|tro len|tro xuong|den|toi)(?!\w)")
_RANGE = re.compile(r"\s*(?:-|(?:den|toi)(?!\w))")
_SUFFIX = re.compile(r"\s*tro (len|xuong)(?!\w)")
_CONTEXT = re.compile(r"\s*(?:\(.*|doi voi(?!\w).*)?", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float
    unit: str | None
    end: int


def _read(original: str, s: str) -> Target | None:
    folded = _fold(s)
    pos, strive, from_ = 0, False, False
    explicit: str | None = None
    while True:
        if (m := _LEAD.match(folded, pos)) is not None:
            strive = strive or m.group(1) == "phan dau"
        elif (m := _OPERATOR.match(folded, pos)) is not None:
            if explicit is not None:
                return None
            explicit = m.lastgroup
        elif (m := _FROM.match(folded, pos)) is not None:
            from_ = True
        else:
            break
        pos = m.end()
    low = _quantity(s, folded, pos)
    if low is None:
        return None
    high, pos = None, low.end
    if (m := _RANGE.match(folded, pos)) is not None:
        high = _quantity(s, folded, m.end())
        if high is None:
            return None
        pos = high.end
    suffix = None
    if (m := _SUFFIX.match(folded, pos)) is not None:
        suffix, pos = ("ge" if m.group(1) == "len" else "le"), m.end()
    m = _CONTEXT.match(folded, pos)
    if m is None or m.end() != len(folded):
        return None
    return _target(original, low, high, _operator(explicit, suffix, from_, strive, high is not None))


def _operator(
    explicit: str | None, suffix: str | None, from_: bool, strive: bool, ranged: bool
) -> str | None:
    """The comparison the words and symbols state together; None when they contradict."""
    if ranged:
        return "between" if explicit is None and suffix is None else None
    if suffix is not None:
        return suffix if explicit in (None, suffix) else None
    if explicit is not None:
        return explicit
    # "từ 80%" and "phấn đấu đạt 3%" both mean "at least"; a bare or "đạt" number is the value.
    return "ge" if from_ or strive else "eq"


def _target(original: str, low: _Quantity, high: _Quantity | None, operator: str | None) -> Target | None:
    if operator is None:
        return None
    if high is None:
        return Target(original, "number", operator, low.value, None, low.unit, True)
    if low.unit is not None and high.unit is not None and low.unit != high.unit:
        return None
    if high.value < low.value:
        return None
    return Target(original, "range", "between", low.value, high.value, high.unit or low.unit, True)


def _quantity(s: str, folded: str, pos: int) -> _Quantity | None:
    m = _NUMBER.match(folded, pos)
    if m is None:
        return None
    value = _number(m.group(1))
    if value is None:
        return None
    if (p := _PERCENT.match(folded, m.end())) is not None:
        return _Quantity(value, "%", p.end())
    start = end = m.end()
    # A counted noun runs until a word that belongs to the grammar: "20 sáng kiến đối với …".
    while _RESERVED.match(folded, end) is None and (w := _WORD.match(folded, end)) is not None:
        end = w.end()
    unit = _SPACE.sub(" ", s[start:end]).strip() or None
    return _Quantity(value, unit, end)


def _number(digits: str) -> float | None:
    """Vietnamese notation: ',' is the decimal mark, '.' groups thousands ("1.000,5")."""
    if "," in digits:
        whole, _, fraction = digits.partition(",")
        if not fraction.isdigit():
            # "1,000,000" (English thousands) or "0,77.0": either reading is a guess.
            return None
        grouped = _thousands(whole)
        return None if grouped is None else float(f"{grouped}.{fraction}")
    if "." not in digits:
        return float(int(digits))
    grouped = _thousands(digits)
    if grouped is not None:
        return float(grouped)
    whole, _, fraction = digits.partition(".")
    return None if "." in fraction else float(f"{whole}.{fraction}")


def _thousands(digits: str) -> int | None:
    """'1.000' → 1000; None unless every group after the first has exactly three digits."""
    head, *groups = digits.split(".")
    if not groups:
        return int(head)
    if int(head) == 0 or len(head) > 3 or any(len(g) != 3 for g in groups):
        return None
    return int(head + "".join(groups))
