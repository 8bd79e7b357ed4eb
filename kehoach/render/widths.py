"""Column widths of a table, from the measured length of its text.

Measured, because a character count misjudges a column: "HĐND&UBND" is nine characters but as
wide as eighteen "i". Each column gets

- a floor: its longest word (or a short cell such as "≥ 70%" that must stay on one line), so no
  word is ever broken inside; a column of unit names also gets room for a name on two or three
  lines ("Văn phòng HĐND và UBND xã"), not one word a line;
- a ceiling: its longest line, since a column wider than all its text only wastes room;
- in between, a share that grows with the square root of the column's average text per row: a
  column of long task descriptions is widest, yet the short columns are not starved, and an
  almost empty "Ghi chú" column stays narrow.

The same measure tells which rows are tall enough to be allowed to break across a page.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .format import FORMAT
from .metrics import BOLD, REGULAR

UNIT_FIELDS = frozenset({"lead", "support"})
UNIT_MIN_MM = 28.0        # a unit name on two or three lines, in 12 pt
WORD_CAP_MM = 40.0        # a longer "word" (a URL) may break rather than starve the other columns
SHORT_CELL = 8            # characters: "≥ 70%", "Quý II" stay on one line
SLACK_MM = 0.8            # rounding and the cell borders: a word that just fits must not break
SHARE_POWER = 0.65         # how strongly a column's share follows its amount of text
SPLIT_LINES = 6           # a row taller than this may break across a page; a shorter one may not
_AVERAGE_CHAR = 500       # 1/1000 em: a character the metrics do not know
MEASURE_LIMIT = 4000      # characters measured exactly; a longer text is estimated from its start
LONG_WORD = 200           # characters: a word this long is over WORD_CAP_MM even in "i"
_BREAKS = re.compile(r"[ \t\n]+")   # where a line may break (not at a no-break space)


@dataclass(frozen=True, slots=True)
class ColumnText:
    """What a column prints: its heading (bold) and its cells, as they will be printed."""

    field: str
    heading: str
    cells: tuple[str, ...]            # one per data row, "" where empty
    bold_cells: tuple[str, ...] = ()  # group numbers shown in this column, in bold
    width: float | None = None        # the plan's own relative width


def text_mm(text: str, *, bold: bool = False, pt: float = FORMAT.table_pt) -> float:
    """The printed width of one line of ``text`` in Times New Roman at ``pt``.

    A text longer than ``MEASURE_LIMIT`` characters is measured on its start and scaled: past
    a few lines its exact length changes no width, and a plan may hold a megabyte in a cell."""
    if len(text) > MEASURE_LIMIT:
        return _em(text[:MEASURE_LIMIT], bold) * len(text) / MEASURE_LIMIT * pt * 25.4 / 72
    return _em(text, bold) * pt * 25.4 / 72


@lru_cache(maxsize=65536)
def _em(text: str, bold: bool) -> float:
    table = BOLD if bold else REGULAR
    total = 0
    for ch in text:
        w = table.get(ord(ch))
        if w is None:   # a letter with a diacritic the table lacks: its base letter's width
            w = table.get(ord(unicodedata.normalize("NFD", ch)[0]), _AVERAGE_CHAR)
        total += w
    return total / 1000


def longest_word_mm(text: str, *, bold: bool = False) -> float:
    # A word of more than LONG_WORD characters is wider than WORD_CAP_MM whatever its letters.
    longest = max(_BREAKS.split(text), key=len, default="")
    if len(longest) > LONG_WORD:
        return max(text_mm(longest[:LONG_WORD], bold=bold), WORD_CAP_MM)
    return max((text_mm(w, bold=bold) for w in _BREAKS.split(text) if w), default=0.0)


def longest_line_mm(text: str, *, bold: bool = False) -> float:
    return max((text_mm(line, bold=bold) for line in text.split("\n")), default=0.0)


def _unbreakable_mm(text: str, *, bold: bool = False) -> float:
    if len(text) <= SHORT_CELL and "\n" not in text:
        return text_mm(text, bold=bold)
    return longest_word_mm(text, bold=bold)


def pad_mm() -> float:
    """What a cell takes beside its text: the left and right cell margins, and some slack."""
    return 2 * FORMAT.cell_margin_mm + SLACK_MM


def table_width_mm(*, landscape: bool) -> float:
    f = FORMAT
    return (f.page_height_mm if landscape else f.page_width_mm) - f.margin_left_mm - f.margin_right_mm


def column_shares(columns: Sequence[ColumnText], *, landscape: bool) -> tuple[float, ...]:
    """Each column's share of the table width: the plan's own ``width`` if every column has one."""
    given = [c.width for c in columns]
    if all(w is not None and w > 0 for w in given):
        total = sum(w for w in given if w is not None)
        return tuple((w or 0) / total for w in given)
    widths = text_widths(columns, table_width_mm(landscape=landscape) - len(columns) * pad_mm())
    total = sum(w + pad_mm() for w in widths)
    return tuple((w + pad_mm()) / total for w in widths)


def text_widths(columns: Sequence[ColumnText], budget: float) -> list[float]:
    """The text width of each column (mm), together ``budget``."""
    floors = [_floor(c) for c in columns]
    if sum(floors) >= budget:   # too many columns for the page: shrink all alike, words may break
        return [f * budget / sum(floors) for f in floors]
    ceilings = [max(f, max((longest_line_mm(x) for x in c.cells), default=0.0))
                for f, c in zip(floors, columns, strict=True)]
    if sum(ceilings) <= budget:  # everything fits on one line: share out the rest evenly
        spare = (budget - sum(ceilings)) / len(columns)
        return [c + spare for c in ceilings]
    weights = [_weight(c) for c in columns]

    def widths(k: float) -> list[float]:
        return [min(cap, max(floor, k * w)) for floor, cap, w in zip(floors, ceilings, weights, strict=True)]

    low, high = 0.0, budget / max(min(w for w in weights), 1e-9)
    for _ in range(60):         # the total grows with k: bisect for the k that fills the budget
        mid = (low + high) / 2
        low, high = (mid, high) if sum(widths(mid)) < budget else (low, mid)
    return widths(high)


def _floor(c: ColumnText) -> float:
    words = [longest_word_mm(c.heading, bold=True)]
    words += [_unbreakable_mm(x) for x in c.cells]
    words += [_unbreakable_mm(x, bold=True) for x in c.bold_cells]
    floor = min(max(words), WORD_CAP_MM)
    if c.field in UNIT_FIELDS:
        floor = max(floor, min(UNIT_MIN_MM, max((longest_line_mm(x) for x in c.cells), default=0.0)))
    return floor


def _weight(c: ColumnText) -> float:
    # Empty cells count: a column written in three rows of fifty is not a text column.
    average = sum(text_mm(x) for x in c.cells) / max(len(c.cells), 1)
    return float(max(average, 1.0) ** SHARE_POWER)


def lines(text: str, width_mm: float, *, bold: bool = False) -> int:
    """About how many lines ``text`` takes in a column ``width_mm`` wide (its text width)."""
    width = max(width_mm, 1.0)
    count = 0
    for paragraph in text.split("\n"):
        if len(paragraph) > MEASURE_LIMIT:   # far taller than any threshold: no need to wrap it
            count += math.ceil(text_mm(paragraph, bold=bold) / width)
            continue
        line = 0.0
        count += 1
        for word in _BREAKS.split(paragraph):
            w = text_mm(word + " ", bold=bold)
            if line and line + w > width + text_mm(" ", bold=bold):
                count += 1
                line = 0.0
            line += w
        count += math.floor(line / width) if line > width else 0
    return count
