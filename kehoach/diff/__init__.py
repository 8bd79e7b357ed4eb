"""kehoach diff: review a plan change like code — what changed in the plan, not in its lines.

``diff_paths(OLD, NEW)`` compares two files, or two folders matched by relative path;
``diff_git("BASE..HEAD", paths)`` compares two revisions, ``diff_git("BASE", paths)`` BASE with
the working tree, reading only the files the change touches. Both return a :class:`DiffResult`
that the formats in kehoach/reporters/diff format. docs/diff.md is the reference.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .changes import Change, mark_failing
from .engine import diff_versions
from .gitsource import WORKTREE, Range, Repository
from .sources import Context, Version, context_from, context_on_disk, pairs_on_disk, read_file, read_version


@dataclass(frozen=True, slots=True)
class PlanDiff:
    plan: str                 # the file name without extension (``hai-an``)
    path: str                 # the file as shown: the new one, or the old one when it was removed
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class DiffResult:
    plans: tuple[PlanDiff, ...]       # every plan compared, changed or not, in path order

    @property
    def changes(self) -> list[Change]:
        return [c for p in self.plans for c in p.changes]

    def failing(self, classes: tuple[str, ...]) -> DiffResult:
        """The same result, with the changes that ``--fail-on`` names raised to ``error``."""
        return DiffResult(tuple(replace(p, changes=tuple(mark_failing(p.changes, classes))) for p in self.plans))


def _slug(path: str) -> str:
    return PurePosixPath(path).stem


def diff_paths(old: str, new: str) -> DiffResult:
    plans = []
    for a, b, shown in pairs_on_disk(old, new):
        va = read_file(a, a.as_posix() if b is None else shown, "old") if a is not None else None
        vb = read_file(b, shown, "new") if b is not None else None
        if va is None and vb is None:
            continue
        context = context_on_disk(b if b is not None else a)  # type: ignore[arg-type]
        plans.append(PlanDiff(_slug(shown), shown, tuple(diff_versions(va, vb, _slug(shown), context))))
    return DiffResult(tuple(plans))


def diff_git(spec: str, paths: list[str], cwd: Path, repo: Repository | None = None) -> DiffResult:
    """``spec`` is ``BASE..HEAD`` or ``BASE``; paths are shown relative to the repository root."""
    span = Range.parse(spec)
    repo = repo or Repository.at(cwd)
    base = repo.commit(span.base)
    head = repo.commit(span.head) if span.head else WORKTREE
    pathspecs = repo.check_paths(paths, [base, head])
    pairs = repo.changed(Range(base, head), pathspecs)
    olds = repo.read_many(base, [a for a, _ in pairs if a is not None])
    news = repo.read_many(head, [b for _, b in pairs if b is not None])
    plans = []
    for a, b in pairs:
        da = olds.get((base, a)) if a is not None else None
        db = news.get((head, b)) if b is not None else None
        shown = b if db is not None else a
        assert shown is not None
        va = read_version(da, a or shown, "old") if da is not None and a is not None else None
        vb = read_version(db, shown, "new") if db is not None else None
        if va is None and vb is None:
            continue
        side, rel = (head, b) if vb is not None and b is not None else (base, a)
        context = _git_context(repo, side, rel) if rel is not None else Context()
        plans.append(PlanDiff(_slug(shown), shown, tuple(diff_versions(va, vb, _slug(shown), context))))
    return DiffResult(tuple(plans))


def _git_context(repo: Repository, rev: str | None, rel: str) -> Context:
    return context_from(lambda path: repo.read(rev, path), rel)


__all__ = ["Change", "DiffResult", "PlanDiff", "Version", "diff_git", "diff_paths", "diff_versions"]
