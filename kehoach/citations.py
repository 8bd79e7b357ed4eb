"""Citations of documents in a plan's free text, and kehoach's registry of higher documents.

A citation is a document kind, its number/symbol, and optionally "ngày dd/mm/yyyy" (or "ngày dd
tháng mm năm yyyy") and "của <issuer>": "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị".
Symbols compare without their separators and case ("71-NQ/CP" is "71/NQ-CP" mistyped, not
another document); a citation without a date or an issuer says nothing about them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

from .text import norm_key

_KIND = (r"Nghị quyết|Nghị định|Quyết định|Kế hoạch(?: hành động)?|Chương trình(?: công tác| hành động)?"
         r"|Thông báo|Chỉ thị|Thông tư|Kết luận|Công văn|Hướng dẫn")
# A space after the number's separator is a typo kept as written ("57- NQ/TW"), read only before
# two capitals, so that "Kế hoạch 1- xây dựng" stays no citation.
_SYMBOL = (r"\d{1,5}(?:/\d{4})?[-/](?:\s(?=(?-i:[A-ZĐ]{2})))?[A-ZĐ][A-ZĐa-zđ0-9&]*"
           r"(?:[-/][A-ZĐ0-9][A-ZĐa-zđ0-9&]*)*")
_DATE = (r"(?:,\s*)?\s+ngày\s+(?:(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})"
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))")
_ISSUER = r"\s+của\s+(?:của\s+)?(?P<issuer>[^,;.:()“”\"]+)"
_CITATION = re.compile(rf"(?P<kind>{_KIND})\s+(?:số\s+)?(?P<symbol>{_SYMBOL})(?:{_DATE})?(?:{_ISSUER})?",
                       re.IGNORECASE)
# Where an issuer's name ends: the subject of the document follows ("… của Bộ Chính trị về …").
_ISSUER_END = re.compile(r"\s+(?:về|thực hiện|ban hành|phê duyệt|sửa đổi|triển khai|tại|trên|đến|và|khóa|khoá)\b.*$",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Citation:
    kind: str
    symbol: str              # as written
    date: dt.date | None
    date_text: str           # as written ("22/12/2025"), empty without a date
    issuer: str              # as written, empty without one
    start: int               # offset in the text
    issuer_text: str = ""    # what follows "của" up to the next punctuation, the subject included

    @property
    def key(self) -> str:
        return symbol_key(self.symbol)


def symbol_key(symbol: str) -> str:
    return re.sub(r"[\s\-/]", "", symbol).upper()


def find_citations(text: str) -> Iterator[Citation]:
    for m in _CITATION.finditer(text):
        d, mo, y = m.group("d") or m.group("d2"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2")
        date: dt.date | None = None
        date_text = ""
        if d and mo and y:
            date_text = f"{d}/{mo}/{y}"
            try:
                date = dt.date(int(y), int(mo), int(d))
            except ValueError:
                date = None
        issuer = _ISSUER_END.sub("", m.group("issuer") or "").strip()
        yield Citation(m.group("kind"), m.group("symbol"), date, date_text, issuer, m.start(),
                       (m.group("issuer") or "").strip())


@dataclass(frozen=True, slots=True)
class Known:
    symbol: str
    kind: str
    date: dt.date
    issuers: tuple[str, ...]
    source: str
    city: str = ""           # a city's own document: compared only with that city's plans

    def applies_to(self, city: str) -> bool:
        return not self.city or norm_key(self.city) == norm_key(city)

    def issuer_matches(self, written: str) -> bool:
        w = norm_key(written)
        return any(w.startswith(norm_key(i)) or norm_key(i).startswith(w) for i in self.issuers)


@functools.cache
def known_documents() -> dict[str, Known]:
    text = resources.files("kehoach").joinpath("data/documents.yaml").read_text(encoding="utf-8")
    out: dict[str, Known] = {}
    for d in yaml.safe_load(text)["documents"]:
        date = d["date"] if isinstance(d["date"], dt.date) else dt.date.fromisoformat(str(d["date"]))
        out[symbol_key(d["symbol"])] = Known(d["symbol"], d["kind"], date, tuple(d["issuer"]), d["source"],
                                         d.get("city", ""))
    return out
