"""The official document as Word: docxtpl fills the template, python-docx adds what the plan shapes.

Split of the work, and why:
- docxtpl renders the template's fixed layout (letterhead, number and date, type and summary,
  legal bases, closing, signature and recipients, the headers): what an officer may want to
  adjust in Word lives in the template, not in code.
- The numbered body and the tables have the plan's shape (any depth, any columns, merged group
  rows), which Jinja inside Word XML expresses badly. ``{{p body }}`` renders a bookmark slot;
  the body is then built into the rendered document at that slot.
- Each appendix is a landscape section. A ``{%p %}`` tag in the paragraph that carries a section
  break deletes the section (FORMAT.md), so the template has no section break at all: appendix
  sections are appended after rendering, from the template's own page setup turned landscape.

Plan text never becomes template source. Values reach docxtpl as escaped XML text in which
``{``, ``}`` and ``%`` are character references, because docxtpl rewrites ``{_{``-like sequences
and control characters in its output; the body and appendices are written as XML elements.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from ..errors import KehoachError
from . import ooxml
from .context import AppendixView, DocumentView, Heading, Para, RowView, TableView, ViewBlock
from .templates import Template
from .typeset import keep_line, keep_numbers, keep_together

BODY_SLOT = "_kehoach_body"
HEADING_STYLES = ("KHHeading1", "KHHeading2", "KHHeading3")
_REFS = {"&": "&#38;", "<": "&#60;", ">": "&#62;", '"': "&#34;", "'": "&#39;", "{": "&#123;", "}": "&#125;",
         "%": "&#37;"}
_REF_TABLE = str.maketrans(_REFS)
# A table cell: text, width (twips), columns spanned, paragraph style, and its vertical merge
# ("restart", "continue" or "").
Cell = tuple[str, int, int, str, str]


class _Slot:
    """The value of ``body`` in the template: a paragraph holding a bookmark, found again later."""

    def __html__(self) -> str:
        return ooxml.bookmark_paragraph(BODY_SLOT)

    def __str__(self) -> str:
        return self.__html__()


def xml_value(text: str) -> Markup:
    """Plan text as docxtpl must receive it: XML-escaped, with no character docxtpl rewrites.

    Numeric character references survive Jinja filters such as ``upper`` (unlike ``&amp;``) and
    docxtpl's post-processing, and become the literal characters when the XML is parsed."""
    return Markup(ooxml.xml_text(text).translate(_REF_TABLE))


def template_context(view: DocumentView) -> dict[str, Any]:
    def many(items: Iterable[str]) -> list[Markup]:
        return [xml_value(keep_together(x)) for x in items]

    return {
        "draft": view.draft,
        "issuer": many(line.text for line in view.issuer),
        "issuer_parents": many(line.text for line in view.issuer if not line.bold),
        "issuer_body": many(line.text for line in view.issuer if line.bold),
        # The number line never breaks ("Số: 33/KH-UBND"), nor a reference inside a line of text.
        "number": xml_value(keep_line(view.number)), "symbol": xml_value(keep_line(view.symbol)),
        "place": xml_value(view.place),
        "day": xml_value(view.day), "month": xml_value(view.month), "year": xml_value(view.year),
        "number_line": xml_value(keep_line(view.number_line)), "date_line": xml_value(view.date_line),
        "doc_type": xml_value(view.doc_type), "title": xml_value(keep_together(view.title)),
        "legal_bases": many(view.legal_bases), "intro": many(view.intro), "closing": many(view.closing),
        "signature_titles": many(view.signature_titles), "signer": xml_value(view.signer),
        "recipients": many(view.recipients),
        "body": _Slot(),
    }


