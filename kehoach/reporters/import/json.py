"""What ``kehoach import`` did, as JSON: a documented contract (docs/interfaces.md, "kehoach import
--format json"); keys and their order are stable. One document or a folder, the same shape."""

from __future__ import annotations

from typing import Any

from ...importer.batch import Batch, Message, Outcome
from ...importer.tables import TableReport
from ...messages import t
from ...output import Formatter, Out
from .._json import document

VERSION = 1


class JsonFormat(Formatter[Batch]):
    extensions = (".json",)

    def write(self, result: Batch, out: Out) -> None:
        out.text.write(document(import_record(result, out.lang)))


def import_record(batch: Batch, lang: str) -> dict[str, Any]:
    codes = [o.code for o in batch.outcomes]
    return {
        "version": VERSION,
        "documents": [_document(o, lang) for o in batch.outcomes],
        "summary": {"documents": len(codes), "ok": codes.count(0), "review": codes.count(1),
                    "failed": codes.count(2), "exit_code": batch.code},
    }


def _document(o: Outcome, lang: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "source": o.source,
        "output": o.target,
        "commune": o.commune or None,
        "exit_code": o.code,
        "error": _message(o.error, lang) if o.error else None,
        "rows": o.rows,
        "tables": [_table(r) for r in o.reports],
        "review": [_message(m, lang) for m in o.review],
        "notes": [_message(m, lang) for m in o.notes],
        "findings": o.findings,
    }
    if o.target is None and o.error is None:
        record["plan"] = o.text          # not written anywhere: the plan itself
    return record


def _table(r: TableReport) -> dict[str, Any]:
    return {
        "id": r.id,
        "index": r.index,
        "rows": r.rows,
        "groups": r.groups,
        "continuations": r.continuations,
        "columns": [{"heading": h, "field": f, "sure": sure} for h, f, sure in r.columns],
        "unmapped": [h for h, f, _ in r.columns if f is None],
        "skipped": list(r.skipped),
    }


def _message(m: Message, lang: str) -> dict[str, Any]:
    key, args = m
    return {"kind": kind(key), "message": t(key, lang, **args)}


def kind(key: str) -> str:
    """The stable name of a message in the contract: its key without the ``import.`` and
    ``unsure.``/``note.`` prefixes (``import.unsure.column`` → ``column``)."""
    for prefix in ("import.unsure.", "import.note.", "import."):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key
