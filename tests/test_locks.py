"""The lock file beside a plan (kehoach/safewrite.py): one left by a killed writer goes with the
next write in its folder; one a writer holds stays, and stays exclusive. And the branches taken
on Windows, run here where that can be done honestly."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach import safewrite

from .conftest import PLANS
from .helpers import run

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock as POSIX has them")
PROGRESS = ("pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-28", "--as-of", "2026-03-01")
# A writer in another process, holding the lock of the plan named on its command line.
HOLD = """
import os, signal, sys
from pathlib import Path
from kehoach import safewrite
plan = Path(sys.argv[1])
with safewrite.locked(plan, plan):
    print("held", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.readline()
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    dest = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", dest)
    return dest / "hai-an.yaml"


def _holder(plan: Path, then: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(plan), then], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def _taken(lock: Path) -> bool:
    from filelock import FileLock, Timeout

    try:
        with FileLock(str(lock), timeout=0):
            return False
    except Timeout:
        return True


@posix_only
def test_a_lock_file_left_by_a_killed_writer_goes_with_the_next_write_in_the_folder(
        capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    other = plan.with_name("vinh-hai.yaml")
    killed = _holder(other, "kill")
    killed.communicate(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    lock = safewrite.lock_path(other)
    assert lock.exists()                      # what a kill leaves: the file, not the lock
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert not lock.exists()
    assert not [n for n in os.listdir(plan.parent) if n.endswith(".lock")]


@posix_only
def test_a_lock_file_its_writer_holds_is_kept_and_stays_exclusive(capsys: pytest.CaptureFixture[str],
                                                                   plan: Path) -> None:
    other = plan.with_name("vinh-hai.yaml")
    holder = _holder(other, "hold")
    try:
        lock = safewrite.lock_path(other)
        assert run(capsys, "progress", str(plan), *PROGRESS).code == 0   # sweeps the folder
        assert lock.exists() and _taken(lock)
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0
    assert not lock.exists() and not _taken(lock)      # its writer removed it on the way out


def test_other_lock_files_are_not_ours_to_remove(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    names = [".terraform.lock", ".notes.txt.lock", "hai-an.yaml.lock", ".hai-an.yaml.lock.hcl"]
    for name in names:
        (plan.parent / name).write_text("x", encoding="utf-8")
    stale = plan.parent / ".VINH-LAI.YML.lock"      # a plan's, whatever the case of its name
    stale.touch()
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert all((plan.parent / n).exists() for n in names) and not stale.exists()


def test_the_plan_s_own_lock_is_left_to_its_writer(plan: Path) -> None:
    """The sweep runs while the caller holds the plan's lock: taking that lock file again, or
    removing it, would let another writer in."""
    with safewrite.locked(plan, plan):
        assert safewrite.sweep(plan.parent, held=plan.name) == 0
        assert safewrite.lock_path(plan).exists() and _taken(safewrite.lock_path(plan))


# --- what Windows does differently ----------------------------------------------------------------

def test_a_lock_file_that_cannot_be_removed_while_held_does_not_fail_the_write(
        capsys: pytest.CaptureFixture[str], plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to remove a file that is open (the lock file, while it is held); filelock
    removes it there after letting go. The write goes on all the same."""
    real = os.unlink

    def windows_unlink(path: str | os.PathLike[str]) -> None:
        if str(path) == str(safewrite.lock_path(plan)):
            raise PermissionError(13, "The process cannot access the file because it is being used")
        real(path)

    monkeypatch.setattr(safewrite.os, "unlink", windows_unlink)
    before = plan.read_bytes()
    assert run(capsys, "progress", str(plan), *PROGRESS).code == 0
    assert plan.read_bytes() != before and b"2026-02-28" in plan.read_bytes()


def test_a_windows_temporary_file_keeps_its_folder_s_rights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows chmod only sets the read-only flag and there are no owners to keep: the
    temporary file is left as created (a read-only one could not be removed after a failed
    replace). Only ``os.name`` is changed: pathlib would not build a Windows path here."""
    called: list[str] = []
    monkeypatch.setattr(os, "fchmod", lambda fd, mode: called.append("fchmod"))
    monkeypatch.setattr(os, "fchown", lambda fd, uid, gid: called.append("fchown"))
    monkeypatch.setattr(os, "name", "nt")
    fd, tmp = safewrite.temp_file(tmp_path, "p.yaml", safewrite.PLAN_SUFFIX, 0o444, (12345, 12345))
    monkeypatch.setattr(os, "name", "posix")
    os.close(fd)
    assert called == [] and Path(tmp).exists()
    fd, tmp = safewrite.temp_file(tmp_path, "p.yaml", safewrite.PLAN_SUFFIX, 0o444, None)
    os.close(fd)
    assert called == (["fchmod"] if os.name == "posix" else [])


def test_a_plan_the_system_says_is_read_only_is_refused(capsys: pytest.CaptureFixture[str], plan: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows's read-only flag shows in the mode bits and in ``os.access``; a file an ACL closes
    shows in ``os.access`` only, which is asked too."""
    real = os.access
    monkeypatch.setattr(safewrite.os, "access", lambda path, mode, **kw: False if Path(path) == plan
                        else real(path, mode, **kw))
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), *PROGRESS, "--lang", "en")
    assert r.code == 2 and "read-only" in r.err, r.err
    assert plan.read_bytes() == before and stat.S_IMODE(plan.stat().st_mode) & 0o222


@pytest.mark.skipif(sys.platform != "win32", reason="LockFileEx through filelock: Windows only")
def test_on_windows_a_held_lock_keeps_a_second_writer_out_and_goes_with_its_release(plan: Path) -> None:
    """Not run on Linux (filelock's Windows lock is a stub there): kept for a Windows run."""
    lock = safewrite.lock_path(plan)
    with safewrite.locked(plan, plan):
        assert lock.exists() and _taken(lock)
    assert not lock.exists()
