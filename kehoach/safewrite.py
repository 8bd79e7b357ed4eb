"""The one way kehoach writes a file a person keeps: a plan (progress, fmt, --fix) or a report (-o).

A plan write, ``write_plan``:

1. resolves the path: a symlink stays a symlink and the file it points to is written;
2. refuses what must not be rewritten: not a regular file, or read-only by its mode bits (checked
   here, not left to the OS: as root or on some mounts the OS would let a 0444 plan be replaced);
3. takes an exclusive lock beside the resolved file (``.<name>.lock``, the ``filelock`` package:
   ``flock`` on POSIX; ``msvcrt.locking``, or ``LockFileEx`` from filelock 4, on Windows) and
   re-reads the file under it: when the bytes differ from those the new text was made from, the
   change is made again on the current text (``redo``) or refused, so two writers at once both
   land;
4. writes the new bytes to a temporary file in the same folder, fsyncs it and ``os.replace``s it
   onto the resolved path, keeping the mode bits (and the owner, when allowed); a file with
   several hard links is instead overwritten in place once the full temporary copy is on disk,
   so every name keeps seeing one file;
5. removes the lock file before letting go of it (filelock's waiters notice an unlinked lock and
   take a new one), so a repository does not collect lock files in ``git status``.

A writer killed while it holds the lock (``kill -9``, a closed laptop lid, a power cut) leaves
its lock file: the operating system lets go of the lock, not of the file. The next write in the
folder removes every such file whose lock it can take at once (``sweep``): a lock file is only
ever removed by a process that holds its lock, as in step 5, so mutual exclusion is kept: a
writer waiting on the removed file finds, once it gets the lock, that the file has no name any
more and locks the new one (filelock checks the link count; on Windows a file that another
process has open cannot be removed, and filelock removes it itself after release).

Why the lock lives beside the plan, not in a cache folder: the cache folder depends on the
working directory and ``--cache-dir``, so two runs from different folders would take different
locks on the same plan; beside the resolved file, every process that can write the plan sees the
same lock, across users, containers and network mounts, and a plan reached through two symlinks
has one lock.

Temporary files are named ``.<name>.<random>.kehoach.tmp`` (plans) or ``….kehoach-out.tmp``
(reports and documents); a ``kill -9`` can leave one behind, and the next write in that folder
removes it: a plan's at once when its plan's lock is free (its writer is gone), any of ours when
older than ``STALE_AFTER`` seconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KehoachError
from .messages import os_reason

if TYPE_CHECKING:
    from filelock import BaseFileLock

    from .yamlio import Source

PLAN_SUFFIX = ".kehoach.tmp"
OUT_SUFFIX = ".kehoach-out.tmp"
LOCK_SUFFIX = ".lock"
STALE_AFTER = 300.0     # seconds: no write of ours keeps its temporary file open that long
LOCK_WAIT = 60.0        # seconds to wait for another writer of the same plan
_OURS = re.compile(r"\.(?P<name>.+)\.[^.]+(?P<suffix>\.kehoach\.tmp|\.kehoach-out\.tmp)\Z")
# A plan's lock file (``.<plan>.yaml.lock``); other tools' ``.lock`` files are not ours to remove.
_PLAN_LOCK = re.compile(r"\.(?P<name>.+\.ya?ml)\.lock\Z", re.IGNORECASE)
_swept: set[str] = set()


def digest(raw: bytes) -> str:
    """What a write compares, under the lock, with the file as it is now."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def resolved(path: Path) -> Path:
    """The file a write must change: a symlink's target (followed to the end), else ``path``."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def check_target(path: Path, shown: Path, *, plan: bool) -> os.stat_result | None:
    """The target's status, or None when it does not exist yet; refuses a device, FIFO or socket
    (replacing one would replace the node: ``-o /dev/full`` as root) and, for a plan, a file whose
    mode bits say read-only (the refusal is kehoach's, whoever runs it)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise KehoachError("out.unwritable", path=str(shown), **os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise KehoachError("out.is-folder", path=str(shown))
    if not stat.S_ISREG(st.st_mode):
        raise KehoachError("write.special", path=str(shown))
    if plan and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise KehoachError("write.read-only", path=str(shown))
    return st


def temp_file(folder: Path, name: str, suffix: str, mode: int | None, owner: tuple[int, int] | None) -> tuple[
        int, str]:
    """A new temporary file beside the target, with the target's permissions (or a new file's)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=suffix)
    if os.name == "posix":
        # mkstemp creates the file private (0600); the result should have the permissions any new
        # file gets, or keep those of the file it replaces. Windows has no such bits: the file
        # takes its folder's access rights, and chmod there only sets the read-only flag, which
        # would leave a temporary file that cannot be deleted after a failed replace.
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
        if owner is not None and owner != (os.geteuid(), os.getegid()):
            # Root fixing another user's plan: the plan stays theirs. Anyone else cannot chown;
            # the file then becomes the writer's, as any editor's save would make it.
            with contextlib.suppress(OSError):
                os.fchown(fd, *owner)
    return fd, tmp


def _umask() -> int:
    # POSIX only: the only way to read the umask is to set it and set it back.
    current = os.umask(0)
    os.umask(current)
    return current


def discard(tmp: str) -> None:
    # Windows may refuse while another process holds the file: leave it then (the next write in
    # the folder sweeps it), never fail on it.
    with contextlib.suppress(OSError):
        os.unlink(tmp)


# --- the lock --------------------------------------------------------------------------------

def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


def _lock(target: Path) -> BaseFileLock:
    from filelock import FileLock  # imported on the write path only: the read path never locks

    return FileLock(str(lock_path(target)), timeout=LOCK_WAIT)


@contextlib.contextmanager
def locked(target: Path, shown: Path) -> Iterator[None]:
    """Hold the plan's lock; the lock file is unlinked before release (see the module's notes)."""
    from filelock import Timeout

    lock = _lock(target)
    try:
        lock.acquire()
    except Timeout:
        raise KehoachError("write.locked", path=str(shown), lock=str(lock_path(target)),
                           seconds=int(LOCK_WAIT)) from None
    except OSError as e:
        raise KehoachError("out.unwritable", path=str(shown), **os_reason(e)) from None
    try:
        yield
    finally:
        # Windows cannot unlink a file it holds open; filelock removes it there after release.
        with contextlib.suppress(OSError):
            os.unlink(lock_path(target))
        lock.release()


def _lock_is_free(target: Path) -> bool:
    from filelock import Timeout

    lock = _lock(target)
    try:
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return False
    with contextlib.suppress(OSError):
        os.unlink(lock_path(target))
    lock.release()
    return True


# --- stale temporary and lock files -------------------------------------------------------------

def sweep(folder: Path, held: str = "") -> int:
    """Remove our temporary and lock files in ``folder`` that no writer can still be using, once
    per folder and process (a fmt run over a national folder lists it once, not once per plan);
    ``held`` is the name of the plan whose lock the caller holds (its temporary files are
    orphans; its lock file is the caller's to remove). Returns how many were removed."""
    key = os.path.normcase(os.path.abspath(folder))
    if key in _swept:
        return 0
    _swept.add(key)
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        lock = _PLAN_LOCK.match(entry.name)
        if lock is not None:
            # Taken, removed and let go as a writer does (``locked``): one that its writer still
            # holds, or another process is taking now, is left alone.
            if lock.group("name") != held and _lock_is_free(folder / lock.group("name")):
                removed += not os.path.lexists(entry.path)
            continue
        m = _OURS.match(entry.name)
        if m is None:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
        except OSError:
            continue
        name = m.group("name")
        if old or (m.group("suffix") == PLAN_SUFFIX and (name == held or _lock_is_free(folder / name))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


# --- writing a plan ---------------------------------------------------------------------------

def write_plan(path: Path, text: str, *, base: str, redo: Callable[[Source], str | None] | None = None) -> bool:
    """Replace the plan at ``path`` with ``text``, made from the bytes whose ``digest`` is ``base``.

    Under the plan's lock the file is read again; when it changed since, ``redo`` makes the change
    again on the current file (None: nothing to change any more), and without ``redo`` the write
    is refused. Returns whether the file was written. The text is encoded as the current file is
    (encoding, byte-order mark, line endings).
    """
    from .loader import LoadFailure, read_bytes
    from .yamlio import source_of

    target = resolved(path)
    with locked(target, path):
        sweep(target.parent, held=target.name)
        st = check_target(target, path, plan=True)
        try:
            raw = read_bytes(target)
            current = source_of(path, raw)
        except LoadFailure:
            raise KehoachError("write.changed", path=str(path)) from None
        if digest(raw) != base:
            if redo is None:
                raise KehoachError("write.changed", path=str(path))
            new = redo(current)
            if new is None:
                return False
            text = new
        data = current.encode(text)
        if data == raw:
            return False
        assert st is not None   # read_bytes found the file
        _replace(target, path, data, st)
    return True


def _replace(target: Path, shown: Path, data: bytes, st: os.stat_result) -> None:
    owner = (st.st_uid, st.st_gid) if os.name == "posix" else None
    try:
        fd, tmp = temp_file(target.parent, target.name, PLAN_SUFFIX, st.st_mode & 0o777, owner)
    except OSError as e:
        raise KehoachError("out.unwritable", path=str(shown), **os_reason(e)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if st.st_nlink > 1:
            _in_place(target, data)
            discard(tmp)
        else:
            os.replace(tmp, target)
    except OSError as e:
        if st.st_nlink > 1 and os.path.exists(tmp):
            # The in-place write failed part way: the temporary file is the full new plan. Keep it,
            # under a name the sweep of stale temporary files leaves alone.
            kept = target.with_name(f"{target.name}.kehoach-new")
            with contextlib.suppress(OSError):
                os.replace(tmp, kept)
            raise KehoachError("write.in-place-failed", path=str(shown), copy=str(kept),
                               **os_reason(e)) from None
        discard(tmp)
        raise KehoachError("out.unwritable", path=str(shown), **os_reason(e)) from None


def _in_place(target: Path, data: bytes) -> None:
    """Overwrite a hard-linked file's bytes so that every name sees the change (a replace would
    give this name a new file and leave the others on the old one)."""
    with open(target, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())

