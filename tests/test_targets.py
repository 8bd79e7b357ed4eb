"""The target parser (kehoach.targets), on crafted and real target and baseline texts."""

from __future__ import annotations

import dataclasses
import math
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.targets import KINDS, OPERATORS, Target, parse_target

from .helpers import seed_cells

# (text, kind, operator, value, upper, unit)
CASES: list[tuple[str | int | float, str, str | None, float | None, float | None, str | None]] = [
    ("≥ 60%", "number", "ge", 60, None, "%"),
    (r"$\geq 60\%$", "number", "ge", 60, None, "%"),
    ("≥0,77", "number", "ge", 0.77, None, None),
    (r"$\geq 0,77$", "number", "ge", 0.77, None, None),
    ("0,47%", "number", "eq", 0.47, None, "%"),
    ("80-90%", "range", "between", 80, 90, "%"),
    ("80% – 90%", "range", "between", 80, 90, "%"),
    ("từ 80 đến 90%", "range", "between", 80, 90, "%"),
    ("phấn đấu ít nhất 3%", "number", "ge", 3, None, "%"),
    ("Phấn đấu đạt 3%", "number", "ge", 3, None, "%"),
    ("phần đầu ít nhất 3%", "number", "ge", 3, None, "%"),  # real typo in a seed
    ("Đạt", "qualitative", "reached", None, None, None),
    ("đạt", "qualitative", "reached", None, None, None),
    ("Hoàn thành", "qualitative", "reached", None, None, None),
    ("tối thiểu 20 sáng kiến", "number", "ge", 20, None, "sáng kiến"),
    ("02 doanh nghiệp", "number", "eq", 2, None, "doanh nghiệp"),
    ("100%", "number", "eq", 100, None, "%"),
    ("100", "number", "eq", 100, None, None),
    (100, "number", "eq", 100, None, None),
    (0.8, "number", "eq", 0.8, None, None),
    ("85%", "number", "eq", 85, None, "%"),
    ("-", "none", None, None, None, None),
    ("–", "none", None, None, None, None),
    ("", "none", None, None, None, None),
    ("   ", "none", None, None, None, None),
    ("?", "unknown", None, None, None, None),
    ("<u>100%</u>", "number", "eq", 100, None, "%"),
    (">= 95%", "number", "ge", 95, None, "%"),
    ("> 50%", "number", "gt", 50, None, "%"),
    ("≤ 5%", "number", "le", 5, None, "%"),
    ("<= 5", "number", "le", 5, None, None),
    ("&lt;= 5", "number", "le", 5, None, None),
    ("< 5", "number", "lt", 5, None, None),
    ("= 5", "number", "eq", 5, None, None),
    ("không quá 5%", "number", "le", 5, None, "%"),
    ("tối đa 10", "number", "le", 10, None, None),
    ("ít nhất 01", "number", "ge", 1, None, None),
    ("trên 90%", "number", "gt", 90, None, "%"),
    ("dưới 10%", "number", "lt", 10, None, "%"),
    ("80% trở lên", "number", "ge", 80, None, "%"),
    ("từ 80% trở lên", "number", "ge", 80, None, "%"),
    ("từ 80%", "number", "ge", 80, None, "%"),
    ("1.000 doanh nghiệp", "number", "eq", 1000, None, "doanh nghiệp"),
    ("1.000.000", "number", "eq", 1_000_000, None, None),
    ("1.000,5", "number", "eq", 1000.5, None, None),
    ("0.8", "number", "eq", 0.8, None, None),
    ("0.125", "number", "eq", 0.125, None, None),  # zero integer part: a decimal, not thousands
    ("1.5", "number", "eq", 1.5, None, None),
    ("đạt 98%", "number", "eq", 98, None, "%"),
    ("Đạt 3%", "number", "eq", 3, None, "%"),
    ("Đạt trên 3%", "number", "gt", 3, None, "%"),
    ("100% (trong khu đô thị)", "number", "eq", 100, None, "%"),
    ("100%.", "number", "eq", 100, None, "%"),
    ("100 %", "number", "eq", 100, None, "%"),
    ("≥ 95 đối với cơ sở giáo dục phổ thông", "number", "ge", 95, None, None),
    ("tối thiểu 01 tin/bài/tháng đối với chuyên mục", "number", "ge", 1, None, "tin/bài/tháng"),
    ("1Gb/s", "number", "eq", 1, None, "Gb/s"),
]


