"""Where a printed line must not break: inside a document number, and between "số" and its number.

A title that reads "NGHỊ QUYẾT SỐ / 71/NQ-CP" over two lines, or a cell that splits "57-NQ/TW" at
its hyphen, is hard to read and looks careless in a signed document. The print formats (Word,
HTML) therefore join these places: a no-break space after "số"/"Số:", and a non-breaking hyphen
inside a number such as ``71/NQ-CP``. The view keeps the plan's text as written (Markdown and
the table cells compared with the YAML see plain spaces and hyphens); only the printed text is
joined, by :func:`keep_together`.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"      # Word writes it as w:noBreakHyphen, drawn with the run's own hyphen glyph

_UPPER = "A-ZĐÀ-ỸƠƯĂÂÊÔ"
# A document number: digits, then parts joined by "/" or "-", one of them a capitalised symbol
# ("71/NQ-CP", "57-NQ/TW", "02/2025/TT-BGDĐT", "226/2025/QH15"); row numbers ("1-3.") and dates
# ("24/01/2025") have no symbol and are left alone.
_DOC_NUMBER = re.compile(rf"(?<![\w/-])\d+(?:[/-][0-9{_UPPER}]+)+")
_SYMBOL = re.compile(rf"[{_UPPER}]")
_DIGIT = re.compile(r"\d")
# "số 71", "Số: 33", "SỐ 57": the word and the number it introduces stay on one line.
_NUMBER_WORD = re.compile(r"\b(số|Số|SỐ)(:?) (?=\d)")


def keep_together(text: str) -> str:
    """``text`` with no-break spaces and hyphens where a line break would split a reference."""
    if not _DIGIT.search(text):
        return text
    return keep_numbers(_NUMBER_WORD.sub(lambda m: m.group(1) + m.group(2) + NBSP, text))


def keep_numbers(text: str) -> str:
    """``text`` with each document number joined, but "số" free to end a line: for table cells,
    where "số 02-CTr/BCĐTW" as one word would make a narrow column wider still."""
    if not _DIGIT.search(text):
        return text
    return _DOC_NUMBER.sub(_join_number, text)


def keep_line(text: str) -> str:
    """A short line that must not break at all (``Số: 33/KH-UBND``): every space and hyphen joined."""
    return text.replace(" ", NBSP).replace("-", NB_HYPHEN)


def _join_number(m: re.Match[str]) -> str:
    number = m.group(0)
    return number.replace("-", NB_HYPHEN) if _SYMBOL.search(number) else number


def plain(text: str) -> str:
    """The joined text back as written: for reading a rendered document against its plan."""
    return text.replace(NBSP, " ").replace(NB_HYPHEN, "-")
