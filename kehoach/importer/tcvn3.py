"""TCVN3 (ABC) text, typed with the old ``.VnTime`` family of fonts, turned into Unicode.

Before Unicode (TCVN 6909:2001) became the rule, Vietnamese offices typed with the ABC fonts
(``.VnTime``, ``.VnArial``, ``.VnTimeH`` …), which draw Vietnamese letters on the code points of
ordinary Latin-1 characters: a .docx stores "B¶o Th¾ng" where the page shows "Bảo Thắng". Read as
it is, such text is garbage; converted, it is the plan.

The table is TCVN 5712:1993 (VN1) for the bytes 0xA1–0xFF, written out here by hand from glibc's
charmap ``localedata/charmaps/TCVN5712-1`` (the same as XFree86's ``lcUniConv/tcvn.h``); the ABC
fonts use that range (VN3: the lowercase letters with tone marks, and Ă Â Ê Ô Ơ Ư Đ); the capitals
with tone marks that VN1 puts in some of these slots are kept as VN1 has them. Bytes 0xA1–0xFF are
the same characters in Windows-1252 and Latin-1, which is how Word stores them, so each maps from
one character. Fonts whose name ends in "H" (``.VnTimeH``) draw capitals on the lowercase codes.

No maintained package on PyPI converts TCVN3 (searched for this issue: ``viet-text-tools`` and
``chiecthuyenngoaixa`` normalise Unicode text only), hence this table.
"""

from __future__ import annotations

import re
import unicodedata

_PAIRS = """
    0xA1:0102 0xA2:00C2 0xA3:00CA 0xA4:00D4 0xA5:01A0 0xA6:01AF 0xA7:0110 0xA8:0103
    0xA9:00E2 0xAA:00EA 0xAB:00F4 0xAC:01A1 0xAD:01B0 0xAE:0111 0xAF:1EB0 0xB0:0300
    0xB1:0309 0xB2:0303 0xB3:0301 0xB4:0323 0xB5:00E0 0xB6:1EA3 0xB7:00E3 0xB8:00E1
    0xB9:1EA1 0xBA:1EB2 0xBB:1EB1 0xBC:1EB3 0xBD:1EB5 0xBE:1EAF 0xBF:1EB4 0xC0:1EAE
    0xC1:1EA6 0xC2:1EA8 0xC3:1EAA 0xC4:1EA4 0xC5:1EC0 0xC6:1EB7 0xC7:1EA7 0xC8:1EA9
    0xC9:1EAB 0xCA:1EA5 0xCB:1EAD 0xCC:00E8 0xCD:1EC2 0xCE:1EBB 0xCF:1EBD 0xD0:00E9
    0xD1:1EB9 0xD2:1EC1 0xD3:1EC3 0xD4:1EC5 0xD5:1EBF 0xD6:1EC7 0xD7:00EC 0xD8:1EC9
    0xD9:1EC4 0xDA:1EBE 0xDB:1ED2 0xDC:0129 0xDD:00ED 0xDE:1ECB 0xDF:00F2 0xE0:1ED4
    0xE1:1ECF 0xE2:00F5 0xE3:00F3 0xE4:1ECD 0xE5:1ED3 0xE6:1ED5 0xE7:1ED7 0xE8:1ED1
    0xE9:1ED9 0xEA:1EDD 0xEB:1EDF 0xEC:1EE1 0xED:1EDB 0xEE:1EE3 0xEF:00F9 0xF0:1ED6
    0xF1:1EE7 0xF2:0169 0xF3:00FA 0xF4:1EE5 0xF5:1EEB 0xF6:1EED 0xF7:1EEF 0xF8:1EE9
    0xF9:1EF1 0xFA:1EF3 0xFB:1EF7 0xFC:1EF9 0xFD:00FD 0xFE:1EF5 0xFF:1ED0
"""

TABLE: dict[int, str] = {
    int(byte, 16): chr(int(code, 16)) for byte, code in (pair.split(":") for pair in _PAIRS.split())}

# Latin-1 letters that Unicode Vietnamese text itself uses: they say nothing about the encoding.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# Characters that, in a text with no Unicode-only Vietnamese letter, betray TCVN3: "¸" is "á",
# "®" is "đ", "­" (a soft hyphen) is "ư", "¬" is "ơ", "ª" is "ê" …
SIGNATURE = frozenset(chr(b) for b in TABLE) - _VIETNAMESE_LATIN1
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                                 "\u1ea0-\u1ef9]")
_FONT = re.compile(r"^\.vn", re.I)


def is_tcvn3_font(font: str) -> bool:
    """``.VnTime``, ``.VnArial NarrowH``, ``.VnCentury Schoolbook`` …: the ABC fonts start with ".Vn"."""
    return bool(_FONT.match(font.strip()))


def is_capital_font(font: str) -> bool:
    return is_tcvn3_font(font) and font.strip().endswith("H")


def is_unicode_vietnamese(text: str) -> bool:
    """Whether ``text`` holds a letter that only Unicode Vietnamese has (ă, ơ, ư, đ, ạ … ỹ)."""
    return bool(_UNICODE_VIETNAMESE.search(text))


def decode(text: str, *, capitals: bool = False) -> str:
    """The Unicode text (NFC) that ``text`` shows when set in an ABC font."""
    out = unicodedata.normalize("NFC", "".join(TABLE.get(ord(c), c) for c in text))
    return out.upper() if capitals else out


def looks_tcvn3(text: str) -> bool:
    """Text stored in TCVN3 whatever its font says: no letter only Unicode has, several TCVN3
    signature characters (at least one in ten letters), and a Vietnamese letter once converted."""
    if _UNICODE_VIETNAMESE.search(text):
        return False
    marks = sum(c in SIGNATURE for c in text)
    letters = sum(c.isalpha() or c in SIGNATURE for c in text)
    return marks >= 3 and marks * 10 >= letters and bool(_UNICODE_VIETNAMESE.search(decode(text)))
