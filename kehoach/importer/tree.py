"""The neutral document tree: what the Word file says, without Word's machinery.

The reader fills it (merged cells resolved, automatic numbering computed); the recognisers
read only this tree, so they can be tested on hand-built trees and other formats can feed them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    index: int                 # position among the body's paragraphs, for messages (1-based)
    bold: bool = False
    italic: bool = False
    centred: bool = False
    style: str = ""
    numbered: bool = False     # the label came from Word's automatic numbering (w:numPr)


@dataclass(frozen=True, slots=True)
class Cell:
    """One grid cell. A cell merged across columns appears once, at its first column, with
    ``span``; a cell merged down from the row above has ``continued`` set and the text of the
    cell it continues (so no reader has to look upward); a cell that continues one of the table
    before (a table split by a page) has ``carried`` set and no text."""

    text: str
    col: int
    span: int = 1
    continued: bool = False
    # Merged down from a cell of the table before: one table split by a page break into two.
    carried: bool = False


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[Cell, ...]
    header: bool = False       # marked as a repeated header row (w:tblHeader)

    def at(self, col: int) -> Cell | None:
        for c in self.cells:
            if c.col <= col < c.col + c.span:
                return c
        return None

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[TableRow, ...]
    width: int                 # number of grid columns
    index: int                 # 1-based among the body's tables
    nested: int = 0            # tables found inside its cells (their text is kept in the cell)


Block = Para | Table


@dataclass(slots=True)
class DocTree:
    blocks: list[Block] = field(default_factory=list)
    # What the reader met and handled or skipped, for the report: (message key, args).
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    # What the reader kept but a person must look at (a table nested in a cell …): (message key, args).
    review: list[tuple[str, dict[str, object]]] = field(default_factory=list)