def render_docx(view: DocumentView, template: Template) -> bytes:
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(template.data))
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(template_context(view), jinja_env=env, autoescape=True)
    except TemplateError as e:
        raise KehoachError("render.template-broken", path=template.name, reason=_jinja_reason(e)) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise KehoachError("render.template-broken", path=template.name,
                           reason=str(e) or type(e).__name__) from None
    doc = tpl.docx
    body = doc.element.body
    slots = ooxml.find_bookmark_paragraphs(body, BODY_SLOT)
    if len(slots) != 1:
        raise KehoachError("render.template-no-body", path=template.name)
    writer = _Writer(_styles(doc))
    slot = slots[0]
    width = ooxml.text_width_twips(_section_of(slot))
    for el in writer.blocks(view.body, width):
        slot.addprevious(el)
    slot.getparent().remove(slot)
    for appendix in view.appendices:
        sectpr = ooxml.break_section(body, "KHTail")
        ooxml.set_orientation(sectpr, landscape=True)
        for el in writer.appendix(appendix, ooxml.text_width_twips(sectpr)):
            sectpr.addprevious(el)
    for part in _text_parts(doc):
        ooxml.no_break_hyphens(part)
    _drop_styles_with_effects(doc)
    props = doc.core_properties
    # python-docx refuses a core property holding a character XML cannot carry (ValueError).
    props.title = ooxml.xml_text(f"{view.doc_type} {view.title}")[:255]
    props.subject = ooxml.xml_text(view.commune_title)
    props.language = "vi-VN"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _text_parts(doc: Any) -> Iterable[etree._Element]:
    yield doc.element
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")):
            yield rel.target_part.element


def _drop_styles_with_effects(doc: Any) -> None:
    """Drop ``stylesWithEffects.xml``, a Word 2010 copy of the style sheet that python-docx's
    starting document carries, with theme fonts: Word ignores it while ``styles.xml`` exists,
    but a reader that prefers it would show another font. Unreferenced, it is not saved, and
    its content-type override goes with it (python-docx writes overrides for saved parts only)."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)


def _jinja_reason(e: TemplateError) -> str:
    where = getattr(e, "docx_context", None)
    excerpt = " ".join(" ".join(where).split())[:80] if where else ""
    return f"{e.message or type(e).__name__}" + (f' — "{excerpt}"' if excerpt else "")


def _styles(doc: Any) -> set[str]:
    return {s.style_id for s in doc.styles}


def _section_of(el: etree._Element) -> etree._Element:
    """The sectPr that governs ``el``: the next paragraph-level one, else the body's."""
    for following in el.itersiblings():
        found = following.find(f"{ooxml.w('pPr')}/{ooxml.w('sectPr')}")
        if found is not None:
            return found
    body_sectpr = el.getparent().find(ooxml.w("sectPr"))
    if body_sectpr is None:
        raise KehoachError("render.template-broken", path="", reason="no sectPr")
    return body_sectpr


