"""SARIF 2.1.0, for code-scanning upload. A stable interface."""

from __future__ import annotations

import json
from typing import Any

from ... import __version__
from ...findings import Severity
from ...output import Formatter, Out
from ...rules import REGISTRY
from ...validation import Validation
from ._common import all_findings, message

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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
                 "shortDescription": {"text": r.doc().splitlines()[0] if r.doc() else r.name},
                 "fullDescription": {"text": r.doc()},
                 "help": {"text": r.doc(), "markdown": r.doc()},
                 "defaultConfiguration": {"level": _LEVEL[r.severity]}}
                for r in rules
            ],
        }
        sarif_results = [
            {"ruleId": f.code, "ruleIndex": index[f.rule], "level": _LEVEL[f.severity],
             "message": {"text": message(f, out.lang)},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path},
                                                 "region": {"startLine": f.span.line,
                                                            "startColumn": f.span.column}}}]}
            for f in all_findings(result.files)
        ]
        doc = {"$schema": SCHEMA, "version": "2.1.0",
               "runs": [{"tool": {"driver": driver}, "results": sarif_results, "columnKind": "unicodeCodePoints"}]}
        json.dump(doc, out.text, ensure_ascii=False, indent=2)
        out.text.write("\n")
