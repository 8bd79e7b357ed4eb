"""The heading dictionary of `kehoach import`: every spelling met in real plans maps to its field.

Sources: each heading below is written as in a commune's signed plan, as transcribed in the
bundled plans (plans/hai-phong/<commune>.yaml, `columns[].heading`), or as listed in the
import issue (#16) from plans of other provinces.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from kehoach.importer.headings import map_heading, normalise
from kehoach.importer.tables import convert
from kehoach.importer.tree import Cell, Table, TableRow

from .helpers import DATA

SPELLINGS = [
    # (heading as written, field, source)
    ("TT", "number", "vinh-lai pl1, hai-an pl3"),
    ("STT", "number", "vinh-hai pl, vinh-lai pl4"),
    ("Stt", "number", "vinh-lai pl2"),
    ("Nội dung", "text", "thai-tan pl"),
    ("NỘI DUNG NHIỆM VỤ", "text", "vinh-hai pl"),
    ("Nội dung công việc", "text", "vinh-lai pl4, hai-an pl4"),
    ("Tên nhiệm vụ", "text", "hai-an pl3"),
    ("Tên nhiệm vụ (Nghị quyết 57-NQ/TW ngày 22/12/2024)", "text", "vinh-lai pl3"),
    ("Nhiệm vụ", "text", "issue #16"),
    ("Chỉ tiêu", "text", "vinh-hai ct, vinh-lai pl1"),
    ("Chủ trì chỉ đạo", "directing", "hai-an pl2"),
    ("Phân công chỉ đạo", "directing", "hai-an pl1"),
    ("Đơn vị chủ trì", "lead", "an-lao pl"),
    ("Cơ quan chủ trì", "lead", "vinh-hai pl"),
    ("Chủ trì", "lead", "issue #16"),
    ("Cơ quan chủ trì theo dõi, đánh giá", "lead", "hai-an pl1, vinh-lai pl2"),
    ("Đơn vị chủ trì, theo dõi đánh giá", "lead", "vinh-lai pl3"),
    ("Cơ quan chủ trì tham mưu thực hiện", "lead", "vinh-lai pl1"),
    ("Đơn vị thực hiện", "lead", "thai-tan pl"),
    ("Đơn vị phối hợp", "support", "an-lao pl"),
    ("Cơ quan phối hợp", "support", "vinh-hai pl"),
    ("Cơ quan phối hợp thực hiện", "support", "vinh-lai pl1"),
    ("Sản phẩm", "output", "vinh-hai pl"),
    ("Sản phẩm đầu ra", "output", "vinh-lai pl4"),
    ("Kết quả cần đạt", "output", "vinh-lai pl3"),
    ("Thời gian thực hiện", "deadline", "issue #16"),
    ("Thời gian hoàn thành", "deadline", "vinh-lai pl3"),
    ("Thời hạn hoàn thành", "deadline", "issue #16"),
    ("Thời gian thực hiện/hoàn thành", "deadline", "vinh-lai pl4"),
    ("Thời gian thực hiện/", "deadline", "vinh-hai pl"),
    ("Thời gian hoàn hành", "deadline", "thai-tan pl (typo as written)"),
    ("Tiến độ", "deadline", "issue #16"),
    ("Ghi chú", "note", "hai-an pl4"),
    ("Nhiệm vụ tương ứng (Nghị quyết 71 và các Thông báo kết luận Phiên họp BCĐTW)", "related", "vinh-lai pl3"),
    ("TT trong NQ 71", "nq71", "hai-an pl3"),
    ("Stt nhiệm vụ trong NQ 71", "nq71", "vinh-lai pl3"),
    ("Đơn vị tính", "unit", "vinh-lai pl1"),
    ("Đơn vị", "unit", "hai-an pl2"),
    ("Kết quả 2025", "baseline", "hai-an pl1"),
    ("Kết quả năm 2025", "baseline", "issue #16"),
    ("Năm 2026", "target", "hai-an pl1"),
    ("Chỉ tiêu năm 2026", "target", "vinh-hai ct"),
    ("Năm 2025", "milestones.2025", "vinh-lai pl2"),
    ("Năm 2030", "milestones.2030", "vinh-lai pl2"),
]


@pytest.mark.parametrize(("heading", "field", "source"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_spelling_maps_to_its_field(heading: str, field: str, source: str) -> None:
    m = map_heading(heading, 2026)
    assert m.field == field, source
    assert m.sure


def test_a_heading_over_two_lines_is_one_heading() -> None:
    assert map_heading("Cơ quan\nchủ trì", 2026).field == "lead"
    assert normalise("  Thời gian\n thực hiện/ ") == "thời gian thực hiện"


def test_longest_entry_wins() -> None:
    # "Đơn vị tính" is a unit column, not a lead ("Đơn vị …") nor "Đơn vị" alone.
    assert map_heading("Đơn vị tính", 2026).field == "unit"
    assert map_heading("Đơn vị chủ trì thực hiện", 2026).field == "lead"


def test_unknown_and_ambiguous_headings_are_not_sure() -> None:
    assert map_heading("Nguồn vốn", 2026).field is None
    kq = map_heading("Kết quả", 2026)
    assert kq.field == "milestones" and not kq.sure


def test_year_columns_read_against_the_plan_year() -> None:
    assert map_heading("Năm 2026", 2027).field == "milestones.2026"
    assert map_heading("Kết quả 2026", 2027).field == "baseline"


def real_tables() -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / "real-task-headings.yaml").read_text(encoding="utf-8"))
    tables: list[dict[str, Any]] = data["tables"]
    assert all(t["source"] in data["sources"] for t in tables)
    return tables


def mapped_in_table(headings: list[str], year: int = 2026) -> list[tuple[str | None, bool]]:
    """The field and sureness each heading gets in a table with those headings (one data row)."""
    cells = tuple(Cell(h, i) for i, h in enumerate(headings))
    row = tuple(Cell("x", i) for i in range(len(headings)))
    _, report = convert(Table((TableRow(cells), TableRow(row)), len(headings), 1), "pl", year)
    return [(f, sure) for _, f, sure in report.columns]


def score(tables: list[dict[str, Any]]) -> tuple[int, int]:
    """(headings mapped as expected, headings): a heading expected to map to nothing counts when it
    is kept as a column of its own with no field."""
    good = total = 0
    for t in tables:
        got = mapped_in_table([h["text"] for h in t["headings"]])
        for h, (f, sure) in zip(t["headings"], got, strict=True):
            total += 1
            good += f == h["field"] and (h["field"] is None or sure == h.get("sure", True))
    return good, total


@pytest.mark.parametrize("table", real_tables(), ids=lambda t: t["source"])
def test_real_headings_from_other_documents(table: dict[str, Any]) -> None:
    got = mapped_in_table([h["text"] for h in table["headings"]])
    want = [(h["field"], h.get("sure", True) if h["field"] else False) for h in table["headings"]]
    assert got == want, table["what"]


def test_every_real_heading_maps() -> None:
    good, total = score(real_tables())
    assert (good, total) == (total, 18)


def test_kết_quả_is_the_output_of_a_task_table_and_unsure_in_an_indicator_table() -> None:
    assert mapped_in_table(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Kết quả"])[3] == ("output", True)
    assert mapped_in_table(["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"])[3] == ("milestones", False)


@pytest.mark.parametrize(("heading", "field"), [
    ("Kết quả yêu cầu", "output"), ("Kết quả/Sản phẩm", "output"), ("Sản phẩm/kết quả", "output"),
    ("Hạn hoàn thành", "deadline"), ("Cơ quan phối hợp, tham vấn", "support"),
])
def test_spellings_added_beyond_hai_phong(heading: str, field: str) -> None:
    assert map_heading(heading, 2026).field == field
