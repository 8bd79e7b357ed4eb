"""What is not a .docx made into one, or refused with what to do instead.

A PDF has lost its tables' structure: the commune should export the Word file. .doc and .odt
go through LibreOffice when it is installed (``soffice --headless --convert-to docx``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import KehoachError

CONVERTIBLE = (".doc", ".odt", ".rtf", ".docm")
TIMEOUT = 120


def as_docx(path: Path, workdir: Path) -> Path:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise KehoachError("import.missing", path=str(path))
    if suffix == ".pdf":
        raise KehoachError("import.pdf", path=str(path))
    if suffix == ".docm":
        return path          # read as a .docx: its macros are never looked at
    if suffix not in CONVERTIBLE:
        return path
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise KehoachError("import.no-soffice", path=str(path))
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
                            "--outdir", str(workdir), str(path)], check=True, capture_output=True, timeout=TIMEOUT)
        except (subprocess.SubprocessError, OSError) as e:
            raise KehoachError("import.convert-failed", path=str(path), reason=type(e).__name__) from None
    out = workdir / (path.stem + ".docx")
    if not out.is_file():
        raise KehoachError("import.convert-failed", path=str(path), reason="no output")
    return out
