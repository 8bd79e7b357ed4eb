"""For people: one finding per line, ``path:line:col: code [rule-name] message``. Not a contract."""

from __future__ import annotations

from rich.text import Text

from ...findings import Severity
from ...messages import severity_label, t
from ...output import Formatter, Out
from ...validation import Validation
from ._common import Summary, all_findings, message

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class TextFormat(Formatter[Validation]):
    extensions = (".txt",)

    def write(self, result: Validation, out: Out) -> None:
        lang = out.lang
        console = out.console(soft_wrap=True)
        for f in all_findings(result.files):
            line = Text()
            line.append(f"{f.path}:{f.span.line}:{f.span.column}: ", style="bold")
            line.append(f"{f.code} ", style=_STYLE[f.severity])
            line.append(f"[{f.rule}] ", style="dim")
            line.append(f"{severity_label(f.severity.label, lang)}: ", style=_STYLE[f.severity])
            line.append(message(f, lang))
            console.print(line)
        s = Summary.of(result.files)
        if s.errors or s.warnings or s.infos:
            console.print(Text(t("cli.summary", lang, files=s.files, errors=s.errors, warnings=s.warnings,
                                 infos=s.infos), style="bold"))
        else:
            console.print(Text(t("cli.summary-clean", lang, files=s.files), style="bold green"))
        if s.unreadable:
            console.print(Text(t("cli.unreadable-files", lang, count=s.unreadable), style="bold red"))
