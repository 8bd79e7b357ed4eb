"""Finding the templates: the bundled ones, or a custom one named with ``--template``.

Installed, the repository's ``templates/`` folder is the package ``kehoach.templates`` (a
package-dir mapping, as ``schema/`` is ``kehoach.schemas``); in a source checkout or an
editable install it is the ``templates/`` folder beside the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import KehoachError
from ..loader import LoadFailure, file_error, read_bytes

DOCX = "ke-hoach.docx"
MARKDOWN = "ke-hoach.md.j2"
HTML = "ke-hoach.html.j2"
CSS = "ke-hoach.css.j2"


# A Word template carries its styles, headers and perhaps a logo: larger than a plan may be.
TEMPLATE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Template:
    name: str          # what the user sees in messages: the bundled name or the path given
    data: bytes


@cache
def bundled(filename: str) -> Template:
    try:
        data = resources.files("kehoach.templates").joinpath(filename).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        source = Path(__file__).resolve().parent.parent.parent / "templates" / filename
        try:
            data = source.read_bytes()
        except OSError:
            raise KehoachError("render.template-missing", path=str(source)) from None
    return Template(filename, data)


def custom(path: Path) -> Template:
    try:
        return Template(str(path), read_bytes(path, limit=TEMPLATE_LIMIT))
    except LoadFailure as e:
        if e.key == "load.missing":
            raise KehoachError("render.template-missing", path=str(path)) from None
        raise file_error(path, e) from None


def text(template: Template) -> str:
    try:
        return template.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KehoachError("render.template-encoding", path=template.name) from None
