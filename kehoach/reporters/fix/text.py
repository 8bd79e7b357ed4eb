"""For people: each safe fix made, where, and from what to what."""

from __future__ import annotations

from ...fix import FileFixes
from ...messages import t
from ...output import Formatter, Out


class TextFormat(Formatter[list[FileFixes]]):
    extensions = (".txt",)

    def write(self, result: list[FileFixes], out: Out) -> None:
        count = 0
        for r in result:
            for f in r.fixes:
                count += 1
                kinds = ", ".join(t(f"fix.kind.{k}", out.lang) for k in f.kinds)
                out.text.write(t("fix.applied", out.lang, path=r.path, line=f.line, column=f.column, field=f.field,
                                 kinds=kinds, old=_show(f.old), new=_show(f.new)) + "\n")
        files = sum(1 for r in result if r.fixes)
        out.text.write(t("fix.summary" if count else "fix.none", out.lang, count=count, files=files) + "\n")


def _show(text: str) -> str:
    # Invisible characters are the point of some fixes: make them visible in the report.
    return text.replace("\n", "⏎").replace("\u00a0", "⍽").replace("\u200b", "[ZWSP]").replace("\t", "⇥")
