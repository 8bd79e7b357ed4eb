"""kehoach report of a folder (the city's consolidated report) and the parts of the report of one
plan built after the first increment: results by group, indicators on track and how each figure
was aggregated, the appendix of every task, --notes, html, --issuer."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLANS, plan_text
from .helpers import run

FOUR = ("done_on_time", "done_late", "open_in_time", "open_overdue")
FIVE = (*FOUR, "no_deadline")


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    r = run(capsys, "report", *args, "--format", "json", "--no-cache")
    assert r.code == 0, r.err
    data: dict[str, Any] = r.json()
    return data


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [" | ".join(c.text for c in row.cells) for table in doc.tables for row in table.rows]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _commune(folder: Path, name: str, rows: str, *, kind: str = "tasks", items_key: str = "rows",
             city: str = "Hải Phòng") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name.lower().replace(' ', '-')}.yaml"
    text = plan_text(rows, kind=kind, items_key=items_key)[0]
    path.write_text(text.replace("Thử Nghiệm", name).replace("city: Hải Phòng", f"city: {city}"), encoding="utf-8")
    return path


# --- the grid of the city equals status, plan by plan ---------------------------------------------

@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("city") / "plans"
    shutil.copytree(PLANS, dest)
    return dest


@pytest.mark.parametrize("period", ["2026-Q1", "2026-H1"])
def test_city_grid_is_the_sum_of_status_per_plan(capsys: pytest.CaptureFixture[str], city: Path,
                                                  period: str) -> None:
    data = _json(capsys, str(city), "--period", period, "--as-of", "2026-12-31")
    cut_off = data["period"]["end"]
    every_sum: Counter[str] = Counter()
    due_sum: Counter[str] = Counter()
    assert len(data["plans"]) == 5
    for p in data["plans"]:
        r = run(capsys, "status", p["path"], "--as-of", cut_off, "--format", "json", "--no-cache")
        assert r.code == 0, r.err
        records = r.json()
        every = Counter(x["timeliness"] for x in records)
        due = Counter(x["timeliness"] for x in records if x["timeliness"] != "no_deadline" and x["due"] <= cut_off)
        assert {k: p["grid"]["every"][k] for k in FIVE} == {k: every[k] for k in FIVE}, p["path"]
        assert {k: p["grid"]["due"][k] for k in FOUR} == {k: due[k] for k in FOUR}, p["path"]
        every_sum += every
        due_sum += due
    totals = data["totals"]
    assert {k: totals["every"][k] for k in FIVE} == {k: every_sum[k] for k in FIVE}
    assert {k: totals["due"][k] for k in FOUR} == {k: due_sum[k] for k in FOUR}
    assert totals["every"]["total"] == sum(every_sum.values()) > 100


def test_city_indicators_are_the_rollup_at_the_cut_off(capsys: pytest.CaptureFixture[str], city: Path) -> None:
    data = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-12-31")
    r = run(capsys, "rollup", str(city), "--as-of", "2026-03-14", "--format", "json", "--no-cache")
    assert r.code == 0, r.err
    rolled = r.json()
    assert [i["code"] for i in data["indicators"]] == [i["code"] for i in rolled["indicators"]]
    for mine, theirs in zip(data["indicators"], rolled["indicators"], strict=True):
        assert mine == theirs


def test_the_city_docx(capsys: pytest.CaptureFixture[str], city: Path, tmp_path: Path) -> None:
    out = tmp_path / "tp.docx"
    r = run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache")
    assert r.code == 0, r.err
    text = _docx_text(out)
    assert "ỦY BAN NHÂN DÂN" in text and "THÀNH PHỐ HẢI PHÒNG" in text and "/BC-UBND" in text
    assert "của các xã, phường quý I năm 2026" in text
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "Chỉ tiêu của các xã, phường", "Xã, phường chưa báo cáo trong kỳ",
                    "II. NHIỆM VỤ CHẬM", "III. NHIỆM VỤ ĐẾN HẠN KỲ TỚI", "IV. ĐỀ XUẤT"):
        assert heading in text
    for commune in ("Phường Hải An", "Xã An Lão", "Xã Thái Tân", "Xã Vĩnh Hải", "Xã Vĩnh Lại", "Tổng cộng"):
        assert commune in text
    assert "Nơi nhận" in text and text.count("……………………;") == 3 and "Lưu: VT." in text
    assert "{{" not in text and "{%" not in text


def test_the_city_docx_sums_up_late_tasks_by_commune_and_lists_them_in_an_appendix(
        capsys: pytest.CaptureFixture[str], city: Path, tmp_path: Path) -> None:
    """Sections II and III of the city's report: a row per commune (how many tasks, which lead
    units with how many), the full lists in Phụ lục I and II on landscape pages with the header
    row repeated; the commune's own report keeps its list by lead unit and its one appendix."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    data = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-04-10")
    out = tmp_path / "tp.docx"
    r = run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache")
    assert r.code == 0, r.err
    doc = Document(str(out))
    tables = {t.rows[0].cells[-1].text: t for t in doc.tables}
    summary = tables["Đơn vị chủ trì có nhiệm vụ chậm, quá hạn (số nhiệm vụ)"]
    late = {p["commune"]: p["late"] for p in data["plans"] if p["late"]}
    rows = [[c.text for c in row.cells] for row in summary.rows[1:]]
    assert [row[0] for row in rows] == [*late, "Tổng cộng"]
    for commune, n, units in rows[:-1]:
        assert int(n) == len(late[commune])
        counts = Counter(x["unit"] or "—" for x in late[commune])
        assert units == "; ".join(f"{u} ({k})" for u, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    assert rows[-1][1] == str(sum(len(v) for v in late.values()))
    listing = tables["Ghi chú tiến độ gần nhất"]
    assert len(listing.rows) - 1 == sum(len(v) for v in late.values())
    assert listing.rows[0]._tr.trPr is not None and "tblHeader" in listing.rows[0]._tr.trPr.xml
    assert "Đơn vị chủ trì (số nhiệm vụ)" in tables       # III summed up too
    text = _docx_text(out)
    assert "Phụ lục I" in text and "Phụ lục II" in text
    assert "DANH SÁCH NHIỆM VỤ CHẬM, QUÁ HẠN CỦA CÁC XÃ, PHƯỜNG" in text
    assert doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT

    one = tmp_path / "bc.docx"
    r = run(capsys, "report", str(city / "hai-phong" / "vinh-lai.yaml"), "--period", "2026-Q1", "--as-of",
            "2026-04-10", "-o", str(one), "--no-cache")
    assert r.code == 0, r.err
    text = _docx_text(one)
    assert "Phụ lục I" not in text and "DANH SÁCH NHIỆM VỤ CHẬM" not in text
    assert "Phòng Văn hóa - Xã hội:" in text or "Phòng Văn hóa – Xã hội:" in text


def test_a_city_report_before_the_cut_off_is_provisional(capsys: pytest.CaptureFixture[str], city: Path,
                                                          tmp_path: Path) -> None:
    data = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-03-01")
    assert data["provisional"] is True and data["judged_on"] == "2026-03-01"
    out = tmp_path / "tp.docx"
    assert run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-03-01", "-o", str(out),
               "--no-cache").code == 0
    assert "SỐ LIỆU TẠM TÍNH" in _docx_text(out)
    html = tmp_path / "tp.html"
    assert run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-03-01", "-o", str(html),
               "--no-cache").code == 0
    assert "SỐ LIỆU TẠM TÍNH" in html.read_text(encoding="utf-8")
    final = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-03-14")
    assert final["provisional"] is False


