"""The Vietnamese deadline grammar: *thời gian thực hiện / hoàn thành* text → a period.

``parse_deadline(text, year)`` reads the deadline cell of a plan as written and returns a
:class:`Deadline`: the first and last day of the window, whether it recurs, continues with no
end, or is fixed by another document. ``year`` is the plan year; it fills any missing year.
kehoach never guesses: text it cannot read is ``valid=False, reason="unrecognised"``, and a
date that cannot exist (``Quý V``, ``Tháng 13``, ``30/02``) is reported with its own reason.

Forms understood (case, NFC/NFD, en/em dashes, extra spaces, padded numbers, an optional
``năm``, HTML tags such as ``<p>``, brackets, a ``:`` and a trailing ``.``/``;`` never matter;
``Quý``, ``Qúy`` and the old spelling ``Quí`` are one word):

Points and windows
    ``15/12/2026``, ``30.6.2026``, ``2026-06-30``, ``ngày 15 tháng 12 năm 2026``, ``30/6``
        a day (kind ``date``); a missing year is the plan year.
    ``Tháng 4/2026``, ``tháng 02 năm 2026``, ``6/2026``, ``Tháng 12``
        a month (kind ``month``), due its last day (leap years included).
    ``Quý II/2026``, ``Quý 3``, ``Quý IV năm 2026``, ``Q2/2026``, ``Quý III-2026``, ``Quí II/2026``
        a quarter, Roman I–IV or Arabic 1–4 (kind ``quarter``).
    ``6 tháng đầu năm 2026``, ``6 tháng cuối năm``, ``nửa đầu năm``, ``H1/2026``
        a half (kind ``half``); ``N tháng đầu/cuối năm`` in general is months 1..N or
        (13-N)..12 (``3 tháng`` is a quarter, ``12 tháng`` the year, others kind ``range``).
    ``đầu năm 2026`` / ``giữa năm 2026`` / ``cuối năm 2026``
        read as the first / second / fourth quarter (kind ``quarter``): *đầu năm* is due
        31 March, *giữa năm* 30 June, *cuối năm* 31 December. These are the three-month windows
        ending at the point the phrase names; the text gives no sharper bound.
    ``2026``, ``Năm 2026``, ``trong năm 2026``
        a whole year (kind ``year``).
    ``Quý I năm sau``, ``Tháng 3 năm tới``, ``năm sau``, ``Quý IV năm nay``
        relative to the plan year: *năm sau / tới / tiếp theo* is the next year, *năm nay* the plan
        year (plural *những / các năm sau* is open-ended, below).

Ranges and lists (start = earliest start, due = latest due)
    ``Tháng 10 - 12/2026``, ``Quý I - Quý IV``, ``Quý 3 – 4``, ``2025-2030``,
    ``Giai đoạn 2026-2030``, ``Từ tháng 3/2026 đến tháng 6/2026``,
    ``từ tháng 3/2026 đến hết quý III/2026``, ``Kể từ tháng 3/2026 đến hết năm 2026``
        a window from the first period's start to the last period's end (kind ``range``);
        a window that ends before it starts is ``range-reversed``.
    ``Quý I, II/2026``, ``Tháng 6 và tháng 12/2026``, ``Quý II/2026; Quý IV/2026``
        several periods; a year written once at the end applies to the whole list. The kind
        is the periods' common kind, else ``range``.

Prefixes
    ``trước ngày 20/11/2026``, ``Trước 30/6/2026``
        due on that day (kind ``date``, no start): *trước ngày X* is the administrative "by X".
    ``trước tháng 6/2026``, ``trước Quý III``
        due the day before that period starts (31 May, 30 June): "before June" read literally.
    ``đến hết năm 2025``, ``hết Quý II``
        due at the end of that period, start not stated.
    ``hoàn thành``, ``thực hiện``, ``trong``, ``vào``, ``chậm nhất``, ``không quá``, ``dự kiến``, ``giai đoạn``,
    ``định kỳ``, ``cuối`` (before *tháng*/*quý*), ``nhiệm vụ``, ``báo cáo (kết quả)``, ``Thời hạn:``
        carry no date information and are skipped.
    ``Ban hành Kế hoạch trong quý I/2026``, ``Tổng kết vào tháng 12/2026``,
    ``Bắt đầu triển khai từ năm 2026``
        a leading verb (one of a list: ban hành, tổng kết, sơ kết, tổ chức, xây dựng, bắt đầu …) and
        up to eight words without digits are skipped, but only when a preposition, a period or a
        cadence follows them (``Ban hành Kế hoạch`` alone stays unread).

A period then a clause
    ``Quý III/2026, sau đó cập nhật hằng năm``, ``Hoàn thành trong tháng 5/2026. Tổ chức sơ kết
    (nếu có)``, ``Tháng 6/2026 (có thể điều chỉnh)``, ``Quý II/2026 (theo hướng dẫn của Sở)``
        the leading period is the deadline; the text after it, which the grammar does not read,
        is kept as written in ``note`` (``explain deadline`` shows it). A clause that offers another
        deadline or turns the period around (``hoặc``, ``hay``, ``trở về trước``) makes the cell
        unreadable: that would be a guess. Text before any period is never skipped.

Ongoing, recurring, external
    ``Thường xuyên``, ``Nhiệm vụ thường xuyên``, ``liên tục``, ``duy trì``
        kind ``ongoing``: no due date, never overdue.
    ``Quý I/2026 và duy trì``
        due at the end of the period, then ongoing (``ongoing=True``).
    ``Năm 2025 và những năm tiếp theo``, ``2026-2030 và các giai đoạn tiếp theo``,
    ``Từ năm 2026``, ``từ tháng 3/2026``, ``từ 2026 trở đi``
        open-ended: kind ``ongoing``, ``start`` set, no due date.
    ``Hằng năm`` / ``Hàng năm`` / ``hằng quý`` / ``hàng tháng`` / ``định kỳ hằng tháng``
        kind ``recurring`` with ``recurrence`` yearly / quarterly / monthly; for this plan the
        window is the plan year, and ``due`` its last occurrence in that year: 31 December unless
        a date is also given (``Định kỳ hàng năm trước ngày 30/11``, ``định kỳ trước ngày 10/6
        hằng năm`` are due that day of the plan year, ``Quý II hằng năm`` at the end of the plan
        year's second quarter). ``occurrences`` lists each due date in the plan year: every month's
        or quarter's end, or the dates given.
    ``trước ngày 25 hằng tháng``, ``từ ngày 1 đến ngày 5 hằng tháng``, ``trước ngày 15 của tháng cuối quý``
        a day of every month (of the last month of every quarter): monthly (quarterly), due that day
        of December; a day past a month's end falls on its last day. A day with no month is read
        only with such a cadence.
    ``định kỳ 6 tháng``, ``6 tháng/lần``, ``06 tháng một lần``, ``nửa năm một lần``, ``2 lần/năm``,
    ``02 lần trong năm``, ``Một năm 2 kỳ``
        a cadence written as a count: every 1 / 3 / 6 / 12 months, or 12 / 4 / 2 / 1 times a year, is
        monthly / quarterly / ``six-monthly`` / yearly (six-monthly occurs 30 June and 31 December).
        ``6 tháng đầu / cuối năm`` stays a half of the year.
    ``hằng quý/6 tháng một lần``, ``định kỳ 6 tháng, hằng năm``
        several cadences: the most frequent one, whose occurrences include every other one's.
    ``Thường xuyên; định kỳ hàng tháng báo cáo kết quả``, ``Thường xuyên; định kỳ 6 tháng báo cáo``
        ongoing with a monthly (six-monthly) reporting cadence (``recurrence="monthly"``).
    ``Theo Dự án được thành phố phê duyệt``, ``Theo thời gian tại các Nghị quyết, …``,
    ``Theo hướng dẫn của cấp trên``, ``theo lộ trình …``, ``Căn cứ hướng dẫn …``, ``Tùy theo tiến
    độ …``, ``Khi có hướng dẫn …``, ``Sau khi … được phê duyệt``: a clause starting with *theo*,
    *căn cứ*, *tùy theo / thuộc*, *phụ thuộc*, *khi có*, *ngay khi* or *sau khi*
        kind ``external``: fixed by another body's schedule, not machine-checkable, no due date
        (rule ``deadline-external``). After a period it is that period's note.

Days of the week, parts of the day
    ``THỨ HAI (09/02/2026)``, ``THỨ NĂM, NGÀY 05/3``, ``ngày 01/01/2026 (thứ Năm)``, ``Chiều ngày 31/12/2025``
        a working calendar's day: the weekday and the part of the day (*sáng*, *chiều*, *tối*) say no more
        than the date. A weekday is checked against a date whose year is written: one that does not match
        is ``weekday-mismatch`` (which of the two is wrong cannot be told). Beside a date without a year it
        is not checked: it belongs to the author's year, which the cell does not give (the plan year is
        ours). A weekday with no date (``thứ Hai``) is not a deadline.
    ``Tuần thứ 07 từ ngày 09/02/2026 đến ngày 13/02/2026``
        a week's number is skipped only before the dates it spans.

More date spellings
    ``30-6-2026``, ``16-03-2001``: day, month and year joined by hyphens, without spaces (spaced, or
    with two numbers only, a hyphen is a range). ``30/6/26``: a two-digit year after a full day and month is
    20yy (plans are of 2000–2100). ``T6/2026``, ``Th6/2026``: a month, only with its year (``T6`` alone
    is also *thứ 6*, Friday). ``Quý I + II/2026``: ``+`` and ``&`` join a list like ``,``.

    ``Tháng 6.2026``, ``Quý 3.2026``, ``QIII/2026``, ``Q.III/2026``: a dot before the year, a Roman
    quarter after ``Q``. ``Cả năm (2026)``: the whole year. ``Đợt 1: Quý II/2026``: a batch's label is skipped.
    ``Ngay trong tháng 3/2026``: *ngay* (right away) carries no date. ``Đến năm 2030 và các năm tiếp theo``:
    open-ended, no start. ``(tức ngày 27 tháng Chạp …)``: a gloss of the day before it, skipped.
    ``5 năm 2021-2025``: a count of years that is the range's is skipped (another count stays unread).
    ``Sáu tháng đầu năm``, ``Quý cuối năm 2026``, ``tháng đầu năm``: counts in words; the first or last quarter
    (month) of the year. ``Trước 17h ngày 20/6/2026``: an hour before a day says no more than the day.
    ``Hằng tháng (trước ngày 20)``, ``Từ ngày 20 đến 25 hằng tháng``: a day of the month beside its cadence.
    ``Trước ngày 30/6/2026 (đợt 1); …``: a batch label in brackets is skipped.

A period narrowed by a day
    ``Năm 2026 (hoàn thành trước 30/6)``, ``Quý II/2026, trước ngày 15/6``
        a *trước* day inside the period beside it is the deadline (kind ``date``), the period its window.

Time limits counted from an event
    ``Tối đa 30 ngày kể từ ngày ký``, ``sau 10 ngày kể từ ngày ký ban hành``, ``trong vòng 15 ngày làm việc
    kể từ ngày nhận được``
        external: the event's date is another act's, and the count may be of working or calendar days, so
        no date is computed (a bare ``105 ngày`` stays unread).

Not understood, on purpose: vague words (``sớm nhất có thể``, ``khoảng``, ``đầu tháng``,
``giữa tháng``, ``những tháng cuối năm``), ``hoặc`` (either of two deadlines), ``hằng tuần``/
``hằng ngày`` (the plan's cadences are
those of the reporting regime, Nghị định 09/2019: monthly to yearly; a weekly duty is a working calendar's,
not a plan deadline's), ``đầu quý``, ``giữa tháng``, ``tuần đầu tháng 3``, a two-digit year after a month alone
(``6/26``), counts with no cadence in the model (``2 tháng/lần``, ``3 lần/năm``), a bare ``6 tháng``
(a duration, not a cadence), two-digit years, and years outside 1900–2199.

Tone placement (*hoà*/*hòa*) does not affect any keyword of this grammar; the only keyword at
risk, *quý*, is also accepted with the misplaced tone *qúy*.
"""

