"""kehoach's gettext catalogue, with Babel: extract, update, compile, check.

    python tools/i18n.py update    # collect every text, merge into locale/{vi,en}/…/kehoach.po
    python tools/i18n.py compile   # .po → .mo (shipped in the package)
    python tools/i18n.py check     # complete, placeholders equal, .mo current (a test runs it)
    python tools/i18n.py resolve   # after a git merge conflict in locale/: both sides' translations

What is collected (the msgids), by gettext context:
- ``<message id>``: kehoach's messages (kehoach/messages.py), Vietnamese;
- ``rule.<message id>``: the rules' messages (kehoach/rules/), Vietnamese;
- ``help``: every help text of every command and option (walked on the Typer app), Vietnamese;
- ``click``: the command-line framework's texts kehoach shows (kehoach/cli/localize.py), English.

Each language's file holds every msgid: the source language's entries translate to themselves
(so that "every msgid has a translation" is a plain check), the others are translated by hand.
Entries are keyed by context, so one Vietnamese word can say two things in English.
"""

from __future__ import annotations

import io
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOCALE = ROOT / "kehoach" / "locale"
LANGS = ("vi", "en")


@dataclass(frozen=True)
class Entry:
    context: str
    msgid: str
    source: str                      # the language the msgid is written in
    where: tuple[str, ...] = field(default=())


def collect() -> list[Entry]:
    """Every text kehoach shows, once, in a stable order."""
    import typer.main

    from kehoach.cli import app
    from kehoach.cli.localize import CONTEXT, FRAMEWORK_TEXTS, FRAMEWORK_WORDS, _commands
    from kehoach.messages import M, rule_templates

    out: dict[tuple[str, str], Entry] = {}

    def add(context: str, msgid: str, source: str, where: str) -> None:
        key = (context, msgid)
        if key in out:
            old = out[key]
            out[key] = Entry(context, msgid, source, (*old.where, where))
        else:
            out[key] = Entry(context, msgid, source, (where,))

    for key, text in M.items():
        add(key, text, "vi", "kehoach/messages.py")
    for key, text in sorted(rule_templates().items()):
        add(f"rule.{key}", text, "vi", "kehoach/rules/")
    for cmd in _commands(typer.main.get_command(app)):
        where = f"kehoach {cmd.name}"
        for attr in ("help", "short_help", "epilog"):
            text = getattr(cmd, attr, None)
            if text:
                add("help", text, "vi", where)
        for param in cmd.params:
            if getattr(param, "help", None):
                add("help", param.help, "vi", f"{where} {param.name}")
    for text in (*FRAMEWORK_TEXTS, *FRAMEWORK_WORDS):
        add(CONTEXT, text, "en", "kehoach/cli/localize.py")
    return list(out.values())


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "kehoach.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain="kehoach")
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang, domain="kehoach")
    for message in catalog:
        # Every text is a str.format template: Babel takes "50% của" for a %-format ("% c") on
        # reading, and would check it as one.
        message.flags.discard("python-format")
    return catalog


def update() -> None:
    entries = collect()
    for lang in LANGS:
        old = read(lang)
        language = "Vietnamese" if lang == "vi" else "English"
        new = Catalog(locale=lang, domain="kehoach", project="kehoach", charset="utf-8", fuzzy=False,
                      header_comment=f"# kehoach's messages in {language}.")
        for e in entries:
            if e.source == lang:
                text = e.msgid
            else:
                previous = old.get(e.msgid, context=e.context)
                text = previous.string if previous is not None and previous.string else ""
            message = new.add(e.msgid, text, context=e.context, locations=[(w, 0) for w in e.where][:3])
            message.flags.discard("python-format")      # see read()
            message.flags.add("python-brace-format")
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        write_po(buf, new, width=0, omit_header=False, no_location=False, sort_output=False, include_lineno=False)
        path.write_bytes(buf.getvalue())
        untranslated = sum(1 for m in new if m.id and not m.string)
        print(f"{path.relative_to(ROOT)}: {len(entries)} entries, {untranslated} untranslated")


def compiled(lang: str) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, read(lang), use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> None:
    for lang in LANGS:
        path = po_path(lang).with_suffix(".mo")
        path.write_bytes(compiled(lang))
        print(f"{path.relative_to(ROOT)} written")


_FORMAT = string.Formatter()
_PERCENT = re.compile(r"%(?:\([^)]*\))?[sdifr%]")


def placeholders(text: str) -> tuple[list[str], list[str]]:
    try:
        names = sorted({f for _, f, _, _ in _FORMAT.parse(text) if f is not None})
    except ValueError:
        names = ["<unbalanced braces>"]
    return names, sorted(_PERCENT.findall(text))


def problems() -> list[str]:
    """What is wrong with the catalogue today; empty when it is complete and current."""
    out = []
    entries = {(e.context, e.msgid): e for e in collect()}
    for lang in LANGS:
        catalog = read(lang)
        seen = set()
        for m in catalog:
            if not m.id:
                continue
            key = (m.context or "", m.id)
            seen.add(key)
            if key not in entries:
                out.append(f"{lang}: obsolete entry [{m.context}] {m.id!r}: run tools/i18n.py update")
                continue
            if not m.string:
                out.append(f"{lang}: no translation for [{m.context}] {m.id!r}")
            elif placeholders(m.id) != placeholders(m.string):
                out.append(f"{lang}: placeholders differ in [{m.context}] {m.id!r}: {m.string!r}")
        for message, errors in catalog.check():     # Babel's checkers: msgfmt --check's, in Python
            out += [f"{lang}: [{message.context}] {message.id!r}: {e}" for e in errors]
        for key in entries.keys() - seen:
            out.append(f"{lang}: missing [{key[0]}] {key[1]!r}: run tools/i18n.py update")
        mo = po_path(lang).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(lang):
            out.append(f"{lang}: {mo.name} is not the compiled .po: run tools/i18n.py compile")
    return out


def resolve() -> None:
    """A merge that conflicts in the catalogue: each side added its own entries, and the .po and
    .mo files cannot be merged line by line. Take every translation of both sides (by context and
    msgid; ours first), then update and compile from the merged code."""
    import subprocess

    for lang in LANGS:
        rel = po_path(lang).relative_to(ROOT).as_posix()
        sides = []
        for stage in (2, 3):     # ours, theirs
            shown = subprocess.run(["git", "show", f":{stage}:{rel}"], cwd=ROOT, capture_output=True, check=False)
            if shown.returncode != 0:
                raise SystemExit(f"{rel} is not in a merge conflict (git show :{stage}: failed)")
            sides.append(read_po(io.BytesIO(shown.stdout), locale=lang, domain="kehoach"))
        ours, theirs = sides
        for m in theirs:
            if m.id and m.string:
                mine = ours.get(m.id, context=m.context)
                if mine is None:
                    ours.add(m.id, m.string, context=m.context, locations=m.locations)
                elif not mine.string:
                    mine.string = m.string
        buf = io.BytesIO()
        write_po(buf, ours, width=0, sort_output=False, include_lineno=False)
        po_path(lang).write_bytes(buf.getvalue())
    update()
    compile_all()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "resolve":
        resolve()
    elif command == "check":
        found = problems()
        for p in found:
            print(p)
        print(f"{len(found)} problems")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
