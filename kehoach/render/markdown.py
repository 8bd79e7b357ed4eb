"""The plan as Markdown (CommonMark with GFM tables), for reading in a pull request or a wiki.

Every value printed by the template is escaped (Jinja's ``finalize``), so plan text can carry
``*``, ``|``, ``<b>`` or a leading "- " and still read back as written: CommonMark renders a
backslash-escaped punctuation character as the character itself.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..escape import markdown
from . import jinja, templates
from .context import DocumentView
from .templates import Template

# What a cell merged with the one above reads in a pipe table, which cannot merge cells: the
# "as above" of Vietnamese tables, written out ("nt" or a ditto mark is easily misread).
SAME_AS_ABOVE = "(như trên)"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return markdown(value)
    return value


def _cell(text: str) -> Markup:
    # A table cell is one line: its line breaks become <br>, the one HTML tag GFM tables need.
    return Markup(markdown(text).replace("\\\n", "<br>"))


def render_markdown(view: DocumentView, template: Template | None = None) -> bytes:
    main = template or templates.bundled(templates.MARKDOWN)
    text = jinja.render(main, {"doc": view, "same_as_above": SAME_AS_ABOVE}, autoescape=False, finalize=_finalize,
                        filters={"cell": _cell})
    return text.encode("utf-8")
