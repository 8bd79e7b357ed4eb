"""KH0xx: the file as a document — YAML syntax, schema, keys, ids, suppressions."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule


class YamlSyntax(Rule):
    """The file cannot be read as a YAML plan.

    **What it does.** Reports a file that is not valid YAML, not UTF-8 (or UTF-16 with a BOM),
    contains NUL bytes, is larger than 10 MB, nests too deeply or expands aliases without bound.

    **Why it matters.** Nothing else can be checked in a file that cannot be read; kehoach exits
    with code 2.

    **Example.** A tab used for indentation, or text with `: ` that is not quoted:
    `text: Mục tiêu: đạt 100%`.

    **Fix.** Indent with spaces; put text containing `: ` or ` #` in double quotes; save the file
    as UTF-8.
    """

    name = "yaml-syntax"
    code = "KH001"
    severity = Severity.ERROR
    phase = "load"


class Schema(Rule):
    """The plan does not follow the plan format (schema/plan.schema.json).

    **What it does.** Reports every place where the file breaks the JSON Schema: a missing
    required field, an unknown field, a wrong type, a value outside its list.

    **Why it matters.** Every other command reads plans through the format; a plan that breaks
    it cannot be checked, tracked, rolled up or rendered. Domain rules are not run on such a file.

    **Example.** A task without `id`, or `dealine:` instead of `deadline:`.

    **Fix.** Follow the message; editors with yaml-language-server show the same errors while
    typing, with hover help in Vietnamese.
    """

    name = "schema"
    code = "KH002"
    severity = Severity.ERROR
    phase = "schema"


class DuplicateKey(Rule):
    """A key appears twice in the same mapping.

    **What it does.** Reports the second occurrence of a key, naming the line of the first.

    **Why it matters.** YAML tools disagree on which value wins; a duplicated `deadline:` silently
    loses one of the two deadlines.

    **Example.** A task with two `lead:` lines.

    **Fix.** Keep one key; merge the values into a list if both are meant.
    """

    name = "duplicate-key"
    code = "KH003"
    severity = Severity.ERROR
    phase = "load"


class DuplicateId(Rule):
    """Two tasks, indicators, budget items or tables share an `id`.

    **What it does.** Reports every `id` used before in the same plan.

    **Why it matters.** `kehoach progress` records updates by id and `kehoach diff` matches rows
    by id; a shared id mixes two rows' history.

    **Example.** Two rows `id: pl4.I.1` after copying a row.

    **Fix.** Give the new row a new id. Never change the id of a row that already has progress.
    """

    name = "duplicate-id"
    code = "KH004"
    severity = Severity.ERROR

    def check(self, ctx: Context) -> Iterator[Hit]:
        seen: dict[str, int] = {}
        for table in ctx.plan.tables:
            if table.id in seen:
                yield self.hit(table.span, "rule.duplicate-id", id=table.id, first=seen[table.id])
            seen.setdefault(table.id, table.span.line)
        seen_rows: dict[str, int] = {}
        for row in ctx.plan.rows:
            if row.id in seen_rows:
                yield self.hit(row.at("id"), "rule.duplicate-id", id=row.id, first=seen_rows[row.id])
            seen_rows.setdefault(row.id, row.at("id").line)


class UnusedSuppression(Rule):
    """A `# kehoach: ignore[...]` comment suppresses nothing.

    **What it does.** Reports a suppression comment whose rule did not fire on its line, or that
    names a rule that does not exist.

    **Why it matters.** Stale suppressions hide future problems and mislead readers.

    **Example.** `deadline: Quý II/2026  # kehoach: ignore[deadline-before-plan]`.

    **Fix.** Remove the comment, or correct the rule name.
    """

    name = "unused-suppression"
    code = "KH005"
    severity = Severity.WARNING
    phase = "post"


RULES: list[type[Rule]] = [YamlSyntax, Schema, DuplicateKey, DuplicateId, UnusedSuppression]