class _Writer:
    """Blocks of the view as WordprocessingML elements, styled with the template's styles."""

    def __init__(self, styles: set[str]) -> None:
        self.styles = styles

    def style(self, style_id: str) -> str:
        # A custom template without one of kehoach's styles still renders, in its Normal style.
        return style_id if style_id in self.styles else "Normal"

    def p(self, style_id: str, text: str, *, bold: bool = False, keep_next: bool = False,
          join: Callable[[str], str] = keep_together) -> etree._Element:
        p = ooxml.paragraph(self.style(style_id), join(text), bold=bold)
        if keep_next:
            ooxml.set_keep_next(p)
        return p

    def blocks(self, blocks: Iterable[ViewBlock], width: int) -> Iterable[etree._Element]:
        for b in blocks:
            if isinstance(b, Heading):
                yield self.p(HEADING_STYLES[min(b.level, 3) - 1], b.line)
            elif isinstance(b, Para):
                yield self.p("KHBody", b.text)
            elif isinstance(b, TableView):
                if b.caption:
                    yield self.p("KHTableCaption", b.caption)
                yield self.table(b, width)
                # A table never touches the next table or a section break: Word would merge them.
                yield self.p("KHTail", "")

    def appendix(self, a: AppendixView, width: int) -> Iterable[etree._Element]:
        yield self.p("KHAppendixLabel", a.label)
        if a.title:
            yield self.p("KHAppendixTitle", a.title)
        if a.subtitle:
            yield self.p("KHAppendixSubtitle", a.subtitle)
        yield self.p("KHAttachment", a.attachment)
        yield from self.blocks(a.content, width)

    def table(self, t: TableView, width: int) -> etree._Element:
        w = ooxml.w
        widths = _twips(t, width)
        tbl = etree.Element(w("tbl"))
        tblpr = etree.SubElement(tbl, w("tblPr"))
        etree.SubElement(tblpr, w("tblStyle")).set(w("val"), self.style("KHTable"))
        tblw = etree.SubElement(tblpr, w("tblW"))
        tblw.set(w("w"), str(sum(widths)))
        tblw.set(w("type"), "dxa")
        etree.SubElement(tblpr, w("jc")).set(w("val"), "center")
        etree.SubElement(tblpr, w("tblLayout")).set(w("type"), "fixed")
        grid = etree.SubElement(tbl, w("tblGrid"))
        for cw in widths:
            etree.SubElement(grid, w("gridCol")).set(w("w"), str(cw))
        heading: list[Cell] = [(c.heading, cw, 1, "KHTableHeading", "")
                               for c, cw in zip(t.columns, widths, strict=True)]
        header = self.row(tbl, heading, keep_next=True)
        ooxml.set_repeat_header(header)
        centred = ["KHTableCentred" if c.centred else "KHTableText" for c in t.columns]
        n = len(widths)
        after_group = False
        for i, r in enumerate(t.rows):
            if r.group:
                # A group heading keeps with its first row: never alone at the foot of a page.
                title = (r.cells[1], sum(widths[1:]), n - 1, "KHTableGroup", "")
                cells: list[Cell] = ([(r.cells[0], widths[0], 1, centred[0], ""), title] if n > 1 else
                                     [(" ".join(x for x in r.cells if x), widths[0], 1, "KHTableGroup", "")])
                self.row(tbl, cells, bold=True, keep_next=True, whole=True)
            else:
                # A cell merged with the one above is left empty and marked as its continuation.
                cells = [("" if r.merged[c] else text, cw, 1, style, _vmerge(r, c))
                         for c, (text, cw, style) in enumerate(zip(r.cells, widths, centred, strict=True))]
                # A tall row may break across pages, a short one stays whole, and so does the
                # table's last row: its last line alone on a page reads as a stray (LibreOffice
                # keeps no widow there). A short first row under a heading keeps with a short
                # next row, so the heading never ends a page above a lone row; a short row
                # before a short last row keeps with it. Only short pairs are kept: chained
                # keeps move whole blocks and leave half pages blank.
                below = t.rows[i + 1] if i + 1 < len(t.rows) else None
                short_pair = not r.tall and below is not None and not below.group and not below.tall
                keep = short_pair and (after_group or i == len(t.rows) - 2)
                self.row(tbl, cells, keep_next=keep, whole=below is None or not r.tall)
            after_group = r.group
        return tbl

    def row(self, tbl: etree._Element, cells: list[Cell], *, bold: bool = False,
            keep_next: bool = False, whole: bool = True) -> etree._Element:
        w = ooxml.w
        tr = etree.SubElement(tbl, w("tr"))
        if whole:
            ooxml.set_cant_split(tr)
        for text, cw, span, style, vmerge in cells:
            tc = etree.SubElement(tr, w("tc"))
            tcpr = etree.SubElement(tc, w("tcPr"))
            tcw = etree.SubElement(tcpr, w("tcW"))
            tcw.set(w("w"), str(cw))
            tcw.set(w("type"), "dxa")
            if span > 1:
                etree.SubElement(tcpr, w("gridSpan")).set(w("val"), str(span))
            if vmerge:
                ooxml.set_vmerge(tcpr, restart=vmerge == "restart")
            etree.SubElement(tcpr, w("vAlign")).set(w("val"), "center")
            tc.append(self.p(style, text, bold=bold, keep_next=keep_next, join=keep_numbers))
        return tr


def _vmerge(r: RowView, col: int) -> str:
    """"restart" at the top of a merged run, "continue" below it, "" for a cell of its own."""
    if r.merged[col]:
        return "continue"
    return "restart" if r.rowspan[col] > 1 else ""


def _twips(t: TableView, width: int) -> list[int]:
    widths = [max(200, int(width * c.share)) for c in t.columns]
    widths[-1] += width - sum(widths)   # rounding: the table is exactly as wide as the text
    return widths
