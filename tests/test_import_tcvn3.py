"""TCVN3 (ABC, ``.VnTime``) text in a Word plan comes in as Unicode, each converted place said."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from kehoach.importer import tcvn3

from .helpers import run
from .test_import_docx import letterhead

# (as stored in a .docx typed with an ABC font, as printed). The first three are the examples of a
# public converter (convertTcvn3ToUnicode, place names of Lào Cai); the rest are units of the plans.
SAMPLES = [
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),          # "ư" is 0xAD, a soft hyphen
    ("B¸t X¸t", "Bát Xát"),
    ("Phßng V¨n hãa - X· héi", "Phòng Văn hóa - Xã hội"),
    ("C«ng an x·", "Công an xã"),
    ("Tuyªn truyÒn NghÞ quyÕt 57", "Tuyên truyền Nghị quyết 57"),
    ("Th¸ng 6/2026", "Tháng 6/2026"),
    ("Trung t©m Phôc vô hµnh chÝnh c«ng", "Trung tâm Phục vụ hành chính công"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
]


@pytest.mark.parametrize(("stored", "printed"), SAMPLES)
def test_decode(stored: str, printed: str) -> None:
    assert tcvn3.decode(stored) == printed


def test_capital_fonts_draw_capitals_on_the_lowercase_codes() -> None:
    assert tcvn3.is_capital_font(".VnTimeH") and not tcvn3.is_capital_font(".VnTime")
    assert tcvn3.decode("kÕ ho¹ch", capitals=True) == "KẾ HOẠCH"


def test_the_table_is_tcvn_5712() -> None:
    """The hand-written table equals glibc's TCVN5712-1 charmap for 0xA1-0xFF (where it is installed)."""
    charmap = Path("/usr/share/i18n/charmaps/TCVN5712-1.gz")
    if not charmap.is_file():
        pytest.skip("glibc's charmaps (package locales) are not installed")
    want = {}
    with gzip.open(charmap, "rt", encoding="ascii", errors="replace") as lines:
        rows = [line.split() for line in lines]
    for parts in rows:
        if len(parts) >= 2 and parts[0].startswith("<U") and parts[1].count("/x") == 1:
            byte = int(parts[1][2:], 16)
            if byte >= 0xA1:
                want[byte] = chr(int(parts[0][2:-1], 16))
    assert want == tcvn3.TABLE


@pytest.mark.parametrize(("text", "expected"), [
    ("Phßng V¨n hãa - X· héi thùc hiÖn", True),
    ("Phòng Văn hóa - Xã hội thực hiện", False),         # Unicode Vietnamese
    ("Nhiệt độ 25°C, 100% hồ sơ", False),
    ("Report 2026 (draft)", False),
    ("café à la carte", False),                            # Latin-1 letters alone are not TCVN3
])
def test_looks_tcvn3(text: str, expected: bool) -> None:
    assert tcvn3.looks_tcvn3(text) is expected


def _vn(paragraph: Any, text: str, font: str) -> None:
    paragraph.add_run(text).font.name = font


def build(path: Path) -> Path:
    """A small plan typed with .VnTime: letterhead in Unicode, the title in .VnTimeH, a legal basis in
    .VnTime, a task table whose cells are .VnTime, and one paragraph in TCVN3 set in Times New Roman
    (a font changed without converting)."""
    return legacy_plan(path, font=".VnTime", capitals=(".VnTimeH", "kÕ ho¹ch"), texts=[
        "ChuyÓn ®æi sè x· §«ng H\u00adng n¨m 2026",
        "C¨n cø NghÞ quyÕt sè 57-NQ/TW ngµy 22/12/2024 cña Bé ChÝnh trÞ;",
        "- §Èy m¹nh chuyÓn ®æi sè trong c¸c c¬ quan.",
    ], rows=[["1", "Tuyªn truyÒn NghÞ quyÕt 57", "Phßng V¨n hãa - X· héi", "Th¸ng 6/2026"]])


