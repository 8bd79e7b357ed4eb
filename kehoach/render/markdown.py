"""The plan as Markdown (CommonMark with GFM tables), for reading in a pull request or a wiki.

Every value printed by the template is escaped (Jinja's ``finalize``), so plan text can carry
``*``, ``|``, ``<b>`` or a leading "- " and still read back as written: CommonMark renders a
backslash-escaped punctuation character as the character itself.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from . import jinja, templates
from .context import DocumentView
from .templates import Template

_INLINE = re.compile(r"([\\`*_\[\]<>|&~])")
# What would start a list, a heading, a quote or a numbered list at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    out = _INLINE.sub(r"\\\1", text)
    out = _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), out)
    return out.replace("\n", "\\\n")   # a backslash at the end of a line: a hard line break


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return md_escape(value)
    return value


def _cell(text: str) -> Markup:
    # A table cell is one line: its line breaks become <br>, the one HTML tag GFM tables need.
    return Markup(md_escape(text).replace("\\\n", "<br>"))


def render_markdown(view: DocumentView, template: Template | None = None) -> bytes:
    main = template or templates.bundled(templates.MARKDOWN)
    text = jinja.render(main, {"doc": view}, autoescape=False, finalize=_finalize, filters={"cell": _cell})
    return text.encode("utf-8")
