"""The plan as a document to print: the model turned into lines, headings and tables.

Every output format (docx, Markdown, HTML) renders this one view, so the wording of the
number and date lines, the "Kèm theo" line, the narrative task lines and the table cells is
decided once. The view holds plan text as plain strings: each renderer escapes it for its own
format and never evaluates it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import ClassVar

from ..model import (
    Appendix,
    Block,
    Group,
    Indicator,
    NarrativeIndicator,
    NarrativeTask,
    Paragraph,
    Plan,
    Row,
    Section,
    Table,
    TableBlock,
    Task,
)
from . import widths
from .typeset import keep_numbers

# The drafting form keeps room for the number and date written in at issue time:
# "Số:      /KH-UBND" and "ngày    tháng    năm 2026" (the template adds the spaces around them).
BLANK_NUMBER = " " * 5
BLANK_DAY = " " * 2
UNIT_SEPARATOR = "; "
# Generic names of a body that only the next line (the place) completes, as in
# "ỦY BAN NHÂN DÂN" / "XÃ VĨNH HẢI": both lines are then the issuing body, in bold.
_BODY_NAMES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
# Columns whose cells are short codes or figures: centred, as in the printed plans.
CENTRED_FIELDS = frozenset({"number", "unit", "baseline", "target", "deadline", "nq71", "amount", "catalog"})


@dataclass(frozen=True, slots=True)
class IssuerLine:
    text: str
    bold: bool


@dataclass(frozen=True, slots=True)
class Heading:
    """A section that holds blocks: its number and heading on one line, styled by depth."""

    kind: ClassVar[str] = "heading"    # lets a Jinja template tell the blocks apart
    level: int
    number: str
    text: str

    @property
    def line(self) -> str:
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True, slots=True)
class Para:
    kind: ClassVar[str] = "para"
    text: str


@dataclass(frozen=True, slots=True)
class ColumnView:
    field: str
    heading: str
    share: float        # fraction of the table's width
    centred: bool


@dataclass(frozen=True, slots=True)
class RowView:
    """A data row (one cell per column) or a group row: (number, title), the title across the rest.

    ``tall``: the row is taller than a few lines, so it may break across a page (a short row
    is kept whole: half a row at a page foot is hard to read, a tall one kept whole leaves half
    a page blank)."""

    cells: tuple[str, ...]
    group: bool = False
    tall: bool = False
    # Per column, for a data row: the cell is one with the cell above (a continuation row of
    # the plan: drawn as part of that cell), and how many rows a cell covers (more than 1 at
    # the top of a merged run). Continuation cells keep the text they continue.
    merged: tuple[bool, ...] = ()
    rowspan: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TableView:
    kind: ClassVar[str] = "table"
    id: str
    caption: str
    columns: tuple[ColumnView, ...]
    rows: tuple[RowView, ...]


ViewBlock = Heading | Para | TableView


@dataclass(frozen=True, slots=True)
class AppendixView:
    label: str
    title: str
    subtitle: str
    attachment: str
    content: tuple[ViewBlock, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    draft: bool                       # rendered with --force although invalid: marked DỰ THẢO
    issuer: tuple[IssuerLine, ...]
    number: str                       # "33", or blank room in the drafting form
    symbol: str
    place: str
    day: str
    month: str
    year: str
    doc_type: str
    title: str
    legal_bases: tuple[str, ...]
    intro: tuple[str, ...]
    body: tuple[ViewBlock, ...]
    closing: tuple[str, ...]
    signature_titles: tuple[str, ...]
    signer: str
    recipients: tuple[str, ...]
    appendices: tuple[AppendixView, ...]
    commune_title: str                # "phường Hải An", for metadata

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}/{self.symbol}"

    @property
    def date_line(self) -> str:
        return f"{self.place}, ngày {self.day} tháng {self.month} năm {self.year}"


def build_view(plan: Plan, *, draft: bool = False) -> DocumentView:
    meta = plan.meta
    day, month, year = date_parts(meta.date, meta.year)
    return DocumentView(
        draft=draft,
        issuer=issuer_lines(meta.issuer),
        number=meta.number or BLANK_NUMBER,
        symbol=meta.symbol,
        place=meta.place,
        day=day, month=month, year=year,
        doc_type=meta.doc_type,
        title=meta.title,
        legal_bases=plan.legal_bases,
        intro=plan.intro,
        body=tuple(_blocks(plan.body, 1, landscape=False)),
        closing=plan.closing,
        signature_titles=plan.signature.titles,
        signer=plan.signature.name,
        recipients=plan.recipients,
        appendices=tuple(_appendix(plan, a) for a in plan.appendices),
        commune_title=f"{meta.commune_kind} {meta.commune}",
    )


def issuer_lines(lines: tuple[str, ...]) -> tuple[IssuerLine, ...]:
    """Parent bodies upright, the issuing body bold (Phụ lục I, mục 3 of the decree)."""
    own = 1
    if len(lines) >= 2 and lines[-2].strip().upper() in _BODY_NAMES:
        own = 2
    return tuple(IssuerLine(text, i >= len(lines) - own) for i, text in enumerate(lines))


def date_parts(date: str, year: int) -> tuple[str, str, str]:
    """Day, month and year of the date line; blank room while drafting.

    The decree pads days below 10 and the months January and February with a zero
    ("ngày 05 tháng 01", "ngày 16 tháng 3"), so that nobody can add a digit in front.
    """
    d = _date(date)
    if d is None:
        return BLANK_DAY, BLANK_DAY, str(year)
    return f"{d.day:02d}", _month(d.month), str(d.year)


def _date(text: str) -> dt.date | None:
    # The schema checks the date's form; a date that is still impossible is left blank, not guessed.
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def attachment_line(plan: Plan) -> str:
    """"(Kèm theo Kế hoạch số 33/KH-UBND ngày 16/01/2026 của Ủy ban nhân dân phường Hải An)"."""
    meta = plan.meta
    number = meta.number or BLANK_NUMBER
    d = _date(meta.date)
    if d is not None:
        when = f"ngày {d.day:02d}/{_month(d.month)}/{d.year}"
    else:
        when = f"ngày {BLANK_DAY} tháng {BLANK_DAY} năm {meta.year}"
    return (f"(Kèm theo {meta.doc_type.capitalize()} số {number}/{meta.symbol} {when} "
            f"của Ủy ban nhân dân {meta.commune_kind} {meta.commune})")


def _appendix(plan: Plan, a: Appendix) -> AppendixView:
    return AppendixView(label=a.label, title=a.title, subtitle=a.subtitle,
                        attachment=a.attachment or attachment_line(plan),
                        content=tuple(_blocks(a.content, 1, landscape=True)))


def _blocks(blocks: tuple[Block, ...], level: int, *, landscape: bool) -> Iterator[ViewBlock]:
    for b in blocks:
        if isinstance(b, Paragraph):
            yield Para(b.text)
        elif isinstance(b, Section):
            # A section that holds blocks is a heading; one without is a numbered paragraph
            # (Hải An writes its points 1.1., 1.2. … as sections whose heading is the whole text).
            if b.content or level == 1:
                yield Heading(level, b.number, b.heading)
                yield from _blocks(b.content, level + 1, landscape=landscape)
            else:
                yield Para(Heading(level, b.number, b.heading).line)
        elif isinstance(b, TableBlock):
            yield table_view(b.table, landscape=landscape)
        elif isinstance(b, NarrativeTask):
            yield from (Para(line) for line in task_lines(b.task))
        elif isinstance(b, NarrativeIndicator):
            yield Para(b.line)


def task_lines(task: Task) -> list[str]:
    """A task written in the narrative: "- text", then one "+ label: value" line per field."""
    text = task.text if task.text.startswith(("-", "–")) else f"- {task.text}"
    lines = [text]
    for label, value in (("Chủ trì chỉ đạo", task.directing), ("Đơn vị chủ trì", units(task.lead)),
                         ("Đơn vị phối hợp", units(task.support)), ("Sản phẩm đầu ra", task.output),
                         ("Thời gian hoàn thành", task.deadline), ("Ghi chú", task.note)):
        if value:
            lines.append(f"+ {label}: {value}")
    return lines


def units(names: tuple[str, ...]) -> str:
    return UNIT_SEPARATOR.join(names)


def cell(row: Row, field: str) -> str:
    """The text of one cell, as written in the plan (lists of units joined with "; ")."""
    if field.startswith("milestones"):
        if not isinstance(row, Indicator):
            return ""
        if field == "milestones":   # each group of rows has its own horizon: the row's milestone(s)
            return "\n".join(value for _, value in row.milestones)
        return dict(row.milestones).get(field.split(".", 1)[1], "")
    value = getattr(row, field, "")
    if isinstance(value, tuple):
        return units(value)
    return value if isinstance(value, str) else ""


def table_view(table: Table, *, landscape: bool) -> TableView:
    fields = tuple(c.field for c in table.columns)
    rows: list[RowView] = []

    def walk(items: tuple[Row | Group, ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                rows.append(RowView((item.number, item.title), group=True))
                walk(item.items)
            else:
                merged = _merged_fields(item)
                rows.append(RowView(tuple(cell(item, f) for f in fields), merged=tuple(f in merged for f in fields)))

    walk(table.items)
    rows = _spans(rows, len(fields))
    shares = _shares(table, rows, landscape=landscape)
    columns = tuple(ColumnView(c.field, c.heading, s, c.field in CENTRED_FIELDS or c.field.startswith("milestones"))
                    for c, s in zip(table.columns, shares, strict=True))
    text_mm = [s * widths.table_width_mm(landscape=landscape) - widths.pad_mm() for s in shares]
    return TableView(table.id, table.caption, columns, tuple(_mark_tall(r, text_mm) for r in rows))


def _merged_fields(row: Row) -> frozenset[str]:
    """The fields whose cell is one with the row above's (a continuation row of the plan)."""
    return frozenset(row.merged) if row.continues else frozenset()


