"""For people: what was recorded, the change a dry run would make, or every problem of every
rejected CSV row (or of the command line)."""

from __future__ import annotations

from ...messages import t
from ...output import Formatter, Out
from ...progress import Recording


class TextFormat(Formatter[Recording]):
    extensions = (".txt",)

    def write(self, result: Recording, out: Out) -> None:
        if result.rejected:
            self._rejected(result, out)
        elif result.diff is not None:
            out.text.write(result.diff)
        else:
            out.text.write(t("progress.written", out.lang, count=result.updates, path=result.plan) + "\n")

    @staticmethod
    def _rejected(result: Recording, out: Out) -> None:
        # A row may have several problems: each on its own line, the row's line number on each.
        where = f"{result.csv}:{{line}}" if result.csv else "kehoach"
        for e in result.rejected:
            out.text.write(f"{where.format(line=e.line)}: {t(e.key, out.lang, **e.args)}\n")
        if result.csv:
            rows = len({e.line for e in result.rejected})
            out.text.write(t("progress.csv-rejected", out.lang, count=rows, path=result.plan) + "\n")
        else:
            out.text.write(t("progress.rejected", out.lang, path=result.plan) + "\n")
