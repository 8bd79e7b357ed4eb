"""kehoach report: the grid judged by the status engine at the cut-off, the JSON contract, the
Markdown report, exit codes."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLANS, plan_text
from .helpers import run

FOUR = ("done_on_time", "done_late", "open_in_time", "open_overdue")
TASKS = """\
- id: t1
  text: Xong đúng hạn
  lead: Công an xã
  deadline: Tháng 1/2026
  progress:
    - {date: "2026-01-25", state: hoàn thành, done_on: "2026-01-20"}
- id: t2
  text: Xong muộn
  lead: Công an xã
  deadline: Tháng 2/2026
  progress:
    - {date: "2026-03-05", state: hoàn thành, done_on: "2026-03-05"}
- id: t3
  text: Quá hạn vì chờ kinh phí
  lead: [Công an xã, Văn phòng HĐND và UBND xã]
  deadline: Tháng 2/2026
  progress:
    - {date: "2026-02-20", state: đang thực hiện, note: Chờ cấp kinh phí}
    - {date: "2026-03-20", state: hoàn thành, done_on: "2026-03-20", note: Đã xong sau kỳ}
- id: t4
  text: Đến hạn đúng ngày chốt
  lead: Văn phòng HĐND và UBND xã
  deadline: trước ngày 14/3/2026
- id: t5
  text: Đến hạn kỳ tới
  lead: Văn phòng HĐND và UBND xã
  deadline: Tháng 4/2026
- id: t6
  text: Thường xuyên
  lead: Công an xã
  deadline: Thường xuyên
- id: t7
  text: Xong trước hạn
  lead: Công an xã
  deadline: Quý II/2026
  progress:
    - {date: "2026-03-01", state: hoàn thành, done_on: "2026-03-01"}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "thu" / "thu-nghiem.yaml"
    path.parent.mkdir()
    path.write_text(plan_text(TASKS)[0], encoding="utf-8")
    return path


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    r = run(capsys, "report", *args, "--format", "json", "--no-cache")
    assert r.code == 0, r.err
    data: dict[str, Any] = r.json()
    return data


def _status_counts(capsys: pytest.CaptureFixture[str], path: str, cut_off: str) -> tuple[Counter[str], Counter[str]]:
    """Every task by timeliness, and the tasks due by the cut-off, from ``status --format json``."""
    r = run(capsys, "status", path, "--as-of", cut_off, "--format", "json", "--no-cache")
    assert r.code == 0, r.err
    records = r.json()
    every = Counter(x["timeliness"] for x in records)
    # a recurring task is due at the occurrence its verdict is about
    due = Counter(x["timeliness"] for x in records
                  if x["timeliness"] != "no_deadline" and (x["occurrence"] or x["due"]) <= cut_off)
    return every, due


