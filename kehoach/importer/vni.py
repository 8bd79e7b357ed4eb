"""VNI (VNI Windows) text, typed with the ``VNI-Times``, ``VNI-Helve`` … fonts, turned into Unicode.

VNI was the other pre-Unicode way of typing Vietnamese (mostly in the South, beside TCVN3's ABC
fonts). It is *composite*: a letter with marks is stored as its base Latin letter followed by one
mark character drawn on a Latin-1 code point — "vieäc" is "việc" (e + "ä", circumflex and dot below),
"ñöôïc" is "được". A few letters are one character: ñ đ, ô ơ, ö ư, æ ỉ, ó ĩ, ò ị, î ỵ (and í, ì are
themselves). Word stores the code points 0xC0–0xFF as the Windows-1252 characters, which is what a
.docx holds; capitals take the capital form of the mark ("VIEÄC").

The table is written out here by hand from the VNI Windows layout as two open-source programs give
it, which agree entry for entry: xvnkb (Đào Hải Lâm, GPL, ``vni.h``: the 134 letters, tone by tone)
and the ``vietnamese-conversion`` npm package (``src/charsets.ts``, MIT). PyPI was searched first:
``viparse`` (MIT) ships a VNI table, but as part of a document loader for RAG, and its table is
gathered from a corpus: it lacks ẳ/Ẳ ("aú") and writes ỵ as "yï" where VNI has "î". Hence this
module, which needs nothing but the standard library.
"""

from __future__ import annotations

import re
import unicodedata

from .tcvn3 import is_unicode_vietnamese

# Each line: the VNI forms of one letter with no tone, sắc, huyền, hỏi, ngã, nặng (the order of
# xvnkb's vni.h), then "|" and the same six letters in Unicode. Lowercase only: the capitals are the
# same sequences in capitals ("AÙ" is "Á").
_ROWS = """
    a aù aø aû aõ aï          | a á à ả ã ạ
    aâ aá aà aå aã aä         | â ấ ầ ẩ ẫ ậ
    aê aé aè aú aü aë         | ă ắ ằ ẳ ẵ ặ
    e eù eø eû eõ eï          | e é è ẻ ẽ ẹ
    eâ eá eà eå eã eä         | ê ế ề ể ễ ệ
    o où oø oû oõ oï          | o ó ò ỏ õ ọ
    oâ oá oà oå oã oä         | ô ố ồ ổ ỗ ộ
    ô ôù ôø ôû ôõ ôï          | ơ ớ ờ ở ỡ ợ
    u uù uø uû uõ uï          | u ú ù ủ ũ ụ
    ö öù öø öû öõ öï          | ư ứ ừ ử ữ ự
    i í ì æ ó ò               | i í ì ỉ ĩ ị
    y yù yø yû yõ î           | y ý ỳ ỷ ỹ ỵ
    ñ                         | đ
"""


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _ROWS.strip().splitlines():
        left, right = line.split("|")
        for vni, uni in zip(left.split(), right.split(), strict=True):
            if vni == uni:
                continue
            table[vni] = uni
            table[vni.upper()] = uni.upper()
            if len(vni) == 2:            # a capital typed before a small mark ("Aù"): the letter decides
                table[vni[0].upper() + vni[1]] = uni.upper()
    return table


TABLE: dict[str, str] = _table()
_SEQUENCE = re.compile("|".join(sorted(map(re.escape, TABLE), key=len, reverse=True)))

# Characters that VNI uses and Unicode Vietnamese text never does: their presence betrays VNI.
SIGNATURE = frozenset("äåæëîïñöøûüÄÅÆËÎÏÑÖØÛÜ")
# A base letter and a mark that Unicode Vietnamese never writes side by side ("eâ", "aø" is in SIGNATURE
# already): "oá", "uâ", "oà" are Vietnamese ("hoá", "tuân", "hoà"), so they are not counted.
_PAIRS = re.compile("[aAeE][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]|[aeiouyAEIOUY][ùÙ]|[oO][âÂåÅäÄ]")
# TCVN3 draws its commonest letters (á à đ ư ơ ê ô â ă …) on 0xA1–0xBF, which VNI never uses: text
# holding one of them is not VNI.
_TCVN3_LOW = frozenset(chr(b) for b in range(0xA1, 0xC0)) - set("°±·")
_FONT = re.compile(r"^VNI[- ]", re.I)


def is_vni_font(font: str) -> bool:
    """``VNI-Times``, ``VNI-Helve``, ``VNI-Aptima`` …: the VNI fonts' names start with "VNI-"."""
    return bool(_FONT.match(font.strip()))


def decode(text: str) -> str:
    """The Unicode text (NFC) that ``text`` shows when set in a VNI font."""
    return unicodedata.normalize("NFC", _SEQUENCE.sub(lambda m: TABLE[m.group(0)], text))


def looks_vni(text: str) -> bool:
    """Text stored in VNI whatever its font says: no letter only Unicode has, no TCVN3 character,
    several VNI signature characters or pairs (at least one in ten letters), and Vietnamese once
    converted."""
    if is_unicode_vietnamese(text) or any(c in _TCVN3_LOW for c in text):
        return False
    marks = sum(c in SIGNATURE for c in text) + len(_PAIRS.findall(text))
    letters = sum(c.isalpha() for c in text)
    return marks >= 3 and marks * 10 >= letters and is_unicode_vietnamese(decode(text))
