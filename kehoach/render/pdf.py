"""The plan as PDF: the Word document converted by LibreOffice, when it is installed.

LibreOffice runs headless in a private temporary folder, with its own throw-away profile (so a
LibreOffice the officer has open does not block it) and a time limit. Starting it costs more
than converting a plan, so a folder of plans is converted by one LibreOffice, in batches.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import KehoachError
from ..messages import os_reason

TIMEOUT_S = 180        # a start and one document
PER_DOCUMENT_S = 30   # each further document of a batch
BATCH = 50
_NAMES = ("soffice", "libreoffice")


def find_soffice() -> str | None:
    own = os.environ.get("KEHOACH_SOFFICE")
    if own:
        return own if shutil.which(own) or Path(own).is_file() else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_soffice() -> str:
    found = find_soffice()
    if found is None:
        raise KehoachError("render.no-soffice")
    return found


def docx_to_pdf(docx: bytes, soffice: str, timeout: float = TIMEOUT_S) -> bytes:
    return docx_to_pdf_many([docx], soffice, timeout)[0]


def docx_to_pdf_many(documents: Sequence[bytes], soffice: str, timeout: float = TIMEOUT_S) -> list[bytes]:
    """Each Word document as PDF, in order; one LibreOffice start per batch of documents."""
    out: list[bytes] = []
    for first in range(0, len(documents), BATCH):
        batch = documents[first:first + BATCH]
        out += _convert(batch, soffice, timeout + PER_DOCUMENT_S * (len(batch) - 1))
    return out


def _convert(documents: Sequence[bytes], soffice: str, timeout: float) -> list[bytes]:
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        folder = Path(tmp)
        sources = [folder / f"ke-hoach-{i:04d}.docx" for i in range(len(documents))]
        for source, docx in zip(sources, documents, strict=True):
            source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, cwd=folder)
        except subprocess.TimeoutExpired:
            raise KehoachError("render.pdf-timeout", seconds=int(timeout)) from None
        except OSError as e:
            raise KehoachError("render.pdf-failed", **os_reason(e)) from None
        results = [source.with_suffix(".pdf") for source in sources]
        if done.returncode != 0 or not all(r.is_file() for r in results):
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise KehoachError("render.pdf-failed", reason=detail[-1] if detail else f"exit {done.returncode}")
        return [r.read_bytes() for r in results]
