"""Run a job over many files: a content-hash cache, and every core.

The cache (like ruff's) keeps each file's findings under a key made of everything that can
change them: kehoach's own code, the schema, the selected rules and severities, the unit
registries and, for rules that read it, the as-of date. An unchanged file (same size and mtime,
or else the same content hash) is not parsed again.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import marshal
import multiprocessing as mp
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .config import Settings
from .errors import KehoachError
from .findings import Finding
from .jobs import FileResult, Job, code_fingerprint
from .linter import lint_file
from .loader import LoadFailure, read_bytes
from .rules import REGISTRY
from .units import REGISTRY_FILE, load_registry
from .writers import AtomicFile

P = TypeVar("P")
PARALLEL_FROM = 24   # below this many files, starting workers costs more than it saves


def fingerprint(settings: Settings, files: list[tuple[Path, str]]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(code_fingerprint().encode())
    h.update(json.dumps([settings.rules, sorted((k, int(v)) for k, v in settings.severities.items())]).encode())
    if any(REGISTRY[r].uses_as_of for r in settings.rules):
        h.update(settings.as_of.isoformat().encode())
    h.update(registries_fingerprint(files).encode())
    return h.hexdigest()


def registries_fingerprint(files: list[tuple[Path, str]]) -> str:
    h = hashlib.blake2b(digest_size=16)
    # abspath, not resolve(): resolving every path costs a syscall per component on large runs.
    for folder in sorted({Path(os.path.abspath(p)).parent for p, _ in files}):
        registry = folder / REGISTRY_FILE
        if os.path.lexists(registry):
            load_registry(registry)  # a broken registry is a configuration error: stop before any work
            h.update(str(registry).encode())
            h.update(read_bytes(registry))
    return h.hexdigest()


def validate_job(settings: Settings, files: list[tuple[Path, str]]) -> Job[None]:
    return Job("validate", fingerprint(settings, files), functools.partial(lint_file, settings=settings))


@dataclass(slots=True)
class Cache:
    path: Path | None
    entries: dict[str, dict[str, Any]]
    dirty: bool = False

    @classmethod
    def open(cls, folder: Path | None, name: str, key: str) -> Cache:
        if folder is None:
            return cls(None, {})
        # marshal, not JSON: a national run's cache holds a hundred thousand rows and JSON decoding
        # was the largest part of a warm run. The format is Python's own, so the key names the version.
        path = folder / f"{name}-{key}-py{sys.version_info[0]}{sys.version_info[1]}.cache"
        try:
            entries = marshal.loads(path.read_bytes())
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, EOFError, TypeError):
            entries = {}
        return cls(path, entries)

    def lookup(self, path: Path, display: str, job: Job[Any]) -> FileResult[Any] | None:
        entry = self.entries.get(os.path.abspath(path))
        if entry is None:
            return None
        try:
            st = path.stat()
        except OSError:
            return None
        if (st.st_mtime_ns, st.st_size) != (entry["m"], entry["s"]):
            try:
                digest = hashlib.blake2b(read_bytes(path), digest_size=16).hexdigest()
            except LoadFailure:   # gone, or no longer a regular file: read afresh, and refused there
                return None
            if digest != entry["h"]:
                return None
            entry["m"], entry["s"] = st.st_mtime_ns, st.st_size
            self.dirty = True
        findings = [Finding.from_row(f, display) for f in entry["f"]]
        return FileResult(display, findings, False, entry["h"], entry["m"], entry["s"], job.load(entry.get("p")))

    def store(self, path: Path, result: FileResult[Any]) -> None:
        if self.path is None or result.unreadable or not result.digest:
            return
        self.entries[os.path.abspath(path)] = {
            "m": result.mtime_ns, "s": result.size, "h": result.digest,
            "f": [f.to_row() for f in result.findings],
            "p": Job.store(result.payload),
        }
        self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Tạo bởi kehoach: bộ nhớ đệm, không đưa vào git.\n*\n", encoding="utf-8")
            job = self.path.name.split("-", 1)[0]
            for old in [*self.path.parent.glob(f"{job}-*.cache"), *self.path.parent.glob(f"{job}-*.json")]:
                if old != self.path:
                    old.unlink(missing_ok=True)
            # Not synced: a cache lost in a power cut only costs time. Windows refuses to replace a
            # file another process has open (a second kehoach reading the cache): the run is still
            # right, and AtomicFile leaves no temporary file behind.
            with AtomicFile(self.path, sync=False) as f:
                f.write(marshal.dumps(self.entries))
        except (OSError, KehoachError):
            pass  # a cache that cannot be written only costs time next run


START_METHOD_ENV = "KEHOACH_START_METHOD"


def start_method() -> str:
    """How worker processes start: fork where the system has it (a worker begins with kehoach
    already imported, which is most of a small run's cost), spawn elsewhere (Windows, where most
    commune officers work). ``KEHOACH_START_METHOD=spawn`` runs the Windows path on any system,
    so CI checks that nothing a job carries needs fork: the job is pickled to each worker, and
    each worker imports kehoach afresh."""
    available = mp.get_all_start_methods()
    chosen = os.environ.get(START_METHOD_ENV) or ("fork" if "fork" in available else available[0])
    if chosen not in available:
        raise KehoachError("cli.bad-start-method", value=chosen, allowed=", ".join(available))
    return chosen


_job: Job[Any] | None = None


def _init(job: Job[Any], gc_enabled: bool = True) -> None:
    global _job
    _job = job
    # A forked worker inherits the parent's disabled collector (cli.common.without_gc); a spawned
    # one starts with it enabled, so the setting travels with the job to behave the same.
    if not gc_enabled:
        gc.disable()


def _work(item: tuple[int, str, str]) -> tuple[int, FileResult[Any]]:
    index, path, display = item
    assert _job is not None
    return index, _job.work(Path(path), display)


def run(files: list[tuple[Path, str]], job: Job[P], *, cache_dir: Path | None, jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None) -> list[FileResult[P]]:
    cache = Cache.open(cache_dir, job.name, job.key)
    results: list[FileResult[P] | None] = [None] * len(files)
    todo: list[tuple[int, str, str]] = []
    for i, (path, display) in enumerate(files):
        hit = cache.lookup(path, display, job)
        if hit is not None:
            results[i] = hit
        else:
            todo.append((i, str(path), display))
    done = len(files) - len(todo)
    if progress:
        progress(done, len(files))
    workers = jobs or os.cpu_count() or 1
    if len(todo) >= PARALLEL_FROM and workers > 1:
        ctx = mp.get_context(start_method())
        with ctx.Pool(workers, initializer=_init, initargs=(job, gc.isenabled())) as pool:
            for index, result in pool.imap_unordered(_work, todo, chunksize=8):
                results[index] = result
                done += 1
                if progress:
                    progress(done, len(files))
    else:
        _init(job)
        for item in todo:
            index, result = _work(item)
            results[index] = result
            done += 1
            if progress:
                progress(done, len(files))
    for index, _, _ in todo:
        stored = results[index]
        assert stored is not None
        cache.store(files[index][0], stored)
    cache.save()
    return [r for r in results if r is not None]
