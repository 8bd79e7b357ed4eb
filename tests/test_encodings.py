"""One table of byte-order marks serves reading a plan and writing it back."""

from __future__ import annotations

import codecs

import pytest

from kehoach.loader import LoadFailure, decode
from kehoach.yamlio import encoding_of

# A character that cannot be decoded, in each encoding: a lone surrogate, or a byte UTF-8 never has.
BAD = {"utf-8": b"\xff", "utf-16-le": b"\x00\xd8", "utf-16-be": b"\xd8\x00",
       "utf-32-le": b"\x00\xd8\x00\x00", "utf-32-be": b"\x00\x00\xd8\x00"}


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_read_and_written_back_alike(bom: bytes, codec: str) -> None:
    text = "kehoach: 1\nmeta: {commune: Vĩnh Hải}\n"
    assert decode(bom + text.encode(codec)) == text
    assert encoding_of(bom + text.encode(codec)) == (codec, bom)

    # An undecodable character is placed in characters of the text, not in bytes, and the
    # encoding is named by its family.
    broken = bom + "a: 1\nb: x".encode(codec) + BAD[codec] + "y\n".encode(codec)
    with pytest.raises(LoadFailure) as e:
        decode(broken)
    assert (e.value.key, e.value.span, e.value.args_) == ("load.encoding", (2, 5), {"codec": codec[:6]})


def test_plain_utf8_has_no_mark() -> None:
    assert encoding_of(b"a: 1\n") == ("utf-8", b"")
