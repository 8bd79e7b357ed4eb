"""Snapshot tests of ``kehoach report``'s long outputs on the bundled plans (as ruff's and insta's
snapshots): the expected output is a file under ``tests/snapshots/report/``, reviewed in a pull
request like code. A change of the output fails the test and writes the new output beside the
snapshot as ``<name>.new`` for review (``diff -u x.md x.md.new``); it never updates the snapshot
by itself. After checking the change is wanted, regenerate on purpose and commit the files:

    KEHOACH_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report_snapshots.py

The dates are fixed (``--as-of``) and the plans are the bundled ones, so the output depends on
nothing but the code and the plans.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .helpers import run

SNAPSHOTS = Path(__file__).parent / "snapshots" / "report"
UPDATE = os.environ.get("KEHOACH_UPDATE_SNAPSHOTS", "") not in ("", "0")

CASES = {
    "vinh-lai-2026-Q1.md": ("plans/hai-phong/vinh-lai.yaml", "md"),
    "hai-phong-2026-Q1.md": ("plans/hai-phong", "md"),
    "hai-phong-2026-Q1.json": ("plans/hai-phong", "json"),
}


def check_snapshot(name: str, actual: str) -> None:
    """Compare ``actual`` with the snapshot ``name``; on a difference write ``name.new`` and fail,
    unless KEHOACH_UPDATE_SNAPSHOTS is set, which rewrites the snapshot."""
    path = SNAPSHOTS / name
    new = path.with_name(path.name + ".new")
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
        new.unlink(missing_ok=True)
        return
    if not path.exists():
        new.write_text(actual, encoding="utf-8", newline="\n")
        pytest.fail(f"no snapshot {path.relative_to(ROOT)}: the output is in {new.name}; review it, then "
                    "regenerate with KEHOACH_UPDATE_SNAPSHOTS=1")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        new.write_text(actual, encoding="utf-8", newline="\n")
    else:
        new.unlink(missing_ok=True)
    assert actual == expected, (f"{path.relative_to(ROOT)} changed: review `diff -u {path.name} {new.name}` in "
                                f"{SNAPSHOTS.relative_to(ROOT)}, then regenerate with KEHOACH_UPDATE_SNAPSHOTS=1")


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_snapshot(name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    target, fmt = CASES[name]
    monkeypatch.chdir(ROOT)          # the paths in the output are relative to the working folder
    r = run(capsys, "report", target, "--period", "2026-Q1", "--as-of", "2026-04-20", "--format", fmt,
            "--no-cache")
    assert r.code == 0, r.err
    check_snapshot(name, r.out)


def test_a_changed_output_fails_and_leaves_the_new_one_for_review(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot check itself: a difference fails, writes ``.new`` and leaves the snapshot as it
    was; the same output passes and removes a stale ``.new``."""
    here = sys.modules[__name__]
    monkeypatch.setattr(here, "SNAPSHOTS", tmp_path)
    monkeypatch.setattr(here, "UPDATE", False)
    monkeypatch.setattr(here, "ROOT", tmp_path.parent)
    (tmp_path / "x.md").write_text("một\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        check_snapshot("x.md", "hai\n")
    assert (tmp_path / "x.md").read_text(encoding="utf-8") == "một\n"
    assert (tmp_path / "x.md.new").read_text(encoding="utf-8") == "hai\n"
    check_snapshot("x.md", "một\n")
    assert not (tmp_path / "x.md.new").exists()
    with pytest.raises(pytest.fail.Exception):
        check_snapshot("y.md", "ba\n")
    assert (tmp_path / "y.md.new").exists() and not (tmp_path / "y.md").exists()
