"""Quantified targets written in the narrative ("- Tỷ lệ phủ sóng 5G trên địa bàn đạt ≥ 80%;"):
read as indicators, the line kept as written.

A line is read for sure when it names a measure ("Tỷ lệ …", "Số …") and then its target after
"đạt" or ":" ("…: đạt 100%", "…: tối thiểu 20 sáng kiến"). Under a heading about targets ("Mục
tiêu", "Chỉ tiêu"), a line that holds a percentage or ends with a count is read too, marked for a
person's look: where the name ends and the target begins is a guess there ("Bảo đảm 100% hồ sơ …").

Anywhere else, a target written inside a task's sentence ("… phấn đấu đến hết năm 2026 đạt 100% hồ
sơ …", "… tối thiểu 20 sáng kiến …") is read by `sentence_target`, always marked for review; the
sentence is kept as written (`line`). Only a figure with a cue counts (see `_target_in`); a line
with several targets gives its first one.
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
_TARGET_HEADING = re.compile(r"\b(mục tiêu|chỉ tiêu)\b", re.IGNORECASE)
_MEASURE_IN = re.compile(r"\b(?:tỷ lệ|tỉ lệ|số lượng)\b", re.IGNORECASE)


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
        # "Duy trì tỷ lệ hài lòng … đạt 95%": the measure starts at "tỷ lệ".
        name = m.group("name").strip()
        measure = _MEASURE_IN.search(name)
        return {"text": name[measure.start():] if measure else name, "target": m.group("target").strip()}, False
    counted = _COUNT_AT_END.match(text)
    if counted and _MEASURE.match(text):
        return {"text": counted.group("name").strip(), "target": counted.group("target").strip()}, False
    found = sentence_target(text)
    return (found, False) if found else None


# --- A target inside a sentence ("…, bảo đảm ≥ 80% hồ sơ …", "… tối thiểu 20 sáng kiến …") --------
# Only a figure with a cue is taken: a percentage, or a count after a bound ("tối thiểu", "ít nhất",
# "không dưới") or a verb of aim ("đạt", "phấn đấu", "bảo đảm"). Never a date (22/12/2024), a
# document number (57-NQ/TW, 179/2025/NĐ-CP), a year, an item number (1.6.) or an amount of money.
_NUM = r"(?<![\w/.,-])\d+(?:[.,]\d+)?(?![\w/]|[.,:-]\d|-[^\W\d_])"
_PCT_IN = re.compile(rf"(?:(?P<bound>{_BOUND})\s*)?(?P<num>{_NUM})\s*%(?:\s+trở lên)?", re.IGNORECASE)
_UNIT = r"[^\W\d_]+(?:\s*/\s*[^\W\d_]+)*"
_COUNT_IN = re.compile(rf"\b(?P<cue>tối thiểu|ít nhất|không dưới|không ít hơn|đạt|phấn đấu|bảo đảm|đảm bảo)\s+"
                       rf"(?P<num>{_NUM})\s+(?P<unit>{_UNIT}(?:\s+(?!và\b|của\b|trên\b|trong\b|đối\b|được\b){_UNIT})?)",
                       re.IGNORECASE)
_COUNT_VERB = re.compile(r"^(?:đạt|phấn đấu|bảo đảm|đảm bảo)$", re.IGNORECASE)
# "tối thiểu 01 tin/bài/tháng", "01 lần/ tuần": a count per period is how often a task is done (its
# cadence), not a target of the plan.
_PER_PERIOD = re.compile(r"/\s*(?:ngày|tuần|tháng|quý|năm)$", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)+\.?|\d+\.|[IVXLC]+\.|[a-zđ]\))\s+")    # "1.6.", "2.", "a)"
_MONEY = re.compile(r"^(?:đồng|nghìn|ngàn|triệu|tỷ|tỉ|vnđ|vnd|usd)\b", re.IGNORECASE)
_DATE_WORD = re.compile(r"^(?:ngày|tháng|năm|quý)$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;.](?!\d)")
_AIM = re.compile(r"(?:\s*(?::|đạt|phấn đấu|bảo đảm|đảm bảo|là|duy trì|ở mức|lên)\s*)+$", re.IGNORECASE)


def _is_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def _target_in(text: str) -> tuple[int, int, str] | None:
    """Where the first target in the sentence is: (start, end, target as written)."""
    found: list[tuple[int, int, str]] = []
    m = _PCT_IN.search(text)
    if m:
        found.append((m.start(), m.end(), m.group().strip()))
    for c in _COUNT_IN.finditer(text):
        num, unit = c.group("num"), c.group("unit")
        if _is_year(num) or _MONEY.match(unit) or (_DATE_WORD.match(unit) and re.match(r"\s*\d", text[c.end():])):
            continue        # a year, money, a date in words ("đạt 3 tháng 5")
        if _PER_PERIOD.search(unit):
            continue        # a cadence
        start = c.start("num") if _COUNT_VERB.match(c.group("cue")) else c.start()
        found.append((start, c.end(), text[start:c.end()].strip()))
        break
    return min(found) if found else None


def sentence_target(line: str) -> dict[str, str] | None:
    """The quantified target written inside a sentence, {text, target}: the target as written and
    what it measures (what follows a percentage, "100% hồ sơ …" → "hồ sơ …", else the clause before
    it, from "tỷ lệ" when it is named); None when the sentence states no target. Always a guess."""
    text = _ITEM_NUMBER.sub("", _BULLET.sub("", line).strip())
    at = _target_in(text)
    if at is None:
        return None
    start, end, target = at
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    begin = max((e + 1 for e in ends if e < start), default=0)
    stop = min((e for e in ends if e >= end), default=len(text))
    after = text[end:stop].strip(" ,:")
    before = _AIM.sub("", text[begin:start]).strip(" ,:")
    measure = _MEASURE_IN.search(before)
    if measure:
        name = before[measure.start():]
    elif target.endswith(("%", "trở lên")):
        name = after if len(after.split()) >= 2 else before or after
    else:       # a count: its unit is in the target, the clause says what is counted
        name = text[begin:stop].strip(" ,:")
    if not name:
        return None
    return {"text": name, "target": target}
