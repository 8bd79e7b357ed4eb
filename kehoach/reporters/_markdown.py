"""Markdown for places that do not show Markdown: a terminal, a pipe, a plain-text field.

The rules' documentation is Markdown with paragraphs, list items, ``**bold**``, ``*italic*`` and
```code```; this reads those (and headings and fenced code, for a rule someone adds), nothing more.
No marker is left in what it returns: bold and italic become styles, which a console shows only
when it colours; code goes between quotes “…”, so that it stays apart from the sentence around
it in a file or a pipe too; paragraphs become one line each, for the console to wrap at its width.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

_FENCE = re.compile(r"^\s*(```|~~~)")
_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_INLINE = re.compile(r"(`+)(.+?)\1|\*\*(.+?)\*\*|(?<![\w*\\])\*(?![\s*])(.+?)(?<![\s*\\])\*(?![\w*])")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
CODE_STYLE = "cyan"


def _groups(md: str) -> list[list[tuple[str, str]]]:
    """The blocks of ``md``, as groups of lines separated by a blank line: ("text", a paragraph or
    a list item joined on one line), ("heading", its text) or ("code", a line of a fence as written)."""
    groups: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    paragraph: list[str] = []
    fenced = False

    def flush_paragraph() -> None:
        if paragraph:
            current.append(("text", " ".join(paragraph)))
            paragraph.clear()

    def flush_group() -> None:
        flush_paragraph()
        if current:
            groups.append(current.copy())
            current.clear()

    for line in md.splitlines():
        if _FENCE.match(line):      # a fence opens or closes a block of its own
            flush_group()
            fenced = not fenced
            continue
        if fenced:
            current.append(("code", line))
        elif not line.strip():
            flush_group()
        elif (heading := _HEADING.match(line)) is not None:
            flush_group()
            groups.append([("heading", heading.group(1))])
        elif _ITEM.match(line):
            flush_paragraph()
            paragraph.append(line.strip())
        else:
            paragraph.append(line.strip())
    flush_group()
    return groups


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def inline(md: str) -> Text:
    """One line of Markdown as a rich Text without its markers."""
    out = Text()
    at = 0
    for m in _INLINE.finditer(md):
        out.append(_unescape(md[at:m.start()]))
        code, bold, italic = m.group(2), m.group(3), m.group(4)
        if code is not None:
            if code.startswith(" ") and code.endswith(" ") and code.strip():    # as CommonMark: `` `x` ``
                code = code[1:-1]
            out.append(f"“{code}”", style=CODE_STYLE)
        elif bold is not None:
            out.append_text(_styled(bold, "bold"))
        else:
            out.append_text(_styled(italic, "italic"))
        at = m.end()
    out.append(_unescape(md[at:]))
    return out


def _styled(md: str, style: str) -> Text:
    text = inline(md)
    text.stylize(style)
    return text


def lines(md: str) -> list[Text]:
    """``md`` as the lines a person reads: one per paragraph, list item, heading or code line, with
    an empty line between blocks."""
    out: list[Text] = []
    for group in _groups(md):
        if out:
            out.append(Text())
        for kind, line in group:
            if kind == "code":
                out.append(Text("    " + line, style=CODE_STYLE))
            elif kind == "heading":
                out.append(_styled(line, "bold"))
            else:
                out.append(inline(line))
    return out


def plain(md: str) -> str:
    """``md`` as plain text: what a field that holds no Markdown (SARIF's ``text``) should say."""
    return "\n".join(line.plain for line in lines(md))


def render(console: Any, md: str) -> None:
    """Print ``md`` on a rich ``console``: styles only where it colours, wrapped at its width,
    no space left at the end of a line."""
    for line in lines(md):
        for part in line.wrap(console, console.width) if line else [line]:
            part.rstrip()
            console.print(part, soft_wrap=True)
