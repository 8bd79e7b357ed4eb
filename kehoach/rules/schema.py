"""The schema rule: its documentation is the class docstring."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


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
