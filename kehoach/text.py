"""Vietnamese text normalisation, so that spellings of one name compare equal.

Plan text is never rewritten with these functions: they build comparison keys only.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# Old-style tone placement (hoá, thuỷ, khoẻ) against the new one (hóa, thủy, khỏe): both are
# correct Vietnamese and both appear in the plans, so comparisons fold them together.
_OLD_TONES = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))
_DASHES = re.compile(r"\s*[-‐‑‒–—―−]\s*")
_SPACES = re.compile(r"\s+")
_AMP = re.compile(r"\s*&\s*")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Map old-style tone placement to the new style (``hoá`` → ``hóa``)."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], text)


def norm_key(text: str) -> str:
    """A comparison key: NFC, lower case, one tone convention, one dash, single spaces."""
    t = fold_tones(nfc(text).lower())
    t = _DASHES.sub(" - ", t)
    t = _AMP.sub(" và ", t)
    t = _SPACES.sub(" ", t)
    return t.strip(" .;,:")


def strip_accents(text: str) -> str:
    """ASCII-ish key for slugs and did-you-mean ('Văn hóa' → 'van hoa')."""
    t = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c))


def slug(text: str) -> str:
    """``Vĩnh Hải`` → ``vinh-hai``."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")


def text_key(text: str) -> str:
    """Key for comparing long texts (tasks): normalised, punctuation-insensitive."""
    return re.sub(r"[^\w]+", " ", norm_key(text)).strip()


_CONFUSABLE = str.maketrans({"l": "1", "I": "1", "i": "1", "O": "0", "o": "0"})


def did_you_mean(word: str, choices: list[str], n: int = 3) -> list[str]:
    """Closest choices; a typo between look-alike characters (l/1, O/0) or of case ranks first."""
    folded = word.translate(_CONFUSABLE).lower()
    exact = [c for c in choices if c.translate(_CONFUSABLE).lower() == folded]
    close = difflib.get_close_matches(word, choices, n=n + len(exact), cutoff=0.5)
    out: list[str] = []
    for c in exact + close:
        if c not in out:
            out.append(c)
    return out[:n]
