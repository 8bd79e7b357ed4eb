"""A repeated key is an error at its line for every command: never a crash, never the first value.

The two edits a user made to a real plan: a second ``lead:`` line in a task (the new lead unit),
and a deleted ``- id:`` line (the row's keys then repeat the row above's).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from kehoach.config import Settings
from kehoach.linter import load_plan, load_plan_bytes

from .conftest import PLANS
from .helpers import Run, run

ORIGINAL = PLANS / "hai-phong" / "an-lao.yaml"
ROW = "            - id: pl.2\n"
LEAD = "              lead: Trung tâm dịch vụ sự nghiệp công\n"


@dataclass(frozen=True)
class Broken:
    path: Path
    key: str        # the repeated key the findings must name
    line: int       # where it repeats (1-based)
    first: int      # where it was first written


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _second_lead(text: str) -> tuple[str, str, int, int]:
    row = text.index(ROW)
    lead = text.index(LEAD, row)
    at = lead + len(LEAD)
    new = text[:at] + "              lead: Phòng Kinh tế\n" + text[at:]
    return new, "lead", _line_of(new, at), _line_of(new, lead)


def _deleted_id(text: str) -> tuple[str, str, int, int]:
    row = text.index(ROW)
    new = text[:row] + text[row + len(ROW):]
    # The row's first key after its id is ``number``; the row above wrote it on its second line.
    above = text.rindex("- id: ", 0, row)
    return new, "number", _line_of(new, row), _line_of(new, text.index("number:", above))


@pytest.fixture(params=[_second_lead, _deleted_id], ids=["second-lead", "deleted-id"])
def broken(request: pytest.FixtureRequest, tmp_path: Path) -> Broken:
    folder = tmp_path / "plans" / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", folder)
    shutil.copy(PLANS / "catalog.yaml", tmp_path / "plans" / "catalog.yaml")
    path = folder / "an-lao.yaml"
    text, key, line, first = request.param(ORIGINAL.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return Broken(path, key, line, first)


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))


def _names_the_key(r: Run, b: Broken) -> None:
    """The text report on stderr: the finding at the repeated key's line, naming the key."""
    assert f"{b.path.as_posix()}:{b.line}:" in r.err, r.err
    assert f'"{b.key}"' in r.err and f"dòng {b.first}" in r.err and "KH003" in r.err, r.err


def test_validate(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    r = run(capsys, "validate", str(broken.path.parent), "--format", "json")
    assert r.code == 1
    found = [f for f in r.json()["findings"] if f["rule"] == "duplicate-key"]
    assert found[0]["path"] == broken.path.as_posix() and found[0]["line"] == broken.line
    assert f'"{broken.key}"' in found[0]["message"] and f"dòng {broken.first}" in found[0]["message"]
    # The other plans of the folder are still checked.
    assert {f["path"] for f in r.json()["findings"]} - {broken.path.as_posix()}


def test_validate_text_in_english(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    r = run(capsys, "validate", str(broken.path), "--lang", "en")
    assert r.code == 1
    assert f"{broken.path.as_posix()}:{broken.line}:" in r.out
    assert f'Key "{broken.key}" repeats (first at line {broken.first})' in r.out


@pytest.mark.parametrize("force", [False, True])
def test_render(capsys: pytest.CaptureFixture[str], broken: Broken, tmp_path: Path, force: bool) -> None:
    out = tmp_path / "out.docx"
    r = run(capsys, "render", str(broken.path), "-o", str(out), *(["--force"] if force else []))
    assert r.code == 1 and not out.exists()
    _names_the_key(r, broken)


def test_status(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    r = run(capsys, "status", str(broken.path.parent), "--format", "json", "--as-of", "2026-03-01")
    assert r.code == 1 and r.out == ""
    _names_the_key(r, broken)


def test_rollup(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    r = run(capsys, "rollup", str(broken.path.parent), "--format", "json", "--as-of", "2026-03-01")
    assert r.code == 1 and r.out == ""
    _names_the_key(r, broken)


def test_export(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    r = run(capsys, "export", str(broken.path.parent), "--format", "json")
    assert r.code == 1 and r.out == ""
    _names_the_key(r, broken)


def test_progress(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    before = broken.path.read_bytes()
    r = run(capsys, "progress", str(broken.path), "pl.1", "--status", "hoan-thanh", "--date", "2026-03-01",
            "--as-of", "2026-03-01")
    assert r.code == 1 and broken.path.read_bytes() == before
    _names_the_key(r, broken)


def test_diff(capsys: pytest.CaptureFixture[str], broken: Broken) -> None:
    # Exit 2, as for any side of a diff that is not a valid plan (docs/diff.md).
    r = run(capsys, "diff", str(ORIGINAL), str(broken.path), "--format", "json")
    assert r.code == 2 and r.out == ""
    assert "Bản mới" in r.err and f"dòng {broken.line}," in r.err and f'"{broken.key}"' in r.err, r.err
    r = run(capsys, "diff", str(broken.path), str(ORIGINAL), "--lang", "en")
    assert r.code == 2 and "The old version" in r.err and f'Key "{broken.key}" repeats' in r.err, r.err


def test_one_function_says_why(broken: Broken) -> None:
    for loaded in (load_plan(broken.path, "p.yaml"), load_plan_bytes(broken.path.read_bytes(), "p.yaml")):
        assert loaded.plan is None and not loaded.unreadable and loaded.doc is not None
        assert loaded.findings == loaded.problems
        assert (loaded.problems[0].rule, loaded.problems[0].span.line) == ("duplicate-key", broken.line)
    # A configuration that turns the rule off hides the finding from validate, not the problem.
    quiet = load_plan(broken.path, "p.yaml", Settings(rules=("schema",)))
    assert quiet.plan is None and quiet.findings == () and quiet.problems


def test_suppressing_the_finding_does_not_make_the_plan_usable(capsys: pytest.CaptureFixture[str],
                                                               broken: Broken) -> None:
    lines = broken.path.read_text(encoding="utf-8").split("\n")
    lines[broken.line - 1] += "  # kehoach: ignore[duplicate-key]"
    broken.path.write_text("\n".join(lines), encoding="utf-8")
    r = run(capsys, "status", str(broken.path), "--format", "json")
    assert r.code == 1
    _names_the_key(r, broken)
