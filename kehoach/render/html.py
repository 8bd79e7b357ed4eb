"""The plan as one self-contained, printable HTML page (A4, landscape appendices, repeated headers).

Jinja's autoescape is on: every piece of plan text is HTML-escaped, so ``<b>`` or ``&`` in a
plan shows as written and cannot change the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from ..escape import html_value
from . import jinja, templates
from .context import DocumentView
from .format import FORMAT
from .templates import Template
from .typeset import NB_HYPHEN, keep_line, keep_numbers, keep_together

# Words and the spaces between them. A word holding a non-breaking hyphen is shown in a
# no-wrap span with a plain hyphen, since a reader's font may lack U+2011 (and a copied
# "71/NQ-CP" should read as written). Split, not searched with a pattern such as \S*‑\S*,
# which backtracks quadratically over a long run of letters.
_SPACES = re.compile(r"(\s+)")


def _joined(join: Callable[[str], str]) -> Callable[[str], Markup]:
    def apply(text: str) -> Markup:
        escaped = str(escape(join(text)))
        if NB_HYPHEN not in escaped:
            return Markup(escaped)
        return Markup("".join(f'<span class="nw">{w.replace(NB_HYPHEN, "-")}</span>' if NB_HYPHEN in w else w
                              for w in _SPACES.split(escaped)))
    return apply


FILTERS = {"keep": _joined(keep_together), "keep_numbers": _joined(keep_numbers), "keep_line": _joined(keep_line)}


def render_html(view: DocumentView, template: Template | None = None) -> bytes:
    main = template or templates.bundled(templates.HTML)
    text = jinja.render(main, {"doc": view, "fmt": FORMAT}, autoescape=True, finalize=html_value,
                        filters=FILTERS, includes=(templates.CSS,))
    return text.encode("utf-8")
