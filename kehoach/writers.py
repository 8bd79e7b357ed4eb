"""Writing tables of records as JSON, CSV or Excel, atomically. Formatting only."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from . import safewrite
from .errors import KehoachError
from .escape import xml_chars
from .messages import os_reason
from .records import cell

Sheet = tuple[str, Sequence[tuple[str, str]], Sequence[dict[str, Any]]]  # name, (key, title) columns, rows


class AtomicFile:
    """A file written whole or not at all: bytes go to a temporary file in the same folder, which
    replaces the target only when everything was written and synced.

    The target is the resolved path (``-o`` onto a symlink writes the file it points to and keeps
    the link); a device, FIFO or socket is refused, never replaced. ``sync=False`` (the runner's
    cache, disposable) skips the fsync and the sweep of stale temporary files."""

    def __init__(self, path: Path, *, overwrite: bool = True, sync: bool = True) -> None:
        self.path = path
        self.overwrite = overwrite
        self.sync = sync

    def __enter__(self) -> BinaryIO:
        path = self.path
        if path.exists() and not self.overwrite:
            raise KehoachError("out.exists", path=str(path))
        self.target = target = safewrite.resolved(path)
        st = safewrite.check_target(target, path, plan=False)
        folder = target.parent if str(target.parent) else Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self.sync:
                safewrite.sweep(folder)
            fd, self.tmp = safewrite.temp_file(folder, target.name, safewrite.OUT_SUFFIX,
                                               st.st_mode & 0o777 if st is not None else None, None)
        except OSError as e:
            raise KehoachError("out.unwritable", path=str(path), **os_reason(e)) from None
        self.file = os.fdopen(fd, "wb")
        return self.file

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None and self.sync:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if exc_type is None:
                os.replace(self.tmp, self.target)
        except OSError as e:
            safewrite.discard(self.tmp)
            raise KehoachError("out.unwritable", path=str(self.path), **os_reason(e)) from None
        if exc_type is not None:
            safewrite.discard(self.tmp)
        if isinstance(exc, OSError):
            raise KehoachError("out.unwritable", path=str(self.path), **os_reason(exc)) from None


def atomic_write(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    with AtomicFile(path, overwrite=overwrite) as f:
        f.write(data)


# What a spreadsheet reads as the start of a formula when it opens a CSV (=, +, -, @), and the
# tab and carriage return that LibreOffice and Excel strip from the start of a field before they
# look: "\t=1+1" opens as a live formula too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A signed number written as text ("-2", "+0.5") opens as that number and can run nothing: it is
# left alone so that a baseline of "-2" stays a number in the sheet.
_SIGNED_NUMBER = re.compile(r"[-+][0-9]+(?:[.,][0-9]+)?")


def csv_cell(value: Any) -> Any:
    """A record value as a CSV field that a spreadsheet shows and never evaluates (the OWASP rule
    against CSV injection): text that starts like a formula gets a leading ``'``, which Excel and
    LibreOffice read as "this is text". Numbers stay numbers."""
    value = cell(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]]) -> bytes:
    """Every CSV kehoach writes: a header of keys, one line per record, every field through
    ``csv_cell`` (so no output is a formula, whatever the plan says)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_cell(key) for key, _ in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(key)) for key, _ in columns])
    # A BOM, so that Excel opens the Vietnamese text as UTF-8 instead of the system code page.
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """One sheet per table, laid out to be read and printed (see ``add_sheet``)."""
    wb = workbook()
    for name, columns, rows in sheets:
        add_sheet(wb, name, columns, rows)
    return saved(wb)


def workbook() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    for default in list(wb.worksheets):  # the empty sheet every new workbook starts with
        wb.remove(default)
    return wb


# --- sheets that print --------------------------------------------------------------------------
#
# Clerks print these workbooks. openpyxl writes no print settings and no row heights, and
# LibreOffice does not grow a row to its wrapped text when it opens such a file: text is cut after
# the first line. So every sheet carries its own page setup (A4 landscape, one page wide, header
# repeated) and every row a height worked out here from its text and the column widths.

