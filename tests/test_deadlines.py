"""The Vietnamese deadline grammar (kehoach.deadlines), on crafted and real deadline texts."""

from __future__ import annotations

import calendar
import dataclasses
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.deadlines import KINDS, REASONS, RECURRENCES, YEARS, Deadline, parse_deadline
from kehoach.errors import KehoachError

from .helpers import run, seed_cells

YEAR = 2026
D = date

# (text, kind, start, due) for the plan year 2026: every form the brief lists.
DATED = [
    # months
    ("Tháng 4/2026", "month", D(2026, 4, 1), D(2026, 4, 30)),
    ("Trong tháng 01/2026", "month", D(2026, 1, 1), D(2026, 1, 31)),
    ("6/2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    ("12/2025", "month", D(2025, 12, 1), D(2025, 12, 31)),
    ("9/2025", "month", D(2025, 9, 1), D(2025, 9, 30)),
    ("Tháng 1/2026", "month", D(2026, 1, 1), D(2026, 1, 31)),
    ("tháng 02/2026", "month", D(2026, 2, 1), D(2026, 2, 28)),
    ("tháng 02/2028", "month", D(2028, 2, 1), D(2028, 2, 29)),
    ("tháng 2/2100", "month", D(2100, 2, 1), D(2100, 2, 28)),
    ("tháng 2/2000", "month", D(2000, 2, 1), D(2000, 2, 29)),
    ("Tháng 10 - 12/2026", "range", D(2026, 10, 1), D(2026, 12, 31)),
    ("Tháng 12", "month", D(2026, 12, 1), D(2026, 12, 31)),
    ("tháng 12 năm 2026", "month", D(2026, 12, 1), D(2026, 12, 31)),
    # quarters
    ("Quý II/2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("Quý 3", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    ("Quý III/2026", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    ("quý 1", "quarter", D(2026, 1, 1), D(2026, 3, 31)),
    ("Quý I - Quý IV", "range", D(2026, 1, 1), D(2026, 12, 31)),
    ("Quý 3 – Quý 4", "range", D(2026, 7, 1), D(2026, 12, 31)),
    ("Quý 3 - Quý 4", "range", D(2026, 7, 1), D(2026, 12, 31)),
    ("Quý 3 - 4/2026", "range", D(2026, 7, 1), D(2026, 12, 31)),
    ("Quý I, II/2026", "quarter", D(2026, 1, 1), D(2026, 6, 30)),
    ("Quý IV năm 2026", "quarter", D(2026, 10, 1), D(2026, 12, 31)),
    ("Q2/2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("Quý IV/2027", "quarter", D(2027, 10, 1), D(2027, 12, 31)),
    # days
    ("trước ngày 20/11/2026", "date", None, D(2026, 11, 20)),
    ("15/12/2026", "date", None, D(2026, 12, 15)),
    ("ngày 15 tháng 12 năm 2026", "date", None, D(2026, 12, 15)),
    ("Trước 30/6/2026", "date", None, D(2026, 6, 30)),
    ("Hoàn thành trước ngày 30/6", "date", None, D(2026, 6, 30)),
    ("29/02/2028", "date", None, D(2028, 2, 29)),
    ("2026-06-30", "date", None, D(2026, 6, 30)),
    ("30.6.2026", "date", None, D(2026, 6, 30)),
    # halves and parts of the year
    ("6 tháng đầu năm 2026", "half", D(2026, 1, 1), D(2026, 6, 30)),
    ("6 tháng cuối năm 2026", "half", D(2026, 7, 1), D(2026, 12, 31)),
    ("6 tháng cuối năm 2025", "half", D(2025, 7, 1), D(2025, 12, 31)),
    ("nửa đầu năm", "half", D(2026, 1, 1), D(2026, 6, 30)),
    ("H2/2026", "half", D(2026, 7, 1), D(2026, 12, 31)),
    ("9 tháng đầu năm 2026", "range", D(2026, 1, 1), D(2026, 9, 30)),
    ("cuối năm 2026", "quarter", D(2026, 10, 1), D(2026, 12, 31)),
    # "đầu năm" is read as the first quarter: the text gives no sharper bound.
    ("đầu năm 2026", "quarter", D(2026, 1, 1), D(2026, 3, 31)),
    ("giữa năm 2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    # years and multi-year ranges
    ("2026", "year", D(2026, 1, 1), D(2026, 12, 31)),
    ("Năm 2026", "year", D(2026, 1, 1), D(2026, 12, 31)),
    ("trong năm 2026", "year", D(2026, 1, 1), D(2026, 12, 31)),
    ("2025-2026", "range", D(2025, 1, 1), D(2026, 12, 31)),
    ("2026-2030", "range", D(2026, 1, 1), D(2030, 12, 31)),
    ("2025 - 2030", "range", D(2025, 1, 1), D(2030, 12, 31)),
    ("2025-2027", "range", D(2025, 1, 1), D(2027, 12, 31)),
    ("Giai đoạn 2026-2030", "range", D(2026, 1, 1), D(2030, 12, 31)),
    ("Từ tháng 3/2026 đến tháng 6/2026", "range", D(2026, 3, 1), D(2026, 6, 30)),
    # several periods: due the latest, start the earliest
    ("Quý II/2026; Quý IV/2026", "quarter", D(2026, 4, 1), D(2026, 12, 31)),
    ("Tháng 6 và tháng 12/2026", "month", D(2026, 6, 1), D(2026, 12, 31)),
    ("Tháng 6, 7, 8/2026", "month", D(2026, 6, 1), D(2026, 8, 31)),
    ("Quý II/2026, tháng 12/2026", "range", D(2026, 4, 1), D(2026, 12, 31)),
    # prefixes that move the due date
    ("đến hết năm 2025", "year", None, D(2025, 12, 31)),
    ("trước tháng 6/2026", "date", None, D(2026, 5, 31)),
    ("trước Quý III/2026", "date", None, D(2026, 6, 30)),
    ("cuối tháng 6/2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    # brackets group; their content is read like the rest
    ("Quý II/2026 (dự kiến)", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
]


@pytest.mark.parametrize(("text", "kind", "start", "due"), DATED)
def test_dated_forms(text: str, kind: str, start: date | None, due: date) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.valid, d.reason) == (kind, start, due, True, None)
    assert d.text == text
    assert not d.external


def test_and_duy_tri_keeps_the_due_date_and_continues() -> None:
    d = parse_deadline("Quý I/2026 và duy trì", YEAR)
    assert (d.kind, d.start, d.due, d.ongoing, d.valid) == ("quarter", D(2026, 1, 1), D(2026, 3, 31), True, True)


# (text, start): open-ended work, no due date.
OPEN_ENDED = [
    ("Năm 2025 và những năm tiếp theo", D(2025, 1, 1)),
    ("Từ năm 2026", D(2026, 1, 1)),
    ("từ tháng 3/2026", D(2026, 3, 1)),
    ("từ 2026 trở đi", D(2026, 1, 1)),
    ("giai đoạn 2026-2030 và các giai đoạn tiếp theo", D(2026, 1, 1)),
]


@pytest.mark.parametrize(("text", "start"), OPEN_ENDED)
def test_open_ended(text: str, start: date) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.ongoing, d.valid) == ("ongoing", start, None, True, True)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Thường xuyên", None),
        ("Nhiệm vụ thường xuyên", None),
        ("thường xuyên", None),
        ("THƯỜNG XUYÊN.", None),
        ("Thường xuyên, liên tục", None),
        ("Thường xuyên; định kỳ hàng tháng báo cáo kết quả", "monthly"),
        ("Nhiệm vụ thường xuyên; định kỳ hằng tháng báo cáo kết quả", "monthly"),
        ("Thường xuyên; định kỳ hằng quý", "quarterly"),
        ("Thường xuyên; định kỳ 6 tháng báo cáo kết quả", "six-monthly"),
    ],
)
def test_ongoing(text: str, recurrence: str | None) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.due, d.ongoing, d.recurrence, d.valid) == ("ongoing", None, True, recurrence, True)


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Hằng năm", "yearly"),
        ("Hàng năm", "yearly"),
        ("hằng tháng", "monthly"),
        ("hàng tháng", "monthly"),
        ("Định kỳ hằng tháng", "monthly"),
        ("định kỳ hằng quý", "quarterly"),
        ("hàng quý", "quarterly"),
    ],
)
def test_recurring_is_due_at_the_end_of_the_plan_year(text: str, recurrence: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.recurrence, d.start, d.due, d.ongoing, d.valid) == (
        "recurring", recurrence, D(2026, 1, 1), D(2026, 12, 31), False, True,
    )


