"""SARIF 2.1.0, for code-scanning upload. A stable interface.

The rules' descriptions are their documentation in the ``--lang`` language: ``text`` fields plain
text, ``help.markdown`` the Markdown.

File locations are URI references relative to ``%SRCROOT%``, the folder kehoach ran in (the
repository root in CI), percent-encoded (a commune's name has diacritics, a file name may hold a
space or "#"). A file outside that folder is named by an absolute ``file:`` URI instead.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ... import __version__
from ...findings import Severity
from ...output import Formatter, Out
from ...rules import REGISTRY
from ...validation import Validation
from .._markdown import plain
from ._common import all_findings, message

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT = "%SRCROOT%"


def artifact_location(path: str, cwd: str) -> dict[str, str]:
    """``path`` as SARIF names it: relative to %SRCROOT% (``cwd``) when it is inside, else absolute."""
    absolute = os.path.abspath(os.path.join(cwd, path))
    try:
        relative = os.path.relpath(absolute, cwd)
    except ValueError:   # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(Path(relative).as_posix(), safe="/"), "uriBaseId": ROOT}


class SarifFormat(Formatter[Validation]):
    extensions = (".sarif", ".sarif.json")

    def write(self, result: Validation, out: Out) -> None:
        rules = list(REGISTRY.values())
        index = {r.name: i for i, r in enumerate(rules)}
        driver: dict[str, Any] = {
            "name": "kehoach",
            "version": __version__,
            "informationUri": "https://github.com/kehoach/kehoach",
            "rules": [
                {"id": r.code, "name": r.name,
                 "shortDescription": {"text": plain(r.summary(out.lang))},
                 "fullDescription": {"text": plain(r.doc(out.lang))},
                 "help": {"text": plain(r.doc(out.lang)), "markdown": r.doc(out.lang)},
                 "defaultConfiguration": {"level": _LEVEL[r.severity]}}
                for r in rules
            ],
        }
        cwd = os.getcwd()
        sarif_results = [
            {"ruleId": f.code, "ruleIndex": index[f.rule], "level": _LEVEL[f.severity],
             "message": {"text": message(f, out.lang)},
             "locations": [{"physicalLocation": {"artifactLocation": artifact_location(f.path, cwd),
                                                 "region": {"startLine": f.span.line,
                                                            "startColumn": f.span.column}}}]}
            for f in all_findings(result.files)
        ]
        doc = {"$schema": SCHEMA, "version": "2.1.0",
               "runs": [{"tool": {"driver": driver}, "results": sarif_results, "columnKind": "unicodeCodePoints",
                         "originalUriBaseIds": {ROOT: {"description": {
                             "text": "The folder kehoach validate ran in (the repository root in CI)."}}}}]}
        json.dump(doc, out.text, ensure_ascii=False, indent=2)
        out.text.write("\n")
