"""Round trip on the five bundled plans: render to Word with kehoach, import, and compare every
task and indicator row (text, lead, deadline, continuation) with the original plan.

The share of rows that come back identical is printed (`pytest -s`) and must not fall below
what this increment reaches; the continuation rows must all come back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import PLANS
from .helpers import run

COMMUNES = ("an-lao", "hai-an", "thai-tan", "vinh-hai", "vinh-lai")
FIELDS = ("text", "lead", "deadline", "continues", "merged")


def rows(node: Any) -> dict[str, dict[str, Any]]:
    """Every table row and narrative task by id, anywhere in the plan."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(node, dict):
        if "id" in node and ("text" in node or "continues" in node) and "kind" not in node:
            out[node["id"]] = node
        for k, v in node.items():
            if k != "progress":
                out.update(rows(v))
    elif isinstance(node, list):
        for v in node:
            out.update(rows(v))
    return out


def key(row: dict[str, Any]) -> tuple[Any, ...]:
    def norm(v: Any) -> Any:
        return "; ".join(v) if isinstance(v, list) and all(isinstance(x, str) for x in v) else v
    return tuple(norm(row.get(f)) if f != "merged" else tuple(row.get(f) or ()) for f in FIELDS)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("roundtrip")
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    from kehoach.cli import main

    for name in COMMUNES:
        src = PLANS / "hai-phong" / f"{name}.yaml"
        assert main(["render", str(src), "--force", "-o", str(tmp / f"{name}.docx")]) in (0, 1)
        target = tmp / f"{name}.yaml"
        assert main(["import", str(tmp / f"{name}.docx"), "-o", str(target), "--city", "Hải Phòng"]) in (0, 1)
        back = yaml.safe_load(target.read_text(encoding="utf-8"))
        out[name] = (yaml.safe_load(src.read_text(encoding="utf-8")), back)
    return out


def test_rows_come_back(imported: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    same = total = 0
    lines = []
    for name, (original, back) in imported.items():
        a, b = rows(original), rows(back)
        ok = sum(1 for rid, row in a.items() if rid in b and key(row) == key(b[rid]))
        lines.append(f"{name}: {ok}/{len(a)}")
        same += ok
        total += len(a)
    share = same / total
    print("\nround trip, rows identical (text, lead, deadline, continues, merged):", ", ".join(lines),
          f"— {same}/{total} = {share:.1%}")
    # Today's misses are the rows of a body table that gets the id bang<k> where the plan chose another
    # (Vĩnh Hải). The narrative targets all come back: Thái Tân's "100% … " lines and Vĩnh Hải's target
    # inside a task's sentence (1.6), both marked for review. 290/306 when this was written.
    assert share >= 0.94


def tasks(node: Any) -> dict[str, dict[str, Any]]:
    """The rows of task tables and the tasks written in the narrative."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(node, dict):
        if node.get("kind") == "tasks":
            return rows(node)
        if isinstance(node.get("task"), dict):
            return {node["task"]["id"]: node["task"]}
        for v in node.values():
            out.update(tasks(v))
    elif isinstance(node, list):
        for v in node:
            out.update(tasks(v))
    return out


def test_every_task_comes_back(imported: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    count = 0
    for name, (original, back) in imported.items():
        b = rows(back)
        for rid, row in tasks(original).items():
            assert rid in b and key(row) == key(b[rid]), (name, rid)
            count += 1
    assert count >= 140     # 143 tasks in the five plans today


def test_continuation_rows_come_back(imported: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for name, (original, back) in imported.items():
        b = rows(back)
        for rid, row in rows(original).items():
            if "continues" in row:
                assert rid in b, (name, rid)
                assert (b[rid]["continues"], b[rid]["merged"]) == (row["continues"], row["merged"]), (name, rid)


def test_meta_comes_back(imported: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for name, (original, back) in imported.items():
        for k in ("commune", "commune_kind", "number", "symbol", "date", "doc_type", "title", "year"):
            assert back["meta"][k] == original["meta"][k], (name, k)


def test_output_is_formatted_and_valid(imported: dict[str, Any], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    # The module fixture wrote the files; re-import one to a known path and check it with kehoach.
    src = PLANS / "hai-phong" / "vinh-hai.yaml"
    assert run(capsys, "render", str(src), "-o", str(tmp_path / "v.docx")).code == 0
    out = tmp_path / "v.yaml"
    run(capsys, "import", str(tmp_path / "v.docx"), "-o", str(out), "--city", "Hải Phòng")
    assert run(capsys, "fmt", "--check", str(out)).code == 0
    v = run(capsys, "validate", str(out))
    assert "KH002" not in v.out + v.err and "schema" not in v.out + v.err