@pytest.mark.parametrize(("text", "kind", "operator", "value", "upper", "unit"), CASES)
def test_cases(
    text: str | int | float, kind: str, operator: str | None, value: float | None, upper: float | None,
    unit: str | None,
) -> None:
    t = parse_target(text)
    assert (t.kind, t.operator, t.unit, t.valid) == (kind, operator, unit, True)
    assert t.value == (None if value is None else pytest.approx(value))
    assert t.upper == (None if upper is None else pytest.approx(upper))
    assert t.text == str(text)


def test_none_is_none() -> None:
    t = parse_target(None)
    assert (t.text, t.kind, t.operator, t.value, t.valid) == ("", "none", None, None, True)


@pytest.mark.parametrize(
    "text",
    [
        "abc xyz",
        "≥",
        "≥ ≤ 5",
        "90-80%",  # upper below lower
        "≥ 80-90%",  # an operator on a range
        "80%-90 sản phẩm",  # two units
        "1,000,000",  # English thousands or a typo: ambiguous
        "0,77.0",
        "1.2.3",
        "100% hộ gia đình",
        "tăng mạnh",
        "Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng",
        "≱ 5",
        "1" * 5000,
    ],
)
def test_invalid(text: str) -> None:
    t = parse_target(text)
    assert (t.kind, t.valid, t.operator, t.value, t.upper, t.unit) == ("invalid", False, None, None, None, None)
    assert t.text == text


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_invalid(value: float) -> None:
    assert parse_target(value).kind == "invalid"


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        (unicodedata.normalize("NFD", "phấn đấu ít nhất 3%"), "phấn đấu ít nhất 3%"),
        (unicodedata.normalize("NFD", "tối thiểu 20 sáng kiến"), "tối thiểu 20 sáng kiến"),
        ("PHẤN ĐẤU ÍT NHẤT 3%", "phấn đấu ít nhất 3%"),
        ("Phân đầu đạt 3%", "Phấn đấu đạt 3%"),  # another tone-mark typo from a seed
        ("≥  60 %", "≥ 60%"),
        ("=> 60%", "≥ 60%"),
        (r"$\ge 60\%$", "≥ 60%"),
        ("80 — 90 %", "80-90%"),
    ],
)
def test_variants_read_alike(variant: str, canonical: str) -> None:
    a, b = parse_target(variant), parse_target(canonical)
    assert (a.kind, a.operator, a.value, a.upper, a.valid) == (b.kind, b.operator, b.value, b.upper, b.valid)
    assert a.valid


def test_unit_is_kept_as_written() -> None:
    assert parse_target("tối thiểu 20 Sáng kiến").unit == "Sáng kiến"


