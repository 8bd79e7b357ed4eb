"""A table continued on the next page without its heading row repeated: joined to the table before
when it follows it at once with the same columns and a first row of data, else reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.enum.text import WD_BREAK

from .helpers import imported_in_english, run
from .test_import_cells import plan_with_tasks
from .test_import_layout import _merge


def _next_page(doc: Any, rows: list[list[str]], *, page_break: bool = True) -> Any:
    """The rest of the table on the next page: a page break, then a table of ``rows`` alone."""
    if page_break:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    return t


def _import(doc: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[Any, list[Any]]:
    src = tmp_path / "split.docx"
    doc.save(str(src))
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(src), "-o", str(out), "--city", "Thái Bình", *extra)
    return r, yaml.safe_load(out.read_text(encoding="utf-8"))["appendices"][0]["content"]


def test_a_table_continued_without_its_heading_is_one_table(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    doc, page1 = plan_with_tasks([["I", "NHẬN THỨC SỐ", "", ""],
                                  ["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    page1.cell(1, 1).merge(page1.cell(1, 3)).text = "NHẬN THỨC SỐ"
    for col in (0, 1, 2):                     # task 1's number, text and lead go on over the page …
        _merge(page1.cell(2, col), "restart")
    page2 = _next_page(doc, [["", "", "", "Quý II/2026"],
                             ["2", "Tập huấn kỹ năng số", "Công an xã", "Quý III/2026"],
                             ["II", "HẠ TẦNG SỐ", "", ""],
                             ["3", "Nâng cấp mạng LAN", "Văn phòng HĐND và UBND", "Năm 2026"]])
    page2.cell(2, 1).merge(page2.cell(2, 3)).text = "HẠ TẦNG SỐ"
    for cell in [page2.cell(0, col) for col in (0, 1, 2)]:   # … into the first row of the next page's table
        _merge(cell, None)
    r, content = _import(doc, tmp_path, capsys)
    assert r.code == 0, r.out + r.err
    (item,) = content                                          # one table, not two
    first, second = item["table"]["groups"]
    one, cont, two = first["rows"]
    assert (one["id"], one["lead"], one["deadline"]) == ("pl.I.1", "Phòng Văn hóa - Xã hội", "Quý I/2026")
    assert cont["continues"] == "pl.I.1" and cont["merged"] == ["number", "text", "lead"]
    assert cont["deadline"] == "Quý II/2026"
    assert (two["id"], two["lead"], two["deadline"]) == ("pl.I.2", "Công an xã", "Quý III/2026")
    assert [x["id"] for x in second["rows"]] == ["pl.II.3"]
    assert "Bảng pl: 4 dòng, 2 nhóm, 1 dòng nối ô gộp." in r.out
    assert ("Bảng 4 tiếp nối bảng 3 sang trang (đứng ngay sau, không lặp dòng tiêu đề, cùng 4 cột): đã đọc thành "
            "một bảng.") in r.out
    notes = imported_in_english(capsys, tmp_path / "split.docx")["notes"]
    assert {"kind": "table-joined", "message": "Table 4 continues table 3 on the next page (right after it, no "
            "heading row repeated, the same 4 columns): read as one table."} in notes


def test_a_table_after_a_paragraph_is_another_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, _ = plan_with_tasks([["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    doc.add_paragraph("Bảng 2. Nhiệm vụ bổ sung")
    _next_page(doc, [["STT", "Nội dung", "Đơn vị chủ trì", "Thời hạn"],
                     ["1", "Tập huấn kỹ năng số", "Công an xã", "Quý III/2026"]], page_break=False)
    r, content = _import(doc, tmp_path, capsys)
    assert [type(x).__name__ for x in content] == ["dict", "str", "dict"]
    assert "tiếp nối" not in r.out and "sang trang" not in r.out


def test_the_next_table_with_its_own_heading_is_another_table(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    doc, _ = plan_with_tasks([["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    _next_page(doc, [["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm"],
                     ["1", "Tập huấn kỹ năng số", "Công an xã", "Báo cáo"]])
    r, content = _import(doc, tmp_path, capsys)
    assert [x["table"]["id"] for x in content] == ["pl", "pl-2"]
    assert content[1]["table"]["rows"][0]["output"] == "Báo cáo"
    assert "tiếp nối" not in r.out


def test_a_headless_table_with_other_columns_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, _ = plan_with_tasks([["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    _next_page(doc, [["2", "Tập huấn kỹ năng số", "Công an xã", "Quý III/2026", "Báo cáo"]])
    r, content = _import(doc, tmp_path, capsys)
    assert r.code == 1
    assert [x["table"]["id"] for x in content] == ["pl", "pl-2"]           # kept apart, as read
    assert ("Cần xem lại: bảng 4 đứng ngay sau bảng 3, không có dòng tiêu đề, nhưng có 5 cột (bảng 3 có 4 cột): "
            "có thể là phần sang trang của bảng 3; đã đọc thành bảng riêng (dòng đầu làm tiêu đề), cần đối chiếu "
            "với bản Word.") in r.out
    kinds = [m["kind"] for m in imported_in_english(capsys, tmp_path / "split.docx")["review"]]
    assert "table-continued" in kinds
