"""A table of the document become a table of the plan: headings mapped, group rows found,
merged cells become continuation rows (``continues``/``merged``), ids made stable.

Ids follow the bundled plans: ``<table>.<group>[.<sub-group>].<number>`` with the number's
trailing dot dropped, ``u1``, ``u2`` … for rows without a number; importing the same document
twice gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .headings import in_table, map_heading
from .tree import Table, TableRow

_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_LETTER_GROUP = re.compile(r"^[A-Z]\.?$")
_GROUP_IN_TEXT = re.compile(r"^(?P<n>[IVXLC]+|[A-Z])[.)]\s+(?P<t>.+)$", re.S)
_INDEX_CELL = re.compile(r"^\(?(\d{1,2})\)?$")
INDICATOR_FIELDS = {"unit", "baseline", "target", "milestones"}


@dataclass(slots=True)
class TableReport:
    id: str
    index: int
    rows: int = 0
    groups: int = 0
    continuations: int = 0
    columns: list[tuple[str, str | None, bool]] = field(default_factory=list)   # heading, field, sure
    skipped: list[str] = field(default_factory=list)                            # notes on dropped rows


def header_rows(table: Table) -> int:
    """How many leading rows are the heading: one, or two when a heading cell is merged down
    into the second row or spans columns that the second row names one by one."""
    if len(table.rows) < 2:
        return len(table.rows)
    first, second = table.rows[0], table.rows[1]
    if any(c.continued and not c.carried for c in second.cells) and not _is_group(second, table.width):
        return 2
    if any(c.span > 1 for c in first.cells) and len(second.cells) > len(first.cells) and not _is_group(
            second, table.width) and not _looks_numbered(second):
        return 2
    return 1


def _looks_numbered(row: TableRow) -> bool:
    first = row.cells[0].text if row.cells else ""
    return bool(re.match(r"^\d+(\.\d+)*\.?$|^[IVXLC]+\.?$", first))


def headings(table: Table, n: int) -> list[str]:
    out = []
    for col in range(table.width):
        parts: list[str] = []
        for row in table.rows[:n]:
            c = row.at(col)
            if c is not None and c.text and c.text not in parts:
                parts.append(c.text)
        out.append(" ".join(p.replace("\n", " ") for p in parts))
    return out


def _is_index_row(row: TableRow) -> bool:
    # "(1) (2) (3) …" or "1 2 3 …" under the heading: column numbers, not data.
    nums = [_INDEX_CELL.match(c.text) for c in row.cells]
    return len(nums) >= 3 and all(nums) and [int(m.group(1)) for m in nums if m] == list(
        range(1, len(nums) + 1))


def _is_group(row: TableRow, width: int) -> bool:
    """A group row: one cell spanning most of the table (the title), beside at most a number."""
    cells = [c for c in row.cells if c.text or c.span > 1]
    if not cells or any(c.continued for c in row.cells):
        return False
    wide = [c for c in cells if c.span >= max(2, width - 2)]
    return bool(wide) and len(cells) <= 2


def convert(table: Table, tid: str, year: int) -> tuple[dict[str, Any], TableReport]:
    report = TableReport(tid, table.index)
    n = header_rows(table)
    heads = headings(table, n)
    fields: list[str | None] = []
    used: set[str] = set()
    maps = [map_heading(h, year) for h in heads]
    # A bare "Kết quả" is a deliverable in a task table and a guessed milestone in an indicator table.
    settled = in_table([m.field for m in maps])
    for h, m, field_ in zip(heads, maps, settled, strict=True):
        f = field_ if field_ not in used else None
        fields.append(f)
        if f is not None:
            used.add(f)
        report.columns.append((h, f, (m.sure or field_ != m.field) and f is not None))
    if "text" not in used:
        # The widest unmapped column is most likely the task: a person must confirm.
        for i, f in enumerate(fields):
            if f is None and heads[i]:
                fields[i] = "text"
                used.add("text")
                report.columns[i] = (heads[i], "text", False)
                break
    header_texts = [r.texts for r in table.rows[:n]]
    kind = "indicators" if used & INDICATOR_FIELDS or any(f.startswith("milestones") for f in used if f) else (
        "budget" if "amount" in used else "tasks")
    columns = []
    for h, f in zip(heads, fields, strict=True):
        # A column no field takes is kept, with its heading; its cells go to the row's note.
        columns.append({"field": f or "note", "heading": h})
    if fields.count(None) and "note" in used:
        report.skipped.append("note-shared")
    out: dict[str, Any] = {"id": tid, "kind": kind, "columns": columns}
    top: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    group: dict[str, Any] | None = None
    sub: dict[str, Any] | None = None
    ids: set[str] = set()
    unnumbered: dict[str, int] = {}
    last_root: dict[str, Any] | None = None

    def prefix() -> str:
        parts = [tid]
        if group is not None and group["number"]:
            parts.append(_id_part(group["number"]))
        if sub is not None and sub["number"]:
            parts.append(_id_part(sub["number"]))
        return ".".join(parts)

    for i, row in enumerate(table.rows[n:], start=n + 1):
        texts = row.texts
        if not any(texts):
            report.skipped.append(f"row {i}: empty")
            continue
        if [list(t) for t in header_texts].count(list(texts)) or list(texts) == list(header_texts[-1]):
            report.skipped.append(f"row {i}: repeated heading")
            continue
        if _is_index_row(row):
            report.skipped.append(f"row {i}: column numbers")
            continue
        if _is_group(row, table.width):
            number, title = _group_parts(row)
            if _ROMAN.match(number) or _LETTER_GROUP.match(number) or group is None or not number:
                group = {"number": number, "title": title, "rows": []}
                groups.append(group)
                sub = None
            else:
                sub = {"number": number, "title": title, "rows": []}
                group["rows"].append(sub)
            report.groups += 1
            last_root = None
            continue
        values: dict[str, str] = {}
        merged: list[str] = []
        notes: list[str] = []
        for col, f in enumerate(fields):
            c = row.at(col)
            if c is None or c.col != col:
                continue
            if c.continued and last_root is not None:
                merged.append(f or "note")
                continue
            if not c.text:
                continue
            if f is None:
                notes.append(f"{heads[col]}: {c.text}" if heads[col] else c.text)
            else:
                values[f] = c.text
        if notes:
            values["note"] = "\n".join(([values["note"]] if "note" in values else []) + notes)
        number = values.pop("number", "")
        if sub is not None and number and not number.startswith(sub["number"].rstrip(".") + "."):
            sub = None          # a row numbered like its parent's rows leaves the sub-group
        base = prefix()
        if number:
            rid = f"{base}.{_id_part(number)}"
        else:
            unnumbered[base] = unnumbered.get(base, 0) + 1
            rid = f"{base}.u{unnumbered[base]}"
        while rid in ids:
            rid += "b"
        ids.add(rid)
        item: dict[str, Any] = {"id": rid, "number": number}
        if merged and last_root is not None:
            item = {"id": rid, "continues": last_root["id"], "merged": merged}
            if "number" not in merged:
                item["number"] = number
            report.continuations += 1
        else:
            last_root = item
        if "continues" not in item:
            item["text"] = values.get("text", "")   # an empty task cell stays, empty (Vĩnh Lại pl3.V.15)
        for f in ("text", *[f for f in fields if f and f not in ("number", "text")], "note"):
            if f in values and f not in item:
                item[f] = values[f]
        target = sub["rows"] if sub is not None else group["rows"] if group is not None else top
        horizon = re.search(r"năm (20\d\d)", (sub or group or {}).get("title", "") + " " + (
            group or {}).get("title", ""))
        target.append(_milestones(item, horizon.group(1) if horizon else None))
        report.rows += 1
    if top:
        out["rows"] = top
    if groups:
        out["groups"] = groups
    return out, report


def _milestones(item: dict[str, Any], horizon: str | None) -> dict[str, Any]:
    # Year columns become one mapping {year: value}, as the plan format writes them.
    years = {k.split(".", 1)[1]: item.pop(k) for k in [k for k in item if k.startswith("milestones.")]}
    single = item.pop("milestones", None)
    if single is not None and horizon is not None:
        years.setdefault(horizon, single)   # "Đến năm 2030" over the group: the row's milestone
        single = None
    if years:
        item["milestones"] = years
    elif single is not None:
        item["note"] = "\n".join(x for x in (item.get("note"), f"Kết quả: {single}") if x)
    return item


def _group_parts(row: TableRow) -> tuple[str, str]:
    cells = [c for c in row.cells if c.text]
    if len(cells) >= 2:
        return cells[0].text, " ".join(c.text for c in cells[1:])
    text = cells[0].text if cells else ""
    m = _GROUP_IN_TEXT.match(text)
    if m:
        return m.group("n"), m.group("t")
    return "", text


def _id_part(number: str) -> str:
    part = re.sub(r"[^A-Za-z0-9._-]", "", number.strip().rstrip(".").replace(" ", ""))
    return part or "x"
