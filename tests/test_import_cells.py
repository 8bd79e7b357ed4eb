"""What Word puts inside a table cell besides text: a table nested in the cell (kept in the cell,
reported for review with its place) and text boxes (read into the cell, said in a note)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .helpers import imported_in_english, run
from .test_import_layout import TASK_HEADING, _boxed_run, skeleton


def plan_with_tasks(rows: list[list[str]]) -> tuple[Any, Any]:
    """A small plan whose only appendix is a task table of ``rows`` under the usual heading."""
    doc = skeleton()
    table = doc.add_table(rows=1 + len(rows), cols=4)
    for r, values in enumerate([TASK_HEADING, *rows]):
        for c, v in enumerate(values):
            table.cell(r, c).text = v
    return doc, table


def _import(doc: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[Any, Any]:
    src = tmp_path / "plan.docx"
    doc.save(str(src))
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(src), "-o", str(out), "--city", "Thái Bình", *extra)
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    return r, plan["appendices"][0]["content"][0]["table"]


def test_a_table_nested_in_a_cell_is_kept_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, table = plan_with_tasks([["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"],
                                  ["2", "Tập huấn kỹ năng số", "", "Quý III/2026"]])
    cell = table.cell(2, 2)                              # row 3, column 3: the lead unit
    cell.text = "Chủ trì:"
    inner = cell.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Công an xã"
    inner.cell(1, 0).text = "Phòng Kinh tế"
    r, got = _import(doc, tmp_path, capsys)
    assert r.code == 1, r.out + r.err                    # kept, but a person must look
    first, second = got["rows"]
    assert first["lead"] == "Phòng Văn hóa - Xã hội"
    assert second["lead"] == "Chủ trì:\nCông an xã\nPhòng Kinh tế"      # the content stays in the cell
    assert ("Cần xem lại: bảng 3, dòng 3, cột 3: có 1 bảng lồng trong ô; nội dung đã giữ trong ô (mỗi đoạn "
            "một dòng), cần đối chiếu với bản Word.") in r.out
    assert r.out.count("bảng lồng") == 1
    review = imported_in_english(capsys, tmp_path / "plan.docx")["review"]
    assert {"kind": "nested-table", "message": "table 3, row 3, column 3: 1 table(s) nested in the cell; their "
            "content is kept in the cell (a line per paragraph), to be checked against the Word file."} in review


def test_tables_nested_twice_are_one_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, table = plan_with_tasks([["1", "Tuyên truyền", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    inner = table.cell(1, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Nghị quyết 57"
    inner.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "của Bộ Chính trị"
    r, got = _import(doc, tmp_path, capsys)
    assert got["rows"][0]["text"] == "Tuyên truyền\nNghị quyết 57\ncủa Bộ Chính trị"
    assert "bảng 3, dòng 2, cột 2: có 1 bảng lồng trong ô" in r.out and r.out.count("bảng lồng") == 1


def test_text_boxes_in_a_cell_are_read_into_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, table = plan_with_tasks([["1", "Tuyên truyền Nghị quyết 57", "", "Quý I/2026"],
                                  ["2", "Tập huấn kỹ năng số", "Phòng Văn hóa - Xã hội", "Quý III/2026"]])
    # Row 2, column 3: the lead unit written in a text box (DrawingML, with its VML copy as fallback).
    table.cell(1, 2).paragraphs[0]._p.append(_boxed_run(["Công an xã"]))
    # Row 3, column 4: a box hung on a paragraph that has text of its own, the box's lines first.
    table.cell(2, 3).paragraphs[0]._p.append(_boxed_run(["Hằng năm"]))
    r, got = _import(doc, tmp_path, capsys)
    assert r.code == 0, r.out + r.err
    first, second = got["rows"]
    assert first["lead"] == "Công an xã"                              # once: the fallback is not read again
    assert second["deadline"] == "Hằng năm\nQuý III/2026"
    assert ("Bảng 3, dòng 2, cột 3: đọc chữ trong 1 hộp văn bản (text box) vào ô, như các dòng đứng trước đoạn "
            "chứa hộp: xem lại trong bản Word.") in r.out
    assert "Bảng 3, dòng 3, cột 4: đọc chữ trong 1 hộp văn bản" in r.out
    assert "Bỏ qua" not in r.out
    notes = imported_in_english(capsys, tmp_path / "plan.docx")["notes"]
    assert {"kind": "textbox-cell", "message": "Table 3, row 2, column 3: the text of 1 text box(es) read into the "
            "cell, as lines before the paragraph that holds the box: check in the Word file."} in notes
