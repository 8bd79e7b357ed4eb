"""kehoach progress checks what it would write by reading it back: a wrong place, a repeated key
or a value the schema refuses is an error and the file stays as it was. The plan is composed
once and the new text once, whatever the number of updates."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import kehoach.progress
from kehoach.fmt import canonical_data
from kehoach.linter import load_plan
from kehoach.loader import load

from .conftest import PLANS, plan_text
from .helpers import run

UPDATE = ("--status", "dang-thuc-hien", "--date", "2026-02-01", "--as-of", "2026-03-01", "--lang", "en")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    dest = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", dest)
    return dest / "hai-an.yaml"


def _refused(capsys: pytest.CaptureFixture[str], plan: Path, *args: str) -> None:
    before = plan.read_bytes()
    for extra in ((), ("--dry-run",)):
        r = run(capsys, "progress", str(plan), "pl4.I.1", *UPDATE, *args, *extra)
        assert r.code == 2, r
        assert 'Could not record the update for "pl4.I.1" safely; the file is unchanged.' in r.err
        assert plan.read_bytes() == before


def test_lines_placed_in_the_next_task_are_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real: Callable[[yaml.Node], int] = kehoach.progress._last_line
    # One line too far: after "- id: pl4.I.2", so the update would belong to the next task.
    monkeypatch.setattr(kehoach.progress, "_last_line", lambda node: real(node) + 1)
    _refused(capsys, plan)


def test_lines_at_a_wrong_indentation_are_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = kehoach.progress._item_lines
    monkeypatch.setattr(kehoach.progress, "_item_lines", lambda update, col: real(update, col - 4))
    _refused(capsys, plan)


def test_a_repeated_key_is_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The loader keeps the first of two keys, so the data alone would look right.
    real = kehoach.progress._item_lines
    monkeypatch.setattr(kehoach.progress, "_item_lines", lambda update, col: [*real(update, col), real(update, col)[1]])
    _refused(capsys, plan)


def test_a_value_the_schema_refuses_is_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The data reads back exactly as intended; only the schema says no.
    monkeypatch.setitem(kehoach.progress.STATES, "tam-dung", "tạm dừng")
    _refused(capsys, plan, "--status", "tam-dung")


def test_a_value_that_reads_back_as_another_type_is_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # ``percent: 40`` written as ``percent: "40"``: a string, where the update said a number.
    real = kehoach.progress._item_lines

    def quoted(update: Any, col: int) -> list[str]:
        return [line.replace("percent: 40", 'percent: "40"') for line in real(update, col)]

    monkeypatch.setattr(kehoach.progress, "_item_lines", quoted)
    monkeypatch.setattr(kehoach.progress.schema, "validate", lambda doc, name: [])   # the data check alone
    _refused(capsys, plan, "--percent", "40")


LAYOUTS = {
    "block text kept with its blank lines, last in the task": "- id: t1\n  text: |+\n    Một việc\n\n\n"
                                                              "- id: t2\n  text: Việc khác\n",
    "folded text last": "- id: t1\n  text: >-\n    Một\n    việc\n- id: t2\n  text: Việc khác\n",
    "plain text over two lines, last": "- id: t1\n  text: Một\n    việc\n- id: t2\n  text: Việc khác\n",
    "comments and blank lines after the task": "- id: t1\n  text: Một việc  # ghi chú\n\n  # chú thích\n\n"
                                                "- id: t2\n  text: Việc khác\n",
    "an empty flow list of updates": "- id: t1\n  text: Một việc\n  progress: []  # chưa có\n"
                                     "- id: t2\n  text: Việc khác\n",
    "updates already there": "- id: t1\n  text: Một việc\n  progress:\n  - date: '2026-01-05'\n"
                             "    note: |\n      dòng một\n\n- id: t2\n  text: Việc khác\n",
    "the last task, no line end": "- id: t2\n  text: Việc khác\n- id: t1\n  text: Một việc",
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_every_layout_gets_its_update_or_stays_as_it_was(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         layout: str) -> None:
    """Whatever the layout, the result reads back as the plan plus the update, or the file is
    left alone: never a plan that says something else."""
    text, _ = plan_text(LAYOUTS[layout])
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    before = load(path).data
    r = run(capsys, "progress", str(path), "t1", *UPDATE, "--note", "đã xong")
    if r.code != 0:
        assert path.read_text(encoding="utf-8") == text, r
        return
    t1 = _at(before, _task_paths(path)["t1"])
    t1["progress"] = [*(t1.get("progress") or []),
                      {"date": "2026-02-01", "state": "đang thực hiện", "note": "đã xong"}]
    assert canonical_data(load(path).data) == canonical_data(before)


def test_the_plan_is_composed_once_and_the_result_once(capsys: pytest.CaptureFixture[str], plan: Path,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading an 8 MB plan is seconds: the insertion points come from the graph read with the
    plan, and the result is read back once, for one update as for a month of them."""
    composed: list[int] = []
    real = yaml.compose

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        composed.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(yaml, "compose", counting)
    csv = tmp_path / "month.csv"
    csv.write_text("task_id,state,date\npl4.I.1,dang-thuc-hien,2026-02-01\npl4.I.2,hoan-thanh,2026-02-03\n"
                   "pl4.I.1,hoan-thanh,2026-02-20\n", encoding="utf-8")
    for args in ((str(plan), "pl4.I.1", *UPDATE, "--dry-run"), (str(plan), "pl4.I.1", *UPDATE),
                 (str(plan), "--from", str(csv), "--as-of", "2026-03-01")):
        composed.clear()
        assert run(capsys, "progress", *args).code == 0
        assert len(composed) == 2, args


def test_the_dry_run_diff_is_the_change_written(capsys: pytest.CaptureFixture[str], plan: Path,
                                               tmp_path: Path) -> None:
    """The diff compares only the lines between the common head and tail; it must say what
    difflib says over the whole file, line numbers included, with updates far apart."""
    csv = tmp_path / "month.csv"
    tasks = list(_task_paths(plan))
    rows = [tasks[0], tasks[len(tasks) // 2], tasks[-1]]
    csv.write_text("task_id,state,date\n" + "".join(f"{t},dang-thuc-hien,2026-02-01\n" for t in rows),
                   encoding="utf-8")
    before = plan.read_text(encoding="utf-8")
    shown = run(capsys, "progress", str(plan), "--from", str(csv), "--as-of", "2026-03-01", "--dry-run").out
    assert run(capsys, "progress", str(plan), "--from", str(csv), "--as-of", "2026-03-01").code == 0
    after = plan.read_text(encoding="utf-8")
    name = str(plan)
    expected = "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                            name, name))
    assert expected.count("\n@@ ") == 3 and expected in shown   # three hunks, far apart


def test_a_diff_at_the_very_start_and_end_of_a_file_is_numbered_right() -> None:
    from kehoach.yamlio import Source

    old = "".join(f"dòng {i}\n" for i in range(20))
    for new in ("mới\n" + old, old + "mới\n", old[:30] + "mới\n" + old[30:], "mới\n" + old + "mới\n", old):
        source = Source(Path("x"), b"", old, "utf-8", b"", "\n")
        expected = "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                "x", "x"))
        assert kehoach.progress.unified_diff(source, new, "x") == expected


def _task_paths(path: Path) -> dict[str, tuple[str | int, ...]]:
    plan = load_plan(path, path.name).plan
    assert plan is not None
    return {t.id: t.path for t in plan.tasks}


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data
