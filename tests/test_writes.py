"""Writes that serialise and respect the file (kehoach/safewrite.py): concurrent writers both land;
symlinks, hard links, read-only plans, special files and stale temporary files are each handled
as docs/interfaces.md ("Writes") says."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach import fix, fmt, safewrite
from kehoach.errors import KehoachError

from .conftest import PLANS, ROOT
from .helpers import run, unformatted

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and mode bits as POSIX has them")
PROGRESS = ("pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-28", "--as-of", "2026-03-01")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    dest = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", dest)
    return dest / "hai-an.yaml"


def _ours(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith((".kehoach.tmp", ".kehoach-out.tmp", ".lock")))


def test_concurrent_progress_runs_both_land(tmp_path: Path) -> None:
    """10 rounds here (5 on two tasks, 5 on one task); ``bench/writes.py race`` runs 100. Without
    the lock, 9 of these 10 rounds lost an update."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "writes.py"), "race", "--rounds", "10", "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(out.stdout)
    assert result["rounds"] == 10
    assert (result["lost_different-task"], result["lost_same-task"], result["lost_other-plan"], result["failed_runs"],
            result["lock_files_left"]) == (0, 0, 0, 0, 0), result


def test_a_write_leaves_no_lock_or_temporary_file(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = os.listdir(plan.parent)
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert sorted(os.listdir(plan.parent)) == sorted(before)


@posix_only
@pytest.mark.parametrize("command", [("progress", *PROGRESS), ("fmt", "--no-cache")])
def test_a_symlinked_plan_stays_a_link_and_its_target_changes(capsys: pytest.CaptureFixture[str], plan: Path,
                                                              tmp_path: Path, command: tuple[str, ...]) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(plan)
    if command[0] == "fmt":     # the bundled plan is formatted already: give fmt something to write
        plan.write_text(unformatted(plan.read_text(encoding="utf-8")), encoding="utf-8")
    plan.chmod(0o640)
    before = plan.read_bytes()
    args = [command[0], str(link), *command[1:]]
    assert run(capsys, *args).code == 0
    assert link.is_symlink() and os.readlink(link) == str(plan)
    assert plan.read_bytes() != before
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640
    assert _ours(tmp_path) == [] and _ours(plan.parent) == []


@posix_only
def test_a_hard_linked_plan_is_written_in_place(capsys: pytest.CaptureFixture[str], plan: Path,
                                                tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    os.link(plan, other)
    inode = plan.stat().st_ino
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert plan.stat().st_ino == other.stat().st_ino == inode and plan.stat().st_nlink == 2
    assert b"progress:" in other.read_bytes() and other.read_bytes() == plan.read_bytes()
    assert _ours(plan.parent) == []


@pytest.mark.parametrize("command", [("progress", *PROGRESS), ("fmt", "--no-cache")])
def test_a_read_only_plan_is_refused_not_rewritten(capsys: pytest.CaptureFixture[str], plan: Path,
                                                   command: tuple[str, ...]) -> None:
    """As root, chmod 0444 does not stop a write: the refusal is kehoach's own check of the mode bits."""
    if command[0] == "fmt":     # the bundled plan is formatted already: give fmt something to refuse to write
        plan.write_text(unformatted(plan.read_text(encoding="utf-8")), encoding="utf-8")
    plan.chmod(0o444)
    before = plan.read_bytes()
    r = run(capsys, command[0], str(plan), *command[1:], "--lang", "en")
    assert r.code == 2 and "read-only" in r.err and str(plan) in r.err, r.err
    assert plan.read_bytes() == before and stat.S_IMODE(plan.stat().st_mode) & 0o222 == 0
    plan.chmod(0o644)


def test_a_read_only_plan_is_refused_by_fix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(PLANS / "hai-phong" / "units.yaml", tmp_path / "units.yaml")
    path = tmp_path / "p.yaml"
    path.write_bytes((PLANS / "hai-phong" / "hai-an.yaml").read_bytes().replace(
        b"lead: ", b"lead: Ph\xc3\xb2ng VHXXH #", 1))
    path.chmod(0o444)
    before = path.read_bytes()
    r = run(capsys, "validate", str(path), "--fix", "--no-cache", "--lang", "en")
    assert r.code == 2 and "read-only" in r.err, r.err
    assert path.read_bytes() == before
    path.chmod(0o644)


def test_stale_temporary_files_are_swept_on_the_next_write(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    folder = plan.parent
    orphan = folder / ".hai-an.yaml.x1y2z3w4.kehoach.tmp"            # its plan's lock is free: a killed writer
    old_out = folder / ".report.json.a1b2c3d4.kehoach-out.tmp"       # a report's, ten minutes old
    young_out = folder / ".report.json.e5f6g7h8.kehoach-out.tmp"     # a report being written now: kept
    unrelated = folder / ".hai-an.yaml.notes.tmp"                     # not ours: kept
    for f in (orphan, old_out, young_out, unrelated):
        f.write_bytes(b"partial")
    ten_minutes_ago = time.time() - 600
    os.utime(old_out, (ten_minutes_ago, ten_minutes_ago))
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert not orphan.exists() and not old_out.exists()
    assert young_out.exists() and unrelated.exists()


def test_a_temporary_file_whose_writer_holds_the_lock_is_kept(plan: Path) -> None:
    from filelock import FileLock

    other = plan.parent / "vinh-hai.yaml"
    busy = plan.parent / f".vinh-hai.yaml.q1w2e3r4{safewrite.PLAN_SUFFIX}"
    busy.write_bytes(b"partial")
    with FileLock(str(safewrite.lock_path(other))):
        assert safewrite.sweep(plan.parent) == 0
    assert busy.exists()


def test_a_plan_changed_since_it_was_read_is_refused_without_redo(plan: Path) -> None:
    raw = plan.read_bytes()
    plan.write_bytes(raw + b"# edited by hand\n")
    with pytest.raises(KehoachError) as e:
        safewrite.write_plan(plan, "x: 1\n", base=safewrite.digest(raw))
    assert e.value.key == "write.changed"
    assert plan.read_bytes() == raw + b"# edited by hand\n"


def test_a_writer_that_waits_too_long_gives_up_with_a_message(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    monkeypatch.setattr(safewrite, "LOCK_WAIT", 0.2)
    raw = plan.read_bytes()
    with FileLock(str(safewrite.lock_path(plan))), pytest.raises(KehoachError) as e:
        safewrite.write_plan(plan, "x: 1\n", base=safewrite.digest(raw))
    assert e.value.key == "write.locked" and plan.read_bytes() == raw


def test_fmt_formats_again_a_file_edited_after_it_was_formatted(plan: Path) -> None:
    plan.write_text(unformatted(plan.read_text(encoding="utf-8")), encoding="utf-8")
    (outcome,) = fmt.format_files([(plan, "hai-an.yaml")], "write", cache_dir=None, jobs=1)
    assert outcome.changed and outcome.text is not None
    edited = plan.read_bytes() + "# ghi thêm sau khi định dạng\n".encode()
    plan.write_bytes(edited)
    fmt.write_all([outcome])
    text = plan.read_text(encoding="utf-8")
    assert "# ghi thêm sau khi định dạng" in text
    assert fmt.format_text(text, "hai-an.yaml") == text      # formatted, the edit included


def test_fix_fixes_again_a_file_edited_meanwhile(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = plan.read_bytes()
    assert b"lead: " in raw
    plan.write_bytes(raw.replace(b"lead: ", "lead: Phòng VHXXH #".encode(), 1))
    real = fix._fixed
    calls: list[int] = []

    def someone_edits_after_the_first_read(source: object, path: Path, display: str) -> object:
        out = real(source, path, display)  # type: ignore[arg-type]
        if not calls:
            path.write_bytes(path.read_bytes() + "# sửa tay trong lúc đó\n".encode())
        calls.append(1)
        return out

    monkeypatch.setattr(fix, "_fixed", someone_edits_after_the_first_read)
    result = fix.fix_file(plan, "hai-an.yaml")
    text = plan.read_text(encoding="utf-8")
    assert len(calls) == 2 and "# sửa tay trong lúc đó" in text
    assert "Phòng Văn hóa - Xã hội" in text and "VHXXH" not in text
    assert "Phòng Văn hóa - Xã hội" in [f.new for f in result.fixes]


# --- -o ----------------------------------------------------------------------------------------

@posix_only
def test_output_onto_a_symlink_writes_its_target(capsys: pytest.CaptureFixture[str], plan: Path,
                                                 tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("cũ", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    r = run(capsys, "validate", str(plan), "--no-cache", "--format", "json", "-o", str(link))
    assert r.code in (0, 1), r.err
    assert link.is_symlink() and "findings" in json.loads(real.read_text(encoding="utf-8"))
    assert _ours(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_output_onto_a_fifo_is_refused_and_the_fifo_kept(capsys: pytest.CaptureFixture[str], plan: Path,
                                                         tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    r = run(capsys, "validate", str(plan), "--no-cache", "--format", "json", "-o", str(fifo), "--lang", "en")
    assert r.code == 2 and "not a regular file" in r.err, r.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _ours(tmp_path) == []


@posix_only
def test_a_symlinked_plan_pointing_to_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "plan.yaml"
    link.symlink_to(fifo)
    with pytest.raises(KehoachError) as e:
        safewrite.write_plan(link, "x: 1\n", base="")
    assert e.value.key == "write.special" and stat.S_ISFIFO(fifo.stat().st_mode)