from __future__ import annotations

import calendar
import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .errors import KehoachError

__all__ = ["KINDS", "REASONS", "RECURRENCES", "YEARS", "Deadline", "parse_deadline"]

KINDS: tuple[str, ...] = (
    "empty", "date", "month", "quarter", "half", "year", "range",
    "ongoing", "recurring", "external", "invalid",
)
REASONS: tuple[str, ...] = (
    "unrecognised", "month-out-of-range", "quarter-out-of-range", "day-out-of-range", "half-out-of-range",
    "range-reversed", "weekday-mismatch",
)
RECURRENCES: tuple[str, ...] = ("yearly", "quarterly", "monthly", "six-monthly")
# From the most frequent to the least: a cell naming several cadences ("hằng quý, 6 tháng, hằng năm")
# recurs at the most frequent one, whose occurrences include every other one's.
_BY_FREQUENCY: tuple[str, ...] = ("monthly", "quarterly", "six-monthly", "yearly")
# The years the grammar reads, written or given as the plan year: far enough either side of any
# plan, and inside what datetime.date can hold.
YEARS = (1900, 2199)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as written and as read."""

    text: str  # the original text, unchanged
    kind: str  # one of KINDS
    start: date | None  # first day of the window, when the text states one
    due: date | None  # last day; None for ongoing, external, invalid and empty
    recurrence: str | None  # one of RECURRENCES: a recurring duty or reporting cadence
    ongoing: bool  # continues with no end ("Thường xuyên", "… và duy trì")
    external: bool  # fixed by another document ("Theo Dự án …"): not machine-checkable
    valid: bool  # False only for impossible or unreadable text
    reason: str | None  # one of REASONS when not valid
    # What follows the period and says no more about when ("…, sau đó cập nhật hằng năm", "(nếu có)"),
    # as written; None when the whole text was read.
    note: str | None = None
    # A recurring deadline's occurrences within the plan year, in order; ``due`` is the last one.
    occurrences: tuple[date, ...] = ()


def parse_deadline(text: str | None, year: int) -> Deadline:
    """Read a deadline cell; ``year`` (the plan year) fills a missing year.

    A text that cannot be read is an invalid Deadline, never an exception. A plan year the
    grammar cannot represent is the caller's mistake (a plan's year is 2000–2100 by the schema;
    ``explain deadline --year`` takes any integer): KehoachError ``cli.bad-year``.
    """
    if not YEARS[0] <= year <= YEARS[1]:
        raise KehoachError("cli.bad-year", value=year, first=YEARS[0], last=YEARS[1])
    original = "" if text is None else text
    cased = _year_counts(_day_ranges(_relative_years(_normalise(original), year)))
    s = cased.lower()
    if not s:
        return Deadline(original, "empty", None, None, None, False, False, True, None)
    try:
        groups, note_at = _parse_groups(s)
        # Lower-casing keeps the length of Vietnamese text; where it would not, the note is shown lower-cased.
        note = None if note_at is None else (cased if len(cased) == len(s) else s)[note_at:].strip(_NOTE_EDGES)
        return _read(original, groups, year, note or None)
    except _Invalid as problem:
        return Deadline(original, "invalid", None, None, None, False, False, False, problem.reason)


# --------------------------------------------------------------------------------------------
# Normalisation


_TAG = re.compile(r"<[^<>]*>")
_DASH = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
# Zero-width characters come with text pasted from Word and the web; they are never meaningful.
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACE = re.compile(r"\s+")


# "(tức ngày 27 tháng Chạp năm Ất Tỵ)": "that is …", the same day said again (here in the lunar calendar).
_GLOSS = re.compile(r"\(\s*tức(?!\w)[^()]*\)", re.IGNORECASE)


def _normalise(text: str) -> str:
    """NFC, one dash, one space; the case is kept (the caller lower-cases) so that a note reads as written."""
    s = html.unescape(_TAG.sub(" ", text))
    s = _GLOSS.sub(" ", unicodedata.normalize("NFC", s))
    s = _INVISIBLE.sub("", _DASH.sub("-", s))
    return _SPACE.sub(" ", s).strip(" .;,:")


# "Quý I năm sau" is the first quarter after the plan year: the relative year is written out before
# parsing, so every form that takes a year takes it. "Những / các năm sau" (the years after, plural)
# is open-ended and stays as it is.
_RELATIVE_YEAR = re.compile(r"(?<!những )(?<!các )\bnăm (nay|sau|tới|tiếp theo)(?!\w)", re.IGNORECASE)
_YEARS_AFTER_PLAN = {"nay": 0, "sau": 1, "tới": 1, "tiếp theo": 1}


def _relative_years(s: str, plan_year: int) -> str:
    return _RELATIVE_YEAR.sub(lambda m: f"năm {plan_year + _YEARS_AFTER_PLAN[m.group(1).lower()]}", s)


# "Từ ngày 01-05/3/2026" (working calendars): a range of days sharing one month is written out as
# "01/3 - 05/3/2026" before parsing. The month must have one or two digits: "10-12/2026" is months.
_DAY_RANGE = re.compile(r"(?<![0-9/.-])([0-9]{1,2})\s*-\s*([0-9]{1,2})\s*([/.])\s*([0-9]{1,2})(?![0-9])")


def _day_ranges(s: str) -> str:
    return _DAY_RANGE.sub(lambda m: f"{m[1]}{m[3]}{m[4]} - {m[2]}{m[3]}{m[4]}", s)


# "5 năm 2021-2025", "giai đoạn 5 năm 2026 - 2030": the count of years is dropped when it is the range's;
# one that is not ("3 năm 2021-2025") is left, unread, and so is the cell.
_YEAR_COUNT = re.compile(r"(?<!\w)([0-9]{1,2})\s*năm\s*(?=([0-9]{4})\s*-\s*([0-9]{4})(?![0-9]))", re.IGNORECASE)


def _year_counts(s: str) -> str:
    def drop(m: re.Match[str]) -> str:
        return " " * len(m[0]) if int(m[1]) == int(m[3]) - int(m[2]) + 1 else m[0]

    return _YEAR_COUNT.sub(drop, s)


# --------------------------------------------------------------------------------------------
# Spans: one calendar period, its year possibly not written yet


class _Invalid(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class _Span:
    kind: str  # date | month | quarter | half | year | range (for "N tháng đầu năm")
    year: int | None  # None: not written here, filled from the rest of the text
    first_month: int
    last_month: int
    day: int | None = None  # set only for kind "date"
    weekday: int | None = None  # a day of the week written before this day ("thứ Năm ngày 01/9"), Monday = 0

    def bounds(self, year: int) -> tuple[date, date]:
        if self.day is not None:
            if not 1 <= self.day <= calendar.monthrange(year, self.first_month)[1]:
                raise _Invalid("day-out-of-range")
            day = date(year, self.first_month, self.day)
            return day, day
        last = calendar.monthrange(year, self.last_month)[1]
        return date(year, self.first_month, 1), date(year, self.last_month, last)


def _year(digits: str | None) -> int | None:
    if digits is None:
        return None
    value = int(digits)
    # A four-digit number far from today is a typo or not a year; reading it either way is a guess.
    if not YEARS[0] <= value <= YEARS[1]:
        raise _Invalid("unrecognised")
    return value


def _month_span(month: int, year: int | None) -> _Span:
    if not 1 <= month <= 12:
        raise _Invalid("month-out-of-range")
    return _Span("month", year, month, month)


def _quarter_span(quarter: int, year: int | None) -> _Span:
    if not 1 <= quarter <= 4:
        raise _Invalid("quarter-out-of-range")
    return _Span("quarter", year, 3 * quarter - 2, 3 * quarter)


def _date_span(day: int, month: int, year: int | None) -> _Span:
    if not 1 <= month <= 12:
        raise _Invalid("month-out-of-range")
    # The day is checked against the month only once the year is known (29/02 depends on it).
    if not 1 <= day <= 31:
        raise _Invalid("day-out-of-range")
    return _Span("date", year, month, month, day)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12}


def _quarter_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token not in _ROMAN:
        raise _Invalid("unrecognised")
    return _ROMAN[token]


# --------------------------------------------------------------------------------------------
# Token parsers: each reads one period at ``pos`` and returns it with the position after it,
# or None when the text there is not that form. Values out of range raise _Invalid.

_Found = tuple[_Span, int]
_TokenParser = Callable[[str, int], _Found | None]

# A year written after a period: "/2026", " năm 2026", ", 2026", " - 2026".
# (a dot too: "Tháng 6.2026", "Quý 3.2026", as "30.6.2026" writes a day)
_YEAR_AFTER = re.compile(r"\s*(?:[/,-]\s*(?:năm\s*)?|\.|năm\s*)([0-9]{4})(?![0-9])")
_YEAR_AFTER_DATE = re.compile(r"\s*(?:[/.]\s*|năm\s*)([0-9]{4})(?![0-9])")
# "30/6/26": a two-digit year after a full day and month is 20yy. Plans are of the years 2000–2100 (the
# schema), so the century is not in doubt once day and month are written; after a month alone ("6/26")
# the two digits could as well be a mistyped day and month, and stay unread.
_SHORT_YEAR_AFTER_DATE = re.compile(r"\s*[/.]\s*([0-9]{2})(?![0-9/.])")


def _year_after(s: str, pos: int, pattern: re.Pattern[str] = _YEAR_AFTER) -> tuple[int | None, int]:
    m = pattern.match(s, pos)
    return (None, pos) if m is None else (_year(m.group(1)), m.end())


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")
# A part of the day ("sáng", "chiều ngày 31/12/2025", in working calendars) says no more than the day.
# An hour too ("Trước 17h ngày 20/6/2026", "17 giờ 30 phút, ngày …"), only before a date.
_DAY_PART = (
    r"(?:(?:sáng|chiều|tối|trưa)\s*"
    r"|[0-9]{1,2}\s*(?:h|giờ)(?:\s*[0-9]{1,2}\s*(?:phút|'|’)?)?\s*,?\s*(?=ngày|[0-9]{1,2}\s*[/.-]\s*[0-9]))?"
)
_WRITTEN_DATE = re.compile(_DAY_PART + r"(?:ngày\s*)?([0-9]{1,2})\s*tháng\s*([0-9]{1,2})(?![0-9])")
_SLASH_DATE = re.compile(_DAY_PART + r"(?:ngày\s*)?([0-9]{1,2})\s*[/.]\s*([0-9]{1,2})(?![0-9])")
# "30-6-2026", "16-03-2001": a day, month and year joined by hyphens, without spaces and with the
# year written (a spaced hyphen, or two numbers alone, is a range: "Quý 3-4", "10 - 12/2026").
_DASHED_DATE = re.compile(_DAY_PART + r"(?:ngày\s*)?([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})(?![0-9])")
# "T6/2026", "Th6/2026": a month abbreviated, only with its year ("T6" alone is also "thứ 6", Friday).
_MONTH_T = re.compile(r"th?\s*([0-9]{1,2})\s*[/-]\s*([0-9]{4})(?![0-9])")
_MONTH_WORD = re.compile(r"tháng\s*([0-9]{1,2})(?![0-9])")
# "6/2026", and "6-2026" (a one- or two-digit number cannot start a year range such as "2025-2030")
_MONTH_SLASH = re.compile(r"([0-9]{1,2})\s*(?:[/-]\s*|\.)([0-9]{4})(?![0-9])")
# The word for quarter: "quý", with the tone misplaced ("qúy"), and the old spelling "quí" ("qúi").
_QUY = r"(?:quý|qúy|quí|qúi)"
_QUARTER_WORD = re.compile(_QUY + r"\s*([ivx]+|[0-9]{1,2})(?!\w)")
_QUARTER_Q = re.compile(r"q\s*\.?\s*([ivx]+|[0-9]{1,2})(?![0-9a-zà-ỹ])")
_N_MONTHS = re.compile(r"([0-9]{1,2}|ba|sáu|chín)\s*tháng\s*(đầu|cuối)\s*năm(?:\s*/?\s*([0-9]{4})(?![0-9]))?")
_MONTH_COUNT_WORDS = {"ba": 3, "sáu": 6, "chín": 9}
# "Quý cuối năm 2026", "tháng đầu năm": the first or last quarter (month) of the year.
_EDGE_OF_YEAR = re.compile(r"(quý|qúy|quí|tháng)\s*(đầu|cuối)\s*năm(?:\s*/?\s*([0-9]{4})(?![0-9]))?")
_HALF_WORD = re.compile(r"nửa\s*(đầu|cuối)\s*năm(?:\s*([0-9]{4})(?![0-9]))?")
_HALF_H = re.compile(r"h\s*([0-9])\s*/\s*([0-9]{4})(?![0-9])")
_PART_OF_YEAR = re.compile(r"(đầu|giữa|cuối)\s*năm(?:\s*([0-9]{4})(?![0-9]))?")
_YEAR = re.compile(r"(?:năm\s*)?([0-9]{4})(?![0-9])")


def _iso_date(s: str, pos: int) -> _Found | None:
    m = _ISO_DATE.match(s, pos)
    if m is None:
        return None
    return _date_span(int(m.group(3)), int(m.group(2)), _year(m.group(1))), m.end()


def _written_date(s: str, pos: int) -> _Found | None:
    m = _WRITTEN_DATE.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end(), _YEAR_AFTER_DATE)
    return _date_span(int(m.group(1)), int(m.group(2)), year), end


def _slash_date(s: str, pos: int) -> _Found | None:
    # Two numbers of at most two digits: day/month. A four-digit second number is month/year.
    m = _SLASH_DATE.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end(), _YEAR_AFTER_DATE)
    if year is None and (short := _SHORT_YEAR_AFTER_DATE.match(s, m.end())) is not None:
        year, end = 2000 + int(short.group(1)), short.end()
    return _date_span(int(m.group(1)), int(m.group(2)), year), end


def _dashed_date(s: str, pos: int) -> _Found | None:
    m = _DASHED_DATE.match(s, pos)
    if m is None:
        return None
    return _date_span(int(m.group(1)), int(m.group(2)), _year(m.group(3))), m.end()


# "10-12/2026", "3-4/2026": the first month of a range whose last is written "M/YYYY" ("6/2026" is a month
# of the seed plans); with no month after the slash it cannot be a range of days.
_MONTH_BEFORE_RANGE = re.compile(r"([0-9]{1,2})(?=\s*-\s*[0-9]{1,2}\s*/\s*[0-9]{4}(?![0-9]))")


def _month_before_range(s: str, pos: int) -> _Found | None:
    m = _MONTH_BEFORE_RANGE.match(s, pos)
    return None if m is None else (_month_span(int(m.group(1)), None), m.end())


def _month_t(s: str, pos: int) -> _Found | None:
    m = _MONTH_T.match(s, pos)
    if m is None:
        return None
    return _month_span(int(m.group(1)), _year(m.group(2))), m.end()


def _month_word(s: str, pos: int) -> _Found | None:
    m = _MONTH_WORD.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end())
    return _month_span(int(m.group(1)), year), end


def _month_slash(s: str, pos: int) -> _Found | None:
    m = _MONTH_SLASH.match(s, pos)
    if m is None:
        return None
    return _month_span(int(m.group(1)), _year(m.group(2))), m.end()


def _quarter(s: str, pos: int) -> _Found | None:
    m = _QUARTER_WORD.match(s, pos) or _QUARTER_Q.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end())
    return _quarter_span(_quarter_number(m.group(1)), year), end


def _n_months(s: str, pos: int) -> _Found | None:
    m = _N_MONTHS.match(s, pos)
    if m is None:
        return None
    count = _MONTH_COUNT_WORDS.get(m.group(1)) or int(m.group(1))
    if not 1 <= count <= 12:
        raise _Invalid("month-out-of-range")
    first, last = (1, count) if m.group(2) == "đầu" else (13 - count, 12)
    kind = {3: "quarter", 6: "half", 12: "year"}.get(count, "range")
    return _Span(kind, _year(m.group(3)), first, last), m.end()


def _half(s: str, pos: int) -> _Found | None:
    m = _HALF_WORD.match(s, pos)
    if m is not None:
        first = 1 if m.group(1) == "đầu" else 7
        return _Span("half", _year(m.group(2)), first, first + 5), m.end()
    m = _HALF_H.match(s, pos)
    if m is None:
        return None
    half = int(m.group(1))
    if half not in (1, 2):
        raise _Invalid("half-out-of-range")
    return _Span("half", _year(m.group(2)), 6 * half - 5, 6 * half), m.end()


def _edge_of_year(s: str, pos: int) -> _Found | None:
    m = _EDGE_OF_YEAR.match(s, pos)
    if m is None:
        return None
    quarter = m.group(1) != "tháng"
    first = 1 if m.group(2) == "đầu" else 10 if quarter else 12
    return _Span("quarter" if quarter else "month", _year(m.group(3)), first, first + 2 * quarter), m.end()


def _part_of_year(s: str, pos: int) -> _Found | None:
    m = _PART_OF_YEAR.match(s, pos)
    if m is None:
        return None
    first = {"đầu": 1, "giữa": 4, "cuối": 10}[m.group(1)]
    return _Span("quarter", _year(m.group(2)), first, first + 2), m.end()


# "Cả năm", "cả năm 2026": the whole (plan) year.
_WHOLE_YEAR_WORDS = re.compile(r"cả\s*năm(?:\s*([0-9]{4})(?![0-9]))?")


def _whole_year_words(s: str, pos: int) -> _Found | None:
    m = _WHOLE_YEAR_WORDS.match(s, pos)
    return None if m is None else (_Span("year", _year(m.group(1)), 1, 12), m.end())


def _whole_year(s: str, pos: int) -> _Found | None:
    m = _YEAR.match(s, pos)
    if m is None:
        return None
    year = _year(m.group(1))
    return _Span("year", year, 1, 12), m.end()


# Order matters where forms share a prefix: dates before month/year, "N tháng đầu năm" before
# "đầu năm", and the bare year last.
_PERIODS: tuple[_TokenParser, ...] = (
    _iso_date, _dashed_date, _written_date, _slash_date, _month_word, _month_slash, _month_before_range, _month_t,
    _quarter, _n_months, _edge_of_year, _half, _part_of_year, _whole_year_words, _whole_year,
)


def _period(s: str, pos: int) -> _Found | None:
    # "thứ Năm ngày 01/9/2022", "Chủ nhật, ngày 22/02/2026": a weekday before a day goes with it (checked in
    # _read); before anything else ("thứ Hai, tháng 3") it names no day, and nothing is read.
    if (m := _WEEKDAY_LEAD.match(s, pos)) is not None:
        found = _period_only(s, m.end())
        if found is None or found[0].kind != "date":
            return None
        return replace(found[0], weekday=_weekday_number(m)), found[1]
    return _period_only(s, pos)


def _period_only(s: str, pos: int) -> _Found | None:
    for parse in _PERIODS:
        found = parse(s, pos)
        if found is not None:
            return found
    return None


# A bare number continuing a list or range of the same unit: "Quý I, II", "Quý 3 - 4",
# "Tháng 10 - 12/2026".
_BARE_QUARTER = re.compile(r"([ivx]+|[0-9]{1,2})(?!\w)")
_BARE_MONTH = re.compile(r"([0-9]{1,2})(?![0-9/.])")


def _bare_quarter(s: str, pos: int) -> _Found | None:
    m = _BARE_QUARTER.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end())
    return _quarter_span(_quarter_number(m.group(1)), year), end


def _bare_month(s: str, pos: int) -> _Found | None:
    m = _BARE_MONTH.match(s, pos)
    if m is None:
        return None
    year, end = _year_after(s, m.end())
    return _month_span(int(m.group(1)), year), end


def _continuation(s: str, pos: int, unit: str) -> _Found | None:
    # For quarters the bare number comes first: in "Quý 3 - 4/2026", "4/2026" is Q4, not April.
    # For months a full period comes first: in "tháng 6, 15/7/2026" the second item is a date.
    if unit == "quarter":
        return _bare_quarter(s, pos) or _period(s, pos)
    if unit == "month":
        return _period(s, pos) or _bare_month(s, pos)
    return _period(s, pos)


# --------------------------------------------------------------------------------------------
# Clauses: one period expression with its prefixes and suffixes, or one flag word


@dataclass(frozen=True, slots=True)
class _Clause:
    spans: tuple[_Span, ...] = ()
    shape: str = "flag"  # single | list | range | open | before | until | flag
    ongoing: bool = False
    recurrence: str | None = None
    external: bool = False
    day: int | None = None  # the day of a cyclic deadline ("ngày 25 hằng tháng"); its months come from the cadence
    weekday: int | None = None  # a day of the week written beside a date (Monday = 0), checked against it
    bare_day: bool = False  # "trước ngày 20" with its cadence written apart: monthly only


_ClauseParser = Callable[[str, int], tuple[_Clause, int] | None]

# Another body's schedule: "theo lộ trình / hướng dẫn / thời gian tại …", "căn cứ …", "tùy theo …",
# "khi có hướng dẫn", "sau khi … phê duyệt". The text names an event, not a date.
_EXTERNAL = re.compile(
    r"(?:theo|căn\s*cứ|tùy\s*(?:theo|thuộc)|tuỳ\s*(?:theo|thuộc)|phụ\s*thuộc|khi\s*có|ngay\s*(?:sau\s*)?khi|sau\s*khi)(?!\w).*",
    re.DOTALL,
)
# A time limit counted from an event: "Tối đa 30 ngày kể từ ngày ký", "trong vòng 15 ngày làm việc kể từ
# ngày nhận được", "sau 10 ngày kể từ ngày ký ban hành". The event's date is not in the cell, and even
# when one is written the count may be of working days (Nghị định 30/2020) or of calendar days: no date
# is computed. The limit is fixed by another act, like "sau khi … được phê duyệt": external.
_RELATIVE = re.compile(
    r"(?:(?:sau|vòng|thời\s*hạn|tối\s*đa)\s*)?[0-9]{1,3}\s*(?:ngày(?:\s*làm\s*việc)?|tuần|tháng|năm)\s*"
    r"(?:kể\s*từ|tính\s*từ|từ\s*khi|từ\s*ngày|sau\s*khi|sau\s*ngày)(?!\w).*",
    re.DOTALL,
)
_ONGOING = re.compile(r"(?:thường\s*xuyên|liên\s*tục|duy\s*trì)(?!\w)")
# A day of the week, as working calendars write it beside a date ("THỨ HAI (09/02/2026)", "ngày
# 01/01/2026 (thứ Năm)"): it says nothing the date does not, but checks it (below, in _read). "Thứ năm"
# is Thursday before any "năm" is read as a year.
_WEEKDAY = re.compile(_DAY_PART + r"(?:thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ\s*nhật))(?!\w)")
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
_WEEKDAY_LEAD = re.compile(_WEEKDAY.pattern + r"\s*[,(:]?\s*")


def _weekday_number(m: re.Match[str]) -> int:
    word = m.group(1)
    return 6 if m.group(2) else int(word) - 2 if word.isdigit() else _WEEKDAY_NUMBER[word]
_EVERY = r"(?:hằng|hàng|mỗi)"
_RECURRING = re.compile(rf"{_EVERY}\s*(năm|{_QUY}|tháng)(?!\w)")
_CADENCE = {"năm": "yearly", "tháng": "monthly"}  # any other match is a spelling of "quý"
# A cadence written as a count: "định kỳ 6 tháng", "6 tháng/lần", "06 tháng một lần", "nửa năm một lần",
# "2 lần/năm", "02 lần trong năm", "một năm 2 kỳ". Only the counts the model has a cadence for are
# read (1, 3, 6, 12 months; 1, 2, 4, 12 times a year); any other ("2 tháng/lần") is unread, not rounded.
# "6 tháng đầu / cuối năm" is a half of the year, never a cadence.
_COUNT = r"([0-9]{1,2}|một|hai|bốn)"
_ONCE = r"(?:/\s*(?:1|một)?\s*lần|(?:1|một)\s*lần)"
_EVERY_N_MONTHS = re.compile(
    rf"(?:định\s*kỳ\s*(?:{_EVERY}\s*)?(?=[0-9]{{1,2}}\s*tháng(?!\s*(?:đầu|cuối|đến|tới|-)))([0-9]{{1,2}})\s*tháng(?:\s*{_ONCE})?"
    rf"|([0-9]{{1,2}})\s*tháng\s*{_ONCE}|(nửa)\s*năm\s*(?:{_ONCE}|(?:1|một)\s*lần))(?!\w)"
)
_TIMES_A_YEAR = re.compile(
    rf"(?:{_COUNT}\s*(?:lần|kỳ|đợt)\s*(?:/|trong|trên|mỗi|một|1)\s*(?:1\s*)?năm"
    rf"|(?:mỗi|một|1)\s*năm\s*{_COUNT}\s*(?:lần|kỳ|đợt))(?!\w)"
)
_COUNT_WORDS = {"một": 1, "hai": 2, "bốn": 4}
_BY_MONTHS = {1: "monthly", 3: "quarterly", 6: "six-monthly", 12: "yearly"}
_BY_TIMES = {1: "yearly", 2: "six-monthly", 4: "quarterly", 12: "monthly"}
# A day that comes back every month ("trước ngày 25 hằng tháng", "từ ngày 1 đến ngày 5 hằng
# tháng": due the last day of the window) or in the last month of every quarter ("trước ngày 15
# của tháng cuối quý"): read only with its cadence, never alone.
_DAY_MONTHLY = re.compile(
    rf"(?:từ\s*ngày\s*[0-9]{{1,2}}\s*(?:đến|tới)\s*(?:hết\s*)?(?:ngày\s*)?|ngày\s*)([0-9]{{1,2}})\s*(?:của\s*)?"
    rf"(?={_EVERY}\s*tháng(?!\w))"
)
_DAY_QUARTERLY = re.compile(
    rf"ngày\s*([0-9]{{1,2}})\s*(?:của\s*)?tháng\s*cuối\s*(?:của\s*)?(?:{_EVERY}\s*)?{_QUY}(?!\w)"
)
# "từ", "kể từ", "bắt đầu (từ)": the window opens there.
_FROM = re.compile(r"(?:kể\s*từ|bắt\s*đầu(?:\s*từ)?|từ)(?!\w)\s*")
_FROM_NOW_UNTIL = re.compile(r"từ\s*nay\s*(?:đến|tới)\s*(?:hết\s*)?")
_BEFORE = re.compile(r"trước(?!\w)\s*")
_UNTIL = re.compile(r"(?:(?:cho\s*)?(?:đến|tới)(?!\w)\s*(?:hết(?!\w))?|hết(?!\w))\s*")
_RANGE_OP = re.compile(r"\s*(?:-|(?:đến|tới)(?:\s*hết)?(?!\w))\s*")
_LIST_OP = re.compile(r"\s*(?:[,+&]|và(?!\w))\s*")
_MAINTAIN = re.compile(r"\s*(?:và\s*)?duy\s*trì(?:\s*thường\s*xuyên)?(?!\w)")
_OPEN = re.compile(
    r"\s*(?:(?:và\s*)?(?:những|các)\s*(?:năm|giai\s*đoạn)\s*(?:tiếp\s*theo|sau|kế\s*tiếp)"
    r"|trở\s*đi|trở\s*về\s*sau)(?!\w)"
)


def _external(s: str, pos: int) -> tuple[_Clause, int] | None:
    # "Theo …" names another document; what follows (commas, dates of that document) is its
    # reference, not a deadline, so the clause takes the rest of the text.
    m = _EXTERNAL.match(s, pos)
    return None if m is None else (_Clause(external=True), m.end())


def _relative(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _RELATIVE.match(s, pos)
    return None if m is None else (_Clause(external=True), m.end())


def _weekday(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _WEEKDAY.match(s, pos)
    if m is None:
        return None
    return _Clause(weekday=_weekday_number(m)), m.end()


def _ongoing(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _ONGOING.match(s, pos)
    return None if m is None else (_Clause(ongoing=True), m.end())


# "hằng tháng, quý, năm", "định kỳ 6 tháng, năm": the cadence words after the first share its "hằng";
# the most frequent cadence is the cell's already, so they are read and add nothing.
_CADENCE_TAIL = re.compile(rf"(?:\s*,\s*(?:{_QUY}|năm|tháng)(?=\s*(?:[,;)]|$)))+")


def _recurring(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _RECURRING.match(s, pos)
    if m is None:
        return None
    tail = _CADENCE_TAIL.match(s, m.end())
    return _Clause(recurrence=_CADENCE.get(m.group(1), "quarterly")), (tail or m).end()


def _counted_cadence(s: str, pos: int) -> tuple[_Clause, int] | None:
    if (m := _EVERY_N_MONTHS.match(s, pos)) is not None:
        months = 6 if m.group(3) else int(m.group(1) or m.group(2))
        recurrence = _BY_MONTHS.get(months)
    elif (m := _TIMES_A_YEAR.match(s, pos)) is not None:
        count = m.group(1) or m.group(2)
        recurrence = _BY_TIMES.get(_COUNT_WORDS.get(count) or int(count))
    else:
        return None
    if recurrence is None:
        raise _Invalid("unrecognised")
    tail = _CADENCE_TAIL.match(s, m.end())
    return _Clause(recurrence=recurrence), (tail or m).end()


def _cyclic_day(s: str, pos: int) -> tuple[_Clause, int] | None:
    if (m := _DAY_MONTHLY.match(s, pos)) is not None:
        recurrence = "monthly"
    elif (m := _DAY_QUARTERLY.match(s, pos)) is not None:
        recurrence = "quarterly"
    else:
        return None
    day = int(m.group(1))
    if not 1 <= day <= 31:
        raise _Invalid("day-out-of-range")
    return _Clause(shape="before", recurrence=recurrence, day=day), m.end()


def _chain(s: str, pos: int) -> tuple[_Clause, int] | None:
    """A period, then a list (``, II``), a range (``- Quý IV``) and a suffix (``và duy trì``)."""
    found = _period(s, pos)
    if found is None:
        return None
    first, pos = found
    spans, shape = [first], "single"
    while True:
        m = _LIST_OP.match(s, pos)
        if m is None or first.kind not in ("quarter", "month"):
            break
        # Only a bare number continues a list: "Tháng 6 và tháng 12" is two clauses.
        bare = (_bare_quarter if first.kind == "quarter" else _bare_month)(s, m.end())
        if bare is None:
            break
        spans.append(bare[0])
        shape, pos = "list", bare[1]
    if shape == "single" and (m := _RANGE_OP.match(s, pos)) is not None:
        found = _continuation(s, m.end(), first.kind)
        if found is not None:
            spans.append(found[0])
            shape, pos = "range", found[1]
    return _suffix(s, pos, _Clause(tuple(spans), shape))


def _suffix(s: str, pos: int, clause: _Clause) -> tuple[_Clause, int]:
    if (m := _MAINTAIN.match(s, pos)) is not None:
        return replace(clause, ongoing=True), m.end()
    if (m := _OPEN.match(s, pos)) is not None:
        return replace(clause, shape="open", ongoing=True), m.end()
    return clause, pos


def _from(s: str, pos: int) -> tuple[_Clause, int] | None:
    if (m := _FROM_NOW_UNTIL.match(s, pos)) is not None:
        return _single(s, m.end(), "until")
    m = _FROM.match(s, pos)
    if m is None:
        return None
    found = _chain(s, m.end())
    if found is None:
        return None
    clause, end = found
    # "Từ X" alone has no end: the work starts at X and continues.
    if clause.shape == "single":
        clause = replace(clause, shape="open", ongoing=True)
    return clause, end


def _single(s: str, pos: int, shape: str) -> tuple[_Clause, int] | None:
    found = _period(s, pos)
    if found is None:
        return None
    return _Clause((found[0],), shape), found[1]


# "Hằng tháng (trước ngày 20)": a day with no month, its cadence written apart. Read only beside a monthly
# cadence (checked in _read); alone ("trước ngày 25") it stays unread, and so it does beside "hằng quý":
# the 10th of the quarter's last month, or of the month after it (when quarterly reports are due)?
_BARE_DAY = re.compile(r"ngày\s*([0-9]{1,2})(?![0-9/.])(?!\s*(?:tháng|/|\.))")


def _before(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _BEFORE.match(s, pos)
    if m is None:
        return None
    found = _single(s, m.end(), "before") or _cyclic_day(s, m.end())
    if found is None and (bare := _BARE_DAY.match(s, m.end())) is not None:
        return _Clause(shape="before", day=int(bare.group(1)), bare_day=True), bare.end()
    return found


def _until(s: str, pos: int) -> tuple[_Clause, int] | None:
    m = _UNTIL.match(s, pos)
    found = None if m is None else _single(s, m.end(), "until")
    # "Đến năm 2030 và các năm tiếp theo": the work goes on past that year; it started before, when is
    # not said. Ongoing, with no start.
    if found is not None and (after := _OPEN.match(s, found[1])) is not None:
        return _Clause(ongoing=True), after.end()
    return found


_CLAUSES: tuple[_ClauseParser, ...] = (
    _weekday, _external, _relative, _ongoing, _counted_cadence, _recurring, _cyclic_day, _from, _before, _until, _chain,
)

# Words that carry no date information. "cuối" only before a month or quarter: "cuối tháng 6"
# is due when June is; "cuối năm" is a period of its own.
_FILLER = re.compile(
    r"(?:hoàn\s*thành|thực\s*hiện|triển\s*khai|thời\s*gian|thời\s*hạn|hạn\s*chót|dự\s*kiến|nhiệm\s*vụ"
    r"|báo\s*cáo|kết\s*quả|chậm\s*nhất|muộn\s*nhất|không\s*quá|không\s*muộn\s*hơn|giai\s*đoạn|thời\s*kỳ"
    r"|tối\s*đa|ngay"
    # A batch's label before its time: "Đợt 1: Quý II/2026; Đợt 2: Quý IV/2026".
    r"|đợt\s*(?:[0-9]{1,2}|[ivx]+)(?=\s*[:)])"
    # A week's number before the dates it spans ("Tuần thứ 07 từ ngày 09/02 đến ngày 13/02/2026"), only
    # there: alone ("Tuần 1 tháng 3") it would have to be placed in a month, a guess.
    r"|tuần\s*(?:thứ\s*)?[0-9]{1,2}(?=\s*\(?\s*(?:kể\s*)?từ(?!\w))"
    r"|định\s*kỳ(?!\s*(?:(?:hằng|hàng|mỗi)\s*)?[0-9]{1,2}\s*tháng(?!\s*(?:đầu|cuối|đến|tới|-)))"
    r"|trong|vào|xong|hạn"
    rf"|cuối(?=\s*(?:tháng|{_QUY}|q\s*[0-9])))(?!\w)"
)
# A leading verb and its object before the time: "Ban hành Kế hoạch trong quý I", "Tổng kết vào
# tháng 12", "Bắt đầu triển khai từ năm 2026". Only these verbs, only words without digits, and only
# when a preposition, a period or a cadence follows: anything else stays unread.
_LEAD_VERB = (
    r"(?:ban\s*hành|tổng\s*kết|sơ\s*kết|tổ\s*chức|xây\s*dựng|hoàn\s*thiện|hoàn\s*tất|trình|phê\s*duyệt"
    r"|bắt\s*đầu|khởi\s*động|đưa\s*vào|vận\s*hành|nghiệm\s*thu|bàn\s*giao|ký\s*kết|công\s*bố|gửi|nộp"
    r"|cập\s*nhật|rà\s*soát|kiểm\s*tra|đánh\s*giá|tập\s*huấn|đào\s*tạo|thành\s*lập|kiện\s*toàn"
    r"|khai\s*trương|tuyên\s*truyền|hoàn\s*thành|thực\s*hiện|triển\s*khai|báo\s*cáo)"
)
_TIME_WORD = (
    rf"(?:(?:trong|vào|trước|từ|kể\s*từ|đến|tới|hết|chậm\s*nhất|tháng|{_QUY}|ngày|năm|giai\s*đoạn|định\s*kỳ"
    rf"|{_EVERY}|thường\s*xuyên)(?!\w)|[0-9])"
)
# Words a lead-in never skips: the time itself, a reference to another document, a number.
_NOT_SKIPPED = rf"(?:{_TIME_WORD}|(?:theo|căn|tùy|tuỳ|phụ|khi|sau|số|hoặc|khoảng)(?!\w))"
_LEAD_IN = re.compile(
    rf"{_LEAD_VERB}(?!\w)(?:\s+(?!{_NOT_SKIPPED})[^\s0-9/().,;:]+){{0,8}}?\s+(?={_TIME_WORD})"
)
# ";" and "." end a group of clauses that share a year; "," and "và" do not.
_GROUP_BREAK = re.compile(r"\s*(?:;|\.(?![0-9]))\s*")  # a dot between digits is a date's ("6.2026")
# Brackets only group: "Hằng năm (trước 15/12)"; what they hold is read like the rest.
_JOIN = re.compile(
    r"\s*(?:[,:+&()]|và(?!\w))\s*|\s+"
    # A slash between two cadences ("hằng quý/6 tháng một lần", "6 tháng/hằng năm"); elsewhere "/" is a date's.
    rf"|\s*/\s*(?=(?:{_EVERY}|định\s*kỳ|nửa\s*năm|[0-9]{{1,2}}\s*tháng\s*{_ONCE}|{_COUNT}\s*lần)(?!\w))"
)
# After a period, text that is not part of the grammar is a note ("…, sau đó cập nhật hằng năm");
# but one that offers another deadline ("hoặc …") or turns the period around ("… trở về trước")
# makes any reading a guess.
# Nor is a number the grammar could not place ("30/6/2026/1"): a slash, or a number or Roman numeral
# before a slash or hyphen, starts a period that was not read, never a remark; and a remark that holds a
# month or quarter with its year ("Quý II/2026 ~ III/2026") names another period (a day's date inside a
# cited document, "ngày 5/3/2025", is not taken for one).
_NOT_A_NOTE = re.compile(
    r"(?:(?:hoặc|hay|trở\s*về|trở\s*lại)(?!\w)|/|[0-9]{1,4}\s*[/.-]\s*[0-9]|[ivx]+\s*[/-]\s*[0-9])"
)
_PERIOD_IN_NOTE = re.compile(
    r"(?<![/.0-9])(?:[0-9]{1,2}|(?<!\w)[ivx]+)\s*[/-]\s*[0-9]{4}(?![0-9])"
    r"|trước\s*(?:ngày\s*)?[0-9]{1,2}\s*[/.]\s*[0-9]{1,2}"  # "…; báo cáo trước ngày 30/11": another deadline
)
_NOTE_EDGES = " ,;.:-"


def _parse_groups(s: str) -> tuple[list[list[_Clause]], int | None]:
    """The clauses, grouped by ";" and "."; and where a note starts, if the text goes on after them."""
    groups: list[list[_Clause]] = [[]]
    pos, read_up_to, note_at = 0, 0, None
    while pos < len(s):
        if (m := _GROUP_BREAK.match(s, pos)) is not None:
            groups.append([])
        elif (m := _JOIN.match(s, pos) or _LEAD_IN.match(s, pos) or _FILLER.match(s, pos)) is None:
            found = _clause(s, pos)
            if found is None:
                # Text the grammar does not read: a note after a period, else nothing was read.
                if read_up_to == 0 or _NOT_A_NOTE.match(s, pos) or _PERIOD_IN_NOTE.search(s, pos):
                    raise _Invalid("unrecognised")
                note_at = read_up_to
                break
            clause, end = found
            if clause.external and read_up_to:
                note_at = read_up_to  # "Quý II/2026 (theo hướng dẫn của Sở)": the reference is a note
            groups[-1].append(clause)
            pos = read_up_to = end
            continue
        pos = m.end()
    return [group for group in groups if group], note_at


def _clause(s: str, pos: int) -> tuple[_Clause, int] | None:
    for parse in _CLAUSES:
        found = parse(s, pos)
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------------------------
# Reading the clauses: years filled, windows computed, clauses combined


@dataclass(frozen=True, slots=True)
class _Window:
    kind: str
    start: date | None
    due: date | None


def _fill_years(group: list[_Clause], plan_year: int) -> list[_Clause]:
    """A year written once serves the periods around it: "Quý I, II/2026", "Tháng 10 - 12/2026".

    A period without a year takes the next written year in its group, else the previous one,
    else the plan year.
    """
    years = [span.year for clause in group for span in clause.spans]
    filled: list[_Clause] = []
    index = 0
    for clause in group:
        spans = []
        for span in clause.spans:
            if span.year is None:
                later = [y for y in years[index + 1:] if y is not None]
                earlier = [y for y in years[:index] if y is not None]
                span = replace(span, year=later[0] if later else earlier[-1] if earlier else plan_year)
            spans.append(span)
            index += 1
        filled.append(replace(clause, spans=tuple(spans)))
    return filled


def _bounds(span: _Span) -> tuple[date, date]:
    assert span.year is not None, "years are filled before windows are computed"
    return span.bounds(span.year)


def _window(clause: _Clause) -> _Window | None:
    if not clause.spans:
        return None
    bounds = [_bounds(span) for span in clause.spans]
    first = clause.spans[0]
    if clause.shape == "before":
        # "trước ngày X" is the administrative "by X"; "trước tháng 6" is before June starts.
        due = bounds[0][0] if first.kind == "date" else bounds[0][0] - timedelta(days=1)
        return _Window("date", None, due)
    if clause.shape == "until":
        return _Window(first.kind, None, bounds[0][1])
    if clause.shape == "open":
        return _Window("ongoing", bounds[0][0], None)
    if clause.shape == "range":
        if bounds[-1][1] < bounds[0][0]:
            raise _Invalid("range-reversed")
        return _Window("range", bounds[0][0], bounds[-1][1])
    kinds = {span.kind for span in clause.spans}
    kind = first.kind if len(kinds) == 1 else "range"
    # A single day is a deadline, not a window: its start is not stated.
    starts = [b[0] for span, b in zip(clause.spans, bounds, strict=True) if span.kind != "date"]
    return _Window(kind, min(starts) if starts else None, max(b[1] for b in bounds))


def _check_weekdays(groups: list[list[_Clause]]) -> None:
    """A weekday goes with the day it precedes; one written apart ("ngày 01/01/2026 (thứ Năm)") with the days
    that have none, one each, in order. A day whose year is written must fall on its weekday."""
    spans = [span for group in groups for c in group for span in c.spans]
    apart = [c.weekday for group in groups for c in group if c.weekday is not None]
    free = [span for span in spans if span.kind == "date" and span.weekday is None]
    if apart and len(free) != len(apart):
        raise _Invalid("unrecognised")  # "thứ Hai" alone, or with a month: no day to check it against
    pairs = [(span.weekday, span) for span in spans if span.weekday is not None]
    pairs += list(zip(apart, free, strict=False))
    for weekday, span in pairs:
        if span.year is not None and span.bounds(span.year)[0].weekday() != weekday:
            raise _Invalid("weekday-mismatch")


def _narrowed(clauses: list[_Clause], windows: list[_Window]) -> _Window | None:
    """"Năm 2026 (hoàn thành trước 30/6)": one "trước" day inside every other period is the deadline."""
    before = [w for c, w in zip(clauses, windows, strict=True) if c.shape == "before"]
    others = [w for c, w in zip(clauses, windows, strict=True) if c.shape != "before"]
    if len(before) != 1 or not others or before[0].due is None:
        return None
    day = before[0].due
    if not all(w.start is not None and w.due is not None and w.start <= day <= w.due for w in others):
        return None
    return _Window("date", min(w.start for w in others if w.start is not None), day)


def _read(original: str, groups: list[list[_Clause]], plan_year: int, note: str | None = None) -> Deadline:
    _check_weekdays(groups)
    clauses = [clause for group in groups for clause in _fill_years(group, plan_year) if clause.weekday is None]
    read = [(c, w) for c, w in ((c, _window(c)) for c in clauses) if w is not None]
    windows = [w for _, w in read]
    if not any(c.recurrence for c in clauses) and (narrowed := _narrowed([c for c, _ in read], windows)):
        windows = [narrowed]
    dated = [w for w in windows if w.due is not None]
    starts = [w.start for w in windows if w.start is not None]
    ongoing = any(c.ongoing for c in clauses)
    cadences = {c.recurrence for c in clauses if c.recurrence}
    recurrence = min(cadences, key=_BY_FREQUENCY.index) if cadences else None
    day = next((c.day for c in clauses if c.day is not None), None)
    start = min(starts) if starts else None
    due: date | None = None
    occurrences: tuple[date, ...] = ()
    if any(c.bare_day for c in clauses) and recurrence != "monthly":
        raise _Invalid("unrecognised")
    if day is not None and (dated or recurrence not in ("monthly", "quarterly")):
        # "ngày 25 hằng tháng" names a day of every month; beside a date it would be a guess.
        raise _Invalid("unrecognised")
    if dated:
        due = max(w.due for w in dated if w.due is not None)
        kinds = {w.kind for w in dated}
        kind = "recurring" if recurrence else kinds.pop() if len(kinds) == 1 else "range"
        if recurrence:
            occurrences = tuple(sorted({w.due for w in dated if w.due is not None}))
    elif ongoing:
        kind = "ongoing"
    elif recurrence:
        # A recurring duty is due, for this plan, at its last occurrence in the plan year.
        occurrences = _occurrences(recurrence, day, plan_year)
        kind, start, due = "recurring", date(plan_year, 1, 1), occurrences[-1]
    elif any(c.external for c in clauses):
        return Deadline(original, "external", None, None, None, False, True, True, None)
    else:
        raise _Invalid("unrecognised")
    if recurrence and due is not None and start is None:
        # "Định kỳ hàng năm trước ngày 30/11": this year's occurrence opens on 1 January.
        start = date(due.year, 1, 1)
    if start is not None and due is not None and due < start:
        raise _Invalid("range-reversed")
    return Deadline(original, kind, start, due, recurrence, ongoing or kind == "ongoing", False, True, None,
                    note, occurrences)


def _occurrences(recurrence: str, day: int | None, year: int) -> tuple[date, ...]:
    """Each due date of a recurring duty in the plan year: the end of every month, quarter or the year,
    or the given day of every month (of the last month of every quarter). A day past a month's end
    ("ngày 31 hằng tháng") falls on its last day."""
    months = {"monthly": range(1, 13), "quarterly": range(3, 13, 3), "six-monthly": range(6, 13, 6)}.get(
        recurrence, range(12, 13))
    found = []
    for month in months:
        last = calendar.monthrange(year, month)[1]
        found.append(date(year, month, last if day is None else min(day, last)))
    return tuple(found)
