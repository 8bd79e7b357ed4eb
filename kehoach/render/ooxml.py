"""Small WordprocessingML helpers for what python-docx has no API for.

Repeated table header rows (``w:tblHeader``), the PAGE field, page-number format and start
(``w:pgNumType``), a distinct title page (``w:titlePg``), section breaks and orientation, the
four font slots without theme fonts, and runs of plan text that come out literally. Each helper
works on plain lxml elements and keeps the element order the schema requires, because Word
refuses a document whose children are out of order even where LibreOffice accepts it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import TypeAlias

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from ..escape import xml_chars

Element: TypeAlias = etree._Element

_BREAKS = re.compile(r"(\n|\t)")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NB_HYPHEN = "\u2011"
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")

# Child order of the elements the helpers touch (ECMA-376 Part 1, §17).
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                 "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                 "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
TRPR_ORDER = ("cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
               "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
              "tcPrChange")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
               "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
               "tblCaption", "tblDescription", "tblPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def w(tag: str) -> str:
    return qn(f"w:{tag}")


def xml_text(text: str) -> str:
    """Plan text as XML can hold it: line ends unified, characters XML forbids dropped."""
    return xml_chars(text.replace("\r\n", "\n").replace("\r", "\n"))


def child(parent: Element, tag: str, order: tuple[str, ...]) -> Element:
    """The ``w:tag`` child of ``parent``, created in its schema position if missing."""
    found = parent.find(w(tag))
    if found is not None:
        return found
    new = etree.Element(w(tag))
    rank = order.index(tag)
    for i, sibling in enumerate(parent):
        name = etree.QName(sibling).localname
        if name in order and order.index(name) > rank:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


def remove(parent: Element, tag: str) -> None:
    for found in parent.findall(w(tag)):
        parent.remove(found)


# --- runs and paragraphs ------------------------------------------------------------------------

def run(text: str, *, bold: bool = False) -> Element:
    """A run holding ``text`` literally: line breaks and tabs become ``w:br``/``w:tab``."""
    r = etree.Element(w("r"))
    if bold:
        etree.SubElement(etree.SubElement(r, w("rPr")), w("b"))
    for piece in _BREAKS.split(xml_text(text)):
        if piece == "\n":
            etree.SubElement(r, w("br"))
        elif piece == "\t":
            etree.SubElement(r, w("tab"))
        elif piece:
            t = etree.SubElement(r, w("t"))
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def paragraph(style: str, text: str = "", *, bold: bool = False) -> Element:
    p = etree.Element(w("p"))
    etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), style)
    if text:
        p.append(run(text, bold=bold))
    return p


def no_break_hyphens(root: Element) -> int:
    """Write each U+2011 under ``root`` as ``w:noBreakHyphen``; returns how many.

    Word draws ``w:noBreakHyphen`` with the run's own hyphen glyph, whereas the character U+2011
    needs a glyph that Times New Roman's metric twin Liberation Serif lacks (a fallback font then
    shows it). Both join the text around it: no line break there."""
    count = 0
    for t in list(root.iter(w("t"))):
        text = t.text or ""
        if NB_HYPHEN not in text:
            continue
        pieces = text.split(NB_HYPHEN)
        count += len(pieces) - 1
        t.text = pieces[0]
        at = t
        for piece in pieces[1:]:
            hyphen = etree.Element(w("noBreakHyphen"))
            at.addnext(hyphen)
            at = hyphen
            if piece:
                nxt = etree.Element(w("t"))
                nxt.text = piece
                nxt.set(_XML_SPACE, "preserve")
                at.addnext(nxt)
                at = nxt
        if not pieces[0]:
            t.getparent().remove(t)
    return count


def set_keep_next(p: Element) -> None:
    child(child(p, "pPr", ("pPr",)), "keepNext", PPR_ORDER)


# --- fonts ------------------------------------------------------------------------------------------

def set_fonts(rpr: Element, name: str) -> None:
    """Put ``name`` on all four font slots and drop the theme fonts, which would win over it."""
    fonts = child(rpr, "rFonts", RPR_ORDER)
    for attr in THEME_ATTRS:
        fonts.attrib.pop(w(attr), None)
    for slot in FONT_SLOTS:
        fonts.set(w(slot), name)


def strip_theme_fonts(root: Element) -> int:
    """Remove every theme-font attribute under ``root``; returns how many were removed."""
    removed = 0
    for fonts in root.iter(w("rFonts")):
        for attr in THEME_ATTRS:
            if fonts.attrib.pop(w(attr), None) is not None:
                removed += 1
    return removed


# --- tables -------------------------------------------------------------------------------------

def set_repeat_header(tr: Element) -> None:
    """Mark a row as a header row, repeated at the top of every page, and never split."""
    trpr = _trpr(tr)
    child(trpr, "cantSplit", TRPR_ORDER)
    child(trpr, "tblHeader", TRPR_ORDER)


def set_cant_split(tr: Element) -> None:
    child(_trpr(tr), "cantSplit", TRPR_ORDER)


def set_vmerge(tcpr: Element, *, restart: bool) -> None:
    """Merge a cell with the cells below (``restart``) or with the one above (a continuation,
    whose own content Word ignores: it is left empty)."""
    merge = child(tcpr, "vMerge", TCPR_ORDER)
    if restart:
        merge.set(w("val"), "restart")
    else:
        merge.attrib.pop(w("val"), None)


def is_repeat_header(tr: Element) -> bool:
    trpr = tr.find(w("trPr"))
    if trpr is None:
        return False
    flag = trpr.find(w("tblHeader"))
    return flag is not None and flag.get(w("val"), "true") not in ("0", "false", "off")


def _trpr(tr: Element) -> Element:
    trpr = tr.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        # trPr follows the optional tblPrEx and precedes the cells.
        tr.insert(1 if len(tr) and tr[0].tag == w("tblPrEx") else 0, trpr)
    return trpr


# --- fields -------------------------------------------------------------------------------------

def add_page_field(p: Element, shown: str = "2") -> None:
    """Append a PAGE field to a paragraph (a complex field: Word and LibreOffice both update it)."""
    def fld(kind: str) -> None:
        etree.SubElement(etree.SubElement(p, w("r")), w("fldChar")).set(w("fldCharType"), kind)

    fld("begin")
    instr = etree.SubElement(etree.SubElement(p, w("r")), w("instrText"))
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    fld("separate")
    etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = shown
    fld("end")


def has_page_field(root: Element) -> bool:
    instr = "".join(t.text or "" for t in root.iter(w("instrText")))
    simple = [f.get(w("instr"), "") for f in root.iter(w("fldSimple"))]
    return any(s.split()[:1] == ["PAGE"] for s in [instr.strip(), *[s.strip() for s in simple]])


# --- sections -----------------------------------------------------------------------------------

def set_page_numbering(sectpr: Element, start: int | None, fmt: str = "decimal") -> None:
    """Arabic page numbers; ``start`` restarts them, ``None`` continues from the previous section."""
    num = child(sectpr, "pgNumType", SECTPR_ORDER)
    num.set(w("fmt"), fmt)
    if start is None:
        num.attrib.pop(w("start"), None)
    else:
        num.set(w("start"), str(start))


def set_title_page(sectpr: Element, distinct: bool) -> None:
    """A distinct first page uses the first-page header: the way to have no number on page 1."""
    if distinct:
        child(sectpr, "titlePg", SECTPR_ORDER)
    else:
        remove(sectpr, "titlePg")


def set_orientation(sectpr: Element, landscape: bool) -> None:
    size = child(sectpr, "pgSz", SECTPR_ORDER)
    width, height = int(size.get(w("w"), "11906")), int(size.get(w("h"), "16838"))
    short, long_ = sorted((width, height))
    if landscape:
        size.set(w("w"), str(long_))
        size.set(w("h"), str(short))
        size.set(w("orient"), "landscape")
    else:
        size.set(w("w"), str(short))
        size.set(w("h"), str(long_))
        size.attrib.pop(w("orient"), None)


def text_width_twips(sectpr: Element) -> int:
    size, margins = sectpr.find(w("pgSz")), sectpr.find(w("pgMar"))
    width = int(size.get(w("w"), "11906")) if size is not None else 11906
    if margins is None:
        return width - 2 * 1440
    return width - int(margins.get(w("left"), "1440")) - int(margins.get(w("right"), "1440"))


def break_section(body: Element, holder_style: str) -> Element:
    """End the current section here and start a new one; returns the new (last) section's sectPr.

    The section being closed keeps its properties in the last paragraph of its content. An empty
    paragraph already there (the template's tail) holds them; otherwise a small one of
    ``holder_style`` is added, so no extra line can spill onto a page of its own. The new section
    starts as a copy of the closed one, without its first-page header or page-number restart.
    """
    sentinel = body.find(w("sectPr"))
    if sentinel is None:
        raise ValueError("the document has no section properties")
    last = sentinel.getprevious()
    holder = last if _is_empty_paragraph(last) else None
    if holder is None:
        holder = paragraph(holder_style)
        sentinel.addprevious(holder)
    ppr = child(holder, "pPr", ("pPr",))
    remove(ppr, "sectPr")
    ppr.append(copy.deepcopy(sentinel))
    for ref in sentinel.findall(w("headerReference")) + sentinel.findall(w("footerReference")):
        if ref.get(w("type")) == "first":
            sentinel.remove(ref)
    set_title_page(sentinel, False)
    set_page_numbering(sentinel, None)
    return sentinel


def _is_empty_paragraph(el: Element | None) -> bool:
    if el is None or el.tag != w("p"):
        return False
    ppr = el.find(w("pPr"))
    if ppr is not None and ppr.find(w("sectPr")) is not None:
        return False
    return not any(True for _ in el.iter(w("t"), w("br"), w("drawing"), w("fldChar")))


def bookmark_paragraph(name: str) -> str:
    """A paragraph holding only a bookmark, as XML text: a slot to find again after rendering."""
    return (f'<w:p {nsdecls("w")}><w:bookmarkStart w:id="0" w:name="{name}"/>'
            f'<w:bookmarkEnd w:id="0"/></w:p>')


def find_bookmark_paragraphs(root: Element, name: str) -> list[Element]:
    return [b.getparent() for b in root.iter(w("bookmarkStart")) if b.get(w("name")) == name]


def parse(xml: str) -> Element:
    return parse_xml(xml)


def texts(root: Element) -> Iterable[str]:
    for t in root.iter(w("t")):
        yield t.text or ""
