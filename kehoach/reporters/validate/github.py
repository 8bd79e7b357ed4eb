"""GitHub Actions workflow commands (annotations), plus a Markdown summary of the run.

GitHub shows at most 10 annotations of each level per step, so every finding is also printed
as a plain line, and a summary table goes to ``$GITHUB_STEP_SUMMARY`` when it is set.
"""

from __future__ import annotations

import os
from collections import Counter

from ...escape import github_data, github_property
from ...findings import Severity
from ...messages import t
from ...output import Formatter, Out
from ...validation import Validation
from ._common import Summary, all_findings, message

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubFormat(Formatter[Validation]):
    def write(self, result: Validation, out: Out) -> None:
        lang = out.lang
        findings = all_findings(result.files)
        for f in findings:
            out.text.write(f"::{_LEVEL[f.severity]} file={github_property(f.path)},line={f.span.line},"
                           f"col={f.span.column},title={github_property(f'{f.code} [{f.rule}]')}::"
                           f"{github_data(message(f, lang))}\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if not summary_path:
            return
        s = Summary.of(result.files)
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
            pass  # the annotations are out already; a summary that cannot be written is not an error
