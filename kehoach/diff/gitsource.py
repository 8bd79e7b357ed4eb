"""Plans as git has them: the files a change touches, read from the object store. No checkout.

``BASE..HEAD`` compares two revisions; ``BASE`` alone compares BASE with the working tree
(tracked files as they are on disk, and new files git does not ignore). Only the files that
``git diff --name-status`` lists are read — both versions of each, through one
``git cat-file --batch`` — plus the unit registry and catalog beside them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KehoachError
from .sources import is_plan_path

WORKTREE = None   # the "revision" of files read from the working tree


@dataclass(frozen=True, slots=True)
class Range:
    base: str
    head: str | None      # None: the working tree

    @classmethod
    def parse(cls, text: str) -> Range:
        if "..." in text:
            raise KehoachError("diff.bad-range", value=text)
        base, sep, head = text.partition("..")
        if not base or (sep and not head):
            raise KehoachError("diff.bad-range", value=text)
        return cls(base, head or None)


@dataclass(slots=True)
class Repository:
    """A git working copy; counts what it reads, so that tests and the benchmark can check it."""

    root: Path
    cwd: Path
    blobs_read: int = 0
    files_read: int = 0
    cache: dict[tuple[str | None, str], bytes | None] = field(default_factory=dict)

    @classmethod
    def at(cls, cwd: Path) -> Repository:
        out = _git(["rev-parse", "--show-toplevel"], cwd, error=("diff.not-a-repository", {"path": str(cwd)}))
        return cls(Path(out.decode("utf-8").strip()), cwd)

    def commit(self, rev: str) -> str:
        out = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], self.cwd,
                   error=("diff.bad-revision", {"rev": rev}))
        return out.decode().strip()

    def relative(self, path: str) -> str:
        """A path given on the command line, relative to the repository root; outside is an error."""
        full = (self.cwd / path).resolve()
        try:
            return full.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            raise KehoachError("diff.path-outside", path=path, root=str(self.root)) from None

    def check_paths(self, paths: Sequence[str], revs: Iterable[str | None]) -> list[str]:
        """Repository-relative pathspecs; a path found neither on disk nor in a revision is an error."""
        out = []
        revs = list(revs)
        for p in paths:
            rel = self.relative(p)
            exists = (self.root / rel).exists() or any(
                rev is not None and _exists(self.root, rev, rel) for rev in revs)
            if not exists:
                raise KehoachError("diff.path-not-found", path=p)
            out.append(rel or ".")
        return out

    def changed(self, span: Range, pathspecs: Sequence[str]) -> list[tuple[str | None, str | None]]:
        """(old path, new path) of every plan file the change touches; None where it does not exist."""
        revs = [span.base] + ([span.head] if span.head else [])
        raw = _git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", *revs, "--",
                    *(pathspecs or ["."])], self.root, error=("diff.git-failed", {}))
        fields = raw.decode("utf-8", "surrogateescape").split("\0")
        pairs: list[tuple[str | None, str | None]] = []
        i = 0
        while i < len(fields) and fields[i]:
            status = fields[i][0]
            if status in "RC":
                old, new = fields[i + 1], fields[i + 2]
                pairs.append((old if status == "R" else None, new))
                i += 3
                continue
            path = fields[i + 1]
            pairs.append((None if status == "A" else path, None if status == "D" else path))
            i += 2
        if span.head is None:
            extra = _git(["ls-files", "--others", "--exclude-standard", "-z", "--", *(pathspecs or ["."])],
                         self.root, error=("diff.git-failed", {}))
            pairs += [(None, p) for p in extra.decode("utf-8", "surrogateescape").split("\0") if p]
        return [(a, b) for a, b in pairs if is_plan_path(b or a or "")]

    def read(self, rev: str | None, rel: str) -> bytes | None:
        """A file at a revision (None: the working tree), or None when it does not exist there."""
        key = (rev, rel)
        if key not in self.cache:
            self.cache.update(self.read_many(rev, [rel]))
        return self.cache[key]

    def read_many(self, rev: str | None, rels: Sequence[str]) -> dict[tuple[str | None, str], bytes | None]:
        if rev is WORKTREE:
            out: dict[tuple[str | None, str], bytes | None] = {}
            for rel in rels:
                path = self.root / rel
                self.files_read += 1
                try:
                    out[(rev, rel)] = path.read_bytes() if path.is_file() else None
                except OSError as e:
                    raise KehoachError("load.unreadable", reason=f"{rel}: {e.strerror}") from None
            return out
        names = [f"{rev}:{rel}" for rel in rels]
        if any("\n" in n for n in names):
            raise KehoachError("diff.git-failed")
        raw = _git(["cat-file", "--batch"], self.root, stdin="".join(n + "\n" for n in names).encode(),
                   error=("diff.git-failed", {}))
        found: dict[tuple[str | None, str], bytes | None] = {}
        pos = 0
        for rel in rels:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].split()
            pos = end + 1
            if len(header) < 3 or header[1] != b"blob":
                # "missing", or a folder (tree) of that name: not a file at this revision.
                found[(rev, rel)] = None
                if len(header) >= 3:
                    pos += int(header[2]) + 1
                continue
            size = int(header[2])
            found[(rev, rel)] = raw[pos:pos + size]
            pos += size + 1
            self.blobs_read += 1
        self.cache.update(found)
        return found


def _exists(root: Path, rev: str, rel: str) -> bool:
    try:
        subprocess.run(["git", "cat-file", "-e", f"{rev}:{rel}"], cwd=root, env=_env(), capture_output=True,
                       check=True)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True


def _env() -> dict[str, str]:
    # Plain output whatever the user's configuration: no pager, no prompts, paths as bytes.
    return dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_PAGER="cat", LC_ALL="C")


def _git(args: list[str], cwd: Path, *, error: tuple[str, dict[str, str]], stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, env=_env(), input=stdin,
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise KehoachError("diff.no-git") from None
    except OSError as e:
        raise KehoachError("diff.git-failed", detail=e.strerror or str(e)) from None
    if done.returncode != 0:
        key, args_ = error
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise KehoachError(key, **args_, detail=detail[-1] if detail else "")
    return done.stdout
