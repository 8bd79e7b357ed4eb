"""The JSON report: a stable interface (see docs/interfaces.md)."""

from __future__ import annotations

from typing import Any

from ... import __version__
from ...output import Formatter, Out
from ...validation import Validation
from .._json import ENCODER
from ._common import Summary, all_findings, message


def dumps(data: dict[str, Any]) -> str:
    """Indented at the top, one finding per line: readable, diffable, and written by the C encoder
    (json.dump with indent= runs the pure-Python one, which dominated large runs)."""
    encode = ENCODER.encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(map(encode, value))
            parts.append(f"  {encode(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


class JsonFormat(Formatter[Validation]):
    extensions = (".json",)

    def write(self, result: Validation, out: Out) -> None:
        s = Summary.of(result.files)
        data = {
            "version": 1,
            "tool": {"name": "kehoach", "version": __version__},
            "findings": [
                {"rule": f.rule, "code": f.code, "severity": f.severity.label, "path": f.path, "line": f.span.line,
                 "column": f.span.column, "message": message(f, out.lang)}
                for f in all_findings(result.files)
            ],
            "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos,
                        "unreadable": s.unreadable},
        }
        out.text.write(dumps(data))
