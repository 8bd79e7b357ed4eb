"""Shared pieces of the command line: the Typer apps, common options, small helpers."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import KehoachError
from ..messages import LANGS

if TYPE_CHECKING:
    from ..linter import FileResult
    from ..runner import Job

app = typer.Typer(
    name="kehoach",
    help="Kế hoạch KHCN, ĐMST và CĐS cấp xã dưới dạng YAML: kiểm tra, theo dõi, tổng hợp, in văn bản.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
explain_app = typer.Typer(help="Giải thích cách kehoach đọc thời hạn, chỉ tiêu, đơn vị, quy tắc.",
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(explain_app, name="explain")

LangOpt = Annotated[str, typer.Option("--lang", help="Ngôn ngữ thông báo: vi (mặc định) hoặc en.",
                                      envvar="KEHOACH_LANG")]
ExplainFormat = Annotated[str, typer.Option("--format", help="text hoặc json.")]
# The options every command over many plans shares (the runner's cache and workers).
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm.")]
CacheDirOpt = Annotated[Path, typer.Option("--cache-dir", envvar="KEHOACH_CACHE_DIR", help="Thư mục bộ nhớ đệm.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Số tiến trình song song (mặc định: số lõi).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Hiện chi tiết lỗi nội bộ.")]
CACHE_DIR = Path(".kehoach_cache")


def lang_of(value: str) -> str:
    if value not in LANGS:
        raise KehoachError("cli.bad-lang", value=value)
    return value


def date_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise KehoachError("cli.bad-date", value=value) from None


def choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise KehoachError("cli.bad-format", value=value, allowed=", ".join(allowed))
    return value


class open_output:
    """Write a report atomically: a half-written report is worse than none."""

    def __init__(self, path: Path, binary: bool = False) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.tmp")
        self.binary = binary

    def __enter__(self) -> Any:
        try:
            self.f = self.tmp.open("wb") if self.binary else self.tmp.open("w", encoding="utf-8")
        except OSError as e:
            raise KehoachError("load.unreadable", reason=f"{self.path}: {e.strerror}") from None
        return self.f

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.f.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


class progress:
    """A progress bar on stderr for long runs, only when a person is watching."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled and total >= 200 and sys.stderr.isatty()
        self.total = total

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("kehoach", total=self.total)
        return lambda done, total: self.progress.update(self.task, completed=done)

    def __exit__(self, *_: object) -> None:
        if self.enabled:
            self.progress.stop()


def emit(data: dict[str, Any], fmt: str, lines: list[tuple[str, str]]) -> None:
    if fmt == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        sys.stdout.write(f"{k.ljust(width)}  {v}\n")




@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """For commands over thousands of plans whose work makes no reference cycles (status,
    rollup): the cyclic collector would walk their millions of live objects again and again for
    nothing. Forked workers inherit the setting. What is still alive at the end is frozen (set
    aside for good) rather than walked once more by the collector's first pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


_KEPT: list[object] = []


def keep_until_exit(*objects: object) -> None:
    """Leave a command's large results to the end of the process: the console script ends with
    os._exit (kehoach.__main__), so the millions of objects of a national run are not freed one
    by one just before the process goes anyway (a tenth of a second). In a long-lived process
    (the tests), the next command lets them go."""
    _KEPT[:] = objects


def release_kept() -> None:
    _KEPT.clear()
    gc.unfreeze()


class report_invalid:
    """Commands that need valid plans stop on invalid ones, showing their findings on stderr:
    exit 2 for unreadable files, 1 for plans that break the format."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        from ..linter import FileResult
        from ..plans import PlansInvalid
        from ..reporters import text

        if isinstance(exc, PlansInvalid):
            by_path: dict[str, FileResult] = {}
            for f in exc.findings:
                by_path.setdefault(f.path, FileResult(f.path)).findings.append(f)
            text.report(list(by_path.values()), sys.stderr, self.lang)
            raise typer.Exit(2 if exc.unreadable else 1)


def read_valid(files: list[tuple[Path, str]], job: Job, *, cache_dir: Path | None, jobs: int | None, lang: str,
               show_progress: bool) -> list[FileResult]:
    """The runner's results for a command that needs valid plans (status, rollup): every plan read
    once, cached and on every core; a stop with their findings when any is unreadable or invalid."""
    from ..plans import PlansInvalid
    from ..runner import run

    with progress(len(files), enabled=show_progress) as tick:
        results = run(files, job, cache_dir=cache_dir, jobs=jobs, progress=tick)
    with report_invalid(lang):
        bad = [f for r in results for f in r.findings]
        if bad:
            raise PlansInvalid(bad, any(r.unreadable for r in results))
    return results