FONT = "Times New Roman"
SIZE = 11
# A printed line of 11 pt Times as Excel and LibreOffice space it, and the cell's top and bottom padding.
LINE_PT = 13.2
PAD_PT = 3.0
DATE_FORMAT = "dd/mm/yyyy"
WIDEST = 30      # a column grows to fit its content up to this many characters, then its text wraps
NARROWEST = 5
# Rows a column's width is measured on: enough to be representative, few enough for 40,000 rows.
MEASURED = 500
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def add_sheet(wb: Any, name: str, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], *,
              caps: Mapping[str, int] | None = None, unprinted: int = 0) -> Any:
    """A sheet of records that reads on screen and prints on A4: a bold titled header, frozen,
    filterable and repeated on every printed page; Times New Roman throughout; each column as wide
    as its content up to ``caps[key]`` (``WIDEST`` by default), its text wrapped beyond and each row
    as tall as its wrapped text (in the printed columns); ISO dates as date cells shown dd/mm/yyyy;
    plan text starting with "=" stays text, never a formula. The last ``unprinted`` columns (codes for machines: file
    names, line numbers) stay in the sheet but out of the print area, so the page keeps room for
    the columns people read."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=name[:31])
    ws.append([title for _, title in columns])
    thin = Side(style="thin", color="808080")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font, body_font = Font(name=FONT, size=SIZE, bold=True), Font(name=FONT, size=SIZE)
    top, code = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    printed = max(1, len(columns) - unprinted)
    for c in ws[1]:
        c.font, c.fill, c.border = head_font, PatternFill("solid", fgColor="DDEBF7"), grid
        c.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [_column_width(title, [r.get(key) for r in rows[:MEASURED]], (caps or {}).get(key, WIDEST))
              for key, title in columns]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = _row_height([title for _, title in columns], widths, bold=True)
    # Cells by their row number, not ws[ws.max_row]: openpyxl works max_row out over every cell
    # at each call, which made a sheet of 20,000 rows take four minutes.
    for r, row in enumerate(rows, start=2):
        values = [_xlsx_cell(row.get(key)) for key, _ in columns]
        ws.append(values)
        for j, value in enumerate(values, start=1):
            c = ws.cell(row=r, column=j)
            c.font, c.alignment, c.border = body_font, top if j <= printed else code, grid
            if isinstance(value, str) and value.startswith("="):
                c.data_type = "s"
            elif isinstance(value, dt.date):
                c.number_format = DATE_FORMAT
        # As tall as the printed columns need: a long note among the codes would leave blank paper.
        ws.row_dimensions[r].height = _row_height(values[:printed], widths[:printed])
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    if rows:
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    _page_setup(ws, get_column_letter(printed), len(rows) + 1)
    return ws


def _page_setup(ws: Any, last_printed: str, last_row: int) -> None:
    """A4 landscape, one page wide and as many tall as it takes, the header on every page, the
    page number at the foot."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{last_printed}{last_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "&A — &P"   # no "of N": LibreOffice counts the pages of every sheet
    ws.oddFooter.center.font = f"{FONT},Regular"


def _column_width(title: str, values: Sequence[Any], cap: int) -> float:
    """Characters: the longest value (or line of it), at most ``cap``; at least the title's
    longest word, since the title wraps too."""
    longest = 0
    for value in values:
        v = _xlsx_cell(value)
        if isinstance(v, dt.date):
            longest = max(longest, len(DATE_FORMAT))
        else:
            longest = max(longest, max(map(len, str(v).split("\n"))))
    word = max(map(len, title.split()), default=0)
    return max(NARROWEST, word + 2, min(cap, longest + 2))


# Widths of Times New Roman glyphs in ems: capitals and digits are much wider than small letters,
# which is why a title in capitals wraps twice as soon as the same title in small letters.
_NARROW = frozenset(".,;:!'|()[]/-ilItfjr")
_WIDE = frozenset("MWmw")


def _text_width(text: str, bold: bool) -> float:
    """The width of ``text`` in character units of the column width (a digit's width)."""
    ems = 0.0
    for ch in text:
        if ch == " ":
            ems += 0.25
        elif ch in _NARROW:
            ems += 0.28
        elif ch in _WIDE:
            ems += 0.8
        elif ch.isupper():
            ems += 0.66
        else:
            ems += 0.44
    # A digit is half an em; 0.9 brings the estimate to what LibreOffice and Excel draw (measured
    # on the bundled plans), with a little to spare so that a line is never cut.
    return ems * 2 * 0.9 * (1.08 if bold else 1.0)


def _lines(value: Any, width: float, bold: bool = False) -> int:
    """How many lines ``value`` takes, wrapped at word boundaries in a column ``width`` wide."""
    if value is None or value == "" or isinstance(value, dt.date | int | float):
        return 1
    text = str(value)
    room = width - 1.2          # the cell's inner padding
    if len(text) * 1.5 <= room and "\n" not in text:
        return 1                # fits even if every letter is a capital: most cells
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split(" "):
            w = _text_width(word, bold)
            space = _text_width(" ", bold) if used else 0.0
            if used and used + space + w > room:
                count += 1
                used = 0.0
                space = 0.0
            while w > room:      # a word longer than the line is broken, as the spreadsheet does
                count += 1
                w -= room
            used += space + w
    return count


def _row_height(values: Sequence[Any], widths: Sequence[float], *, bold: bool = False) -> float:
    lines = max((_lines(v, w, bold) for v, w in zip(values, widths, strict=True)), default=1)
    return round(lines * LINE_PT + PAD_PT, 1)


def _xlsx_cell(value: Any) -> Any:
    # openpyxl refuses C0 controls (IllegalCharacterError) and writes U+FFFE/U+FFFF into a file
    # Excel then calls corrupt: both are dropped (the illegal-character rule reports them).
    value = cell(value)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)     # a real date: sorts, filters and prints dd/mm/yyyy
        except ValueError:
            return value
    return xml_chars(value) if isinstance(value, str) else value


def saved(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
