"""Continuation rows (merged cells): the model, the schema, and what every command shows."""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.linter import load_plan
from kehoach.model import Task

from .conftest import plan_text
from .helpers import run

ROOT = Path(__file__).resolve().parent.parent
VINH_LAI = ROOT / "plans" / "hai-phong" / "vinh-lai.yaml"
HAI_AN = ROOT / "plans" / "hai-phong" / "hai-an.yaml"

ROWS = """\
- id: t1
  number: "1-3."
  text: Nhiệm vụ CĐS được xác định cụ thể trong kế hoạch công tác hằng năm
  lead: Trung tâm VHTTTT
  deadline: Quý II/2026
- id: t2
  continues: t1
  merged: [number, text]
  lead: Công an xã
  deadline: Quý III/2026
"""


def _plan(tmp_path: Path, rows: str) -> Path:
    folder = tmp_path / "thu-nghiem"
    folder.mkdir(parents=True)
    path = folder / "plan.yaml"
    path.write_text(plan_text(rows)[0], encoding="utf-8")
    return path


def _rows(path: Path) -> dict[str, Task]:
    loaded = load_plan(path, path.name)
    assert loaded.plan is not None, loaded.findings
    return {r.id: r for r in loaded.plan.rows if isinstance(r, Task)}


def test_a_continuation_row_carries_its_merged_cells(tmp_path: Path) -> None:
    rows = _rows(_plan(tmp_path, ROWS))
    assert rows["t2"].continues == "t1" and rows["t2"].merged == ("number", "text")
    assert rows["t2"].text == rows["t1"].text and rows["t2"].number == "1-3."
    # Only the merged cells: the row's own lead unit and deadline stay its own.
    assert rows["t2"].lead == ("Công an xã",) and rows["t2"].deadline == "Quý III/2026"
    assert rows["t2"].inherits("text") and not rows["t2"].inherits("lead") and not rows["t1"].inherits("text")


def test_the_real_plans_have_no_continuation_without_text() -> None:
    for path, ids in ((VINH_LAI, ("pl3.I.u1", "pl3.I.u2", "pl3.I.u3", "pl3.II.u1")), (HAI_AN, ("pl3.II.2",))):
        rows = _rows(path)
        for rid in ids:
            row = rows[rid]
            assert row.continues and row.text and row.text == rows[row.continues].text, rid
    assert _rows(VINH_LAI)["pl3.I.u3"].number == "5-6."
    assert _rows(HAI_AN)["pl3.II.2"].number == "2"      # only the text cell is merged there


def test_the_schema_wants_text_or_a_continuation(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "no-text": ("- id: t1\n  lead: Công an xã\n", '"text"'),
        "continues-without-merged": ("- id: t1\n  text: Một\n- id: t2\n  continues: t1\n", '"merged"'),
        "merged-without-continues": ("- id: t1\n  text: Một\n  merged: [text]\n", '"continues"'),
        "merged-unknown-field": ("- id: t1\n  text: Một\n- id: t2\n  continues: t1\n  merged: [colour]\n",
                                 '"colour"'),
    }
    for name, (rows, quoted) in cases.items():
        path = _plan(tmp_path / name, rows)
        r = run(capsys, "validate", str(path), "--format", "json", "--lang", "en")
        found = [f["message"] for f in json.loads(r.out)["findings"] if f["rule"] == "schema"]
        assert r.code == 1 and any(quoted in m for m in found), (name, found)


def test_status_export_and_diff_show_the_merged_task(capsys) -> None:  # type: ignore[no-untyped-def]
    r = run(capsys, "status", str(VINH_LAI), "--as-of", "2026-03-01", "--format", "json")
    tasks = {t["id"]: t for t in json.loads(r.out)}
    u3 = tasks["pl3.I.u3"]
    assert u3["text"].startswith("Triển khai sâu rộng phong trào") and u3["continues"] == "pl3.I.5-6"
    assert u3["related"].startswith("Xây dựng kế hoạch tổ chức thực hiện chương trình đào tạo")
    assert tasks["pl3.I.5-6"]["continues"] is None
    # The text table shows what the lead unit must do: the concrete task.
    text = run(capsys, "status", str(VINH_LAI), "--as-of", "2026-03-01", "--format", "markdown").out
    assert "Xây dựng kế hoạch tổ chức thực hiện" in text
    rows = {x["id"]: x for x in json.loads(run(capsys, "export", str(VINH_LAI), "--format", "json").out)}
    assert rows["pl3.II.u1"]["text"] == rows["pl3.II.7-8"]["text"] != ""
    assert rows["pl3.II.u1"]["continues"] == "pl3.II.7-8" and rows["pl3.II.u1"]["merged"] == ["number", "text"]
    assert "continues" not in rows["pl3.II.7-8"]


def test_diff_reports_a_merged_cell_once(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    old = _plan(tmp_path / "old", ROWS)
    new = _plan(tmp_path / "new", ROWS.replace("xác định cụ thể", "xác định rõ"))
    changes = json.loads(run(capsys, "diff", str(old), str(new), "--format", "json").out)["changes"]
    assert [(c["kind"], c["id"]) for c in changes] == [("text-changed", "t1")]
    moved = _plan(tmp_path / "moved", ROWS.replace("  continues: t1\n  merged: [number, text]\n", "  text: Khác\n"))
    changes = json.loads(run(capsys, "diff", str(old), str(moved), "--format", "json").out)["changes"]
    assert ("field-changed", "t2") in [(c["kind"], c["id"]) for c in changes]
