"""Running the CLI in-process, as a user would, and capturing what it prints."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kehoach.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return Run(code, captured.out, captured.err)


def imported_in_english(capsys: pytest.CaptureFixture[str], document: Path) -> dict[str, Any]:
    """``kehoach import DOCUMENT --lang en --format json``: the document's record (review, notes …)."""
    record: dict[str, Any] = run(capsys, "import", str(document), "--lang", "en", "--format", "json").json()[
        "documents"][0]
    return record


def unformatted(text: str) -> str:
    """A formatted plan laid out another way, with the same data and lines: the meta number in single
    quotes, each table row's ``number`` before its ``id``. The bundled plans are formatted, so a test
    that needs ``kehoach fmt`` to have work to do on one starts from this."""
    out = re.sub(r"""^(  number: )"([^"'\\]*)"$""", r"\1'\2'", text, count=1, flags=re.MULTILINE)
    out = re.sub(r"^( *)- id: (.*)\n\1  number: (.*)$", r"\1- number: \3\n\1  id: \2", out, flags=re.MULTILINE)
    assert out != text
    return out


DATA = Path(__file__).resolve().parent / "data"


def seed_cells(name: str) -> dict[str, list[str]]:
    """The cells kept in ``tests/data/<name>``, by the source document each ``[…]`` line names."""
    cells: dict[str, list[str]] = {}
    document = ""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            document = line[1:-1]
            cells[document] = []
        else:
            cells[document].append(line)
    return cells