@pytest.mark.parametrize(
    ("text", "start", "due"),
    [
        ("Định kỳ hàng năm trước ngày 30/11", D(2026, 1, 1), D(2026, 11, 30)),
        ("Hằng năm (trước 15/12)", D(2026, 1, 1), D(2026, 12, 15)),
        ("Quý II hằng năm", D(2026, 4, 1), D(2026, 6, 30)),
    ],
)
def test_recurring_with_a_period_is_due_then(text: str, start: date, due: date) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.recurrence, d.start, d.due) == ("recurring", "yearly", start, due)


@pytest.mark.parametrize(
    "text",
    [
        "Theo Dự án được thành phố phê duyệt",
        "Theo thời gian tại các Nghị quyết, Quyết định, Kế hoạch đã phê duyệt",
        "Theo hướng dẫn của cấp trên",
        "Theo kế hoạch của thành phố",
        "Thực hiện theo Kế hoạch số 12/KH-UBND ngày 26/8/2025",
    ],
)
def test_external(text: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.external, d.start, d.due, d.valid, d.reason) == ("external", True, None, None, True, None)


@pytest.mark.parametrize("text", [None, "", "   ", "\n\t", ".", " ; "])
def test_empty(text: str | None) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.due, d.start, d.valid, d.reason) == ("empty", None, None, True, None)
    assert d.text == (text or "")


INVALID = [
    ("Quý V/2026", "quarter-out-of-range"),
    ("Quý 0", "quarter-out-of-range"),
    ("Quý 5/2026", "quarter-out-of-range"),
    ("Tháng 13/2026", "month-out-of-range"),
    ("Tháng 0/2026", "month-out-of-range"),
    ("13/2026", "month-out-of-range"),
    ("32/12/2026", "day-out-of-range"),
    ("30/02/2026", "day-out-of-range"),
    ("29/02/2026", "day-out-of-range"),
    ("29/2", "day-out-of-range"),  # the plan year 2026 is not a leap year
    ("ngày 31 tháng 4 năm 2026", "day-out-of-range"),
    ("H3/2026", "half-out-of-range"),
    ("Quý IV - Quý I", "range-reversed"),
    ("2030-2025", "range-reversed"),
    ("Từ tháng 6/2026 đến tháng 3/2026", "range-reversed"),
    ("sớm nhất có thể", "unrecognised"),
    ("abc", "unrecognised"),
    ("Kế hoạch Hằng năm", "unrecognised"),
    ("-", "unrecognised"),
    ("Quý II hoặc Quý III", "unrecognised"),
    ("hằng tuần", "unrecognised"),
    ("khoảng tháng 6", "unrecognised"),
    # Text after a period is a note, but not one that offers another deadline or turns it around.
    ("Quý II/2026 hoặc Quý III/2026", "unrecognised"),
    ("Tháng 6/2026 hay tháng 9/2026", "unrecognised"),
    ("Tháng 6/2026 trở về trước", "unrecognised"),
    # A day with no month is read only with a monthly (or quarterly) cadence, never beside a date.
    ("trước ngày 25", "unrecognised"),
    ("ngày 25 hằng năm", "unrecognised"),
    ("trước ngày 25 hằng tháng; Quý II/2026", "unrecognised"),
    ("trước ngày 32 hằng tháng", "day-out-of-range"),
    # A leading verb is skipped only before the time; with none after it nothing was read.
    ("Ban hành Kế hoạch", "unrecognised"),
    ("Tổ chức 2 hội nghị", "unrecognised"),
    ("Quí V/2026", "quarter-out-of-range"),
    ("Tháng 4/0202", "unrecognised"),
    ("6", "unrecognised"),
    ("hoàn thành", "unrecognised"),
    # Counts the model has no cadence for are unread, not rounded to one; a bare "6 tháng" is a duration.
    ("2 tháng/lần", "unrecognised"),
    ("định kỳ 2 tháng", "unrecognised"),
    ("3 lần/năm", "unrecognised"),
    ("6 tháng", "unrecognised"),
    ("trong 6 tháng", "unrecognised"),
]


