"""Word's automatic numbering (``w:numPr``): the labels Word draws but never stores.

A paragraph names a numbering instance and a level; numbering.xml gives each level its start,
format (decimal, upperRoman, lowerLetter, bullet …) and text pattern ("%1.%2."). Counting the
paragraphs in document order gives the label a reader sees, which the recognisers then treat
exactly like numbering typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .xmlnames import w

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's lowerLetter goes a..z, then aa..zz.
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True, slots=True)
class Level:
    start: int
    fmt: str
    text: str


@dataclass(slots=True)
class Numbering:
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)    # numId -> ilvl -> Level
    starts: dict[tuple[str, int], int] = field(default_factory=dict)      # lvlOverride/startOverride
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        abstract: dict[str, dict[int, Level]] = {}
        for a in root.iter(w("abstractNum")):
            levels = {}
            for lvl in a.iter(w("lvl")):
                levels[int(lvl.get(w("ilvl"), "0"))] = Level(
                    int(_val(lvl, "start") or "1"), _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
            abstract[a.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            out.levels[num_id] = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
            for o in num.iter(w("lvlOverride")):
                start = _val(o, "startOverride")
                if start:
                    out.starts[(num_id, int(o.get(w("ilvl"), "0")))] = int(start)
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph at (num_id, ilvl): counts it, resets deeper levels."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        level = levels.get(ilvl)
        if level is None:
            return ""
        if level.fmt == "bullet":
            return "-"       # the bullet glyph (often a Symbol-font private character) means "-"
        if level.fmt == "none":
            return ""
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            k = len(counts)
            lv = levels.get(k)
            counts.append(self.starts.get((num_id, k), lv.start if lv else 1) - 1)
        counts[ilvl] += 1
        for k in range(ilvl + 1, len(counts)):
            lv = levels.get(k)
            counts[k] = self.starts.get((num_id, k), lv.start if lv else 1) - 1
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k)
            text = text.replace(f"%{k + 1}", formatted(max(counts[k], 1), lv.fmt if lv else "decimal"))
        return text


def _val(el: etree._Element, name: str) -> str | None:
    child = el.find(w(name))
    return child.get(w("val")) if child is not None else None
