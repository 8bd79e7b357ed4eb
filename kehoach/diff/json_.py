"""The contract: ``{"changes": [...]}``, each change with kind, plan, path, id, line, old, new,
severity and details (docs/diff.md). No change at all is exactly ``{"changes": []}``."""

from __future__ import annotations

import json
from typing import TextIO

from . import DiffResult
from .changes import Change


def report(result: DiffResult, out: TextIO, lang: str) -> None:
    changes = sorted(result.changes, key=Change.sort_key)
    json.dump({"changes": [c.to_dict() for c in changes]}, out, ensure_ascii=False, indent=2)
    out.write("\n")