def test_the_grid_of_a_crafted_plan(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    data = _report(capsys, str(plan), "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert data["judged_on"] == "2026-03-14" and data["provisional"] is False
    (p,) = data["plans"]
    g = p["grid"]
    assert g["due"] == {"done_on_time": 1, "done_late": 1, "open_in_time": 1, "open_overdue": 1, "total": 4}
    assert g["on_time_share"] == 0.25
    assert (g["not_yet_due"], g["no_deadline"]) == (2, 1)
    # t7, done before its date, counts as done on time among every task but is not due yet
    assert g["every"] == {"done_on_time": 2, "done_late": 1, "open_in_time": 2, "open_overdue": 1,
                          "no_deadline": 1, "total": 7}
    # late: t3 under each of its lead units, with the last note known at the cut-off (not the later one)
    assert [(x["id"], x["unit"], x["note"], x["note_date"]) for x in p["late"]] == [
        ("t3", "Công an xã", "Chờ cấp kinh phí", "2026-02-20"),
        ("t3", "Văn phòng HĐND và UBND xã", "Chờ cấp kinh phí", "2026-02-20")]
    assert [x["id"] for x in p["next_due"]] == ["t5"]
    assert p["reported"] is True
    assert data["totals"] == g


def test_a_recurring_task_is_late_for_the_occurrence_it_missed(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    path = tmp_path / "thu" / "thu-nghiem.yaml"
    path.parent.mkdir()
    path.write_text(plan_text("""\
- id: q
  text: Báo cáo hằng quý
  lead: Công an xã
  deadline: Hằng quý
- id: m
  text: Báo cáo quý, có tiến độ trong quý I
  lead: Công an xã
  deadline: Hằng quý
  progress:
    - {date: "2026-03-10", state: đang thực hiện, note: Đã gửi báo cáo quý I}
""")[0], encoding="utf-8")
    data = _report(capsys, str(path), "--period", "2026-Q2", "--as-of", "2026-07-01")
    (p,) = data["plans"]
    # cut-off 14/6: q missed 31/3 (late, due then); m met it and is next due 30/6 (not yet due)
    assert p["grid"]["due"]["open_overdue"] == 1 and p["grid"]["not_yet_due"] == 1
    assert [(x["id"], x["due"]) for x in p["late"]] == [("q", "2026-03-31")]
    assert sorted((x["id"], x["due"]) for x in p["next_due"]) == [("m", "2026-06-30"), ("q", "2026-06-30")]
    every, due = _status_counts(capsys, str(path), data["judged_on"])
    assert every["open_overdue"] == 1 and due["open_overdue"] == 1


@pytest.mark.parametrize("period", ["2026-01", "2026-03", "2026-Q1", "2026-H1", "2026"])
def test_the_grid_equals_status_at_the_cut_off(capsys: pytest.CaptureFixture[str], plan: Path, period: str) -> None:
    data = _report(capsys, str(plan), "--period", period, "--as-of", "2027-01-01")
    cut_off = data["period"]["end"]
    every, due = _status_counts(capsys, str(plan), cut_off)
    g = data["plans"][0]["grid"]
    assert {k: v for k, v in g["every"].items() if k != "total"} == {k: every[k] for k in (*FOUR, "no_deadline")}
    assert {k: v for k, v in g["due"].items() if k != "total"} == {k: due[k] for k in FOUR}


@pytest.mark.parametrize("name", sorted(p.name for p in (PLANS / "hai-phong").glob("*.yaml") if p.name != "units.yaml"))
def test_the_grid_equals_status_on_the_bundled_plans(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = str(PLANS / "hai-phong" / name)
    data = _report(capsys, path, "--period", "2026-H1", "--as-of", "2026-07-01")
    every, due = _status_counts(capsys, path, "2026-06-14")
    g = data["plans"][0]["grid"]
    assert g["every"]["total"] == sum(every.values()) > 0
    assert {k: g["every"][k] for k in every} == dict(every)
    assert {k: g["due"][k] for k in FOUR} == {k: due[k] for k in FOUR}


def test_before_the_cut_off_the_report_is_provisional(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    data = _report(capsys, str(plan), "--period", "2026-Q1", "--as-of", "2026-03-10")
    assert data["provisional"] is True and data["judged_on"] == "2026-03-10"
    g = data["plans"][0]["grid"]
    assert g["due"]["open_in_time"] == 0 and g["not_yet_due"] == 3      # t4 is not due on 10/03
    md = run(capsys, "report", str(plan), "--period", "2026-Q1", "--as-of", "2026-03-10", "--no-cache").out
    assert "TẠM TÍNH" in md


def test_the_json_contract(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    data = _report(capsys, str(plan), "--period", "2026-Q1", "--as-of", "2026-04-10")
    # keys are added at the end, never renamed or moved (docs/interfaces.md)
    assert list(data) == ["period", "next_period", "as_of", "judged_on", "provisional", "plans", "totals",
                          "indicators", "not_reporting", "issuer", "notes", "signature"]
    assert data["period"] == {"code": "2026-Q1", "kind": "quarter", "start": "2025-12-15", "end": "2026-03-14",
                              "label": "quý I năm 2026", "rule": "nd09"}
    p = data["plans"][0]
    assert list(p) == ["plan", "path", "commune", "city", "year", "reported", "grid", "late", "next_due",
                       "indicators", "groups", "tasks"]
    assert list(p["grid"]) == ["due", "on_time_share", "not_yet_due", "no_deadline", "every"]
    assert list(p["grid"]["due"]) == [*FOUR, "total"]
    assert set(p["late"][0]) == {"plan", "id", "text", "unit", "deadline", "due", "state", "timeliness",
                                 "last_update", "note", "note_date"}


def test_indicators_take_the_latest_value_up_to_the_cut_off(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    rows = """\
- id: c1
  number: "1"
  text: Tỷ lệ hồ sơ trực tuyến
  unit: "%"
  baseline: "50%"
  target: "≥ 60%"
  actuals:
    - {date: "2026-01-31", value: "52%"}
    - {date: "2026-03-01", value: "55%"}
    - {date: "2026-04-01", value: "62%"}
"""
    path = tmp_path / "c.yaml"
    path.write_text(plan_text(rows, kind="indicators")[0], encoding="utf-8")
    data = _report(capsys, str(path), "--period", "2026-Q1", "--as-of", "2026-05-01")
    assert data["plans"][0]["indicators"] == [{"id": "c1", "text": "Tỷ lệ hồ sơ trực tuyến", "unit": "%",
                                               "baseline": "50%", "target": "≥ 60%", "actual": "55%",
                                               "actual_date": "2026-03-01", "code": None, "method": "point-latest",
                                               "on_track": False}]
    md = run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-05-01", "--no-cache").out
    assert "| c1 | Tỷ lệ hồ sơ trực tuyến | % | 50% | ≥ 60% | 55% (01/03/2026) | giá trị mới nhất | chưa đạt |" in md


def test_the_markdown_report(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    r = run(capsys, "report", str(plan), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache")
    assert r.code == 0, r.err
    out = r.out
    assert out.startswith("# BÁO CÁO\n")
    assert "Kết quả thực hiện Kế hoạch" in out and "quý I năm 2026" in out
    assert "từ ngày 15/12/2025 đến ngày 14/03/2026" in out
    for heading in ("## I. KẾT QUẢ THỰC HIỆN", "## II. ", "## III. ", "## IV. "):
        assert heading in out
    # the grid row, the share written the Vietnamese way
    assert "| Xã Thử Nghiệm | 4 | 1 | 1 | 1 | 1 | 2 | 1 | 25 % | 7 |" in out
    assert "Chờ cấp kinh phí (20/02/2026)" in out
    assert "Đã xong sau kỳ" not in out
    assert "TẠM TÍNH" not in out


def test_a_share_with_a_decimal_comma(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    done_on = ("2026-01-20", "2026-01-20", "2026-02-05")   # two of three on time: 66,7 %
    done = "\n".join(f"""\
- id: d{i}
  text: Việc {i}
  lead: Công an xã
  deadline: Tháng 1/2026
  progress:
    - {{date: "2026-02-06", state: hoàn thành, done_on: "{when}"}}""" for i, when in enumerate(done_on))
    path = tmp_path / "d.yaml"
    path.write_text(plan_text(done + "\n")[0], encoding="utf-8")
    out = run(capsys, "report", str(path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "66,7 %" in out


def test_a_folder_has_one_row_per_commune_and_totals(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dest = tmp_path / "plans"
    shutil.copytree(PLANS, dest)
    data = _report(capsys, str(dest), "--period", "2026-Q1", "--as-of", "2026-04-10")
    communes = [p["commune"] for p in data["plans"]]
    assert len(communes) == 5 and "Xã An Lão" in communes
    for key in FOUR:
        assert data["totals"]["due"][key] == sum(p["grid"]["due"][key] for p in data["plans"])
    md = run(capsys, "report", str(dest), "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "| Tổng cộng |" in md


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "Q1", ""])
def test_a_bad_period_is_a_usage_error(capsys: pytest.CaptureFixture[str], plan: Path, period: str) -> None:
    r = run(capsys, "report", str(plan), "--period", period)
    assert r.code == 2
    assert "Kỳ báo cáo" in r.err and "2026-Q1" in r.err and r.out == ""
    r = run(capsys, "report", str(plan), "--period", period, "--lang", "en")
    assert r.code == 2 and "Reporting period" in r.err


def test_a_missing_plan_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "report", str(tmp_path / "khong-co.yaml"), "--period", "2026-Q1").code == 2


def test_the_workbook_prints_on_a4_landscape(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "bc.xlsx"
    r = run(capsys, "report", str(plan), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out), "--no-cache")
    assert r.code == 0, r.err
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Quá hạn", "Đến hạn kỳ tới", "Chỉ tiêu", "Theo nhóm", "Mọi nhiệm vụ"]
    for ws in wb:
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"   # A4
    grid = wb["Tổng hợp"]
    assert [c.value for c in grid[2]] == ["Xã Thử Nghiệm", 4, 1, 1, 1, 1, 2, 1, "25 %", 7, "có"]
    assert [c.value for c in wb["Quá hạn"]["C"]][1:] == ["t3", "t3"]
    # a workbook needs a file
    assert run(capsys, "report", str(plan), "--period", "2026-Q1", "--format", "xlsx").code == 2


def test_the_signed_report_as_docx(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "bc.docx"
    r = run(capsys, "report", str(plan), "--period", "2026-Q1", "--as-of", "2026-04-10", "-o", str(out), "--no-cache")
    assert r.code == 0, r.err
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    everything = text + "\n" + "\n".join(" | ".join(row) for row in cells)
    assert "/BC-UBND" in everything and "Số:" in everything
    assert "BÁO CÁO" in text and "Kết quả thực hiện Kế hoạch" in text and "quý I năm 2026" in text
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ CHẬM", "III. NHIỆM VỤ ĐẾN HẠN KỲ TỚI", "IV. ĐỀ XUẤT"):
        assert heading in text
    assert ["4", "1", "1", "1", "1", "2", "1", "25\u00a0%"] in cells       # the grid, 25 % kept on one line
    assert "Chờ cấp kinh phí (20/02/2026)" in text
    assert "Nguyễn Văn A" in everything and "Nơi nhận" in everything
    assert "{{" not in everything and "{%" not in everything
