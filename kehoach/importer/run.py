"""``kehoach import`` as a function: a document in, the plan's text and a report out."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .convert import as_docx
from .document import recognise
from .emit import plan_text
from .reader import read_docx
from .tables import TableReport


@dataclass(slots=True)
class ImportResult:
    source: str
    text: str
    commune: str
    tables: list[TableReport]
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)    # handled, for information
    unsure: list[tuple[str, dict[str, object]]] = field(default_factory=list)   # needs a person's look

    @property
    def needs_review(self) -> bool:
        return bool(self.unsure) or any(not sure for t in self.tables for _, _, sure in t.columns)


def import_document(path: Path, *, city: str, year: int | None, target: Path | None) -> ImportResult:
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as tmp:
        tree = read_docx(as_docx(path, Path(tmp)))
    rec = recognise(tree, city=city, year=year)
    unsure = tree.review + rec.unsure
    for t in rec.tables:
        for heading, f, sure in t.columns:
            if f is None or not sure:
                unsure.append(("import.unsure.column", {"table": t.id, "heading": heading, "field": f or "note"}))
    header = [f"Nhập từ {path.name} bằng kehoach import; cần đọc soát lại trước khi dùng."]
    text = plan_text(rec.plan, schema=_schema(target), header=header)
    return ImportResult(str(path), text, rec.plan["meta"].get("commune", ""), rec.tables, tree.notes + rec.notes,
                        unsure)


def _schema(target: Path | None) -> str:
    from .emit import schema_ref

    return schema_ref(target)
