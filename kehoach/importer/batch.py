"""Many documents imported at once: a city's folder of Word plans read on every core, then named,
written and checked in the parent, in the order the documents were given.

Reading is the slow part (a document is a zip of XML; a .doc goes through LibreOffice), so only
reading runs in workers; naming and writing stay in one process so that which of two documents
"comes second" on a name clash does not depend on which worker finished first, and the result of
a parallel run is the result of a sequential one.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KehoachError
from ..text import slug
from .tables import TableReport
from .target import write_new

if TYPE_CHECKING:
    from ..jobs import FileResult
    from .run import ImportResult

# What a folder is searched for: Word files, and what LibreOffice makes into one (convert.py).
IMPORTABLE = (".docx", ".docm", ".doc", ".odt")
FALLBACK_NAME = "ke-hoach"

Message = tuple[str, dict[str, object]]


@dataclass(slots=True)
class Outcome:
    """One document's part of the summary. ``text`` is the plan until it is written."""

    source: str
    text: str = ""
    commune: str = ""
    tables: int = 0
    rows: int = 0
    review: list[Message] = field(default_factory=list)
    error: Message | None = None
    target: str | None = None
    findings: int | None = None      # validate's findings on the plan written; None: not validated
    reports: list[TableReport] = field(default_factory=list)   # each table: its columns and rows
    notes: list[Message] = field(default_factory=list)         # handled, for information

    @property
    def code(self) -> int:
        return 2 if self.error else 1 if self.review else 0


@dataclass(slots=True)
class Batch:
    outcomes: list[Outcome]

    @property
    def code(self) -> int:
        return max((o.code for o in self.outcomes), default=0)


def documents(sources: list[Path]) -> list[Path]:
    """The documents named: a file as given; a folder's importable files, its sub-folders' too, in
    the order of their path inside the folder (each as the folder joined with that path, so the
    summary says where it was). Hidden folders are skipped and symlinked folders not followed (a
    link back up would never end)."""
    found: list[Path] = []
    for source in sources:
        if not source.is_dir():
            found.append(source)
            continue
        inside: list[Path] = []
        for top, dirs, files in os.walk(source, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            here = Path(top)
            inside.extend(here / f for f in files if _importable(here / f) and (here / f).is_file())
        if not inside:
            raise KehoachError("import.no-documents", path=str(source), kinds=", ".join(IMPORTABLE))
        found.extend(sorted(inside, key=lambda p: p.relative_to(source).parts))
    return found


def _importable(path: Path) -> bool:
    # "~$ke-hoach.docx" is the lock file Word leaves beside a document that is open.
    return path.suffix.lower() in IMPORTABLE and not path.name.startswith(("~$", "."))


def read_all(paths: list[Path], *, city: str, year: int | None, folder: Path, jobs: int | None,
             progress: Callable[[int, int], None] | None = None) -> list[Outcome]:
    items = [(str(p), city, year, str(folder)) for p in paths]
    outcomes: list[Outcome | None] = [None] * len(items)
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if progress:
        progress(0, len(items))
    # Unlike validate's runner, no threshold of files: reading one document costs far more than
    # starting a worker, so two documents are already worth two processes.
    if workers > 1:
        from ..runner import start_method

        with mp.get_context(start_method()).Pool(workers) as pool:
            for done, (i, outcome) in enumerate(pool.imap_unordered(_read_one, enumerate(items)), 1):
                outcomes[i] = outcome
                if progress:
                    progress(done, len(items))
    else:
        for done, (i, item) in enumerate(enumerate(items), 1):
            outcomes[i] = _read_one((i, item))[1]
            if progress:
                progress(done, len(items))
    return [o for o in outcomes if o is not None]


def _read_one(job: tuple[int, tuple[str, str, int | None, str]]) -> tuple[int, Outcome]:
    from .run import import_document

    index, (path, city, year, folder) = job
    try:
        r = import_document(Path(path), city=city, year=year, target=Path(folder) / "x.yaml")
    except KehoachError as e:
        return index, Outcome(path, error=(e.key, e.args_))
    except Exception as e:   # one broken document must not stop the city's other 113
        return index, Outcome(path, error=("import.unreadable", {"path": path, "reason": f"{type(e).__name__}: {e}"}))
    return index, outcome_of(r)


def outcome_of(r: ImportResult) -> Outcome:
    """One document's import as a line of the summary (and a record of ``--format json``)."""
    return Outcome(r.source, r.text, r.commune, len(r.tables), sum(t.rows for t in r.tables), list(r.unsure),
                   reports=list(r.tables), notes=list(r.notes))


def write_all(outcomes: list[Outcome], folder: Path, *, overwrite: bool) -> None:
    """Each plan under its commune's slug (else the document's name), in the order given: a second
    document with a name already taken in this run is refused, never written over the first."""
    taken: dict[str, str] = {}
    for o in outcomes:
        if o.error:
            continue
        name = slug(o.commune) or slug(Path(o.source).stem) or FALLBACK_NAME
        target = folder / f"{name}.yaml"
        if name in taken:
            o.error = ("import.same-name", {"path": o.source, "other": taken[name], "target": str(target)})
            continue
        taken[name] = o.source
        try:
            write_new(target, o.text, overwrite=overwrite)
        except KehoachError as e:
            o.error = (e.key, e.args_)
            continue
        o.target = str(target)
        o.text = ""


def check_all(outcomes: list[Outcome], *, jobs: int | None) -> list[FileResult[Any]]:
    """``validate`` on every plan written (on every core, through the runner); a plan that breaks
    the format needs a look. Returns only those files' results, to show beside the summary: a city's
    hundred plans carry a thousand ordinary findings, which would bury it (``kehoach validate``
    shows them)."""
    from ..config import build_settings
    from ..validation import validate

    written = [o for o in outcomes if o.target]
    if not written:
        return []
    settings = build_settings(select=None, ignore=None, fail_on=None, as_of=dt.date.today(), cwd=Path.cwd())
    files = [(Path(o.target), o.target) for o in written if o.target]
    results = validate(files, settings, cache_dir=None, jobs=jobs).files
    broken = []
    for o, r in zip(written, results, strict=True):
        o.findings = len(r.findings)
        if r.unreadable or any(f.code == "KH002" for f in r.findings):
            o.review.append(("import.schema-errors", {"path": o.target}))
            broken.append(r)
    return broken
