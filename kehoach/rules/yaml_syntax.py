"""The yaml-syntax rule: its documentation is the class docstring."""

from __future__ import annotations

from ..findings import Severity
from . import Rule


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
