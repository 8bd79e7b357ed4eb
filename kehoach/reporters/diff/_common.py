"""What the formats of ``diff`` share: the order people read changes in, the summary line, the
words that changed."""

from __future__ import annotations

from rich.text import Text

from ...diff import DiffResult
from ...diff.changes import Change
from ...diff.words import elide
from ...messages import t

_RANK = {"error": 0, "warning": 1, "info": 2}


def people_order(changes: tuple[Change, ...] | list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (_RANK[c.severity], *c.sort_key()))


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
