"""A pull-request comment: a summary line, then one table per plan, warnings first.

Plan text is data: every character Markdown or HTML would read as markup is escaped.
"""

from __future__ import annotations

import re

from ...diff import DiffResult
from ...diff.describe import sentence
from ...diff.words import elide
from ...escape import markdown
from ...messages import severity_label, t
from ...output import Formatter, Out
from ._common import people_order, summary


def md(text: str) -> str:
    """Literal text inside a table cell: one line."""
    return markdown(" ".join(text.split()))


def words_md(words: list[tuple[str, str]]) -> str:
    parts = []
    for op, s in elide(words):
        if not s.strip():
            parts.append(" " if op == "=" else "")
        elif op == "=":
            parts.append(md(s) if s.strip() == s else f" {md(s)} ")
        else:
            mark = "~~" if op == "-" else "**"
            lead, trail = s[: len(s) - len(s.lstrip())], s[len(s.rstrip()):]
            parts.append(f"{' ' if lead else ''}{mark}{md(s)}{mark}{' ' if trail else ''}")
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


class MarkdownFormat(Formatter[DiffResult]):
    extensions = (".md",)

    def write(self, result: DiffResult, out: Out) -> None:
        lang = out.lang
        lines = [f"### {t('diff.md-title', lang)}", "", f"**{md(summary(result, lang))}**", ""]
        for plan in result.plans:
            if not plan.changes:
                continue
            lines += [f"#### {md(plan.plan)} — `{plan.path.replace('`', '')}`", "",
                      f"| {t('diff.md-severity', lang)} | {t('diff.md-id', lang)} | {t('diff.md-change', lang)} "
                      f"| {t('diff.md-line', lang)} |", "|---|---|---|---:|"]
            for c in people_order(plan.changes):
                cell = md(sentence(c, lang))
                words = c.details.get("words")
                if words:
                    cell += "<br>" + words_md([(op, s) for op, s in words])
                severity = severity_label(c.severity, lang)
                if c.severity != "info":
                    severity = f"**{severity}**"
                ident = f"`{c.id}`" if c.id and "`" not in c.id else md(c.id)
                lines.append(f"| {severity} | {ident} | {cell} | {c.line or ''} |")
            lines.append("")
        out.text.write("\n".join(lines).rstrip("\n") + "\n")
