"""For people: one line per change, warnings first, with the words that changed. Not a contract."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..messages import severity_label, t
from . import DiffResult
from .changes import Change
from .describe import sentence
from .words import elide

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_RANK = {"error": 0, "warning": 1, "info": 2}


def people_order(changes: tuple[Change, ...] | list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (_RANK[c.severity], *c.sort_key()))


def report(result: DiffResult, out: TextIO, lang: str) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
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


def words_text(words: list[tuple[str, str]]) -> Text:
    """``[-removed-]{+added+}`` as in ``git diff --word-diff``, coloured on a terminal."""
    out = Text("    ")
    for op, s in elide(words):
        if op == "=":
            out.append(s)
        elif op == "-":
            out.append(f"[-{s}-]", style="red strike")
        else:
            out.append(f"{{+{s}+}}", style="green")
    return out


def summary(result: DiffResult, lang: str) -> str:
    changes = result.changes
    if not changes:
        return t("diff.summary-none", lang, files=len(result.plans))
    count = {s: sum(c.severity == s for c in changes) for s in ("error", "warning", "info")}
    return t("diff.summary", lang, plans=sum(1 for p in result.plans if p.changes), changes=len(changes),
             errors=count["error"], warnings=count["warning"], infos=count["info"])
