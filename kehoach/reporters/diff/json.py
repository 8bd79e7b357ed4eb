"""The contract: ``{"changes": [...]}``, each change with kind, plan, path, id, line, old, new,
severity and details (docs/diff.md). No change at all is exactly ``{"changes": []}``."""

from __future__ import annotations

import json

from ...diff import DiffResult
from ...diff.changes import Change
from ...output import Formatter, Out


class JsonFormat(Formatter[DiffResult]):
    extensions = (".json",)

    def write(self, result: DiffResult, out: Out) -> None:
        changes = sorted(result.changes, key=Change.sort_key)
        json.dump({"changes": [c.to_dict() for c in changes]}, out.text, ensure_ascii=False, indent=2)
        out.text.write("\n")
