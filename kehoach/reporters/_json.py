"""JSON as every format writes it: UTF-8 text as is, the C encoder."""

from __future__ import annotations

import json
from typing import Any

# One encoder for every item: json.dumps(..., ensure_ascii=False) builds a new one per call.
ENCODER = json.JSONEncoder(ensure_ascii=False)


def records(data: list[Any]) -> str:
    """A list one item per line (C encoder, diffable)."""
    if not data:
        return "[]\n"
    return "[\n  " + ",\n  ".join(map(ENCODER.encode, data)) + "\n]\n"


def document(data: Any) -> str:
    """Anything else, indented."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
