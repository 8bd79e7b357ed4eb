"""`kehoach import --format json`: the contract of docs/interfaces.md ("kehoach import --format json")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from .helpers import run
from .test_import_docx import build

DOCUMENT_KEYS = ["source", "output", "commune", "exit_code", "error", "rows", "tables", "review", "notes",
                 "findings"]
TABLE_KEYS = ["id", "index", "rows", "groups", "continuations", "columns", "unmapped", "skipped"]


def test_one_document_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = build(tmp_path / "dong-hung.docx")
    out = tmp_path / "plans" / "dong-hung.yaml"
    r = run(capsys, "import", str(src), "-o", str(out), "--city", "Thái Bình", "--format", "json")
    data = r.json()                                   # standard output is exactly the JSON
    assert list(data) == ["version", "documents", "summary"] and data["version"] == 1
    (doc,) = data["documents"]
    assert list(doc) == DOCUMENT_KEYS
    assert (doc["source"], doc["output"], doc["commune"]) == (str(src), str(out), "Đông Hưng")
    assert doc["exit_code"] == r.code == 1 and doc["error"] is None
    (table,) = doc["tables"]
    assert list(table) == TABLE_KEYS
    assert (table["id"], table["index"], table["rows"], table["groups"], table["continuations"]) == (
        "pl1", 3, 4, 2, 1)
    assert table["columns"][2] == {"heading": "Cơ quan Chủ trì", "field": "lead", "sure": True}
    assert table["columns"][5] == {"heading": "Nguồn vốn", "field": None, "sure": False}
    assert table["unmapped"] == ["Nguồn vốn"]
    assert "row 7: empty" in table["skipped"]
    assert doc["rows"] == 4
    assert [m["kind"] for m in doc["review"]] == ["column"]
    assert "Nguồn vốn" in doc["review"][0]["message"]
    assert isinstance(doc["findings"], int) and "plan" not in doc
    assert data["summary"] == {"documents": 1, "ok": 0, "review": 1, "failed": 0, "exit_code": 1}
    assert out.is_file()


def test_one_document_not_written_carries_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = build(tmp_path / "a.docx", unmapped=False)
    r = run(capsys, "import", str(src), "--city", "Thái Bình", "--format", "json", "--lang", "en")
    assert r.code == 0
    (doc,) = r.json()["documents"]
    assert doc["output"] is None and doc["findings"] is None and doc["exit_code"] == 0
    plan = yaml.safe_load(doc["plan"])
    assert plan["meta"]["commune"] == "Đông Hưng"
    assert not list(tmp_path.glob("*.yaml"))


def test_notes_are_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .test_import_tcvn3 import build as build_vntime

    r = run(capsys, "import", str(build_vntime(tmp_path / "v.docx")), "--format", "json", "--lang", "en")
    notes = r.json()["documents"][0]["notes"]
    assert {n["kind"] for n in notes} == {"tcvn3-font-para", "tcvn3-text-para", "tcvn3-font-cell"}
    assert notes[0]["message"].startswith("Paragraph 1: text typed in the TCVN3 font .VnTimeH")


def test_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "van-ban"
    docs.mkdir()
    build(docs / "a.docx", unmapped=False)
    (docs / "b.docx").write_bytes(b"not a zip")
    into = tmp_path / "plans"
    into.mkdir()
    r = run(capsys, "import", str(docs), "--into", str(into), "--city", "Thái Bình", "--format", "json",
            "-j", "1")
    data = json.loads(r.out)
    assert r.code == 2 == data["summary"]["exit_code"]
    a, b = data["documents"]
    assert a["output"] == str(into / "dong-hung.yaml") and a["exit_code"] == 0 and a["tables"]
    assert b["exit_code"] == 2 and b["error"]["kind"] == "not-docx" and "b.docx" in b["error"]["message"]
    assert b["output"] is None and "plan" not in b and b["tables"] == []
    assert data["summary"] == {"documents": 2, "ok": 1, "review": 0, "failed": 1, "exit_code": 2}


def test_an_unknown_format_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "import", str(build(tmp_path / "a.docx")), "--format", "sarif")
    assert r.code == 2 and "sarif" in r.err
