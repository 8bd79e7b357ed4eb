"""``kehoach new``: a new commune plan with the standard structure, ready to fill in."""

from __future__ import annotations

import os
from pathlib import Path

from ..discovery import SUFFIXES
from ..errors import KehoachError
from ..fmt import format_text
from ..text import nfc, slug
from ..writers import atomic_write
from .repo import city_name, existing_city, registry_city
from .templates import fill, quoted, template

KINDS = ("xã", "phường", "đặc khu")
SCHEMA_FILE = Path("schema") / "plan.schema.json"


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``schema/plan.schema.json`` (what init
    writes), else the nearest git work tree."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SCHEMA_FILE).is_file():
            return folder
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def schema_reference(plan: Path) -> str:
    """The ``$schema`` path from the plan's folder: to the repository's copy, or, outside any
    repository, where ``plans/<city>/<commune>.yaml`` finds it (``../../schema/…``)."""
    folder = plan.resolve().parent
    root = repository_root(folder)
    if root is None:
        return "../../schema/plan.schema.json"
    return Path(os.path.relpath(root / SCHEMA_FILE, folder)).as_posix()


def plan_text(*, commune: str, kind: str, year: int, city: str, schema: str) -> str:
    place = f"{kind} {commune}"
    text = fill(
        template("plan.yaml"),
        SCHEMA=schema, YEAR=str(year), PREV=str(year - 1), KIND=kind, COMMUNE=commune, CITY=city,
        CITY_Q=quoted(city), COMMUNE_Q=quoted(commune), KIND_Q=quoted(kind),
        ISSUER_Q=quoted(place.upper()),
        TITLE_Q=quoted(f"Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển "
                       f"khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn {place} "
                       f"năm {year}"),
        INTRO_Q=quoted(f"Ủy ban nhân dân {place} ban hành Kế hoạch thực hiện năm {year} như sau:"),
        CLOSING_Q=quoted(f"Trên đây là Kế hoạch thực hiện Nghị quyết số 57-NQ/TW năm {year} của Ủy ban nhân dân "
                         f"{place}; các cơ quan, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện./."),
    )
    return format_text(text, "<kehoach new>") or text


def _name(value: str) -> str:
    name = " ".join(nfc(value).split())
    if not slug(name) or any(ord(c) < 32 for c in value):
        raise KehoachError("new.bad-commune", value=value)
    return name


def new_plan(path: Path, *, commune: str, kind: str, year: int, city: str | None) -> str | None:
    """Write the new plan at ``path`` (never over an existing file); the schema path it names when
    that file does not exist (the editor will not help until ``kehoach init``), else None."""
    shown = path.as_posix()
    if not path.name.lower().endswith(SUFFIXES) or path.name.lower() in ("units.yaml", "catalog.yaml"):
        raise KehoachError("new.bad-name", path=shown)
    if path.exists() or path.is_symlink():
        raise KehoachError("new.exists", path=shown)
    commune = _name(commune)
    if city is None:
        # The city of the registry beside the plan, else of the repository's only registry.
        root = repository_root(path.parent)
        city = registry_city(path.parent / "units.yaml") or (existing_city(root) if root is not None else None)
        if city is None:
            raise KehoachError("init.needs-city")
    city = city_name(city)[0]
    schema = schema_reference(path)
    atomic_write(path, plan_text(commune=commune, kind=kind, year=year, city=city, schema=schema).encode("utf-8"),
                 overwrite=False)
    return None if (path.parent / schema).is_file() else schema
