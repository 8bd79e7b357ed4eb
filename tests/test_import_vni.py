"""VNI text (``VNI-Times``, ``VNI-Helve`` …: base letter + mark) in a Word plan comes in as Unicode,
each converted place said, and it is not taken for TCVN3."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document

from kehoach.importer import tcvn3, vni

from .helpers import imported_in_english, run
from .test_import_tcvn3 import comes_in_as_unicode, legacy_plan

# (as stored in a .docx typed with a VNI font, as printed): units, deadlines and words of the plans.
SAMPLES = [
    ("Phoøng Vaên hoùa - Xaõ hoäi", "Phòng Văn hóa - Xã hội"),
    ("Coâng an xaõ", "Công an xã"),
    ("Tuyeân truyeàn Nghò quyeát 57", "Tuyên truyền Nghị quyết 57"),
    ("Thaùng 6/2026", "Tháng 6/2026"),
    ("Trung taâm Phuïc vuï haønh chính coâng", "Trung tâm Phục vụ hành chính công"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
    ("KEÁ HOAÏCH", "KẾ HOẠCH"),
    ("ñöôïc, vieäc, cuûa, kyû, tyû leä", "được, việc, của, kỷ, tỷ lệ"),
    ("chaúng, saün, ngaët, beàn vöõng, thuûy lôïi, Muõi Neù, Ñaø Naüng",
     "chẳng, sẵn, ngặt, bền vững, thủy lợi, Mũi Né, Đà Nẵng"),
    ("Aùp duïng, Ñieàu chænh, nghóa vuï, tyû trong, Quî", "Áp dụng, Điều chỉnh, nghĩa vụ, tỷ trong, Quỵ"),
]


@pytest.mark.parametrize(("stored", "printed"), SAMPLES)
def test_decode(stored: str, printed: str) -> None:
    assert vni.decode(stored) == printed


def test_every_vietnamese_letter_has_its_vni_form() -> None:
    """The 67 letters with marks, small and capital (134), each from exactly one VNI form (less í and
    ì, which VNI writes as themselves), and none left over."""
    vowels = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]
    small = {unicodedata.normalize("NFC", v + tone) for v in vowels for tone in ("", *"\u0301\u0300\u0309\u0303\u0323")}
    small = small - set("aeiouy") | {"đ"}
    letters = small | {c.upper() for c in small}
    assert len(letters) == 134
    standard = {k: v for k, v in vni.TABLE.items() if not (len(k) == 2 and k[0].isupper() and k[1].islower())}
    assert set(standard.values()) == letters - set("íìÍÌ")
    assert len(standard) == len(set(standard.values()))
    text = "".join(sorted(letters))
    encoded = "".join({v: k for k, v in standard.items()}.get(c, c) for c in text)
    assert vni.decode(encoded) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Phoøng Vaên hoùa - Xaõ hoäi thöïc hieän", True),
    ("Tuyeân truyeàn Nghò quyeát 57", True),
    ("Phòng Văn hóa - Xã hội thực hiện", False),         # Unicode Vietnamese
    ("Xuân Hoà, quý I, hoá đơn", False),
    ("Phßng V¨n hãa - X· héi thùc hiÖn", False),         # TCVN3
    ("café à la carte", False),
    ("Report 2026 (draft)", False),
])
def test_looks_vni(text: str, expected: bool) -> None:
    assert vni.looks_vni(text) is expected


def test_fonts() -> None:
    assert vni.is_vni_font("VNI-Times") and vni.is_vni_font("vni-helve-condense")
    assert not vni.is_vni_font("Times New Roman") and not vni.is_vni_font(".VnTime")


def build(path: Path) -> Path:
    """A small plan typed with VNI fonts: the document type in VNI-Helve, the title and a legal basis
    in VNI-Times, a task table whose cells are VNI-Times, and a paragraph and a cell (row 3, column 2)
    in VNI set in Times New Roman (a font changed without converting)."""
    return legacy_plan(path, font="VNI-Times", capitals=("VNI-Helve", "KEÁ HOAÏCH"), texts=[
        "Chuyeån ñoåi soá xaõ Ñoâng Höng naêm 2026",
        "Caên cöù Nghò quyeát soá 57-NQ/TW ngaøy 22/12/2024 cuûa Boä Chính trò;",
        "- Ñaåy maïnh chuyeån ñoåi soá trong caùc cô quan.",
    ], rows=[["1", "Tuyeân truyeàn Nghò quyeát 57", "Phoøng Vaên hoùa - Xaõ hoäi", "Thaùng 6/2026"],
             ["2", "Taäp huaán kyõ naêng soá cho ngöôøi daân", "Coâng an xaõ", "Quyù III/2026"]], plain=(2, 1))


def test_a_vni_document_comes_in_as_unicode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r, (_, second) = comes_in_as_unicode(capsys, build(tmp_path / "vni.docx"))
    assert (second["text"], second["lead"], second["deadline"]) == (
        "Tập huấn kỹ năng số cho người dân", "Công an xã", "Quý III/2026")
    # Each converted place, with its location and the font (or the characters), in the report.
    assert 'Đoạn 1: chữ gõ bằng phông VNI VNI-Helve đã chuyển sang Unicode: "KẾ HOẠCH"' in r.out
    assert "Đoạn 2: chữ gõ bằng phông VNI VNI-Times" in r.out
    assert "Đoạn 4: chữ gõ bằng phông VNI VNI-Times" in r.out
    assert 'Đoạn 6: chữ mã VNI (nhận ra theo ký tự) đã chuyển sang Unicode: "- Đẩy mạnh' in r.out
    assert "Bảng 3, dòng 2, cột 2: chữ gõ bằng phông VNI VNI-Times" in r.out
    assert 'Bảng 3, dòng 3, cột 2: chữ mã VNI (nhận ra theo ký tự) đã chuyển sang Unicode: "Tập huấn' in r.out
    assert r.out.count("VNI") - r.out.count("VNI-") == 10 and "TCVN3" not in r.out
    notes = imported_in_english(capsys, tmp_path / "vni.docx")["notes"]
    kinds = [n["kind"] for n in notes]
    assert kinds.count("vni-font-para") == 3 and kinds.count("vni-text-para") == 1
    assert kinds.count("vni-font-cell") == 5 and kinds.count("vni-text-cell") == 1
    assert "Table 3, row 2, column 2: text typed in the VNI font VNI-Times converted to Unicode" in str(notes)


def test_a_unicode_run_in_a_vni_font_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = Document()
    for text in ("KẾ HOẠCH", "Chuyển đổi số năm 2026"):
        doc.add_paragraph().add_run(text).font.name = "VNI-Times"
    doc.save(str(tmp_path / "u.docx"))
    r = run(capsys, "import", str(tmp_path / "u.docx"), "--year", "2026")
    assert "Chuyển đổi số năm 2026" in r.out and "VNI" not in r.err


def test_vni_is_not_read_as_tcvn3() -> None:
    text = "Ñaåy maïnh chuyeån ñoåi soá, ñöôïc öùng duïng"
    assert tcvn3.looks_tcvn3(text)              # TCVN3's guess alone would take it: VNI is asked first
    assert vni.looks_vni(text) and vni.decode(text) == "Đẩy mạnh chuyển đổi số, được ứng dụng"
