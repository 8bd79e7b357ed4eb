"""Quantified targets written in the narrative ("- Tỷ lệ phủ sóng 5G trên địa bàn đạt ≥ 80%;"):
read as indicators, the line kept as written.

A line is read for sure when it names a measure ("Tỷ lệ …", "Số …") and then its target after
"đạt" or ":" ("…: đạt 100%", "…: tối thiểu 20 sáng kiến"). Under a heading about targets ("Mục
tiêu", "Chỉ tiêu"), a line that holds a percentage or ends with a count is read too, marked for a
person's look: where the name ends and the target begins is a guess there ("Bảo đảm 100% hồ sơ …").
"""

from __future__ import annotations

import re

_BULLET = re.compile(r"^[-–+•]\s*")
_MEASURE = re.compile(r"^(tỷ lệ|tỉ lệ|số lượng|số)\b", re.IGNORECASE)
_BOUND = r"(?:≥|>=|≤|<=|>|<|tối thiểu|ít nhất|trên|dưới|không dưới|từ)"
# "≥ 80%", "100%", "tối thiểu 20 sáng kiến", "02 doanh nghiệp": a bound, a number, a unit of a few words.
_TARGET = rf"(?:{_BOUND}\s*)?\d[\d.,]*\s*(?:%|[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){{0,3}})?"
_SURE = re.compile(rf"^(?P<name>.+?)(?:\s*:\s*(?:đạt\s+)?|\s+đạt\s+)(?P<target>{_TARGET})\s*[.;]?$", re.IGNORECASE)
_COUNT_AT_END = re.compile(r"^(?P<name>.+?)\s+(?P<target>\d[\d.,]*\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*[.;]?$")
_PERCENT = re.compile(rf"(?:{_BOUND}\s*)?\d[\d.,]*\s*%", re.IGNORECASE)
_TARGET_HEADING = re.compile(r"\b(mục tiêu|chỉ tiêu)\b", re.IGNORECASE)


def under_targets(headings: list[str]) -> bool:
    return any(_TARGET_HEADING.search(h) for h in headings)


def indicator_of(line: str, headings: list[str]) -> tuple[dict[str, str], bool] | None:
    """The indicator a narrative line states, {text, target}, and whether the reading is sure;
    None when the line states no target."""
    text = _BULLET.sub("", line).strip()
    m = _SURE.match(text)
    if m and _MEASURE.match(m.group("name")):
        return {"text": m.group("name").strip(), "target": m.group("target").strip()}, True
    if not under_targets(headings):
        return None
    if m:
        return {"text": m.group("name").strip(), "target": m.group("target").strip()}, False
    counted = _COUNT_AT_END.match(text)
    if counted and _MEASURE.match(text):
        return {"text": counted.group("name").strip(), "target": counted.group("target").strip()}, False
    percent = _PERCENT.search(text)
    if percent:
        return {"text": text.rstrip(" .;"), "target": percent.group().strip()}, False
    return None
