"""Escaping plan text for the places it is shown: plan text is data, never markup or commands."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

# What XML 1.0 cannot hold at all, escaped or not (its Char production): C0 controls other than
# tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates. A plan can only carry
# them through a double-quoted escape ("\\v", "\\uFFFE"): libyaml refuses them written raw. Word,
# Excel and lxml refuse a file holding one; a browser shows a replacement box.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_chars(text: str) -> str:
    """``text`` without the characters XML cannot hold: what docx, xlsx and HTML outputs write.
    The ``illegal-character`` rule reports them at their line, so dropping loses nothing unseen."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


def html_value(value: Any) -> Any:
    """Jinja's ``finalize`` for the HTML pages: every printed value without the characters XML
    cannot hold (HTML parsers report them as errors and show a box), escaped markup kept as such."""
    if isinstance(value, str):
        cleaned = xml_chars(value)
        if cleaned is not value:
            return Markup(cleaned) if isinstance(value, Markup) else cleaned
    return value


def github_data(text: str) -> str:
    """The message of a GitHub Actions workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property (``file=``, ``title=``) of a GitHub Actions workflow command."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# Every character CommonMark or GitHub reads as inline markup, and the start of HTML or an entity.
_INLINE = re.compile(r"([\\`*_\[\]<>|&~#!])")
# What would start a list, a heading, a quote or a numbered list at the beginning of a line.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def markdown(text: str) -> str:
    """Plan text inside Markdown, read back as written: CommonMark renders a backslash-escaped
    punctuation character as the character itself. A line break stays one (a hard break)."""
    out = _INLINE.sub(r"\\\1", text)
    out = _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], out)
    return out.replace("\n", "\\\n")
