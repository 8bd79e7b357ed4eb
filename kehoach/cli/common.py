"""Shared pieces of the command line: the Typer apps, the options every command shares, and the
few steps between parsing and the library (dates, languages, invalid plans)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from .. import i18n
from ..errors import KehoachError
from ..output import format_help

if TYPE_CHECKING:
    from ..jobs import FileResult, Job

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


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        sys.stdout.write(f"kehoach {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option(
        "--debug", help="Hiện chi tiết lỗi nội bộ (dùng được ở mọi vị trí trên dòng lệnh).")] = False,
    version: Annotated[bool, typer.Option(
        "--version", help="In phiên bản kehoach rồi thoát.", is_eager=True, callback=_show_version)] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Ngôn ngữ: vi hoặc en (mặc định: KEHOACH_LANG, rồi ngôn ngữ của máy, rồi vi).",
        show_default=False)] = None,
) -> None:
    """Kế hoạch KHCN, ĐMST và CĐS cấp xã dưới dạng YAML: kiểm tra, theo dõi, tổng hợp, in văn bản."""
    # --debug is taken out of the arguments before parsing (kehoach.cli.main), wherever it stands;
    # it is declared here so that it is listed in the help. --lang is read before parsing too
    # (kehoach.i18n.language) and taken out, wherever it stands (an unknown one refused there): it is
    # declared here so that the help lists it before the command.


# The language was chosen before parsing (kehoach.i18n.language: --lang anywhere, KEHOACH_LANG,
# the locale); the option's default is that choice, so every command sees the same.
def _lang_chosen(value: str) -> str:
    # --lang was read, checked and taken out before parsing (kehoach.cli.main): the language of the
    # run is the one chosen there; the option is declared on each command for its --help.
    return i18n.current()


LangOpt = Annotated[str, typer.Option(
    "--lang", help="Ngôn ngữ: vi hoặc en (mặc định: KEHOACH_LANG, rồi ngôn ngữ của máy, rồi vi).",
    callback=_lang_chosen, show_default=False)]
PathsArg = Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", help="Ngày tính (YYYY-MM-DD hoặc dd/mm/yyyy), mặc định hôm nay.")]
# A string, not a Path: Path("out/") forgets the slash that says "a folder".
OutputOpt = Annotated[str | None, typer.Option(
    "-o", "--output", help="Ghi ra tệp (ghi trọn hoặc không ghi gì); định dạng theo đuôi tệp nếu không có --format.")]
# The options every command over many plans shares (the runner's cache and workers).
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm.")]
CacheDirOpt = Annotated[Path, typer.Option("--cache-dir", envvar="KEHOACH_CACHE_DIR", readable=False,
                                           help="Thư mục bộ nhớ đệm.")]
# Paths are checked by kehoach itself (readable=False above): Click would say in English that a
# path "is not readable", where kehoach says which file and why, in the user's language.
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", help="Số tiến trình song song (mặc định: số lõi).")]
CACHE_DIR = Path(".kehoach_cache")
P = TypeVar("P")


def format_option(command: str, default: str, *names: str) -> Any:
    """``--format`` of a command, its help listing the formats the registry has for it."""
    return typer.Option(*(names or ("--format",)), help=format_help(command, default))


def date_of(value: str | None) -> dt.date:
    """``--as-of``: today when not given; ``YYYY-MM-DD`` or ``dd/mm/yyyy`` (kehoach.dates)."""
    from ..dates import parse_date

    return dt.date.today() if value is None else parse_date(value)


def choice(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise KehoachError("cli.bad-choice", value=value, allowed=", ".join(allowed))
    return value


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


def show_findings(results: Sequence[FileResult[Any]], lang: str) -> None:
    """Findings beside a command's own output (the plans it could not use): as validate's text, on
    standard error."""
    from ..output import deliver
    from ..validation import Validation

    deliver("validate", "text", Validation(list(results)), lang=lang, stream=sys.stderr)


class report_invalid:
    """Commands that need valid plans stop on invalid ones, showing their findings on stderr:
    exit 2 for unreadable files, 1 for plans that break the format."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        from ..jobs import FileResult
        from ..plans import PlansInvalid

        if isinstance(exc, PlansInvalid):
            by_path: dict[str, FileResult[None]] = {}
            for f in exc.findings:
                by_path.setdefault(f.path, FileResult(f.path)).findings.append(f)
            show_findings(list(by_path.values()), self.lang)
            raise typer.Exit(2 if exc.unreadable else 1)


def read_valid(files: list[tuple[Path, str]], job: Job[P], *, cache_dir: Path | None, jobs: int | None, lang: str,
               show_progress: bool) -> list[FileResult[P]]:
    """The runner's results for a command that needs valid plans (status, rollup): every plan read
    once, cached and on every core; a stop with their findings when any is unreadable or invalid."""
    from ..output import ProgressBar
    from ..runner import run

    with ProgressBar("kehoach", at_least=200, enabled=show_progress) as bar:
        results = run(files, job, cache_dir=cache_dir, jobs=jobs, progress=bar)
    bad = [r for r in results if r.findings]
    if bad:
        show_findings(bad, lang)
        raise typer.Exit(2 if any(r.unreadable for r in results) else 1)
    return results
