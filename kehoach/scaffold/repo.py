"""``kehoach init``: lay down (or complete) a city's plan repository.

Every file is written whole or not at all (kehoach.writers); a file that is already there is
kept unless the user asked for ``--overwrite``, except the schema copies under ``--update``:
those belong to kehoach, and a stale copy makes the editor check plans against an old format.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..errors import KehoachError
from ..fmt import format_text
from ..schema import schema_text
from ..text import nfc, slug
from ..writers import atomic_write
from .templates import bundled_catalog, bundled_units, fill, quoted, template

SCHEMAS = ("plan", "units", "catalog")
REQUIREMENTS = "requirements-kehoach.txt"


@dataclass(frozen=True, slots=True)
class Written:
    path: str        # relative to the repository root, with "/"
    status: str      # created, kept, replaced, updated, unchanged


@dataclass(slots=True)
class InitReport:
    root: str
    city: str
    slug: str
    files: list[Written] = field(default_factory=list)
    notes: list[tuple[str, dict[str, str]]] = field(default_factory=list)   # (message key, arguments)

    def count(self, *statuses: str) -> int:
        return sum(f.status in statuses for f in self.files)


def city_name(value: str) -> tuple[str, str]:
    """The city as written (NFC) and its folder name; a name without a letter is a usage error."""
    city = nfc(value).strip()
    if not slug(city) or any(ord(c) < 32 for c in city):
        raise KehoachError("init.bad-city", value=value)
    return city, slug(city)


def existing_city(root: Path) -> str | None:
    """The city of a repository ``init`` already laid down: the one ``plans/<slug>/units.yaml``."""
    found = sorted((root / "plans").glob("*/units.yaml"))
    return registry_city(found[0]) if len(found) == 1 else None


def registry_city(units: Path) -> str | None:
    """The ``city:`` of a unit registry, read from its top-level line (no full load needed)."""
    try:
        text = units.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("city:"):
            value = line[5:].strip()
            return json.loads(value) if value.startswith('"') else value.strip("'") or None
    return None


def requirement() -> str | None:
    """Where this kehoach was installed from, as a pip requirement another machine can use (PEP 610):
    a VCS install pinned to its commit, or an archive URL. None for a local folder or an unknown origin."""
    try:
        raw = metadata.distribution("kehoach").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not raw:
        return None
    try:
        info = json.loads(raw)
    except ValueError:
        return None
    url = str(info.get("url", ""))
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("commit_id") and not url.startswith("file:"):
        return f"kehoach @ {vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
    if "archive_info" in info and url.startswith("https://"):
        return f"kehoach @ {url}"
    return None


def _formatted(text: str, display: str) -> str:
    # Written as kehoach fmt lays it out, so that the fmt hook has nothing to change on day one.
    return format_text(text, display) or text


def planned_files(city: str, city_slug: str, pinned: str | None) -> tuple[dict[str, str], list[str], bool]:
    """The repository's files (relative path → text), the paths ``--update`` refreshes, and
    whether the unit registry is the generic one."""
    files: dict[str, str] = {f"schema/{name}.schema.json": schema_text(name) for name in SCHEMAS}
    units = bundled_units(city_slug)
    generic = units is None
    if units is None:
        units = fill(template("units-generic.yaml"), CITY=city, CITY_Q=quoted(city))
    files[f"plans/{city_slug}/units.yaml"] = _formatted(units, f"plans/{city_slug}/units.yaml")
    files["plans/catalog.yaml"] = _formatted(bundled_catalog(), "plans/catalog.yaml")
    files[".pre-commit-config.yaml"] = template("pre-commit-config.yaml")
    files[".github/workflows/kehoach.yml"] = template("workflow.yml")
    files[".gitattributes"] = template("gitattributes")
    files[".editorconfig"] = template("editorconfig")
    files[".gitignore"] = template("gitignore")
    files["README.md"] = fill(template("README.md"), CITY=city, SLUG=city_slug)
    line = pinned or "# kehoach @ git+https://<máy chủ git>/<tổ chức>/kehoach@<mã commit>   <- điền dòng này / fill in"
    files[REQUIREMENTS] = fill(template(REQUIREMENTS), REQUIREMENT=line)
    return files, [p for p in files if p.startswith("schema/")], generic


def init_repository(root: Path, city: str | None, *, overwrite: bool = False, update: bool = False,
                    pinned: str | None = None) -> InitReport:
    if root.exists() and not root.is_dir():
        raise KehoachError("init.not-folder", path=str(root))
    if city is None:
        city = existing_city(root) if root.is_dir() else None
        if city is None:
            raise KehoachError("init.needs-city")
    city, city_slug = city_name(city)
    pinned = pinned or requirement()
    files, refreshed, generic = planned_files(city, city_slug, pinned)
    report = InitReport(str(root), city, city_slug)
    for rel, text in files.items():
        target = root / rel
        data = text.encode("utf-8")
        if not target.exists():
            atomic_write(target, data)
            report.files.append(Written(rel, "created"))
        elif target.is_file() and target.read_bytes() == data:
            report.files.append(Written(rel, "unchanged"))
        elif overwrite or (update and rel in refreshed):
            atomic_write(target, data)
            report.files.append(Written(rel, "replaced" if overwrite else "updated"))
        else:
            report.files.append(Written(rel, "kept"))
    if generic and any(f.path.endswith("units.yaml") and f.status == "created" for f in report.files):
        report.notes.append(("init.generic-units", {"city": city, "path": f"plans/{city_slug}/units.yaml"}))
    if pinned is None and any(f.path == REQUIREMENTS and f.status == "created" for f in report.files):
        report.notes.append(("init.fill-requirement", {"path": REQUIREMENTS}))
    report.notes.extend(_git_init(root))
    return report


def _git_init(root: Path) -> list[tuple[str, dict[str, str]]]:
    """``git init`` when the folder is not inside a repository; main is the branch the workflow watches."""
    git = shutil.which("git")
    if git is None:
        return [("init.no-git", {"path": str(root)})]
    inside = subprocess.run([git, "-C", str(root), "rev-parse", "--is-inside-work-tree"], capture_output=True,
                            text=True, check=False)
    if inside.returncode == 0:
        return []
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run([git, "-C", str(root), "init", "-q"], capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        return [("init.git-failed", {"path": str(root), "detail": done.stderr.strip() or str(done.returncode)})]
    subprocess.run([git, "-C", str(root), "symbolic-ref", "HEAD", "refs/heads/main"], capture_output=True,
                   check=False, env=env)
    return [("init.git", {"path": str(root)})]
