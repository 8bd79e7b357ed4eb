"""The plan as PDF: the Word document converted by LibreOffice, when it is installed.

LibreOffice runs headless in a private temporary folder, with its own throw-away profile (so a
LibreOffice the officer has open does not block it) and a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import KehoachError

TIMEOUT_S = 180
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
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "ke-hoach.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, cwd=folder)
        except subprocess.TimeoutExpired:
            raise KehoachError("render.pdf-timeout", seconds=int(timeout)) from None
        except OSError as e:
            raise KehoachError("render.pdf-failed", reason=e.strerror or str(e)) from None
        result = folder / "ke-hoach.pdf"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise KehoachError("render.pdf-failed", reason=detail[-1] if detail else f"exit {done.returncode}")
        return result.read_bytes()