@pytest.mark.parametrize(("text", "reason"), INVALID)
def test_invalid_is_reported_never_guessed(text: str, reason: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.valid, d.reason, d.start, d.due) == ("invalid", False, reason, None, None)
    assert d.text == text


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        (_nfd("Quý II/2026"), "Quý II/2026"),
        (_nfd("Trong tháng 01/2026"), "Tháng 1/2026"),
        (_nfd("Hằng năm"), "Hằng năm"),
        (_nfd("Thường xuyên; định kỳ hàng tháng báo cáo kết quả"), "Thường xuyên; định kỳ hàng tháng"),
        ("QUÝ ii/2026", "Quý II/2026"),
        ("Qúy II/2026", "Quý II/2026"),  # misplaced tone mark
        ("quý  II /  2026", "Quý II/2026"),
        ("Quý II/2026.", "Quý II/2026"),
        ("Quý II/2026;", "Quý II/2026"),
        ("  Quý II/2026  ", "Quý II/2026"),
        ("Quý 2/2026", "Quý II/2026"),
        ("Quý II năm 2026", "Quý II/2026"),
        ("Quý II - 2026", "Quý II/2026"),
        ("q2/2026", "Quý II/2026"),
        ("Tháng 04/2026", "Tháng 4/2026"),
        ("tháng 4 năm 2026", "Tháng 4/2026"),
        ("04/2026", "Tháng 4/2026"),
        ("Quý 3 — Quý 4", "Quý 3 - Quý 4"),  # em dash
        ("Quý 3 ‑ Quý 4", "Quý 3 - Quý 4"),  # non-breaking hyphen
        ("Quý 3−Quý 4", "Quý 3 - Quý 4"),  # minus sign
        ("2025–2030", "2025-2030"),
        ("năm 2025 - năm 2030", "2025-2030"),
        ("<p>Thường xuyên</p>", "Thường xuyên"),
        ("Thường\u00a0xuyên", "Thường xuyên"),
        ("Thường\u200bxuyên", "Thường xuyên"),
        ("Thường xuyên\n", "Thường xuyên"),
        ("Quý I/2026 và duy trì thường xuyên", "Quý I/2026 và duy trì"),
        ("Hoàn thành trong Quý II/2026", "Quý II/2026"),
        ("Chậm nhất ngày 30/6/2026", "30/6/2026"),
    ],
)
def test_spelling_variants_read_alike(variant: str, canonical: str) -> None:
    a, b = parse_deadline(variant, YEAR), parse_deadline(canonical, YEAR)
    assert a.valid and b.valid
    assert (a.kind, a.start, a.due, a.recurrence, a.ongoing, a.external) == (
        b.kind, b.start, b.due, b.recurrence, b.ongoing, b.external,
    )
    assert a.text == variant  # the text is kept as written


def test_missing_year_is_the_plan_year() -> None:
    assert parse_deadline("Quý 3", 2031).due == D(2031, 9, 30)
    assert parse_deadline("Hằng năm", 2031).due == D(2031, 12, 31)
    assert parse_deadline("Hoàn thành trước ngày 30/6", 2031).due == D(2031, 6, 30)


def test_a_year_written_once_serves_the_list_but_not_across_semicolons() -> None:
    assert parse_deadline("Quý I, II/2027", YEAR).start == D(2027, 1, 1)
    assert parse_deadline("Tháng 10 - 12/2027", YEAR).start == D(2027, 10, 1)
    # ";" separates independent parts: "Tháng 12" there is the plan year's December.
    d = parse_deadline("Tháng 12; Quý I/2027", YEAR)
    assert (d.start, d.due) == (D(2026, 12, 1), D(2027, 3, 31))


def test_deadline_is_a_frozen_slotted_dataclass() -> None:
    d = parse_deadline("Quý II/2026", YEAR)
    assert isinstance(d, Deadline)
    assert not hasattr(d, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.due = None  # type: ignore[misc]


def test_vocabularies() -> None:
    assert set(KINDS) == {
        "empty", "date", "month", "quarter", "half", "year", "range", "ongoing", "recurring", "external", "invalid",
    }
    assert set(REASONS) == {
        "unrecognised", "month-out-of-range", "quarter-out-of-range", "day-out-of-range", "half-out-of-range",
        "range-reversed", "weekday-mismatch",
    }
    assert set(RECURRENCES) == {"yearly", "quarterly", "monthly", "six-monthly"}


def test_module_docstring_lists_the_forms() -> None:
    import kehoach.deadlines as module

    doc = module.__doc__ or ""
    for form in ("Quý II/2026", "Tháng 4/2026", "trước ngày 20/11/2026", "Thường xuyên", "Hằng năm",
                 "6 tháng đầu năm 2026", "đầu năm 2026", "Năm 2025 và những năm tiếp theo", "Theo Dự án"):
        assert form in doc


# --------------------------------------------------------------------------------------------
# Forms of real cells from other provinces (issue 18). The examples are made up in the spirit of
# the issue's patterns; real cells are in tests/data/deadline-cells.txt below.

# (text, kind, start, due, note)
WITH_A_NOTE = [
    ("Quý III/2026, sau đó cập nhật hằng năm", "quarter", D(2026, 7, 1), D(2026, 9, 30),
     "sau đó cập nhật hằng năm"),
    ("Hoàn thành trong tháng 5/2026. Tổ chức sơ kết (nếu có)", "month", D(2026, 5, 1), D(2026, 5, 31),
     "Tổ chức sơ kết (nếu có)"),
    ("Tháng 6/2026 (có thể điều chỉnh)", "month", D(2026, 6, 1), D(2026, 6, 30), "(có thể điều chỉnh)"),
    ("Quý II/2026 (theo hướng dẫn của Sở Khoa học và Công nghệ)", "quarter", D(2026, 4, 1), D(2026, 6, 30),
     "(theo hướng dẫn của Sở Khoa học và Công nghệ)"),
    ("Năm 2026; riêng các thôn miền núi hoàn thành sau", "year", D(2026, 1, 1), D(2026, 12, 31),
     "riêng các thôn miền núi hoàn thành sau"),
]


@pytest.mark.parametrize(("text", "kind", "start", "due", "note"), WITH_A_NOTE)
def test_a_period_then_a_clause_reads_the_period_and_keeps_the_clause(
    text: str, kind: str, start: date, due: date, note: str,
) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.valid, d.note) == (kind, start, due, True, note)


