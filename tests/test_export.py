"""kehoach export: the JSON records (a stable interface), CSV and the Excel workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from .conftest import PLANS, plan_text
from .helpers import run

RECORD_KEYS = {"plan", "kind", "table", "group", "number", "id", "text"}


def test_json_records(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "export", str(PLANS), "--format", "json")
    assert r.code == 0
    rows = r.json()
    assert isinstance(rows, list)
    for rec in rows:
        assert set(rec) >= RECORD_KEYS
        assert rec["kind"] in ("task", "indicator", "budget")
    by_plan: dict[str, int] = {}
    for rec in rows:
        by_plan[rec["plan"]] = by_plan.get(rec["plan"], 0) + 1
    # Every row of every table (tests/test_real_plans.py counts them per table).
    assert by_plan == {"vinh-hai": 39, "thai-tan": 35, "hai-an": 63, "an-lao": 39, "vinh-lai": 130}
    task = next(r for r in rows if r["plan"] == "hai-an" and r["id"] == "pl4.I.6")
    assert (task["table"], task["group"], task["number"], task["deadline"], task["due"]) == (
        "Phụ lục 4:", "I", "6", "Tháng 12/2025", "2025-12-31")
    assert task["lead"] == ["Phòng Văn hóa -Xã hội"]
    body = next(r for r in rows if r["plan"] == "vinh-hai" and r["table_id"] == "ct")
    assert body["table"] is None and body["kind"] == "indicator"
    ms = next(r for r in rows if r["plan"] == "vinh-lai" and r["id"] == "pl2.II.8")
    assert ms["milestones"]["2040"] == "80-90%"


def test_csv_opens_in_excel_as_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    assert run(capsys, "export", str(PLANS), "--format", "csv", "-o", str(out)).code == 0
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 306 and rows[0]["plan"] == "an-lao"
    several = next(r for r in rows if r["id"] == "pl.I.1" and r["plan"] == "vinh-hai")
    assert several["lead"] == "Phòng Văn hóa - Xã hội"


def test_xlsx_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "ke-hoach.xlsx"
    assert run(capsys, "export", str(PLANS), "--format", "xlsx", "-o", str(out)).code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Kinh phí"]
    tasks = wb["Nhiệm vụ"]
    assert tasks.freeze_panes == "A2" and tasks.auto_filter.ref.startswith("A1:")
    assert "Nội dung" in [c.value for c in tasks[1]]
    counts = {ws.title: ws.max_row - 1 for ws in wb.worksheets}
    assert counts == {"Nhiệm vụ": 143, "Chỉ tiêu": 158, "Kinh phí": 5}


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "export", str(PLANS), "--format", "xlsx").code == 2


def test_plan_text_is_never_a_formula(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    text, _ = plan_text('- {id: t1, text: "=HYPERLINK(\\"http://x\\")", lead: Công an xã, deadline: Quý II/2026}\n')
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "x.xlsx"
    assert run(capsys, "export", str(tmp_path / "p.yaml"), "--format", "xlsx", "-o", str(out)).code == 0
    ws = load_workbook(out)["Nhiệm vụ"]
    c = ws.cell(2, [h.value for h in ws[1]].index("Nội dung") + 1)
    assert c.value == '=HYPERLINK("http://x")' and c.data_type == "s"


def test_invalid_plan_exports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("kehoach: 1\nmeta: []\n", encoding="utf-8")
    out = tmp_path / "x.json"
    r = run(capsys, "export", str(tmp_path), "-o", str(out))
    assert r.code == 1 and "schema" in r.err and not out.exists()
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe\x00")
    assert run(capsys, "export", str(tmp_path), "-o", str(out)).code == 2


def test_written_file_gets_normal_permissions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import os

    out = tmp_path / "x.json"
    assert run(capsys, "export", str(PLANS), "-o", str(out)).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert not list(tmp_path.glob(".*.tmp"))
