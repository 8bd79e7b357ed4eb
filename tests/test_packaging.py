"""The installed package must contain every subpackage and data file the source tree has."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_declared() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    declared = set(conf["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kehoach").rglob("__init__.py")}
    assert found <= declared, f"add to [tool.setuptools] packages: {sorted(found - declared)}"
    for package, folder in conf.get("package-dir", {}).items():
        assert package in declared and (ROOT / folder).is_dir()
        assert conf["package-data"][package], package


def test_schemas_are_shipped() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert conf["package-dir"]["kehoach.schemas"] == "schema"
    for name in ("plan", "units", "catalog"):
        assert (ROOT / "schema" / f"{name}.schema.json").is_file()
