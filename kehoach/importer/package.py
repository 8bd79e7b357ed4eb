"""Opening a .docx safely: it is a zip from outside.

Caps the uncompressed size and the compression ratio (a zip bomb), refuses encrypted files
(Word wraps them in an OLE container) and PDFs with a message that says what to do; XML is
parsed without entities, DTDs or network, so nothing in the file is ever resolved or run.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..errors import KehoachError
from ..messages import os_reason

MAX_TOTAL = 64 * 1024 * 1024      # a commune's plan is well under 5 MB unpacked
MAX_RATIO = 200                   # XML compresses 10-20x; a bomb compresses thousands of times
MAX_PART = 32 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                         remove_comments=True, remove_pis=True)


class Package:
    """The parts of a .docx that the importer reads, parsed once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        head = _head(path)
        if head.startswith(b"%PDF"):
            raise KehoachError("import.pdf", path=str(path))
        if head.startswith(OLE_MAGIC):
            # An encrypted .docx and an old binary .doc share this container.
            raise KehoachError("import.encrypted-or-doc", path=str(path))
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as e:
            raise KehoachError("import.not-docx", path=str(path), reason=str(e) or type(e).__name__) from None
        total = 0
        for info in self._zip.infolist():
            total += info.file_size
            ratio = info.file_size / info.compress_size if info.compress_size else 0
            if info.file_size > MAX_PART or total > MAX_TOTAL or (info.file_size > 1_000_000 and ratio > MAX_RATIO):
                raise KehoachError("import.zip-bomb", path=str(path), part=info.filename)
        self.names = set(self._zip.namelist())
        if "word/document.xml" not in self.names:
            raise KehoachError("import.not-docx", path=str(path), reason="word/document.xml")

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        data = self._zip.read(name)
        try:
            return etree.fromstring(data, PARSER)
        except etree.XMLSyntaxError as e:
            raise KehoachError("import.not-docx", path=str(self.path), reason=f"{name}: {e}") from None

    def close(self) -> None:
        self._zip.close()


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(8)
    except OSError as e:
        raise KehoachError("import.unreadable", path=str(path), **os_reason(e)) from None
