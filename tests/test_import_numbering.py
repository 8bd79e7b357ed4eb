"""Word's automatic numbering: labels computed from numbering.xml, then read as typed numbering."""

from __future__ import annotations

from lxml import etree

from kehoach.importer.body import body_blocks
from kehoach.importer.numbering import Numbering
from kehoach.importer.tree import Para

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML = f"""<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
    <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="7"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_labels_count_and_reset() -> None:
    n = Numbering.parse(etree.fromstring(XML.encode()))
    labels = [n.label("3", lvl) for lvl in (0, 1, 2, 2, 3, 3, 4, 1, 2, 0, 1)]
    assert labels == ["I.", "1.", "1.1.", "1.2.", "a)", "b)", "-", "2.", "2.1.", "II.", "1."]
    assert n.label("4", 0) == "IV."          # startOverride
    assert n.label("0", 0) == "" and n.label("9", 0) == ""   # numId 0 switches numbering off


def test_numbered_paragraphs_nest_like_typed_ones() -> None:
    paras = [Para(t, i) for i, t in enumerate(["I. MỤC TIÊU", "1. Chung", "- Một.", "1.1. Riêng", "a) Nhỏ",
                                               "II. TỔ CHỨC"], start=1)]
    body, intro, closing, _, _ = body_blocks(list(paras), 2026)
    assert (intro, closing) == ([], [])
    assert [s["number"] for s in body] == ["I.", "II."]
    chung = body[0]["content"][0]
    assert chung["content"][0] == "- Một."
    assert chung["content"][1]["number"] == "1.1." and chung["content"][1]["content"][0]["number"] == "a)"
