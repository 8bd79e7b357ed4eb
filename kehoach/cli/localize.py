"""The command-line framework in the user's language: help texts, metavars, section titles and
usage errors, all from the one gettext catalogue (kehoach.i18n).

kehoach's help texts are written in Vietnamese in the commands; ``localize`` puts every one of
them, and the metavars, in the chosen language on the freshly built Click tree of one run. The
framework's own texts are English. The copy of Click inside Typer writes almost all of them as
plain strings, not through gettext, so they are put into words here, where they come out: the
help formatter (usage prefix, section titles, "[default: …]", the help option) and the usage
errors (matched against the framework's texts, their fields kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import i18n
from ..messages import M, t

try:  # typer ≥ 0.26 carries its own copy of click
    from typer import _click as click
except ImportError:  # pragma: no cover - older typer, with click as a dependency
    import click  # type: ignore[no-redef]

# The framework's texts kehoach shows, as Click and Typer write them (the msgids of locale/vi, in
# the context "click"). Usage errors are matched against them to be put in the user's language;
# a field named "message" is itself such a text.
FRAMEWORK_TEXTS = (
    "Usage: ",
    "Show this message and exit.",
    "Try '{command} {option}' for help.",
    "Error: {message}",
    "No such command {name}. Did you mean {suggestions}?",
    "No such command {name}.",
    "Missing command.",
    "No such option: {name} (Possible options: {possibilities})",
    "No such option: {name}",
    "Missing option {name}.",
    "Missing argument {name}.",
    "Missing option {name}. {message}",
    "Missing argument {name}. {message}",
    "Missing parameter: {name}",
    "Invalid value for {name}: {message}",
    "Invalid value: {message}",
    "Option {name} does not take a value.",
    "Option {name} requires an argument.",
    "Option {name} requires {count} arguments.",
    "Argument {name} takes {count} values.",
    "Got unexpected extra argument ({args})",
    "Got unexpected extra arguments ({args})",
    "Got unexpected extra argument(s) ({args})",
    "Value {value} is not a valid {type}.",
    "{value} is not one of {choices}.",
    "{value} does not match the formats {formats}.",
    "Input should be a valid number, unable to parse string as a number",
    "Input should be a valid integer, unable to parse string as an integer",
    "Input should be a valid integer, got a number with a fractional part",
    "Input should be a valid boolean, unable to interpret input",
    "Could not open file {name}: {message}",
    "Aborted!",
)
# Words of the help page: section titles, and the parts of the "[…]" after an option's help.
FRAMEWORK_WORDS = ("Arguments", "Options", "Commands", "default: {default}", "env var: {var}", "required",
                   "(dynamic)")
CONTEXT = "click"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
    return re.compile(rx + r"\Z", re.S)


_PATTERNS = [(template, _pattern(template)) for template in FRAMEWORK_TEXTS]


def framework_text(template: str, lang: str, **fields: str) -> str:
    """One of FRAMEWORK_TEXTS in ``lang``, filled."""
    text = i18n.catalogue(lang).pgettext(CONTEXT, template) if lang != "en" else template
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return text


def put_in_words(message: str, lang: str) -> str:
    """An English message of the framework in ``lang``: matched against the texts it can say,
    its fields kept (and a nested message put in words too). A message the framework has no
    text for is shown as it is, after kehoach's own sentence."""
    if lang == "en":
        return message
    for template, pattern in _PATTERNS:
        m = pattern.match(message)
        if m is not None:
            fields = m.groupdict()
            if "message" in fields:
                fields["message"] = put_in_words(fields["message"], lang)
            return framework_text(template, lang, **fields)
    return t("cli.usage-other", lang, message=message)


def describe(e: Any, lang: str) -> str:
    """A usage error as the framework would show it (usage line, hint, error), in ``lang``."""
    lines = []
    ctx = e.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(framework_text("Try '{command} {option}' for help.", lang,
                                        command=ctx.command_path, option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(framework_text("Error: {message}", lang, message=put_in_words(e.format_message(), lang)))
    return "\n".join(lines) + "\n"


class Formatter(click.HelpFormatter):
    """Click's help formatter, in the language of the run: the usage prefix, the section titles
    and the help option's text."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = framework_text("Usage: ", i18n.current())
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(framework_text(heading, i18n.current()) if heading in FRAMEWORK_WORDS else heading)

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        lang = i18n.current()
        super().write_dl([(term, _help_in(text, lang)) for term, text in rows], col_max, col_spacing)


_EXTRA = re.compile(r"(?P<help>.*?)(?P<gap>\s*)\[(?P<extra>[^\[\]]*)\]\Z", re.S)
_EXTRA_WORDS = [(w, _pattern(w)) for w in FRAMEWORK_WORDS if "{" in w or w == "required"]


def _help_in(text: str, lang: str) -> str:
    """An option's help line in ``lang``: the help option's own text, and the "[env var: …;
    default: …]" Typer appends."""
    if text == "Show this message and exit.":
        return framework_text(text, lang)
    m = _EXTRA.match(text)
    if m is None:
        return text
    parts = []
    for part in m["extra"].split("; "):
        for word, pattern in _EXTRA_WORDS:
            found = pattern.match(part)
            if found is not None:
                part = framework_text(word, lang, **found.groupdict())
                break
        parts.append(part)
    return f"{m['help']}{m['gap']}[{'; '.join(parts)}]"


class Context(click.Context):
    formatter_class = Formatter


def localize(command: Any, lang: str) -> None:
    """Every help text and metavar of ``command`` and its subcommands in ``lang``."""
    for cmd in _commands(command):
        cmd.context_class = Context
        for attr in ("help", "short_help", "epilog"):
            text = getattr(cmd, attr, None)
            if text:
                setattr(cmd, attr, i18n.translate("help", text, lang))
        cmd.options_metavar = t("metavar.options", lang)
        if hasattr(cmd, "subcommand_metavar"):
            cmd.subcommand_metavar = t("metavar.subcommand", lang)
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = i18n.translate("help", param.help, lang)
            if getattr(param, "is_flag", False):
                continue
            if param.metavar is None:      # none is written in the commands: words from the catalogue
                param.metavar = t(metavar_key(param), lang)
            if param.param_type_name == "argument":
                # Typer writes an argument's type ("<list[str]>") beside its name, and a required
                # one as "{NAME}" in the usage line: the metavar says it in words instead.
                param._usage_display_name = _usage_name(param)
                param.display_type_rich = _no_type


def _no_type(ctx: Any) -> None:
    return None


def _usage_name(param: Any) -> Any:
    def name() -> str:
        text = str(param.metavar)
        text = text if param.required else f"[{text}]"
        return f"{text}..." if param.nargs != 1 else text
    return name


def metavar_key(param: Any) -> str:
    """The catalogue key of a parameter's metavar: by its name when the catalogue has a word for
    it, else by its type."""
    key = f"metavar.{param.name}"
    if key in M:
        return key
    desc = getattr(param, "type_descriptor", None)
    if desc is not None and desc.is_path:
        return "metavar.path"
    bare = param.bare_type() if hasattr(param, "bare_type") else ""
    if any(word in bare for word in ("int", "float")):
        return "metavar.number"
    return "metavar.value"


def _commands(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _commands(sub)
