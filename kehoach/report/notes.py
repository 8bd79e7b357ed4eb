"""Section IV of the report (Đề xuất, kiến nghị) from a file the officer wrote: ``--notes FILE``,
UTF-8 text or Markdown, taken as written (plan text rules: it comes out literally, escaped in
HTML and Word)."""

from __future__ import annotations

from pathlib import Path

from ..errors import KehoachError
from ..loader import LoadFailure, file_error, read_bytes

NOTES_LIMIT = 1024 * 1024


def read_notes(path: Path) -> str:
    """The file's text, line ends made ``\\n`` and outer blank lines dropped; exit 2 (a
    KehoachError naming the file) when it is missing, not a file, too large or not UTF-8."""
    try:
        data = read_bytes(path, limit=NOTES_LIMIT)
    except LoadFailure as e:
        if e.key == "load.missing":
            raise KehoachError("report.notes-missing", path=str(path)) from None
        raise file_error(path, e) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise KehoachError("report.notes-encoding", path=str(path), line=data[:e.start].count(b"\n") + 1) from None
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
