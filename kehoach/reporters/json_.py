"""The JSON report: a stable interface (see docs/interfaces.md)."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..linter import FileResult
from . import Summary, all_findings, message


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
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
