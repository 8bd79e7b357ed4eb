"""The JSON report: a stable interface (see docs/interfaces.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..linter import FileResult
from . import Summary, all_findings, message

# One encoder for every item: json.dumps(..., ensure_ascii=False) builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dumps(data: dict[str, Any]) -> str:
    """Indented at the top, one finding per line: readable, diffable, and written by the C encoder
    (json.dump with indent= runs the pure-Python one, which dominated large runs)."""
    encode = _ENCODER.encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(map(encode, value))
            parts.append(f"  {encode(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def report(results: list[FileResult], out: TextIO, lang: str) -> None:
    s = Summary.of(results)
    data = {
        "version": 1,
        "tool": {"name": "kehoach", "version": __version__},
        "findings": [
            {"rule": f.rule, "code": f.code, "severity": f.severity.label, "path": f.path, "line": f.span.line,
             "column": f.span.column, "message": message(f, lang)}
            for f in all_findings(results)
        ],
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos,
                    "unreadable": s.unreadable},
    }
    out.write(dumps(data))
