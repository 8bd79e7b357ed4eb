"""The typed plan model: frozen dataclasses built from a schema-valid document, with spans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from .findings import Span
from .loader import Document, Path_


@dataclass(frozen=True, slots=True, kw_only=True)
class Update:
    date: str
    state: str | None = None
    done_on: str | None = None
    percent: float | None = None
    note: str = ""
    nothing_to_report: bool = False
    evidence: str = ""
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Actual:
    date: str
    value: str
    period: str = ""
    note: str = ""
    evidence: str = ""
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    field: str
    heading: str
    width: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Row:
    """What tasks, indicators and budget items share: one row of a table (or of the narrative)."""

    id: str
    number: str = ""
    text: str = ""
    directing: str = ""
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    output: str = ""
    note: str = ""
    deadline: str = ""
    table: str = ""                          # id of the table, or of the narrative block family
    appendix: str | None = None              # appendix label as written; None in the body
    groups: tuple[str, ...] = ()             # group numbers from the outermost, as written
    group_titles: tuple[str, ...] = ()
    narrative: bool = False
    has_deadline_column: bool = True
    continues: str = ""                      # id of the row whose cells this row continues (vertical merge)
    merged: tuple[str, ...] = ()             # fields whose cell is one merged cell with the row above
    span: Span
    spans: dict[str, Span] = field(default_factory=dict)  # field → span ("lead.1" for a list item)
    path: Path_ = ()

    def at(self, name: str) -> Span:
        return self.spans.get(name, self.span)

    def inherits(self, name: str) -> bool:
        """True when this row's value of ``name`` is the merged cell of the row it continues."""
        return name in self.merged


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Task(Row):
    nq71: str = ""
    related: str = ""
    progress: tuple[Update, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Indicator(Row):
    unit: str = ""
    baseline: str = ""
    target: str = ""
    milestones: tuple[tuple[str, str], ...] = ()
    catalog: str = ""
    actuals: tuple[Actual, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class BudgetItem(Row):
    amount: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Group:
    number: str
    title: str
    items: tuple[Row | Group, ...]   # rows and sub-groups in document order
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Table:
    id: str
    kind: str
    caption: str
    columns: tuple[Column, ...]
    items: tuple[Row | Group, ...]   # ungrouped rows, then groups, in document order
    appendix: str | None
    span: Span

    def all_rows(self) -> Iterator[Row]:
        def walk(items: tuple[Row | Group, ...]) -> Iterator[Row]:
            for item in items:
                if isinstance(item, Group):
                    yield from walk(item.items)
                else:
                    yield item
        yield from walk(self.items)

    def has_field(self, name: str) -> bool:
        return any(c.field == name for c in self.columns)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Paragraph:
    text: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Section:
    number: str
    heading: str
    content: tuple[Block, ...]
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class TableBlock:
    table: Table


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class NarrativeTask:
    task: Task


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class NarrativeIndicator:
    indicator: Indicator
    line: str


Block = Paragraph | Section | TableBlock | NarrativeTask | NarrativeIndicator


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Appendix:
    label: str
    title: str
    subtitle: str
    attachment: str
    content: tuple[Block, ...]
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Meta:
    city: str
    commune: str
    commune_kind: str
    year: int
    period_start: dt.date
    period_end: dt.date
    issuer: tuple[str, ...]
    number: str
    symbol: str
    place: str
    date: str
    doc_type: str
    title: str
    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    titles: tuple[str, ...]
    name: str


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Plan:
    path: str
    meta: Meta
    legal_bases: tuple[str, ...]
    intro: tuple[str, ...]
    body: tuple[Block, ...]
    closing: tuple[str, ...]
    signature: Signature
    recipients: tuple[str, ...]
    appendices: tuple[Appendix, ...]
    tables: tuple[Table, ...]
    rows: tuple[Row, ...]            # every task, indicator and budget item in document order

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(r for r in self.rows if isinstance(r, Task))

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(r for r in self.rows if isinstance(r, Indicator))

    @property
    def budget(self) -> tuple[BudgetItem, ...]:
        return tuple(r for r in self.rows if isinstance(r, BudgetItem))


# --- building -------------------------------------------------------------------------------

_ROW_CLASS: dict[str, type[Row]] = {"tasks": Task, "indicators": Indicator, "budget": BudgetItem}


# Fields a merged cell can carry down; milestones and the histories never merge.
_INHERITABLE = frozenset({"number", "text", "directing", "lead", "support", "output", "note", "deadline", "nq71",
                          "related", "unit", "baseline", "target", "amount", "catalog"})


class _TableContext(NamedTuple):
    kind: str
    table: str
    appendix: str | None
    has_deadline: bool


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rows: list[Row] = []
        self.tables: list[Table] = []
        self.in_table: dict[str, Row] = {}     # rows of the table being built, by id: parents of continuations

    def text(self, path: Path_, value: Any) -> str:
        return self.doc.raw_text(path, value).strip() if value is not None else ""

    def units(self, obj: dict[str, Any], key: str, path: Path_, spans: dict[str, Span]) -> tuple[str, ...]:
        value = obj.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            out = []
            for i, item in enumerate(value):
                spans[f"{key}.{i}"] = self.doc.span((*path, key, i))
                out.append(str(item).strip())
            return tuple(u for u in out if u)
        spans[f"{key}.0"] = self.doc.span((*path, key))
        return (str(value).strip(),) if str(value).strip() else ()

    def row(self, kind: str, obj: dict[str, Any], path: Path_, *, table: str, appendix: str | None,
            groups: tuple[str, ...], titles: tuple[str, ...], narrative: bool, has_deadline: bool) -> Row:
        spans = {k: self.doc.span((*path, k)) for k in obj}
        common: dict[str, Any] = {
            "id": str(obj["id"]), "span": self.doc.span(path), "path": path, "table": table, "appendix": appendix,
            "groups": groups, "group_titles": titles, "narrative": narrative, "has_deadline_column": has_deadline,
        }
        for k in ("number", "text", "directing", "output", "note", "deadline"):
            common[k] = self.text((*path, k), obj.get(k))
        common["lead"] = self.units(obj, "lead", path, spans)
        common["support"] = self.units(obj, "support", path, spans)
        common["spans"] = spans
        if "continues" in obj:
            common["continues"] = str(obj["continues"])
            common["merged"] = tuple(str(f) for f in obj.get("merged") or ())
        if kind == "tasks":
            updates = tuple(self.update(u, (*path, "progress", i)) for i, u in enumerate(obj.get("progress", [])))
            return Task(**common, nq71=self.text((*path, "nq71"), obj.get("nq71")),
                        related=self.text((*path, "related"), obj.get("related")), progress=updates)
        if kind == "indicators":
            ms = obj.get("milestones", {}) or {}
            milestones = tuple((y, self.text((*path, "milestones", y), v)) for y, v in ms.items())
            actuals = tuple(self.actual(a, (*path, "actuals", i)) for i, a in enumerate(obj.get("actuals", [])))
            return Indicator(**common, unit=self.text((*path, "unit"), obj.get("unit")),
                             baseline=self.text((*path, "baseline"), obj.get("baseline")),
                             target=self.text((*path, "target"), obj.get("target")),
                             milestones=milestones, catalog=str(obj.get("catalog", "")), actuals=actuals)
        return BudgetItem(**common, amount=self.text((*path, "amount"), obj.get("amount")))

    def update(self, u: dict[str, Any], path: Path_) -> Update:
        pct = u.get("percent")
        return Update(date=str(u["date"]), state=u.get("state"), done_on=u.get("done_on"),
                      percent=float(pct) if pct is not None else None, note=str(u.get("note", "")),
                      nothing_to_report=bool(u.get("nothing_to_report", False)),
                      evidence=str(u.get("evidence", "")), span=self.doc.span(path))

    def actual(self, a: dict[str, Any], path: Path_) -> Actual:
        return Actual(date=str(a["date"]), value=self.text((*path, "value"), a["value"]),
                      period=str(a.get("period", "")), note=str(a.get("note", "")),
                      evidence=str(a.get("evidence", "")), span=self.doc.span(path))

    def table(self, obj: dict[str, Any], path: Path_, appendix: str | None) -> Table:
        tid = str(obj["id"])
        columns = tuple(Column(field=c["field"], heading=c["heading"], width=c.get("width"))
                        for c in obj["columns"])
        where = _TableContext(obj["kind"], tid, appendix, any(c.field == "deadline" for c in columns))
        self.in_table = {}
        content = self.items(where, obj.get("rows", []), (*path, "rows"), (), ())
        content += self.items(where, obj.get("groups", []), (*path, "groups"), (), ())
        t = Table(id=tid, kind=where.kind, caption=str(obj.get("caption", "")), columns=columns,
                  items=tuple(content), appendix=appendix, span=self.doc.span(path))
        self.tables.append(t)
        return t

    # Methods, not closures inside table(): two nested functions calling each other make a
    # reference cycle that holds the whole document until the cyclic collector runs, and the
    # commands that read thousands of plans run without it (see kehoach.rollup.extract).
    def items(self, where: _TableContext, objs: list[Any], base: Path_, chain: tuple[str, ...],
              titles: tuple[str, ...]) -> list[Row | Group]:
        out: list[Row | Group] = []
        for i, obj in enumerate(objs):
            ipath = (*base, i)
            if "title" not in obj:
                row = self.row(where.kind, obj, ipath, table=where.table, appendix=where.appendix, groups=chain,
                               titles=titles, narrative=False, has_deadline=where.has_deadline)
                row = self.inherit(row)
                self.in_table.setdefault(row.id, row)
                self.rows.append(row)
                out.append(row)
            else:
                out.append(self.group(where, obj, ipath, chain, titles))
        return out

    def inherit(self, row: Row) -> Row:
        """A continuation row carries the value of each merged cell, so that every command sees its
        full meaning; a parent that is missing leaves the row as written (the continuation rule says why)."""
        parent = self.in_table.get(row.continues) if row.continues else None
        if parent is None:
            return row
        taken = {f: getattr(parent, f) for f in row.merged
                 if hasattr(parent, f) and not getattr(row, f) and f in _INHERITABLE}
        if not taken:
            return row
        spans = dict(row.spans)
        for f in taken:
            spans.setdefault(f, row.at("merged"))
        return replace(row, spans=spans, **taken)

    def group(self, where: _TableContext, g: dict[str, Any], gpath: Path_, chain: tuple[str, ...],
              titles: tuple[str, ...]) -> Group:
        number = self.text((*gpath, "number"), g.get("number"))
        title = str(g["title"]).strip()
        sub_chain, sub_titles = (*chain, number), (*titles, title)
        content = self.items(where, g.get("rows", []), (*gpath, "rows"), sub_chain, sub_titles)
        content += self.items(where, g.get("groups", []), (*gpath, "groups"), sub_chain, sub_titles)
        return Group(number=number, title=title, items=tuple(content), span=self.doc.span(gpath))

    def blocks(self, items: list[Any], path: Path_, appendix: str | None) -> tuple[Block, ...]:
        out: list[Block] = []
        for i, b in enumerate(items):
            bpath = (*path, i)
            if isinstance(b, str):
                out.append(Paragraph(text=b, span=self.doc.span(bpath)))
            elif "table" in b:
                out.append(TableBlock(table=self.table(b["table"], (*bpath, "table"), appendix)))
            elif "task" in b:
                task = self.row("tasks", b["task"], (*bpath, "task"), table="nv", appendix=appendix,
                                groups=(), titles=(), narrative=True, has_deadline=True)
                self.rows.append(task)
                out.append(NarrativeTask(task=task))  # type: ignore[arg-type]
            elif "indicator" in b:
                ind = self.row("indicators", b["indicator"], (*bpath, "indicator"), table="ctvb",
                               appendix=appendix, groups=(), titles=(), narrative=True, has_deadline=False)
                self.rows.append(ind)
                out.append(NarrativeIndicator(indicator=ind, line=str(b["line"])))  # type: ignore[arg-type]
            else:
                out.append(Section(number=self.text((*bpath, "number"), b.get("number")),
                                   heading=str(b["heading"]),
                                   content=self.blocks(b.get("content", []) or [], (*bpath, "content"), appendix),
                                   span=self.doc.span(bpath)))
        return tuple(out)


def build(doc: Document) -> Plan:
    """Build the model from a document that passed the plan schema."""
    d = doc.data
    m = d["meta"]
    year = int(m["year"])
    period = m.get("period")
    start = dt.date.fromisoformat(period["start"]) if period else dt.date(year, 1, 1)
    end = dt.date.fromisoformat(period["end"]) if period else dt.date(year, 12, 31)
    kind = m["commune_kind"]
    issuer = tuple(m.get("issuer") or ("ỦY BAN NHÂN DÂN", f"{kind} {m['commune']}".upper()))
    b = _Builder(doc)
    meta = Meta(city=m["city"], commune=m["commune"], commune_kind=kind, year=year, period_start=start,
                period_end=end, issuer=issuer, number=b.text(("meta", "number"), m.get("number")),
                symbol=m["symbol"], place=m["place"], date=str(m.get("date", "") or ""), doc_type=m["doc_type"],
                title=m["title"], span=doc.span(("meta",)))
    body = b.blocks(d.get("body", []), ("body",), None)
    appendices = []
    for i, a in enumerate(d.get("appendices", []) or []):
        label = str(a["label"])
        appendices.append(Appendix(label=label, title=str(a.get("title", "")), subtitle=str(a.get("subtitle", "")),
                                   attachment=str(a.get("attachment", "")),
                                   content=b.blocks(a.get("content", []), ("appendices", i, "content"), label),
                                   span=doc.span(("appendices", i))))
    sig = d["signature"]
    return Plan(path=doc.path, meta=meta, legal_bases=tuple(d.get("legal_bases", [])), intro=tuple(d.get("intro", [])),
                body=body, closing=tuple(d.get("closing", [])),
                signature=Signature(titles=tuple(sig["titles"]), name=sig["name"]),
                recipients=tuple(d.get("recipients", [])), appendices=tuple(appendices), tables=tuple(b.tables),
                rows=tuple(b.rows))
