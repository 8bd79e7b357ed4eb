"""For people: what was recorded, the change a dry run would make, or every rejected CSV row."""

from __future__ import annotations

from ...messages import t
from ...output import Formatter, Out
from ...progress import Recording


class TextFormat(Formatter[Recording]):
    extensions = (".txt",)

    def write(self, result: Recording, out: Out) -> None:
        if result.rejected:
            for e in result.rejected:
                out.text.write(f"{result.csv}:{e.line}: {t(e.key, out.lang, **e.args)}\n")
            out.text.write(t("progress.csv-rejected", out.lang, count=len(result.rejected), path=result.plan) + "\n")
        elif result.diff is not None:
            out.text.write(result.diff)
        else:
            out.text.write(t("progress.written", out.lang, count=result.updates, path=result.plan) + "\n")
