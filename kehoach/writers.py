"""Writing tables of records as JSON, CSV or Excel, atomically. Formatting only."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from . import safewrite
from .errors import KehoachError
from .escape import xml_chars
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
            raise KehoachError("out.unwritable", path=str(path), reason=e.strerror or str(e)) from None
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
            raise KehoachError("out.unwritable", path=str(self.path), reason=e.strerror or str(e)) from None
        if exc_type is not None:
            safewrite.discard(self.tmp)
        if isinstance(exc, OSError):
            raise KehoachError("out.unwritable", path=str(self.path), reason=exc.strerror or str(exc)) from None


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
    """One sheet per table: titled header row, frozen and filterable, widths that fit, wrapped text."""
    wb = workbook()
    for name, columns, rows in sheets:
        add_sheet(wb, name, columns, rows, wrap=True)
    return saved(wb)


def workbook() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    for default in list(wb.worksheets):  # the empty sheet every new workbook starts with
        wb.remove(default)
    return wb


def add_sheet(wb: Any, name: str, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], *,
              wrap: bool = False) -> Any:
    """A sheet of records: a bold titled header, frozen and filterable; column widths fit the
    first rows' text; plan text starting with "=" stays text, never a formula."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title=name[:31])
    ws.append([title for _, title in columns])
    for c in ws[1]:
        c.font, c.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    # Cells by their row number, not ws[ws.max_row]: openpyxl works max_row out over every cell
    # at each call, which made a sheet of 20,000 rows take four minutes.
    for r, row in enumerate(rows, start=2):
        values = [_xlsx_cell(row.get(key)) for key, _ in columns]
        ws.append(values)
        for j, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                ws.cell(row=r, column=j).data_type = "s"
    for i, (key, title) in enumerate(columns, start=1):
        longest = max([len(title), *(len(str(cell(r.get(key)))) for r in rows[:500])], default=len(title))
        ws.column_dimensions[get_column_letter(i)].width = max(8, min(60, longest + 2))
    if wrap:
        top = Alignment(wrap_text=True, vertical="top")
        for data_row in ws.iter_rows(min_row=2):
            for c in data_row:
                c.alignment = top
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    return ws


def _xlsx_cell(value: Any) -> Any:
    # openpyxl refuses C0 controls (IllegalCharacterError) and writes U+FFFE/U+FFFF into a file
    # Excel then calls corrupt: both are dropped (the illegal-character rule reports them).
    value = cell(value)
    return xml_chars(value) if isinstance(value, str) else value


def saved(wb: Any) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
