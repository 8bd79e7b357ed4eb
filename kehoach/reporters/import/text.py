"""For people: what the import found, how each column was mapped, what needs a look."""

from __future__ import annotations

from ...importer.run import ImportResult
from ...messages import t
from ...output import Formatter, Out


class TextFormat(Formatter[tuple[ImportResult, str | None]]):
    extensions = (".txt",)

    def write(self, result: tuple[ImportResult, str | None], out: Out) -> None:
        r, target = result
        w = out.text.write
        lang = out.lang
        w(t("import.read", lang, path=r.source, tables=len(r.tables), rows=sum(x.rows for x in r.tables)) + "\n")
        for table in r.tables:
            w(t("import.table", lang, id=table.id, rows=table.rows, groups=table.groups,
                continuations=table.continuations) + "\n")
            for heading, field, sure in table.columns:
                key = "import.column" if sure else "import.column-unsure"
                w("    " + t(key, lang, heading=heading or "∅", field=field or "note") + "\n")
            for skipped in table.skipped:
                w("    " + t("import.skipped", lang, what=skipped) + "\n")
        for key, args in r.notes:
            w(t(key, lang, **args) + "\n")
        for key, args in r.unsure:
            w(t("import.review", lang, what=t(key, lang, **args)) + "\n")
        if target:
            w(t("import.written", lang, path=target) + "\n")
