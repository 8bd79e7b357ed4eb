"""Reading the scaffold's templates and the bundled city files, and filling them in."""

from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_SOURCE_PLANS = Path(__file__).resolve().parent.parent.parent / "plans"


def template(name: str) -> str:
    return resources.files("kehoach.scaffold").joinpath("files", name).read_text(encoding="utf-8")


def fill(text: str, **values: str) -> str:
    """``%%NAME%%`` markers replaced; a marker the caller forgot is a bug, caught here."""
    for name, value in values.items():
        text = text.replace(f"%%{name}%%", value)
    assert "%%" not in text, "a template marker was left unfilled"
    return text


def quoted(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string is one, whatever the value holds."""
    return json.dumps(value, ensure_ascii=False)


def _city_files() -> Traversable:
    try:
        return resources.files("kehoach.cityfiles")
    except ModuleNotFoundError:  # a source checkout that was never installed
        return _SOURCE_PLANS


def bundled_catalog() -> str:
    return _city_files().joinpath("catalog.yaml").read_text(encoding="utf-8")


def bundled_units(slug: str) -> str | None:
    """The unit registry kehoach ships for the city ``slug`` (``hai-phong``), if it has one."""
    folder = _city_files().joinpath(slug)
    registry = folder.joinpath("units.yaml")
    return registry.read_text(encoding="utf-8") if folder.is_dir() and registry.is_file() else None