def legacy_plan(path: Path, *, font: str, capitals: tuple[str, str], texts: list[str], rows: list[list[str]],
                plain: tuple[int, int] | None = None) -> Path:
    """A small plan typed in an old encoding: letterhead in Unicode; paragraph 1 (the document type)
    in the ``capitals`` font, 2 (the title) and 4 (a legal basis) in ``font``; paragraph 6 (a bullet
    under "I. MỤC TIÊU") with no font said (a font changed without converting); an appendix task table
    (table 3) whose cells of ``rows`` are in ``font``, but for the number column and the cell at
    ``plain`` (row, column of the table, 0-based)."""
    title, basis, bullet = texts
    doc = Document()
    letterhead(doc)
    _vn(doc.add_paragraph(), capitals[1], capitals[0])                                 # paragraph 1
    _vn(doc.add_paragraph(), title, font)                                               # 2
    doc.add_paragraph("")                                                               # 3
    _vn(doc.add_paragraph(), basis, font)                                               # 4
    doc.add_paragraph("I. MỤC TIÊU")                                                    # 5
    doc.add_paragraph(bullet)                                                           # 6: no font said
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:\n- Lưu: VT."
    t.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A"
    for text in ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ"):
        doc.add_paragraph(text)
    t = doc.add_table(rows=1 + len(rows), cols=4)
    for r, values in enumerate([["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành"], *rows]):
        for c, v in enumerate(values):
            cell = t.cell(r, c)
            if r == 0 or c == 0 or (r, c) == plain:
                cell.text = v
            else:
                _vn(cell.paragraphs[0], v, font)
    doc.save(str(path))
    return path


def comes_in_as_unicode(capsys: pytest.CaptureFixture[str], document: Path) -> tuple[Any, list[dict[str, Any]]]:
    """Import a plan built by :func:`legacy_plan`; check that its type, title, legal basis, bullet and
    first task row came in as Unicode, and give the report and the task rows."""
    out = document.parent / "dong-hung.yaml"
    r = run(capsys, "import", str(document), "-o", str(out), "--city", "Thái Bình")
    assert r.code == 0, r.out + r.err
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert plan["meta"]["doc_type"] == "KẾ HOẠCH"
    assert plan["meta"]["title"] == "Chuyển đổi số xã Đông Hưng năm 2026"
    assert plan["legal_bases"] == ["Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;"]
    assert "Đẩy mạnh chuyển đổi số trong các cơ quan." in out.read_text(encoding="utf-8")
    rows: list[dict[str, Any]] = plan["appendices"][0]["content"][0]["table"]["rows"]
    assert (rows[0]["text"], rows[0]["lead"], rows[0]["deadline"]) == (
        "Tuyên truyền Nghị quyết 57", "Phòng Văn hóa - Xã hội", "Tháng 6/2026")
    return r, rows


def test_a_vntime_document_comes_in_as_unicode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r, _ = comes_in_as_unicode(capsys, build(tmp_path / "vntime.docx"))
    # Each converted place, with its location and the font, in the report.
    assert 'Đoạn 1: chữ gõ bằng phông TCVN3 .VnTimeH đã chuyển sang Unicode: "KẾ HOẠCH"' in r.out
    assert "Đoạn 2: chữ gõ bằng phông TCVN3 .VnTime" in r.out
    assert "Đoạn 4: chữ gõ bằng phông TCVN3 .VnTime" in r.out
    assert 'Đoạn 6: chữ mã TCVN3 (nhận ra theo ký tự) đã chuyển sang Unicode: "- Đẩy mạnh' in r.out
    assert "Bảng 3, dòng 2, cột 2: chữ gõ bằng phông TCVN3 .VnTime" in r.out
    assert "Bảng 3, dòng 2, cột 3:" in r.out and "Bảng 3, dòng 2, cột 4:" in r.out
    assert r.out.count("TCVN3") == 7
    en = run(capsys, "import", str(tmp_path / "vntime.docx"), "--lang", "en")
    assert "Table 3, row 2, column 2: text typed in the TCVN3 font .VnTime converted to Unicode" in en.err


def test_a_unicode_run_in_an_abc_font_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Document()
    _vn(doc.add_paragraph(), "KẾ HOẠCH", ".VnTimeH")
    _vn(doc.add_paragraph(), "Chuyển đổi số năm 2026", ".VnTime")
    doc.save(str(tmp_path / "u.docx"))
    r = run(capsys, "import", str(tmp_path / "u.docx"), "--year", "2026")
    assert "Chuyển đổi số năm 2026" in r.out and "TCVN3" not in r.err