# --- communes that did not report ----------------------------------------------------------------

REPORTED = """\
- id: t1
  text: Việc có cập nhật trong kỳ
  lead: Công an xã
  deadline: Tháng 6/2026
  progress:
    - {date: "2026-02-20", state: đang thực hiện, note: Đang làm}
"""
BEFORE = """\
- id: t1
  text: Việc chỉ cập nhật trước kỳ
  lead: Công an xã
  deadline: Tháng 6/2026
  progress:
    - {date: "2025-12-10", state: đang thực hiện}
    - {date: "2026-03-20", state: đang thực hiện}
"""
VALUE = """\
- id: c1
  number: "1"
  text: Tỷ lệ hồ sơ trực tuyến
  unit: "%"
  baseline: "50%"
  target: "≥ 60%"
  actuals:
    - {date: "2026-01-31", value: "65%"}
"""


@pytest.fixture
def three(tmp_path: Path) -> Path:
    folder = tmp_path / "tp"
    _commune(folder, "Có Báo", REPORTED)
    _commune(folder, "Im Lặng", BEFORE)
    _commune(folder, "Có Số", VALUE, kind="indicators")
    return folder


def test_communes_without_progress_or_value_in_the_period(capsys: pytest.CaptureFixture[str], three: Path,
                                                          tmp_path: Path) -> None:
    data = _json(capsys, str(three), "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert [p["commune"] for p in data["not_reporting"]] == ["Xã Im Lặng"]
    assert {p["commune"]: p["reported"] for p in data["plans"]} == {"Xã Có Báo": True, "Xã Có Số": True,
                                                                   "Xã Im Lặng": False}
    md = run(capsys, "report", str(three), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "### 3. Xã, phường chưa báo cáo trong kỳ" in md
    assert "1/3 xã, phường không có cập nhật" in md and "- Xã Im Lặng\n" in md
    # no catalog in the folder's tree: said, not hidden
    assert "Không có danh mục chỉ tiêu" in md
    # the next month: the update of 20/03 counts, the value of 31/01 does not
    april = _json(capsys, str(three), "--period", "2026-04", "--as-of", "2026-05-10")
    assert [p["commune"] for p in april["not_reporting"]] == ["Xã Có Báo", "Xã Có Số"]
    out = tmp_path / "tp.xlsx"
    assert run(capsys, "report", str(three), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
               "--no-cache").code == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert [c.value for c in wb["Chưa báo cáo"]["A"]] == ["Xã, phường", "Xã Im Lặng"]


def test_the_city_issuer(capsys: pytest.CaptureFixture[str], three: Path, tmp_path: Path) -> None:
    _commune(three, "Nơi Khác", REPORTED, city="Hà Nội")
    out = tmp_path / "tp.docx"
    r = run(capsys, "report", str(three), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache")
    assert r.code == 2 and "--issuer" in r.err and "Hà Nội" in r.err and not out.exists()
    r = run(capsys, "report", str(three), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache", "--issuer", "ỦY BAN NHÂN DÂN", "--issuer", "THÀNH PHỐ THỬ")
    assert r.code == 0, r.err
    assert "THÀNH PHỐ THỬ" in _docx_text(out)
    data = _json(capsys, str(three), "--period", "2026-Q1", "--as-of", "2026-04-10", "--issuer", "SỞ KHCN")
    assert data["issuer"] == ["SỞ KHCN"]


# --- one plan: groups, indicators on track, every task, notes, html -------------------------------

GROUPS = """\
- number: I
  title: Nhóm một
  rows:
    - id: a1
      text: Xong đúng hạn
      lead: Công an xã
      deadline: Tháng 1/2026
      progress:
        - {date: "2026-01-25", state: hoàn thành, done_on: "2026-01-20"}
    - id: a2
      text: Quá hạn <script>alert(1)</script> & "Ngoặc"
      lead: Công an xã
      deadline: Tháng 2/2026
- number: II
  title: Nhóm hai
  rows:
    - id: b1
      text: Thường xuyên
      lead: Công an xã
      deadline: Thường xuyên
"""


def test_results_by_group_and_every_task(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _commune(tmp_path / "x", "Nhóm", GROUPS, items_key="groups")
    data = _json(capsys, str(path), "--period", "2026-Q1", "--as-of", "2026-04-10")
    p = data["plans"][0]
    assert [(g["number"], g["title"], g["total"], g["done"], g["overdue"]) for g in p["groups"]] == [
        ("I", "Nhóm một", 2, 1, 1), ("II", "Nhóm hai", 1, 0, 0)]
    assert [(x["id"], x["timeliness"]) for x in p["tasks"]] == [
        ("a1", "done_on_time"), ("a2", "open_overdue"), ("b1", "no_deadline")]
    md = run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "| Phụ lục I Nhóm một | 2 | 1 | 1 |" in md
    assert "## Phụ lục: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ" in md
    assert "| a2 | Quá hạn \\<script\\>alert(1)\\</script\\> \\& \"Ngoặc\" | Công an xã | Tháng 2/2026 | " \
           "Chưa thực hiện (quá hạn) |" in md
    out = tmp_path / "bc.docx"
    assert run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
               "--no-cache").code == 0
    text = _docx_text(out)
    assert "3. Kết quả theo nhóm nhiệm vụ" in text and "Phụ lục I Nhóm một | 2 | 1 | 1" in text
    assert "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ" in text
    assert "b1 | Thường xuyên | Công an xã | Thường xuyên | Không có hạn" in text


def test_html_escapes_plan_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _commune(tmp_path / "x", "Nhóm", GROUPS, items_key="groups")
    for target, args in ((path, ()), (path.parent, ("--issuer", "UBND <b>TP</b>"))):
        _commune(path.parent, "Khác", REPORTED)
        out = tmp_path / "bc.html"
        r = run(capsys, "report", str(target), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
                "--no-cache", *args)
        assert r.code == 0, r.err
        page = out.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
        assert "BÁO CÁO" in page and "KẾT QUẢ THỰC HIỆN" in page
    assert "UBND &lt;b&gt;TP&lt;/b&gt;" in page


INDICATORS = """\
- id: c1
  number: "1"
  text: Đạt rồi
  unit: "%"
  target: "≥ 60%"
  actuals:
    - {date: "2026-02-01", value: "65%"}
- id: c2
  number: "2"
  text: Chưa đạt
  unit: "%"
  target: "≥ 60%"
  actuals:
    - {date: "2026-02-01", value: "40%"}
- id: c3
  number: "3"
  text: Chưa có số
  unit: "%"
  target: "≥ 60%"
- id: c4
  number: "4"
  text: Số lượng sáng kiến được công nhận trong năm
  unit: sáng kiến
  target: "tối thiểu 5 sáng kiến"
  catalog: dmst.sang-kien
  actuals:
    - {date: "2026-01-20", value: "2"}
    - {date: "2026-02-20", value: "4"}
    - {date: "2026-04-20", value: "9"}
- id: c5
  number: "5"
  text: Định tính
  unit: ""
  target: Đạt
  actuals:
    - {date: "2026-02-01", value: Đạt}
- id: c6
  number: "6"
  text: Mốc năm kế hoạch
  unit: "%"
  milestones: {"2026": "≥ 70%", "2030": "100%"}
  actuals:
    - {date: "2026-03-01", value: "72%"}
- id: c7
  number: "7"
  text: Chỉ có mốc xa
  unit: "%"
  milestones: {"2030": "≥ 80"}
  actuals:
    - {date: "2026-03-01", value: "72%"}
"""


def test_indicators_on_track_and_how_each_figure_is_made(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "plans" / "tp"
    folder.mkdir(parents=True)
    shutil.copy(PLANS / "catalog.yaml", tmp_path / "plans" / "catalog.yaml")
    path = _commune(folder, "Chỉ Tiêu", INDICATORS, kind="indicators")
    data = _json(capsys, str(path), "--period", "2026-Q1", "--as-of", "2026-04-10")
    got = {i["id"]: (i["actual"], i["method"], i["on_track"]) for i in data["plans"][0]["indicators"]}
    assert got == {
        "c1": ("65%", "point-latest", True),
        "c2": ("40%", "point-latest", False),
        "c3": (None, "point-latest", None),
        # a catalog code that accumulates: the rollup's sum up to the cut-off (the value of 20/04 is later)
        "c4": ("2 + 4", "cumulative-sum", True),
        "c5": ("Đạt", "point-latest", True),
        # no target: the plan year's milestone is the target; without one, the milestones as written
        "c6": ("72%", "point-latest", True),
        "c7": ("72%", "point-latest", None),
    }
    targets = {i["id"]: i["target"] for i in data["plans"][0]["indicators"]}
    assert (targets["c6"], targets["c7"]) == ("≥ 70%", "2030: ≥ 80")
    md = run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "| c3 | Chưa có số | % |  | ≥ 60% | chưa có số liệu | giá trị mới nhất | chưa có số liệu |" in md
    assert "| c4 | Số lượng sáng kiến được công nhận trong năm | sáng kiến |  | tối thiểu 5 sáng kiến | " \
           "2 + 4 (20/02/2026) | cộng dồn | đạt |" in md
    assert 'Cách tính "cộng dồn": Cộng dồn: cộng các giá trị' in md
    en = run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache",
             "--lang", "en").out
    assert "| c2 | Chưa đạt | % |  | ≥ 60% | 40% (2026-02-01) | latest value | not on track |" in en


def test_notes_fill_section_iv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _commune(tmp_path / "x", "Ghi Chú", REPORTED)
    notes = tmp_path / "de-xuat.md"
    notes.write_text("\ufeff1. Đề nghị cấp kinh phí <b>sớm</b>.\r\n\r\n2. Đề nghị tập huấn & hướng dẫn.\r\n",
                     encoding="utf-8")
    base = (str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache", "--notes", str(notes))
    data = _json(capsys, *base[:-1], str(notes))
    assert data["notes"] == "1. Đề nghị cấp kinh phí <b>sớm</b>.\n\n2. Đề nghị tập huấn & hướng dẫn."
    md = run(capsys, "report", *base).out
    assert md.split("## IV. ĐỀ XUẤT, KIẾN NGHỊ\n\n")[1].startswith("1. Đề nghị cấp kinh phí <b>sớm</b>.\n\n2. ")
    assert "(Nội dung đề xuất, kiến nghị.)" not in md
    out = tmp_path / "bc.docx"
    assert run(capsys, "report", *base, "-o", str(out)).code == 0
    text = _docx_text(out)
    assert "1. Đề nghị cấp kinh phí <b>sớm</b>." in text and "2. Đề nghị tập huấn & hướng dẫn." in text
    html = tmp_path / "bc.html"
    assert run(capsys, "report", *base, "-o", str(html)).code == 0
    assert "kinh phí &lt;b&gt;sớm&lt;/b&gt;" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_missing_or_unreadable_notes_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      lang: str) -> None:
    path = _commune(tmp_path / "x", "Ghi Chú", REPORTED)
    missing = tmp_path / "khong-co.md"
    r = run(capsys, "report", str(path), "--period", "2026-Q1", "--notes", str(missing), "--lang", lang)
    assert r.code == 2 and str(missing) in r.err and r.out == ""
    assert ("Không tìm thấy" if lang == "vi" else "not found") in r.err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Đề nghị\n".encode("utf-16-le"))
    r = run(capsys, "report", str(path), "--period", "2026-Q1", "--notes", str(latin), "--lang", lang)
    assert r.code == 2 and "UTF-8" in r.err


# --- the signature block (Nghị định 30/2020) and --signer ------------------------------------------

def _signature(doc_path: Path) -> list[str]:
    """The lines of the signature cell: the right cell of the table that holds "TM. ỦY BAN NHÂN DÂN"."""
    from docx import Document

    for table in Document(str(doc_path)).tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.text.startswith("TM. ỦY BAN NHÂN DÂN"):
                    return [p.text for p in cell.paragraphs if p.text.strip()]
    raise AssertionError("no signature block")


def test_the_city_signature_block_and_signer(capsys: pytest.CaptureFixture[str], city: Path, tmp_path: Path) -> None:
    out = tmp_path / "tp.docx"
    r = run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache")
    assert r.code == 0, r.err
    assert _signature(out) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]    # the name left blank
    data = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert data["signature"] == {"titles": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "name": ""}

    r = run(capsys, "report", str(city), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out),
            "--no-cache", "--signer", "Nguyễn Văn A")
    assert r.code == 0, r.err
    assert _signature(out) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    data = _json(capsys, str(city), "--period", "2026-Q1", "--as-of", "2026-04-10", "--signer", "Nguyễn Văn A")
    assert data["signature"]["name"] == "Nguyễn Văn A"


def test_signer_replaces_the_plans_signer_in_one_plans_report(capsys: pytest.CaptureFixture[str], city: Path,
                                                               tmp_path: Path) -> None:
    plan = str(city / "hai-phong" / "vinh-lai.yaml")
    own = _json(capsys, plan, "--period", "2026-Q1", "--as-of", "2026-04-10")["signature"]
    assert own["titles"] and own["titles"][0].startswith("TM.")
    data = _json(capsys, plan, "--period", "2026-Q1", "--as-of", "2026-04-10", "--signer", "Trần Thị B")
    assert data["signature"] == {"titles": own["titles"], "name": "Trần Thị B"}
    out = tmp_path / "bc.docx"
    r = run(capsys, "report", plan, "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out), "--no-cache",
            "--signer", "Trần Thị B")
    assert r.code == 0, r.err
    assert _signature(out)[-1] == "Trần Thị B"
