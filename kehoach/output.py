"""The one output layer: every command builds a typed result and hands it here.

A format of a command is one module, ``kehoach/reporters/<command>/<format>.py``, that defines one
:class:`Formatter` subclass; the formats a command has are the modules found there (modules whose
name starts with ``_`` hold shared helpers). This module picks the format (``--format``, or the
extension of ``-o``), opens the destination (the terminal, or a file written atomically), works
out the width and whether to colour, and calls the formatter with the result. Formatters only
format: they never choose where output goes, never read the clock and never compute.
"""

from __future__ import annotations

import importlib
import inspect
import io
import os
import pkgutil
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, ClassVar, Generic, TextIO, TypeVar, cast

from .errors import KehoachError
from .writers import AtomicFile

R = TypeVar("R", contravariant=True)

# Not a terminal (a file, a pipe, a cron mail) and no COLUMNS: wide enough that a table row stays one line.
WIDE = 160
NARROWEST = 60


class Formatter(Generic[R]):
    """One format of one command. ``write`` receives the command's whole result and only formats it."""

    # File name endings this format writes, the usual one first (``-o x.sarif`` picks sarif).
    extensions: ClassVar[tuple[str, ...]] = ()
    # Bytes (``out.binary``) rather than text (``out.text``).
    binary: ClassVar[bool] = False
    # A format that means nothing on a terminal (a workbook): it needs ``-o``.
    file_only: ClassVar[bool] = False

    def write(self, result: R, out: Out) -> None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Out:
    """Where and how a formatter writes: the stream, the language, the width, colour or not."""

    stream: IO[Any]
    lang: str
    width: int
    color: bool

    @property
    def text(self) -> TextIO:
        return cast(TextIO, self.stream)

    @property
    def binary(self) -> IO[bytes]:
        return self.stream

    def console(self, *, soft_wrap: bool = False) -> Any:
        """A Rich console on this stream, at this width, coloured only when it should be."""
        from rich.console import Console

        # Not colouring (a file, a pipe): plain writes. On Windows Rich takes a pipe for a legacy console
        # (it has no VT mode) and would drive the console API on standard output instead.
        return Console(file=self.text, width=self.width, highlight=False, emoji=False, soft_wrap=soft_wrap,
                       force_terminal=self.color, no_color=not self.color,
                       color_system="standard" if self.color else None, legacy_windows=None if self.color else False)


# --- the registry ---------------------------------------------------------------------------------

def formats(command: str) -> tuple[str, ...]:
    """The formats of a command, from the modules in its reporters package (nothing imported)."""
    return _formats(command)


@cache
def _formats(command: str) -> tuple[str, ...]:
    package = importlib.import_module(f"kehoach.reporters.{command}")
    return tuple(sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")))


@cache
def formatter(command: str, name: str) -> Formatter[Any]:
    if name not in formats(command):
        raise KehoachError("cli.bad-format", value=name, allowed=", ".join(formats(command)))
    module = importlib.import_module(f"kehoach.reporters.{command}.{name}")
    found = [cls for _, cls in inspect.getmembers(module, inspect.isclass)
             if issubclass(cls, Formatter) and cls is not Formatter and cls.__module__ == module.__name__]
    if len(found) != 1:
        raise TypeError(f"{module.__name__} must define exactly one Formatter, not {len(found)}")
    return found[0]()


def format_help(command: str, default: str) -> str:
    """The ``--format`` help of a command, listing its formats from the registry."""
    from .messages import t

    return t("cli.format-help", "vi", formats=", ".join(formats(command)), default=default)


# --- choosing the format and the destination -----------------------------------------------------

def names_folder(path: str | Path) -> bool:
    """``-o out/`` or an existing folder: a folder, whatever its name looks like."""
    return str(path).endswith(("/", os.sep)) or os.path.isdir(path)


def _by_extension(command: str, path: str) -> str | None:
    name = os.path.basename(path).lower()
    best: tuple[int, str] | None = None
    for fmt in formats(command):
        for ext in formatter(command, fmt).extensions:
            if name.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), fmt)
    return best[1] if best else None


def choose(command: str, fmt: str | None, output: str | None, default: str) -> str:
    """The format asked for: ``--format``, else the extension of ``-o``, else the default. An
    extension that belongs to another format of the command is an error, not a silent mismatch."""
    if fmt is not None and fmt not in formats(command):
        raise KehoachError("cli.bad-format", value=fmt, allowed=", ".join(formats(command)))
    implied = _by_extension(command, output) if output is not None and not names_folder(output) else None
    if fmt is None:
        return implied or default
    if implied is not None and implied != fmt:
        assert output is not None
        raise KehoachError("out.format-mismatch", path=str(output), format=fmt, implied=implied)
    return fmt


def _width(stream: IO[Any]) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), NARROWEST)
    if _isatty(stream):
        return max(shutil.get_terminal_size((WIDE, 40)).columns, NARROWEST)
    return WIDE


def _color(stream: IO[Any]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _isatty(stream) and os.environ.get("TERM") != "dumb"


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- delivering -----------------------------------------------------------------------------------

def deliver(command: str, fmt: str, result: object, *, lang: str, output: str | None = None,
            stream: TextIO | None = None) -> None:
    """Format ``result`` as ``fmt`` of ``command`` to ``output`` (a file, written whole or not at
    all), or to ``stream`` (standard output by default)."""
    f = formatter(command, fmt)
    if output is None:
        target = stream if stream is not None else sys.stdout
        if f.file_only:
            raise KehoachError("out.needs-file", format=fmt)
        with _terminal(target, f.binary) as s:
            f.write(result, Out(s, lang, _width(target), _color(target)))
        return
    if names_folder(output):
        raise KehoachError("out.is-folder", path=str(output))
    with AtomicFile(Path(output)) as raw:
        s = raw if f.binary else io.TextIOWrapper(raw, encoding="utf-8", newline="")
        f.write(result, Out(s, lang, _width(s), False))
        s.flush()
        if not f.binary:
            s.detach()  # type: ignore[union-attr]


@contextmanager
def _terminal(stream: TextIO, binary: bool) -> Iterator[IO[Any]]:
    stream.flush()
    if binary:
        raw = stream.buffer if hasattr(stream, "buffer") else None
        if raw is None:  # a stream without bytes underneath (tests capturing text): decode once
            buf = io.BytesIO()
            yield buf
            stream.write(buf.getvalue().decode("utf-8"))
        else:
            yield raw
            raw.flush()
    else:
        yield stream
        stream.flush()


def notice(key: str, lang: str, **args: object) -> None:
    """A message beside the result (a warning, what was written): on standard error, so that the
    result on standard output stays what its format promises."""
    from .messages import t

    sys.stderr.write(f"kehoach: {t(key, lang, **args)}\n")


class ProgressBar:
    """A progress bar on standard error for runs long enough to wait for, only when a person is
    watching (a terminal); it starts with the first report, when the total is known."""

    def __init__(self, label: str, *, at_least: int = 2, enabled: bool = True) -> None:
        self.label = label
        # Off for machine formats: a bar on stderr beside JSON on stdout would only be noise.
        self.at_least = at_least if enabled else sys.maxsize
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> ProgressBar:
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.at_least or not _isatty(sys.stderr):
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.stop()
