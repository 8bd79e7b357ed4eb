"""The gettext catalogue: one domain, ``kehoach``, in two languages.

kehoach's own texts (messages, rule messages, help) are written in Vietnamese, the source
language; ``locale/en`` translates them to English. The command-line framework's texts (Click,
Typer) are written in English; ``locale/vi`` translates them to Vietnamese. A text missing from
a catalogue is shown as written — Vietnamese for kehoach's own, never a key.

The catalogues are edited as ``.po`` files and shipped compiled (``.mo``); ``tools/i18n.py``
extracts, updates, compiles and checks them with Babel (CONTRIBUTING.md).
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

LANGS = ("vi", "en")
DOMAIN = "kehoach"
LOCALE_DIR = Path(__file__).parent / "locale"

_current = "vi"


@functools.cache
def catalogue(lang: str) -> _gettext.NullTranslations:
    try:
        with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
            return _gettext.GNUTranslations(f)
    except OSError:  # a source checkout whose catalogue was never compiled: texts as written
        return _gettext.NullTranslations()


def use(lang: str) -> None:
    """Make ``lang`` the language of the run: of the texts that are not told one (the help
    formatter's) and the default of every command's --lang."""
    global _current
    _current = lang if lang in LANGS else "vi"


def current() -> str:
    return _current


def translate(context: str, message: str, lang: str) -> str:
    """``message`` (kehoach's Vietnamese source text, known by ``context``) in ``lang``."""
    if lang == "vi":
        return message
    return catalogue(lang).pgettext(context, message)


def language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language to speak: ``--lang`` anywhere on the command line, then ``KEHOACH_LANG``, then
    the locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``: English when it names English),
    else Vietnamese.

    The Windows display language is not asked: many Vietnamese offices run an English Windows,
    and their staff still want Vietnamese."""
    for value in asked(args):
        if value in LANGS:
            return value
    env = environ.get("KEHOACH_LANG", "")
    if env in LANGS:
        return env
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            # LANGUAGE is a list ("en_GB:vi"): its first entry decides. "C"/"POSIX" say nothing.
            first = value.split(":")[0].lower()
            if first in ("c", "posix") or first.startswith(("c.", "posix.")):
                continue
            return "en" if first.startswith("en") else "vi"
    return "vi"


def asked(args: Sequence[str]) -> list[str]:
    """Every value given to ``--lang`` on the command line (before any "--"), as written."""
    out = []
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            out.append(args[i + 1])
        elif arg.startswith("--lang="):
            out.append(arg[7:])
    return out


def without_lang(args: Sequence[str]) -> list[str]:
    """``args`` without ``--lang`` and its value (read before parsing by ``language`` and
    ``asked``), wherever it stands before any "--"."""
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return out + list(args[i:])
        if arg == "--lang" and i + 1 < len(args):
            i += 2
            continue
        if arg.startswith("--lang="):
            i += 1
            continue
        out.append(arg)
        i += 1
    return out
