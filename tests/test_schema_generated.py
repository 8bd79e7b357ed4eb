"""The committed JSON Schemas are what tools/gen_schema.py writes: an edit made to the JSON alone
would be lost at the next regeneration (the milestones column field once was)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_generator_reproduces_the_committed_schemas(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    subprocess.run([sys.executable, str(ROOT / "tools" / "gen_schema.py")], cwd=tmp_path, check=True)
    for name in ("plan.schema.json", "units.schema.json"):
        generated = (tmp_path / "schema" / name).read_text(encoding="utf-8")
        assert generated == (ROOT / "schema" / name).read_text(encoding="utf-8"), name
