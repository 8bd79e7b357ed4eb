"""Figures and dates the way a Vietnamese report writes them: 65,5 %, 14/03/2026."""

from __future__ import annotations

import datetime as dt

NBSP = "\u00a0"


def percent(share: float | None, lang: str, *, space: str = " ") -> str:
    """65,5 % in Vietnamese, 65.5 % in English; empty when nothing was due. ``space`` before the
    sign: a no-break space in a printed document, so "%" never starts a line."""
    if share is None:
        return ""
    text = f"{share * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',') if lang != 'en' else text}{space}%"


def day(value: dt.date | str | None, lang: str) -> str:
    """dd/mm/yyyy as Vietnamese documents write dates (ISO in English); empty for None."""
    if value is None:
        return ""
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return d.isoformat() if lang == "en" else f"{d:%d/%m/%Y}"
