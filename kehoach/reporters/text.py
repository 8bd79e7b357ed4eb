"""For people: one finding per line, ``path:line:col: code [rule-name] message``. Not a contract."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..findings import Severity
from ..linter import FileResult
from ..messages import severity_label, t
from . import Summary, all_findings, message

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def report(results: list[FileResult], out: TextIO, lang: str) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    for f in all_findings(results):
        line = Text()
        line.append(f"{f.path}:{f.span.line}:{f.span.column}: ", style="bold")
        line.append(f"{f.code} ", style=_STYLE[f.severity])
        line.append(f"[{f.rule}] ", style="dim")
        line.append(f"{severity_label(f.severity.label, lang)}: ", style=_STYLE[f.severity])
        line.append(message(f, lang))
        console.print(line)
    s = Summary.of(results)
    if s.errors or s.warnings or s.infos:
        console.print(Text(t("cli.summary", lang, files=s.files, errors=s.errors, warnings=s.warnings,
                             infos=s.infos), style="bold"))
    else:
        console.print(Text(t("cli.summary-clean", lang, files=s.files), style="bold green"))
    if s.unreadable:
        console.print(Text(t("cli.unreadable-files", lang, count=s.unreadable), style="bold red"))
