"""Layouts of real Word files: a letterhead in text boxes, and a table split by a page break whose
merged cell and group carry on to the next page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from .helpers import run
from .test_import_docx import build, letterhead

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}


def _box(lines: list[str]) -> str:
    paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return f"<w:txbxContent>{paras}</w:txbxContent>"


def _boxed_run(lines: list[str]) -> etree._Element:
    """A run holding a text box as Word writes it: the DrawingML shape, and a VML copy as fallback."""
    xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    xml = (f'<w:r {xmlns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
           f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           f"<wps:wsp><wps:txbx>{_box(lines)}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
           f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{_box(lines)}"
           f"</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    return etree.fromstring(xml)


def test_a_letterhead_in_text_boxes_is_the_letterhead(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Document(str(build(tmp_path / "table.docx", unmapped=False)))
    body = doc.element.body
    body.remove(doc.tables[0]._tbl)                 # the letterhead table goes …
    anchor = doc.paragraphs[0].insert_paragraph_before("")
    anchor._p.append(_boxed_run(["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HƯNG", "Số: 12/KH-UBND"]))
    anchor._p.append(_boxed_run(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                 "Đông Hưng, ngày 05 tháng 02 năm 2026"]))   # … into two text boxes
    src = tmp_path / "boxes.docx"
    doc.save(str(src))
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(src), "-o", str(out), "--city", "Thái Bình")
    assert r.code == 0, r.out + r.err
    meta = yaml.safe_load(out.read_text(encoding="utf-8"))["meta"]
    assert (meta["commune"], meta["commune_kind"], meta["number"], meta["date"], meta["place"]) == (
        "Đông Hưng", "xã", "12", "2026-02-05", "Đông Hưng")
    assert "issuer" not in meta                     # read once: the VML fallback copy is not read again
    assert "Đọc 2 hộp văn bản (text box)" in r.out and "Bỏ qua" not in r.out


def _merge(cell: Any, value: str | None) -> None:
    pr = cell._tc.get_or_add_tcPr()
    vm = pr.makeelement(qn("w:vMerge"), {qn("w:val"): value} if value else {})
    pr.append(vm)


def _table(doc: Any, rows: list[list[str]]) -> Any:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    t.rows[0]._tr.get_or_add_trPr().append(t.rows[0]._tr.makeelement(qn("w:tblHeader"), {}))
    return t


TASK_HEADING = ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"]


def skeleton() -> Any:
    """A small plan up to its appendix's title ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ"): the tables come next."""
    doc = Document()
    letterhead(doc)
    for text in ("KẾ HOẠCH", "Chuyển đổi số năm 2026", "", "I. MỤC TIÊU", "- Đẩy mạnh chuyển đổi số."):
        doc.add_paragraph(text)
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:\n- Lưu: VT."
    t.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A"
    for text in ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ"):
        doc.add_paragraph(text)
    return doc


def test_a_merged_cell_carries_on_over_a_page_break(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = skeleton()
    heading = TASK_HEADING
    page1 = _table(doc, [heading, ["I", "NHẬN THỨC SỐ", "", ""],
                         ["1", "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Quý I/2026"]])
    merged = page1.cell(1, 1).merge(page1.cell(1, 3))
    merged.text = "NHẬN THỨC SỐ"
    for col in (0, 1, 2):                     # the task's number, text and lead go on over the page …
        _merge(page1.cell(2, col), "restart")
    page2 = _table(doc, [heading, ["", "", "", "Quý II/2026"],
                         ["2", "Tập huấn kỹ năng số", "Công an xã", "Quý III/2026"]])
    for col in (0, 1, 2):                     # … as the first row of the table on the next page
        _merge(page2.cell(1, col), None)
    src = tmp_path / "split.docx"
    doc.save(str(src))
    out = tmp_path / "dong-hung.yaml"
    r = run(capsys, "import", str(src), "-o", str(out), "--city", "Thái Bình")
    assert r.code == 0, r.out + r.err
    (item,) = yaml.safe_load(out.read_text(encoding="utf-8"))["appendices"][0]["content"]
    table = item["table"]
    assert table["id"] == "pl" and "rows" not in table          # no row fell out of its group
    (group,) = table["groups"]
    first, cont, second = group["rows"]
    assert (first["id"], first["lead"], first["deadline"]) == ("pl.I.1", "Phòng Văn hóa - Xã hội", "Quý I/2026")
    assert cont["continues"] == "pl.I.1" and cont["merged"] == ["number", "text", "lead"]
    assert cont["deadline"] == "Quý II/2026"
    assert (second["id"], second["lead"]) == ("pl.I.2", "Công an xã")
    assert r.out.count("Bảng pl:") == 1 and "3 dòng, 1 nhóm, 1 dòng nối ô gộp" in r.out
