"""The small WordprocessingML helpers python-docx has no API for, each on a bare element."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from kehoach.render import ooxml


def _names(el: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in el]


def test_repeat_header_keeps_the_schema_order() -> None:
    tr = parse_xml(f'<w:tr {nsdecls("w")}><w:tblPrEx/><w:trPr><w:cantSplit/><w:jc w:val="center"/></w:trPr>'
                   '<w:tc><w:p/></w:tc></w:tr>')
    assert not ooxml.is_repeat_header(tr)
    ooxml.set_repeat_header(tr)
    assert _names(tr) == ["tblPrEx", "trPr", "tc"]
    assert _names(tr.find(qn("w:trPr"))) == ["cantSplit", "tblHeader", "jc"]
    assert ooxml.is_repeat_header(tr)
    bare = parse_xml(f'<w:tr {nsdecls("w")}><w:tc><w:p/></w:tc></w:tr>')
    ooxml.set_repeat_header(bare)
    assert _names(bare) == ["trPr", "tc"] and ooxml.is_repeat_header(bare)
    off = parse_xml(f'<w:tr {nsdecls("w")}><w:trPr><w:tblHeader w:val="0"/></w:trPr></w:tr>')
    assert not ooxml.is_repeat_header(off)


def test_page_field() -> None:
    p = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr></w:p>')
    assert not ooxml.has_page_field(p)
    ooxml.add_page_field(p)
    kinds = [f.get(qn("w:fldCharType")) for f in p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert ooxml.has_page_field(p)
    simple = parse_xml(f'<w:p {nsdecls("w")}><w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT "/></w:p>')
    assert ooxml.has_page_field(simple)
    pages = parse_xml(f'<w:p {nsdecls("w")}><w:fldSimple w:instr="NUMPAGES"/></w:p>')
    assert not ooxml.has_page_field(pages)


def _sectpr() -> etree._Element:
    return parse_xml(f'<w:sectPr {nsdecls("w")}><w:headerReference w:type="default" r:id="rId1" '
                     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                     '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" '
                     'w:left="1701"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>')


def test_page_numbering_title_page_and_orientation() -> None:
    s = _sectpr()
    ooxml.set_page_numbering(s, 1)
    ooxml.set_title_page(s, True)
    assert _names(s) == ["headerReference", "pgSz", "pgMar", "pgNumType", "cols", "titlePg", "docGrid"]
    num = s.find(qn("w:pgNumType"))
    assert (num.get(qn("w:start")), num.get(qn("w:fmt"))) == ("1", "decimal")
    ooxml.set_page_numbering(s, None)
    assert num.get(qn("w:start")) is None
    ooxml.set_title_page(s, False)
    assert s.find(qn("w:titlePg")) is None
    assert ooxml.text_width_twips(s) == 11906 - 1701 - 851
    ooxml.set_orientation(s, landscape=True)
    size = s.find(qn("w:pgSz"))
    assert (size.get(qn("w:w")), size.get(qn("w:h")), size.get(qn("w:orient"))) == ("16838", "11906", "landscape")
    assert ooxml.text_width_twips(s) == 16838 - 1701 - 851
    ooxml.set_orientation(s, landscape=False)
    assert (size.get(qn("w:w")), size.get(qn("w:orient"))) == ("11906", None)


def test_break_section_uses_the_empty_tail_paragraph() -> None:
    body = parse_xml(f'<w:body {nsdecls("w")}><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p/></w:body>')
    first = _sectpr()
    ooxml.set_title_page(first, True)
    ooxml.set_page_numbering(first, 1)
    body.append(first)
    new = ooxml.break_section(body, "KHTail")
    assert _names(body) == ["p", "p", "sectPr"]            # the tail paragraph now holds section 1
    closed = body[1].find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    assert closed.find(qn("w:titlePg")) is not None
    assert closed.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert new.find(qn("w:titlePg")) is None and new.find(qn("w:pgNumType")).get(qn("w:start")) is None
    assert new.find(qn("w:headerReference")) is not None
    body.insert(2, parse_xml(f'<w:tbl {nsdecls("w")}/>'))
    ooxml.break_section(body, "KHTail")                      # after a table: a new small paragraph
    assert _names(body) == ["p", "p", "tbl", "p", "sectPr"]
    assert body[3].find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "KHTail"


def test_fonts_and_theme_fonts() -> None:
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:b/><w:rFonts w:asciiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
                    '<w:sz w:val="28"/></w:rPr>')
    ooxml.set_fonts(rpr, "Times New Roman")
    fonts = rpr.find(qn("w:rFonts"))
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == dict.fromkeys(ooxml.FONT_SLOTS, "Times New Roman")
    other = parse_xml(f'<w:style {nsdecls("w")}><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia" '
                      'w:hAnsiTheme="minorHAnsi"/></w:rPr></w:style>')
    assert ooxml.strip_theme_fonts(other) == 2 and ooxml.strip_theme_fonts(other) == 0


def test_runs_hold_text_literally() -> None:
    r = ooxml.run("a\tb\nc {{ x }} <b> & \x07\x0c\ud800 đ", bold=True)
    assert _names(r) == ["rPr", "t", "tab", "t", "br", "t"]
    assert [t.text for t in r.iter(qn("w:t"))] == ["a", "b", "c {{ x }} <b> &  đ"]
    assert ooxml.xml_text("a\r\nb\rc") == "a\nb\nc"
    p = ooxml.paragraph("KHBody", "x")
    assert p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "KHBody"
    ooxml.set_keep_next(p)
    assert _names(p.find(qn("w:pPr"))) == ["pStyle", "keepNext"]
