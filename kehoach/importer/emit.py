"""The plan written as text in kehoach's canonical layout, with its ``$schema`` line.

PyYAML writes the data (strings quoted where YAML needs it, never a tag), then kehoach's own
formatter lays it out exactly as ``kehoach fmt`` would, so the result is ``fmt --check`` clean
by construction.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from ..fmt import format_text

DEFAULT_SCHEMA = "../../schema/plan.schema.json"


def schema_ref(target: Path | None) -> str:
    """The schema path relative to where the plan is written: found by walking up to a folder that
    holds schema/plan.schema.json (a plan repository), else the layout of plans/<city>/."""
    if target is None:
        return DEFAULT_SCHEMA
    folder = target.resolve().parent
    for up in (folder, *folder.parents):
        candidate = up / "schema" / "plan.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return DEFAULT_SCHEMA


def plan_text(plan: dict[str, Any], *, schema: str, header: list[str]) -> str:
    body = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    lines = [f"# yaml-language-server: $schema={schema}", *(f"# {h}" for h in header)]
    text = "\n".join(lines) + "\n" + body
    formatted = format_text(text, "<import>")
    return formatted if formatted is not None else text
