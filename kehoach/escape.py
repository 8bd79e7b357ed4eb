"""Escaping plan text for the places it is shown: plan text is data, never markup or commands."""

from __future__ import annotations

import re


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