def test_a_fully_read_cell_has_no_note() -> None:
    assert parse_deadline("Quý II/2026 (dự kiến)", YEAR).note is None
    assert parse_deadline("Theo hướng dẫn của cấp trên", YEAR).note is None


ISSUE_18_FORMS = [
    ("từ tháng 3/2026 đến hết quý III/2026", "range", D(2026, 3, 1), D(2026, 9, 30)),
    ("Kể từ tháng 3/2026 đến hết năm 2026", "range", D(2026, 3, 1), D(2026, 12, 31)),
    ("Quí II/2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("quí 4", "quarter", D(2026, 10, 1), D(2026, 12, 31)),
    ("Quý III-2026", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    ("Tháng 9-2026", "month", D(2026, 9, 1), D(2026, 9, 30)),
    ("9-2026", "month", D(2026, 9, 1), D(2026, 9, 30)),
    ("Ban hành trong quý I/2026", "quarter", D(2026, 1, 1), D(2026, 3, 31)),
    ("Tổng kết vào tháng 12/2026", "month", D(2026, 12, 1), D(2026, 12, 31)),
    ("Ban hành Kế hoạch trước ngày 15/3/2026", "date", None, D(2026, 3, 15)),
    ("Hoàn thành việc rà soát trong Quý II/2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("Thời hạn: Quý II/2026", "quarter", D(2026, 4, 1), D(2026, 6, 30)),
    ("Không quá ngày 30/6/2026", "date", None, D(2026, 6, 30)),
    ("không muộn hơn tháng 9/2026", "month", D(2026, 9, 1), D(2026, 9, 30)),
    ("Quý I năm sau", "quarter", D(2027, 1, 1), D(2027, 3, 31)),
    ("Tháng 3 năm sau", "month", D(2027, 3, 1), D(2027, 3, 31)),
    ("cuối năm sau", "quarter", D(2027, 10, 1), D(2027, 12, 31)),
    ("Quý IV năm nay", "quarter", D(2026, 10, 1), D(2026, 12, 31)),
]


@pytest.mark.parametrize(("text", "kind", "start", "due"), ISSUE_18_FORMS)
def test_issue_18_forms(text: str, kind: str, start: date | None, due: date) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.valid, d.note) == (kind, start, due, True, None)


@pytest.mark.parametrize(("text", "start"), [
    ("Bắt đầu triển khai từ năm 2026", D(2026, 1, 1)),
    ("Bắt đầu từ quý II/2026", D(2026, 4, 1)),
    ("kể từ tháng 7/2026", D(2026, 7, 1)),
])
def test_bat_dau_and_ke_tu_open_the_window(text: str, start: date) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.ongoing) == ("ongoing", start, None, True)


def test_those_years_after_stay_open_ended() -> None:
    # Plural "những / các năm sau" is not "năm sau" (next year).
    d = parse_deadline("Năm 2026 và những năm sau", YEAR)
    assert (d.kind, d.start, d.due) == ("ongoing", D(2026, 1, 1), None)


def _months(day: int | None) -> tuple[date, ...]:
    return tuple(D(2026, m, day or calendar.monthrange(2026, m)[1]) for m in range(1, 13))


# (text, recurrence, occurrences): "due" is the last occurrence within the plan year.
RECURRING = [
    ("Hằng năm", "yearly", (D(2026, 12, 31),)),
    ("định kỳ trước ngày 10/6 hằng năm", "yearly", (D(2026, 6, 10),)),
    ("Định kỳ hàng năm trước ngày 30/11", "yearly", (D(2026, 11, 30),)),
    ("Tháng 6 và tháng 12 hằng năm", "yearly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("Hằng quý", "quarterly", (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))),
    ("trước ngày 15 của tháng cuối quý", "quarterly",
     (D(2026, 3, 15), D(2026, 6, 15), D(2026, 9, 15), D(2026, 12, 15))),
    ("Hằng tháng", "monthly", _months(None)),
    ("trước ngày 25 hằng tháng", "monthly", _months(25)),
    ("Báo cáo định kỳ trước ngày 20 hàng tháng", "monthly", _months(20)),
    # A day past a month's end falls on its last day: 28 February, 30 April …
    ("ngày 31 hằng tháng", "monthly", _months(None)),
    # Six-monthly, written as a count of months or of times a year.
    ("định kỳ 6 tháng", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("Định kỳ 06 tháng", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("6 tháng/lần", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("06 tháng/1 lần", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("6 tháng một lần", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("nửa năm một lần", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("2 lần/năm", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("02 lần trong năm", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("hai lần một năm", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("mỗi năm 2 đợt", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    # The other counts the model has a cadence for.
    ("3 tháng/lần", "quarterly", (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))),
    ("4 lần/năm", "quarterly", (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))),
    ("định kỳ 1 tháng/lần", "monthly", _months(None)),
    ("1 lần/năm", "yearly", (D(2026, 12, 31),)),
    ("12 tháng một lần", "yearly", (D(2026, 12, 31),)),
    # Several cadences: the most frequent, whose occurrences include the others'.
    ("hằng quý/6 tháng một lần", "quarterly", (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))),
    ("hằng năm, 6 tháng/lần", "six-monthly", (D(2026, 6, 30), D(2026, 12, 31))),
    ("hằng năm, hằng quý", "quarterly", (D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31))),
]


@pytest.mark.parametrize(("text", "recurrence", "occurrences"), RECURRING)
def test_recurring_lists_its_occurrences_and_is_due_at_the_last(
    text: str, recurrence: str, occurrences: tuple[date, ...],
) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.recurrence, d.occurrences, d.due) == ("recurring", recurrence, occurrences, occurrences[-1])
    assert d.start == D(2026, 1, 1) or d.start == D(2026, 6, 1)


def test_six_months_of_the_year_is_a_half_not_a_cadence() -> None:
    for text, start, due in (("Báo cáo định kỳ 6 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 6, 30)),
                             ("định kỳ 6 tháng cuối năm", D(2026, 7, 1), D(2026, 12, 31))):
        d = parse_deadline(text, YEAR)
        assert (d.kind, d.start, d.due, d.recurrence, d.occurrences) == ("half", start, due, None, ())


def test_a_slash_joins_cadences_only() -> None:
    # "/" between two cadences joins them; inside a date it stays the date's.
    assert parse_deadline("Tháng 6/2026", YEAR).due == D(2026, 6, 30)
    assert parse_deadline("hằng năm/hằng quý", YEAR).recurrence == "quarterly"


def test_only_recurring_deadlines_have_occurrences() -> None:
    for text in ("Quý II/2026", "Thường xuyên; định kỳ hàng tháng báo cáo kết quả", "Theo lộ trình của tỉnh", "abc"):
        assert parse_deadline(text, YEAR).occurrences == ()


@pytest.mark.parametrize("text", [
    "Theo lộ trình của tỉnh",
    "Thực hiện theo lộ trình chuyển đổi số của thành phố",
    "Căn cứ hướng dẫn của cấp trên",
    "Tùy theo tiến độ dự án",
    "Khi có hướng dẫn của Sở Khoa học và Công nghệ",
    "Sau khi Đề án được phê duyệt",
])
def test_another_bodys_schedule_is_external(text: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.external, d.valid, d.due, d.note) == ("external", True, True, None, None)


def test_explain_shows_the_note_and_the_occurrences(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "explain", "deadline", "trước ngày 25 hằng tháng", "--year", "2026", "--format", "json")
    d = r.json()
    assert (d["due"], d["recurrence"], d["note"]) == ("2026-12-25", "monthly", None)
    assert d["occurrences"] == [day.isoformat() for day in _months(25)]
    text = run(capsys, "explain", "deadline", "Quý III/2026, sau đó cập nhật hằng năm", "--year", "2026").out
    assert "phần ghi thêm" in text and "sau đó cập nhật hằng năm" in text
    assert run(capsys, "explain", "deadline", "Quý II/2026", "--format", "json").json()["occurrences"] == []


# --------------------------------------------------------------------------------------------
# Real deadlines from other provinces' public texts, with their sources (tests/data/deadline-cells.txt)


def _real_cells() -> list[tuple[str, str, str, str | None]]:
    cells = []
    for document, lines in seed_cells("deadline-cells.txt").items():
        for line in lines:
            text, expected = line.split(" → ")
            kind, due, *recurrence = expected.split()
            cells.append((document, text, f"{kind} {due}", recurrence[0] if recurrence else None))
    return cells


REAL_CELLS = _real_cells()


@pytest.mark.parametrize(("source", "text", "reading", "recurrence"), REAL_CELLS)
def test_real_cells_read_as_expected(source: str, text: str, reading: str, recurrence: str | None) -> None:
    d = parse_deadline(text, YEAR)
    assert f"{d.kind} {d.due.isoformat() if d.due else '-'}" == reading, source
    if recurrence:
        assert d.recurrence == recurrence
    assert d.valid == (d.kind != "invalid")


def test_real_cells_come_from_several_sources() -> None:
    sources = {source for source, *_ in REAL_CELLS}
    assert len(REAL_CELLS) >= 100 and len(sources) >= 40
    assert all("http" in source for source in sources)


# --------------------------------------------------------------------------------------------
# Every distinct deadline written in the five seed plans (plan year 2026).

SEED_DEADLINES = [
    # 000 Vĩnh Hải, Phụ lục, column "Thời gian thực hiện/"
    "Trong tháng 01/2026",
    "Thường xuyên",
    "Quý I/2026 và duy trì",
    "Quý I - Quý IV",
    "Quý IV/2026",
    # 000, "Sản phẩm" column of task I.2 (a deadline inside the output text)
    "Báo cáo kết quả thực hiện trước ngày 20/11/2026",
    # 001 Thái Tân, column "Thời gian thực hiện/hoàn thành"
    "<p>Thường xuyên</p>",
    "Quý II/2026",
    "Thường xuyên; định kỳ hàng tháng báo cáo kết quả",
    "Nhiệm vụ thường xuyên; định kỳ hằng tháng báo cáo kết quả",
    "Tháng 4/2026",
    "Tháng 12/2026",
    # 002 Hải An, Phụ lục 3 "Thời gian hoàn hành" and Phụ lục 4 "Thời gian thực hiện/hoàn thành"
    "Hàng năm",
    "Tháng 12/2025",
    "Theo thời gian tại các Nghị quyết, Quyết định, Kế hoạch đã phê duyệt",
    # 002, narrative ("Kế hoạch … Chuyển đổi số 6 tháng cuối năm 2025")
    "6 tháng cuối năm 2025",
    # 003 An Lão, Danh mục "Thời gian thực hiện"
    "Quý 3",
    "Quý 3 - Quý 4",
    "Quý 3 – Quý 4",
    # 003, narrative tasks, "+ Thời gian hoàn thành:" lines
    "Tháng 1/2026",
    "Quý III/2026",
    "Thường xuyên.",
    # 004 Vĩnh Lại (PDF extract: cells reassembled from the lines they were split over),
    # Phụ lục 3 and 4 "Thời gian hoàn thành"
    "Tháng 9/2025",
    "Tháng 6/2028",
    "Tháng 6/2026",
    "Tháng 9/2026",
    "Năm 2025 và những năm tiếp theo",
    "Hằng năm",
    "9/2025",
    "12/2025",
    "2025-2026",
    "2025 - 2030",
    "12/2027",
    "Theo Dự án được thành phố phê duyệt",
    "11/2026",
    "2025-2027",
    "2026-2030",
    "2026",
    "12/2026",
    "6/2026",
    # 004, narrative
    "Định kỳ hàng năm trước ngày 30/11",
    "đến hết năm 2025",
    "đến hết năm 2030",
    "giai đoạn 2026-2030 và các giai đoạn tiếp theo",
    "giai đoạn 2026 – 2030",
]


@pytest.mark.parametrize("text", SEED_DEADLINES)
def test_every_seed_deadline_parses(text: str) -> None:
    d = parse_deadline(text, YEAR)
    assert d.valid, (text, d.reason)
    assert d.kind not in ("invalid", "empty")
    if d.start is not None and d.due is not None:
        assert d.start <= d.due


def test_seed_deadlines_read_as_the_domain_says() -> None:
    read = {t: parse_deadline(t, YEAR) for t in SEED_DEADLINES}
    assert read["Tháng 6/2028"].due == D(2028, 6, 30)  # allowed, worth a note
    assert read["9/2025"].due == D(2025, 9, 30)  # before the plan: the linter's business
    assert read["Báo cáo kết quả thực hiện trước ngày 20/11/2026"].due == D(2026, 11, 20)
    assert read["Nhiệm vụ thường xuyên; định kỳ hằng tháng báo cáo kết quả"].recurrence == "monthly"
    assert read["Theo Dự án được thành phố phê duyệt"].external


def test_seed_list_covers_every_table_deadline() -> None:
    """The list above holds every deadline cell of the seed plans' tables (tests/data)."""
    by_document = seed_cells("seed-deadlines.txt")
    assert len(by_document) == 4 and all(by_document.values())
    cells = {c for document in by_document.values() for c in document}
    assert len(cells) >= 15
    assert cells <= set(SEED_DEADLINES), sorted(cells - set(SEED_DEADLINES))


# --------------------------------------------------------------------------------------------
# Properties

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
years = st.integers(min_value=2000, max_value=2100)


@settings(max_examples=200, deadline=None)
@given(month=st.integers(min_value=1, max_value=12), year=years, padded=st.booleans())
def test_any_month(month: int, year: int, padded: bool) -> None:
    m = f"{month:02d}" if padded else str(month)
    d = parse_deadline(f"Tháng {m}/{year}", YEAR)
    assert d.kind == "month"
    assert d.start == D(year, month, 1)
    assert d.due == D(year, month, calendar.monthrange(year, month)[1])


@settings(max_examples=200, deadline=None)
@given(quarter=st.integers(min_value=1, max_value=4), year=years, roman=st.booleans())
def test_any_quarter(quarter: int, year: int, roman: bool) -> None:
    q = ROMAN[quarter] if roman else str(quarter)
    d = parse_deadline(f"Quý {q}/{year}", YEAR)
    last_month = 3 * quarter
    assert d.kind == "quarter"
    assert d.start == D(year, last_month - 2, 1)
    assert d.due == D(year, last_month, calendar.monthrange(year, last_month)[1])


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)))
def test_any_day(day: date) -> None:
    assert parse_deadline(f"trước ngày {day.day}/{day.month}/{day.year}", YEAR).due == day
    assert parse_deadline(day.isoformat(), YEAR).due == day


def _check(d: Deadline) -> None:
    assert d.kind in KINDS
    if not d.valid:
        assert d.kind == "invalid" and d.reason in REASONS
        return
    assert d.reason is None
    assert d.recurrence is None or d.recurrence in RECURRENCES
    if d.start is not None and d.due is not None:
        assert d.start <= d.due


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_never_raises_on_any_text(text: str) -> None:
    d = parse_deadline(text, YEAR)
    assert d.text == text
    _check(d)


_PIECES = ["Quý", "quý", "Tháng", "tháng", "năm", "ngày", "trước", "từ", "đến", "hết", "và", "duy trì", "Thường xuyên",
           "hằng", "hàng", "định kỳ", "theo", "những năm tiếp theo", "đầu", "cuối", "giữa", "6 tháng", "I", "II",
           "IV", "V", "Q", "H", "/", "-", "–", ",", ";", ".", " ", "0", "1", "3", "12", "13", "29", "31", "02",
           "2025", "2026", "2030", "1899"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=10), year=years)
def test_never_raises_on_deadline_like_text(pieces: list[str], year: int) -> None:
    _check(parse_deadline(" ".join(pieces), year))
    _check(parse_deadline("".join(pieces), year))


# --------------------------------------------------------------------------------------------
# The plan year itself: what the grammar cannot represent is refused, not a crash


@pytest.mark.parametrize("year", [0, -1, 1, YEARS[0] - 1, YEARS[1] + 1, 10000])
def test_explain_refuses_a_year_the_grammar_cannot_read(year: int, capsys: pytest.CaptureFixture[str]) -> None:
    for lang, message in (("vi", f'Năm "{year}" không hợp lệ'), ("en", f'Year "{year}" is not valid')):
        r = run(capsys, "explain", "deadline", "Quý II", "--year", str(year), "--lang", lang)
        assert (r.code, r.out) == (2, "")
        assert message in r.err and "ValueError" not in r.err


@pytest.mark.parametrize("year", YEARS)
def test_explain_reads_the_first_and_last_year(year: int, capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "explain", "deadline", "Quý II", "--year", str(year), "--format", "json")
    assert r.code == 0 and r.json()["due"].startswith(str(year))


def test_the_plan_year_is_checked_even_for_an_empty_cell() -> None:
    with pytest.raises(KehoachError) as e:
        parse_deadline("", YEARS[1] + 1)
    assert e.value.key == "cli.bad-year"


# --------------------------------------------------------------------------------------------
# Round 2 (deadlines-2): forms of working calendars and of other provinces' plans. Each decision's reason
# is in the module docstring of kehoach.deadlines.

ROUND_2_FORMS = [
    # a day of the week beside a date says no more than the date; a part of the day neither
    ("THỨ HAI (09/02/2026)", "date", None, D(2026, 2, 9)),
    ("Thứ 2, 09/02", "date", None, D(2026, 2, 9)),
    ("Sáng thứ Hai, 09/02/2026", "date", None, D(2026, 2, 9)),
    ("ngày 01/01/2026 (thứ Năm)", "date", None, D(2026, 1, 1)),
    ("THỨ NĂM, NGÀY 05/3", "date", None, D(2026, 3, 5)),  # "thứ năm" is Thursday, not a year
    ("CHỦ NHẬT, NGÀY 26/3/2023", "date", None, D(2023, 3, 26)),
    ("Chiều ngày 31/12/2025", "date", None, D(2025, 12, 31)),
    ("từ chiều ngày 31/12/2025 đến hết ngày 01/01/2026", "range", D(2025, 12, 31), D(2026, 1, 1)),
    ("Tuần thứ 07 từ ngày 09/02/2026 đến ngày 13/02/2026", "range", D(2026, 2, 9), D(2026, 2, 13)),
    # a range of days sharing one month
    ("Từ ngày 01-05/3/2026", "range", D(2026, 3, 1), D(2026, 3, 5)),
    ("01/3 - 15/3/2026", "range", D(2026, 3, 1), D(2026, 3, 15)),
    # more spellings of a day and a month
    ("30-6-2026", "date", None, D(2026, 6, 30)),
    ("16-03-2001", "date", None, D(2001, 3, 16)),
    ("30/6/26", "date", None, D(2026, 6, 30)),
    ("Trước 31/12/25", "date", None, D(2025, 12, 31)),
    ("T6/2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    ("Th6/2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    ("10-12/2026", "range", D(2026, 10, 1), D(2026, 12, 31)),
    ("3 - 4/2026", "range", D(2026, 3, 1), D(2026, 4, 30)),
    ("Quý I + II/2026", "quarter", D(2026, 1, 1), D(2026, 6, 30)),
    ("thời kỳ 2021-2030", "range", D(2021, 1, 1), D(2030, 12, 31)),
    # a "trước" day inside the period beside it is the deadline
    ("Năm 2026 (hoàn thành trước 30/6)", "date", D(2026, 1, 1), D(2026, 6, 30)),
    ("Quý II/2026, trước ngày 15/6", "date", D(2026, 4, 1), D(2026, 6, 15)),
    ("Trong tháng 3/2026 (trước ngày 25/3/2026)", "date", D(2026, 3, 1), D(2026, 3, 25)),
    # the forms the brief lists that were read before this round, kept read
    ("giai đoạn 2026-2030", "range", D(2026, 1, 1), D(2030, 12, 31)),
    ("năm 2026-2027", "range", D(2026, 1, 1), D(2027, 12, 31)),
    ("từ nay đến năm 2030", "year", None, D(2030, 12, 31)),
    ("Tháng 3-4/2026", "range", D(2026, 3, 1), D(2026, 4, 30)),
    ("Hoàn thành trước Quý III/2026", "date", None, D(2026, 6, 30)),
    ("Chậm nhất ngày 30/6", "date", None, D(2026, 6, 30)),
    # a weekday before each day of a range goes with that day
    ("từ thứ Năm ngày 01/9/2022 đến Chủ nhật ngày 04/9/2022", "range", D(2022, 9, 1), D(2022, 9, 4)),
    # "(tức …)", the same day said again in the lunar calendar, is skipped
    ("từ thứ Bảy, ngày 14/02/2026 (tức ngày 27 tháng Chạp năm Ất Tỵ) đến hết Chủ nhật, ngày 22/02/2026",
     "range", D(2026, 2, 14), D(2026, 2, 22)),
    ("từ thứ Hai, ngày 23/02/2026 (tức ngày 07 tháng Giêng năm Bính Ngọ)", "ongoing", D(2026, 2, 23), None),
    # a dot between a month or quarter and its year, as "30.6.2026" writes a day; it does not end a group
    ("Tháng 6.2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    ("6.2026", "month", D(2026, 6, 1), D(2026, 6, 30)),
    ("Quý 3.2026", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    ("QIII/2026", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    ("Q.III/2026", "quarter", D(2026, 7, 1), D(2026, 9, 30)),
    # the whole year; a batch's label; "ngay" (right away)
    ("Cả năm", "year", D(2026, 1, 1), D(2026, 12, 31)),
    ("Cả năm 2027", "year", D(2027, 1, 1), D(2027, 12, 31)),
    ("Đợt 1: Quý II/2026; Đợt 2: Quý IV/2026", "quarter", D(2026, 4, 1), D(2026, 12, 31)),
    ("Ngay trong tháng 3/2026", "month", D(2026, 3, 1), D(2026, 3, 31)),
]


@pytest.mark.parametrize(("text", "kind", "start", "due"), ROUND_2_FORMS)
def test_round_2_forms(text: str, kind: str, start: date | None, due: date | None) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.valid, d.note) == (kind, start, due, True, None)


def test_a_trước_day_outside_the_period_does_not_narrow_it() -> None:
    # Two deadlines, not a period and its day: the later one is due.
    d = parse_deadline("trước 30/6/2026 và 31/12/2026", YEAR)
    assert (d.kind, d.due) == ("date", D(2026, 12, 31))
    d = parse_deadline("Quý II/2026, trước ngày 15/9", YEAR)
    assert (d.kind, d.start, d.due) == ("range", D(2026, 4, 1), D(2026, 9, 15))


@pytest.mark.parametrize("text", [
    "Tối đa 30 ngày kể từ ngày ký",
    "Trong vòng 15 ngày làm việc kể từ ngày nhận được",
    "sau 10 ngày kể từ ngày ký ban hành",
    "06 tháng kể từ ngày Quyết định có hiệu lực",
])
def test_a_time_limit_counted_from_an_event_is_external(text: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.external, d.valid, d.due) == ("external", True, True, None)


@pytest.mark.parametrize(("text", "reason"), [
    # a weekday that does not fall on the date written with its year: which one is wrong is not known
    ("Thứ Ba, ngày 15/6/2026", "weekday-mismatch"),
    ("THỨ HAI (10/02/2026)", "weekday-mismatch"),
    # a weekday with no day, or with two days and one weekday: nothing to check it against
    ("thứ Hai", "unrecognised"),
    ("Thứ 6 hằng tuần", "unrecognised"),
    ("thứ Hai, tháng 3/2026", "unrecognised"),
    # weekly duties, weeks of a month, vague parts of a quarter or month stay unread
    ("hằng tuần", "unrecognised"),
    ("vào ngày thứ Tư hằng tuần", "unrecognised"),
    ("Tuần 1 tháng 3/2026", "unrecognised"),
    ("Đầu Quý III/2026", "unrecognised"),
    ("Giữa tháng 6/2026", "unrecognised"),
    # a two-digit year after a month alone; a duration with no event
    ("T6", "unrecognised"),
    ("6/26", "month-out-of-range"),
    ("105 ngày", "unrecognised"),
    # a number the grammar could not place is never a note
    ("ngày 30/6/2026/1", "unrecognised"),
    ("Quý II/2026 ~ III/2026", "unrecognised"),
])
def test_round_2_invalid_stays_invalid(text: str, reason: str) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.valid, d.reason, d.due) == ("invalid", False, reason, None)


def test_a_number_in_a_remark_is_still_a_note() -> None:
    d = parse_deadline("Quý II/2026 (03 lớp tập huấn)", YEAR)
    assert (d.kind, d.due, d.note) == ("quarter", D(2026, 6, 30), "(03 lớp tập huấn)")


def test_explain_says_why_a_weekday_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "explain", "deadline", "Thứ Ba, ngày 15/6/2026", "--format", "json")
    assert (r.code, r.json()["reason"]) == (1, "weekday-mismatch")
    for lang, words in (("vi", "thứ trong tuần không khớp với ngày đã ghi"),
                        ("en", "the day of the week does not match the date written")):
        assert words in run(capsys, "explain", "deadline", "Thứ Ba, ngày 15/6/2026", "--lang", lang).out


def test_a_weekday_before_a_day_of_a_range_is_checked() -> None:
    d = parse_deadline("từ thứ Sáu ngày 01/9/2022 đến Chủ nhật ngày 04/9/2022", YEAR)
    assert (d.kind, d.reason) == ("invalid", "weekday-mismatch")


def test_until_a_year_and_the_years_after_is_open_ended() -> None:
    d = parse_deadline("Đến năm 2030 và các năm tiếp theo", YEAR)
    assert (d.kind, d.start, d.due, d.ongoing, d.note) == ("ongoing", None, None, True, None)
    assert parse_deadline("Ngay sau khi Kế hoạch được phê duyệt", YEAR).kind == "external"
    assert parse_deadline("Ngay", YEAR).kind == "invalid"
    # a dot followed by a remark still ends the period
    assert parse_deadline("Quý II/2026. Tổ chức sơ kết", YEAR).note == "Tổ chức sơ kết"


def test_a_count_of_years_is_skipped_only_when_it_is_the_ranges() -> None:
    d = parse_deadline("5 năm 2021-2025", YEAR)
    assert (d.kind, d.start, d.due) == ("range", D(2021, 1, 1), D(2025, 12, 31))
    assert parse_deadline("giai đoạn 5 năm 2026 - 2030", YEAR).due == D(2030, 12, 31)
    assert parse_deadline("3 năm 2021-2025", YEAR).kind == "invalid"


@pytest.mark.parametrize(("text", "kind", "start", "due", "recurrence"), [
    ("Trước ngày 30/6/2026 (đợt 1); trước ngày 30/11/2026 (đợt 2)", "date", None, D(2026, 11, 30), None),
    ("Hằng tháng (trước ngày 20)", "recurring", D(2026, 1, 1), D(2026, 12, 20), "monthly"),
    ("Từ ngày 20 đến 25 hằng tháng", "recurring", D(2026, 1, 1), D(2026, 12, 25), "monthly"),
    ("Định kỳ hằng tháng, quý, năm", "recurring", D(2026, 1, 1), D(2026, 12, 31), "monthly"),
    ("Sáu tháng đầu năm 2026", "half", D(2026, 1, 1), D(2026, 6, 30), None),
    ("Quý cuối năm 2026", "quarter", D(2026, 10, 1), D(2026, 12, 31), None),
    ("tháng cuối năm", "month", D(2026, 12, 1), D(2026, 12, 31), None),
    ("Trước 17h ngày 20/6/2026", "date", None, D(2026, 6, 20), None),
    ("17 giờ 30 phút, ngày 20/6/2026", "date", None, D(2026, 6, 20), None),
])
def test_labels_hours_word_counts_and_cadence_tails(
    text: str, kind: str, start: date | None, due: date, recurrence: str | None,
) -> None:
    d = parse_deadline(text, YEAR)
    assert (d.kind, d.start, d.due, d.recurrence, d.note) == (kind, start, due, recurrence, None)


def test_a_remark_naming_another_deadline_makes_the_cell_unread() -> None:
    assert parse_deadline("Quý II/2026 (ghi chú: trước ngày 15/9 báo cáo)", YEAR).kind == "invalid"
    # an hour alone, with no day, is still nothing
    assert parse_deadline("07 giờ 00’ đến 08 giờ 00’ tất cả các ngày làm việc trong tuần", YEAR).kind == "invalid"


def test_a_day_with_its_cadence_apart_is_read_only_monthly() -> None:
    assert parse_deadline("Hằng tháng, trước ngày 20", YEAR).due == D(2026, 12, 20)
    # Quarterly: the 10th of the quarter's last month, or of the month after? Not guessed.
    assert parse_deadline("Hằng quý (trước ngày 10)", YEAR).kind == "invalid"
    assert parse_deadline("Hằng năm (trước ngày 10)", YEAR).kind == "invalid"
