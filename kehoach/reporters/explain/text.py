"""For people: one ``name  value`` line per field, or the document. Not a contract."""

from __future__ import annotations

from ...explain import Explanation
from ...output import Formatter, Out


class TextFormat(Formatter[Explanation]):
    extensions = (".txt",)

    def write(self, result: Explanation, out: Out) -> None:
        if result.prose is not None:
            out.text.write(result.prose + "\n")
            return
        width = max((len(k) for k, _ in result.lines), default=0)
        for k, v in result.lines:
            out.text.write(f"{k.ljust(width)}  {v}\n")
