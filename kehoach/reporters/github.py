"""GitHub Actions workflow commands (annotations), plus a Markdown summary of the run.

GitHub shows at most 10 annotations of each level per step, so every finding is also printed
as a plain line, and a summary table goes to ``$GITHUB_STEP_SUMMARY`` when it is set.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from ..findings import Severity
from ..linter import FileResult
from ..messages import t
from . import Summary, all_findings, message

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(results: list[FileResult], out: TextIO, lang: str) -> None:
    findings = all_findings(results)
    for f in findings:
        out.write(f"::{_LEVEL[f.severity]} file={_prop(f.path)},line={f.span.line},col={f.span.column},"
                  f"title={_prop(f'{f.code} [{f.rule}]')}::{_data(message(f, lang))}\n")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        s = Summary.of(results)
        counts = Counter((f.rule, f.code) for f in findings)
        lines = ["## kehoach validate", "", t("cli.summary", lang, files=s.files, errors=s.errors,
                                                     warnings=s.warnings, infos=s.infos), ""]
        if counts:
            lines += ["| code | rule | count |", "|---|---|---|"]
            lines += [f"| {code} | {rule} | {n} |" for (rule, code), n in sorted(counts.items(), key=lambda x: x[0][1])]
        try:
            with open(summary_path, "a", encoding="utf-8") as summary_file:
                summary_file.write("\n".join(lines) + "\n")
        except OSError:
            pass
