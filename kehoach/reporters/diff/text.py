"""For people: one line per change, warnings first, with the words that changed. Not a contract."""

from __future__ import annotations

from rich.text import Text

from ...diff import DiffResult
from ...diff.describe import sentence
from ...messages import severity_label
from ...output import Formatter, Out
from ._common import people_order, summary, words_text

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class TextFormat(Formatter[DiffResult]):
    extensions = (".txt",)

    def write(self, result: DiffResult, out: Out) -> None:
        lang = out.lang
        console = out.console(soft_wrap=True)
        for plan in result.plans:
            if not plan.changes:
                continue
            for c in people_order(plan.changes):
                line = Text()
                line.append(f"{plan.path}:{c.line}: " if c.line else f"{plan.path}: ", style="bold")
                line.append(f"{severity_label(c.severity, lang)} ", style=_STYLE[c.severity])
                line.append(f"[{c.kind}] ", style="dim")
                if c.id:
                    line.append(f"{c.id}: ", style="bold")
                line.append(sentence(c, lang))
                console.print(line)
                words = c.details.get("words")
                if words:
                    console.print(words_text([(op, s) for op, s in words]))
            console.print()
        console.print(Text(summary(result, lang), style="bold"))
