"""The dictionary of column headings: which field of the plan a column's cells go to.

Each entry is a heading as communes write it, normalised (lower case, single spaces, no
trailing ":" "/" "."), and the field it means. A heading matches an entry when it equals it or
starts with it followed by a space, "," "(" or "/" — so "Cơ quan chủ trì theo dõi, đánh giá"
is a lead column — and the longest matching entry wins ("Đơn vị tính" before "Đơn vị").
Year columns ("Năm 2026", "Kết quả năm 2025", "Đến năm 2030") are read against the plan year.

Sources of the spellings: the five bundled Hải Phòng plans (An Lão, Hải An, Thái Tân, Vĩnh Hải,
Vĩnh Lại), each transcribed from the commune's signed document, the issue's list, and the national
documents whose appendices commune plans copy (Nghị quyết 03/NQ-CP Phụ lục I and II, Công văn
402-CV/VPĐU: tests/data/real-task-headings.yaml, with addresses). docs/import.md lists them with
the plan each comes from; tests/test_import_headings.py checks every one.

A bare "Kết quả" depends on its table: in an indicator table (a unit or year column beside it) it is
the row's milestone and a guess (Vĩnh Lại Phụ lục I, Hải An Phụ lục 2); in a task table it is the
deliverable, as in Nghị quyết 03/NQ-CP Phụ lục II ("Quyết định của Thủ tướng Chính phủ"). The table
decides (:func:`in_table`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# heading (normalised) -> field. Order does not matter: the longest match wins.
HEADINGS: dict[str, str] = {
    # row number
    "tt": "number", "stt": "number", "số tt": "number", "số thứ tự": "number", "thứ tự": "number",
    # the task or indicator itself
    "nội dung": "text", "nội dung nhiệm vụ": "text", "nội dung công việc": "text", "nội dung thực hiện": "text",
    "tên nhiệm vụ": "text", "nhiệm vụ": "text", "nhiệm vụ, giải pháp": "text", "nhiệm vụ cụ thể": "text",
    "chỉ tiêu": "text", "tên chỉ tiêu": "text", "nội dung chỉ tiêu": "text", "hạng mục": "text",
    # who directs, leads, supports
    "chủ trì chỉ đạo": "directing", "phân công chỉ đạo": "directing", "lãnh đạo phụ trách": "directing",
    "lãnh đạo chỉ đạo": "directing", "phụ trách chỉ đạo": "directing",
    "đơn vị chủ trì": "lead", "cơ quan chủ trì": "lead", "chủ trì": "lead", "đơn vị thực hiện": "lead",
    "cơ quan thực hiện": "lead", "đơn vị phụ trách": "lead", "cơ quan, đơn vị chủ trì": "lead",
    "đơn vị chủ trì thực hiện": "lead", "cơ quan chủ trì thực hiện": "lead",
    "đơn vị phối hợp": "support", "cơ quan phối hợp": "support", "phối hợp": "support",
    "cơ quan, đơn vị phối hợp": "support", "đơn vị phối hợp thực hiện": "support",
    # what comes out, when
    "sản phẩm": "output", "sản phẩm đầu ra": "output", "kết quả cần đạt": "output", "kết quả đầu ra": "output",
    "kết quả dự kiến": "output", "sản phẩm dự kiến": "output", "kết quả, sản phẩm": "output",
    "kết quả yêu cầu": "output",            # Công văn 402-CV/VPĐU (2025), tests/data/real-task-headings.yaml
    "kết quả/sản phẩm": "output", "sản phẩm/kết quả": "output",
    "thời gian thực hiện": "deadline", "thời gian hoàn thành": "deadline", "thời hạn hoàn thành": "deadline",
    "thời gian": "deadline", "thời hạn": "deadline", "tiến độ": "deadline", "tiến độ thực hiện": "deadline",
    "thời gian hoàn hành": "deadline",     # a typo as written in Thái Tân's table
    "thời gian thực hiện/hoàn thành": "deadline", "hạn hoàn thành": "deadline",
    "ghi chú": "note",
    # cross references to Nghị quyết 71
    "nhiệm vụ tương ứng": "related",
    "tt trong nq 71": "nq71", "stt nhiệm vụ trong nq 71": "nq71", "tt nhiệm vụ trong nq 71": "nq71",
    "tt trong nq71": "nq71",
    # indicators
    "đơn vị tính": "unit", "đvt": "unit", "đơn vị": "unit",
    # budget
    "kinh phí": "amount", "dự toán": "amount", "tổng kinh phí": "amount", "kinh phí thực hiện": "amount",
}

_YEAR = re.compile(r"^(?P<word>kết quả|thực hiện|ước thực hiện|ước thực hiện năm|chỉ tiêu|mục tiêu|kế hoạch|"
                   r"đến năm|năm|giai đoạn)?\s*(?:năm\s*)?(?P<year>20\d\d)$")
_TRAIL = " :/.;-"


def normalise(heading: str) -> str:
    text = unicodedata.normalize("NFC", heading).replace("\n", " ").replace("\t", " ").lower()
    text = re.sub(r"\s+", " ", text).strip().strip(_TRAIL)
    return text.replace("( ", "(").replace(" )", ")")


@dataclass(frozen=True, slots=True)
class Mapping:
    field: str | None      # None: no field known for this heading
    sure: bool             # False: a guess a person should look at


def map_heading(heading: str, year: int) -> Mapping:
    key = normalise(heading)
    if not key:
        return Mapping(None, False)
    year_field = _year_column(key, year)
    if year_field is not None:
        return Mapping(year_field, True)
    best = ""
    for entry in HEADINGS:
        if (key == entry or (key.startswith(entry) and key[len(entry)] in " ,(/")) and len(entry) > len(best):
            best = entry
    if best:
        return Mapping(HEADINGS[best], True)
    if key == "kết quả":
        # Vĩnh Lại's Phụ lục I: each group of rows has its own horizon; the cell is the row's milestone.
        return Mapping("milestones", False)
    return Mapping(None, False)


def _year_column(key: str, year: int) -> str | None:
    m = _YEAR.match(key)
    if m is None:
        return None
    word, y = m.group("word") or "năm", int(m.group("year"))
    if word in ("kết quả", "thực hiện", "ước thực hiện", "ước thực hiện năm"):
        return "baseline" if y < year else "target"
    if y == year and word in ("năm", "chỉ tiêu", "mục tiêu", "kế hoạch"):
        return "target"
    return f"milestones.{y}"


INDICATOR_FIELDS = frozenset({"unit", "baseline", "target"})


def in_table(fields: list[str | None]) -> list[str | None]:
    """The fields of a table's columns, with a bare "Kết quả" (``milestones`` without a year) read as
    the deliverable when nothing else in the table makes it an indicator table."""
    indicator = any(f in INDICATOR_FIELDS or (f or "").startswith("milestones.") for f in fields)
    if indicator or "output" in fields:
        return fields
    return ["output" if f == "milestones" else f for f in fields]