def _spans(rows: list[RowView], n: int) -> list[RowView]:
    """Each data row with the number of rows each of its cells covers.

    The model puts a continuation row right after its parent (or another continuation of it),
    so a merged run is the parent and the merged rows that follow it; a group row ends it."""
    spans = [[1] * n if not r.group else [] for r in rows]
    for col in range(n):
        top = -1
        for i, r in enumerate(rows):
            if r.group:
                top = -1
            elif r.merged[col] and top >= 0:
                spans[top][col] += 1
            else:
                top = i
    out = []
    for i, (r, span) in enumerate(zip(rows, spans, strict=True)):
        if r.group:
            out.append(r)
            continue
        # A merged cell with nothing above it to join (a plan's mistake) is drawn as a cell.
        merged = tuple(m and not _starts_run(rows, i) for m in r.merged)
        out.append(replace(r, merged=merged, rowspan=tuple(span)))
    return out


def _starts_run(rows: list[RowView], i: int) -> bool:
    above = rows[i - 1] if i > 0 else None
    return above is None or above.group


def _shares(table: Table, rows: list[RowView], *, landscape: bool) -> tuple[float, ...]:
    # Measured as printed: a document number joined by keep_numbers is one word.
    # A merged cell's text is printed once, in the run's first row.
    data = [tuple("" if m else keep_numbers(x) for x, m in zip(r.cells, r.merged, strict=True))
            for r in rows if not r.group]
    groups = tuple(keep_numbers(r.cells[0]) for r in rows if r.group)
    columns = [widths.ColumnText(c.field, keep_numbers(c.heading), tuple(cells[i] for cells in data),
                                 groups if i == 0 else (), c.width)
               for i, c in enumerate(table.columns)]
    return widths.column_shares(columns, landscape=landscape)


def _mark_tall(row: RowView, text_mm: list[float]) -> RowView:
    if row.group:
        return row
    height = max(widths.lines("" if m else keep_numbers(x), w)
                 for x, m, w in zip(row.cells, row.merged, text_mm, strict=True))
    return replace(row, tall=True) if height > widths.SPLIT_LINES else row
