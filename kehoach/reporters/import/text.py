"""For people: what the import found, how each column was mapped, what needs a look; for several
documents, one summary line per document and its exit status."""

from __future__ import annotations

from ...importer.batch import Batch
from ...importer.run import ImportResult
from ...messages import t
from ...output import Formatter, Out


class TextFormat(Formatter[tuple[ImportResult, str | None] | Batch]):
    extensions = (".txt",)

    def write(self, result: tuple[ImportResult, str | None] | Batch, out: Out) -> None:
        if isinstance(result, Batch):
            _summary(result, out)
            return
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


def _summary(batch: Batch, out: Out) -> None:
    w = out.text.write
    lang = out.lang
    for o in batch.outcomes:
        if o.error:
            key, args = o.error
            w(t("import.batch.failed", lang, path=o.source, code=o.code, reason=t(key, lang, **args)) + "\n")
            continue
        w(t("import.batch.file", lang, path=o.source, target=o.target, rows=o.rows, review=len(o.review),
            findings=o.findings or 0, code=o.code) + "\n")
        for key, args in o.review:
            w("    " + t("import.review", lang, what=t(key, lang, **args)) + "\n")
    codes = [o.code for o in batch.outcomes]
    w(t("import.batch.total", lang, count=len(codes), ok=codes.count(0), review=codes.count(1),
        failed=codes.count(2)) + "\n")
