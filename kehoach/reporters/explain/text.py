"""For people: one ``name  value`` line per field, or the document rendered for the terminal
(styles only on a colour terminal, no Markdown markers anywhere). Not a contract."""

from __future__ import annotations

from ...explain import Explanation
from ...output import Formatter, Out
from .._markdown import render


class TextFormat(Formatter[Explanation]):
    extensions = (".txt",)

    def write(self, result: Explanation, out: Out) -> None:
        if result.prose is not None:
            render(out.console(), result.prose)
            return
        width = max((len(k) for k, _ in result.lines), default=0)
        for k, v in result.lines:
            out.text.write(f"{k.ljust(width)}  {v}\n")
