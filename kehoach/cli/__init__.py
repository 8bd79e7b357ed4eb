"""The command line: parse options, call the library, pick the exit code. No logic here.

Each command lives in its own module, registered on the Typer app when imported below.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback

import typer
import typer.main

from .. import i18n
from ..errors import KehoachError
from ..messages import t
from . import (  # noqa: F401  (registers the commands)
    diff,
    explain,
    export,
    fmt,
    import_,
    init,
    new,
    progress,
    render,
    report,
    rollup,
    status,
    validate,
)
from .common import app, release_kept
from .localize import describe, localize

try:  # typer ≥ 0.26 carries its own copy of click and raises that copy's exceptions
    from typer._click import exceptions as _click
except ImportError:  # pragma: no cover - older typer, with click as a dependency
    from click import exceptions as _click  # type: ignore[no-redef]

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point: the one place where errors become messages and exit codes."""
    release_kept()   # a long-lived process (the tests) runs one command after another
    given = sys.argv[1:] if argv is None else argv
    # --debug is understood wherever it stands (an error message asks to run again with it).
    args = [a for a in given if a != "--debug"]
    debug = len(args) != len(given) or bool(os.environ.get("KEHOACH_DEBUG"))
    lang = i18n.language(args)
    # --lang is understood wherever it stands too (before the command, after a group such as
    # explain): read here, and every command's --lang defaults to it. An unknown one is refused
    # here, wherever it stands.
    unknown = [value for value in i18n.asked(args) if value not in i18n.LANGS]
    args = i18n.without_lang(args)
    i18n.use(lang)
    utf8_streams()
    if unknown:
        sys.stderr.write(f"kehoach: {t('cli.bad-lang', lang, value=unknown[0])}\n")
        return 2
    try:
        command = typer.main.get_command(app)
        localize(command, lang)
        rv = command.main(args=args, prog_name="kehoach", standalone_mode=False)
    except typer.Exit as e:
        return int(e.exit_code)
    except _click.NoArgsIsHelpError as e:
        e.show()
        return 2
    except _click.UsageError as e:
        sys.stderr.write(describe(e, lang))
        return 2
    except _click.ClickException as e:
        e.show()
        return 2
    except typer.Abort:
        return 130
    except KehoachError as e:
        sys.stderr.write(f"kehoach: {t(e.key, lang, **e.args_)}\n")
        if debug:
            traceback.print_exc()
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:
        # What reaches here is the output that could not be written (stdout on a full disk);
        # files kehoach reads and writes are answered where they are opened.
        sys.stderr.write(f"kehoach: {t('cli.output-failed', lang, detail=output_problem(e))}\n")
        if debug:
            traceback.print_exc()
        return 2
    except Exception as e:  # the last line of defence: never a traceback for a user
        sys.stderr.write(f"kehoach: {t('cli.internal', lang, detail=type(e).__name__)}\n")
        if debug:
            traceback.print_exc()
        return 2
    return rv if isinstance(rv, int) else 0


def output_problem(e: OSError) -> str:
    return f"{e.filename}: {e.strerror}" if e.filename and e.strerror else e.strerror or type(e).__name__


def utf8_streams() -> None:
    """Vietnamese on every console: a Windows pipe or file otherwise gets the ANSI code page, and
    the first "ễ" would stop the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            # A stream that cannot change (already written to) is left as it is.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8")
