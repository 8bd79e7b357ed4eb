"""The plan as one self-contained, printable HTML page (A4, landscape appendices, repeated headers).

Jinja's autoescape is on: every piece of plan text is HTML-escaped, so ``<b>`` or ``&`` in a
plan shows as written and cannot change the page.
"""

from __future__ import annotations

from ..escape import html_value
from . import jinja, templates
from .context import DocumentView
from .format import FORMAT
from .templates import Template


def render_html(view: DocumentView, template: Template | None = None) -> bytes:
    main = template or templates.bundled(templates.HTML)
    text = jinja.render(main, {"doc": view, "fmt": FORMAT}, autoescape=True, finalize=html_value,
                        includes=(templates.CSS,))
    return text.encode("utf-8")