def test_target_is_a_frozen_slotted_dataclass() -> None:
    t = parse_target("100%")
    assert isinstance(t, Target)
    assert not hasattr(t, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = 1.0  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Every distinct target, baseline and milestone written in the five seed plans.

SEED_TARGETS = [
    # 000 Vĩnh Hải, "Chỉ tiêu năm 2026"
    r"$\geq 60\%$", "≥ 60", "100%", r"$\geq 95\%$", r"$\geq 80\%$", r"$\geq 90\%$",
    # 002 Hải An, Phụ lục 1 "Kết quả 2025" and "Năm 2026"
    "≥60%", "-", "0,47%", "phần đầu ít nhất 3%", "80%", "<u>100%</u>", "90%", "?", "≥ 95%", "≥ 85%",
    r"$\geq 0,77$", r"$\geq 0,8$", r"$\geq 70\%$", r"$\geq 30\%$", "60%", r"$\geq 10\%$", "85%",
    # 002, Phụ lục 2 "Kết quả"
    "≥ 80", "100", "80", "Phấn đấu đạt 3%", "≥ 70", "≥ 95",
    # 001 Thái Tân, narrative objectives
    "Tối thiểu 90%", "đạt 95%",
    # 003 An Lão, narrative objectives ("Tỷ lệ …: đạt 98%") and task text
    r"đạt $\geq 80\%$", "đạt 100%", "đạt 100%.", "đạt 50%", "đạt 50%.", "đạt 90%", "đạt 89%", "đạt 98%",
    "đạt 84%", "đạt 99%", "đạt 82%", "tối thiểu 20 sáng kiến", "02 doanh nghiệp", "02 sản phẩm",
    "tối thiểu 01 tin/bài/tháng", "tối thiểu 01 lần/ tuần",
    # 004 Vĩnh Lại, Phụ lục I "Kết quả"
    "90", "≥ 85", "Đạt", "95",
    "≥ 95 đối với cơ sở giáo dục phổ thông và giáo dục thường xuyên",
    "≥ 95 đối với cơ sở giáo dục mầm non và các cơ quan quản lý giáo dục",
    # 004, Phụ lục II milestones "Năm 2025 … Năm 2045"
    "50%", "phấn đấu ít nhất 3%", "Đạt 3%", "Đạt trên 3%", "95%", "97%", "80-90%", "≥ 90%", "≥ 75%",
    "≥ 70%", "≥ 80%", "≥ 40%", "≥ 50%", "10%", "20%", "30%", "40%", "≥ 30%",
    # 004, narrative ("chiếm tối thiểu 70% kinh tế số", "bố trí ít nhất 3% tổng chi")
    "tối thiểu 70%", "ít nhất 3%",
]


@pytest.mark.parametrize("text", SEED_TARGETS)
def test_every_seed_target_parses(text: str) -> None:
    t = parse_target(text)
    assert t.valid and t.kind != "invalid", text


def test_seed_description_is_not_a_target() -> None:
    # 004 Phụ lục I, row "Hạ tầng số": a description in the result column. Reported, not read.
    assert not parse_target("Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng").valid


def test_seed_list_covers_every_table_target() -> None:
    """The list above holds every target and baseline cell of the seed plans' tables (tests/data)."""
    by_document = seed_cells("seed-targets.txt")
    assert len(by_document) == 2 and all(by_document.values())
    cells = {c for document in by_document.values() for c in document}
    assert len(cells) >= 20
    assert cells <= set(SEED_TARGETS), sorted(cells - set(SEED_TARGETS))


# --------------------------------------------------------------------------------------------
# Properties


def _check(t: Target) -> None:
    assert t.kind in KINDS
    assert t.valid == (t.kind != "invalid")
    assert t.operator is None or t.operator in OPERATORS
    if t.kind == "range":
        assert t.value is not None and t.upper is not None and t.value <= t.upper


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_never_raises_on_any_text(text: str) -> None:
    t = parse_target(text)
    assert t.text == text
    _check(t)


_PIECES = ["≥", "≤", ">", "<", "=", ">=", "$", r"\geq", r"\%", "%", "-", "–", "(", ")", ",", ".", " ", "0", "1",
           "000", "60", "0,77", "đạt", "Đạt", "phấn đấu", "ít nhất", "tối thiểu", "tối đa", "không quá", "trên",
           "dưới", "từ", "đến", "trở lên", "đối với", "sáng kiến", "?", "<u>", "</u>"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=10))
def test_never_raises_on_target_like_text(pieces: list[str]) -> None:
    _check(parse_target(" ".join(pieces)))
    _check(parse_target("".join(pieces)))


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**9) | st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_are_taken_as_is(value: int | float) -> None:
    t = parse_target(value)
    assert (t.kind, t.operator, t.value, t.valid) == ("number", "eq", float(value), True)


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=0, max_value=100), op=st.sampled_from(["≥", "≤", ">", "<", ""]))
def test_percentages(value: int, op: str) -> None:
    t = parse_target(f"{op} {value}%")
    expected = {"≥": "ge", "≤": "le", ">": "gt", "<": "lt", "": "eq"}[op]
    assert (t.kind, t.operator, t.value, t.unit) == ("number", expected, value, "%")
