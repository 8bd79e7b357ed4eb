"""For people: each file of the repository created, kept or updated, what to do next."""

from __future__ import annotations

from ...messages import t
from ...output import Formatter, Out
from ...scaffold.repo import InitReport


class TextFormat(Formatter[InitReport]):
    extensions = (".txt",)

    def write(self, result: InitReport, out: Out) -> None:
        w = out.text.write
        for f in result.files:
            w(t(f"init.{f.status}", out.lang, path=f.path) + "\n")
        for key, args in result.notes:
            w(t(key, out.lang, **args) + "\n")
        w(t("init.summary", out.lang, city=result.city, path=result.root, created=result.count("created"),
            kept=result.count("kept", "unchanged"), replaced=result.count("replaced", "updated")) + "\n")
        w(t("init.next", out.lang, slug=result.slug) + "\n")
