"""Where the imported plan goes, and writing it without ever replacing a file unasked."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import KehoachError
from ..writers import atomic_write

_SLUG = re.compile(r"^[a-z0-9-]+$")


def target_path(output: str | None, folder: Path | None, stem: str) -> Path | None:
    if output:
        return Path(output)
    if folder is not None:
        return folder / f"{stem}.yaml"
    return None


def write_new(path: Path, text: str, *, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise KehoachError("import.exists", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text.encode("utf-8"), overwrite=overwrite)


def city_name(city: str | None, folder: Path | None) -> str:
    """The city as the plans write it: a slug (``hai-phong``) or no name at all is looked up in
    the plans already in the folder; a name with spaces is taken as written."""
    if city and not _SLUG.match(city):
        return city
    if folder is not None and folder.is_dir():
        for plan in sorted(folder.glob("*.yaml")):
            try:
                data = yaml.safe_load(plan.read_text(encoding="utf-8"))
            except (yaml.YAMLError, OSError, UnicodeDecodeError):
                continue
            if isinstance(data, dict) and isinstance(data.get("meta"), dict) and data["meta"].get("city"):
                return str(data["meta"]["city"])
    return city or ""
