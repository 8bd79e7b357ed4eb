"""Every workbook kehoach writes prints legibly (issue 15): A4 landscape, one page wide, the header
on every page, frozen and filterable, Times New Roman, rows as tall as their wrapped text, dates
as dates; the export's sheet speaks to a clerk (communes, "nhiệm vụ", "Phụ lục 3")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kehoach.writers import FONT, LINE_PT, _lines

from .conftest import PLANS
from .helpers import run

COMMANDS = {
    "export": ["export"],
    "status": ["status", "--as-of", "2026-03-01"],
    "rollup": ["rollup", "--as-of", "2026-06-30"],
}


def workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], *extra: str) -> Any:
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    r = run(capsys, command[0], str(PLANS), *command[1:], "--format", "xlsx", "-o", str(out), *extra)
    assert r.code in (0, 1), r.err          # status exits 1 when tasks are overdue
    return load_workbook(out)


def header(ws: Any) -> dict[str, int]:
    return {c.value: c.column for c in ws[1]}


@pytest.mark.parametrize("name", COMMANDS)
def test_every_sheet_prints_on_a4_landscape_one_page_wide(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          name: str) -> None:
    wb = workbook(capsys, tmp_path, COMMANDS[name])
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title                      # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0), ws.title
        assert ws.print_title_rows.replace("$", "") == "1:1", ws.title
        assert ws.freeze_panes == "A2", ws.title
        if ws.max_row > 1:
            assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", ws.title
        for row in ws.iter_rows(max_row=min(ws.max_row, 40)):
            for c in row:
                assert c.font.name == FONT, (ws.title, c.coordinate)
        assert all(c.font.bold for c in ws[1])


@pytest.mark.parametrize("name", COMMANDS)
def test_wrapped_rows_are_as_tall_as_their_text(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                name: str) -> None:
    wb = workbook(capsys, tmp_path, COMMANDS[name])
    ws = wb.worksheets[0]
    heights = [ws.row_dimensions[r].height for r in range(2, ws.max_row + 1)]
    assert all(h is not None and h >= LINE_PT for h in heights)
    assert max(heights) >= 3 * LINE_PT          # some row wraps over several lines
    assert ws.cell(2, 1).alignment.wrap_text and ws.cell(2, 1).alignment.vertical == "top"
    # Columns fit their content within a cap: none is left at the default, none is absurdly wide.
    widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
    assert all(5 <= w <= 120 for w in widths)


def test_export_sheet_speaks_to_a_clerk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    wb = workbook(capsys, tmp_path, COMMANDS["export"])
    assert wb.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Kinh phí"]
    tasks = wb["Nhiệm vụ"]
    col = header(tasks)
    rows = list(tasks.iter_rows(min_row=2, values_only=True))
    plans = {r[col["Kế hoạch"] - 1] for r in rows}
    assert {"Xã An Lão", "Phường Hải An", "Xã Vĩnh Lại"} <= plans and "an-lao" not in plans
    assert {r[col["Tệp"] - 1] for r in rows} >= {"an-lao", "hai-an"}          # the slug, for machines
    assert {r[col["Loại"] - 1] for r in rows} == {"nhiệm vụ"}
    appendices = {r[col["Phụ lục"] - 1] for r in rows} - {None}
    assert "Phụ lục 4" in appendices and not any(a.endswith(":") for a in appendices)
    assert {r[0].value for r in wb["Chỉ tiêu"].iter_rows(min_row=2, max_col=2)} and \
        {c.value for c in wb["Chỉ tiêu"]["B"][1:]} == {"chỉ tiêu"}
    assert {c.value for c in wb["Kinh phí"]["B"][1:]} == {"kinh phí"}
    # The deadline hai-an pl4.I.6 "Tháng 12/2025" is due on 31/12/2025: a date cell, shown dd/mm/yyyy.
    due = next(tasks.cell(r, col["Hạn (ngày)"]) for r in range(2, tasks.max_row + 1)
               if tasks.cell(r, col["Mã"]).value == "pl4.I.6" and tasks.cell(r, col["Tệp"]).value == "hai-an")
    assert isinstance(due.value, dt.datetime) and due.value.date() == dt.date(2025, 12, 31)
    assert due.number_format == "dd/mm/yyyy"
    # Codes come last and stay off the printed page.
    assert tasks.print_area is not None and tasks.cell(1, tasks.max_column).value == "Dòng"
    printed_last = tasks.print_area.split(":")[-1].rstrip("0123456789").lstrip("$")
    assert tasks[f"{printed_last}1"].value not in ("Mã", "Tệp", "Dòng", "Mã bảng")


def test_export_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    wb = workbook(capsys, tmp_path, COMMANDS["export"], "--lang", "en")
    assert wb.sheetnames == ["Tasks", "Indicators", "Budget"]
    ws = wb["Tasks"]
    col = header(ws)
    assert {c.value for c in ws[ws.cell(1, col["Kind"]).column_letter][1:]} == {"task"}
    assert "Xã An Lão" in {c.value for c in ws[ws.cell(1, col["Plan"]).column_letter][1:]}


def test_status_dates_are_dates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = workbook(capsys, tmp_path, COMMANDS["status"]).active
    col = header(ws)
    due = [ws.cell(r, col["Hạn"]) for r in range(2, ws.max_row + 1)]
    dated = [c for c in due if c.value is not None]
    assert dated and all(isinstance(c.value, dt.datetime) and c.number_format == "dd/mm/yyyy" for c in dated)
    assert {ws.cell(r, col["Quá hạn"]).value for r in range(2, ws.max_row + 1)} <= {"có", None}
    # The commune by its name; the file's name is kept among the codes, off the page.
    plans = {ws.cell(r, col["Kế hoạch"]).value for r in range(2, ws.max_row + 1)}
    assert "Xã An Lão" in plans and "an-lao" not in plans
    assert "an-lao" in {ws.cell(r, col["Tệp"]).value for r in range(2, ws.max_row + 1)}
    assert col["Tệp"] > col["Tiến độ %"]


def test_export_json_and_csv_keep_the_plan_words(capsys: pytest.CaptureFixture[str]) -> None:
    # The humanising is the workbook's: the machine formats are contracts (docs/interfaces.md).
    rows = run(capsys, "export", str(PLANS)).json()
    task = next(r for r in rows if r["plan"] == "hai-an" and r["id"] == "pl4.I.6")
    assert (task["kind"], task["table"], task["due"]) == ("task", "Phụ lục 4:", "2025-12-31")
    csv_out = run(capsys, "export", str(PLANS), "--format", "csv").out
    assert ",task," in csv_out and "Xã An Lão" not in csv_out


def test_lines_wrap_at_words() -> None:
    assert _lines("", 20) == _lines("ngắn", 20) == _lines(dt.date(2026, 1, 1), 10) == 1
    long = "Tổ chức tập huấn nâng cao nhận thức, kỹ năng chuyển đổi số cho cán bộ, công chức " * 3
    assert _lines(long, 20) > _lines(long, 60) > 1
    assert _lines("một\nhai\nba", 40) == 3
    assert _lines("X" * 100, 20) >= 5           # a word longer than the line breaks, as the sheet does
