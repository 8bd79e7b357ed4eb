"""Build templates/ke-hoach.docx, the Word template of the official plan, from kehoach/render/format.py.

    python tools/make_docx_template.py [OUT]

The template is a docxtpl template: a Word document with Jinja tags, which an officer can open
and adjust in Word (a letterhead, a font size) and pass with ``kehoach render --template``.
It holds the style sheet (every paragraph style the renderer uses, Times New Roman on all four
font slots, no theme fonts), the page setup (A4, margins, page number at the top from page 2)
and the fixed layout of the first pages. The variables it may use are listed in docs/render.md;
``{{p body }}`` marks where the numbered body goes. Appendices are added by the renderer after
the last section, each in a landscape section built from this template's page setup.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.table import Table
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.render import ooxml  # noqa: E402
from kehoach.render.format import FORMAT as F  # noqa: E402

OUT = ROOT / "templates" / "ke-hoach.docx"
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "No List"}


@dataclass(frozen=True)
class Style:
    name: str
    base: str = "Normal"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    first_line_mm: float | None = None
    indent_mm: float | None = None          # left and right, for the short rules
    before_pt: float | None = None
    after_pt: float | None = None
    line: float | None = None               # a multiple; exact_pt wins
    exact_pt: float | None = None
    keep_next: bool = False
    rule: bool = False                      # a short solid line: the paragraph's top border


LETTER_RIGHT_MM = F.text_width_mm - F.letterhead_left_mm


def _rule_indent(column_mm: float, rule_mm: float) -> float:
    return max(0.0, (column_mm - rule_mm) / 2)


STYLES = (
    Style("KH Body", size=F.body_pt, align=JUSTIFY, first_line_mm=F.first_line_indent_mm, after_pt=F.space_after_pt,
          line=F.line_spacing),
    Style("KH Legal Basis", base="KH Body", italic=True),
    Style("KH Heading 1", base="KH Body", bold=True, keep_next=True),
    Style("KH Heading 2", base="KH Body", bold=True, keep_next=True),
    Style("KH Heading 3", base="KH Body", italic=True, keep_next=True),
    Style("KH Closing", base="KH Body", keep_next=True),
    Style("KH Issuer", size=F.issuer_pt, align=CENTER, caps=True),
    Style("KH Issuer Body", base="KH Issuer", bold=True),
    Style("KH National", size=F.national_pt, align=CENTER, bold=True, caps=True),
    Style("KH Motto", size=F.motto_pt, align=CENTER, bold=True),
    Style("KH Rule Issuer", rule=True, indent_mm=_rule_indent(F.letterhead_left_mm, F.issuer_rule_mm)),
    Style("KH Rule Motto", rule=True, indent_mm=_rule_indent(LETTER_RIGHT_MM, F.motto_rule_mm)),
    Style("KH Rule Summary", rule=True, indent_mm=_rule_indent(F.text_width_mm, F.summary_rule_mm), after_pt=12),
    Style("KH Number", size=F.number_pt, align=CENTER, before_pt=6),
    Style("KH Place Date", size=F.place_date_pt, align=CENTER, italic=True, before_pt=6),
    Style("KH Doc Type", size=F.doc_type_pt, align=CENTER, bold=True, caps=True, before_pt=18, keep_next=True),
    Style("KH Summary", size=F.summary_pt, align=CENTER, bold=True, keep_next=True),
    Style("KH Recipients Label", size=F.recipients_label_pt, bold=True, italic=True, align=LEFT),
    Style("KH Recipient", size=F.recipients_pt, align=LEFT),
    Style("KH Signature Title", size=F.signature_pt, bold=True, caps=True, align=CENTER),
    Style("KH Signer", size=F.signature_pt, bold=True, align=CENTER, before_pt=F.signature_space_pt),
    Style("KH Appendix Label", size=F.appendix_pt, bold=True, align=CENTER, keep_next=True),
    Style("KH Appendix Title", size=F.appendix_pt, bold=True, caps=True, align=CENTER, keep_next=True),
    Style("KH Appendix Subtitle", size=F.appendix_pt, bold=True, align=CENTER, keep_next=True),
    Style("KH Attachment", size=F.appendix_pt, italic=True, align=CENTER, after_pt=12, keep_next=True),
    Style("KH Table Caption", size=F.table_pt, bold=True, align=CENTER, after_pt=6, keep_next=True),
    Style("KH Table Heading", size=F.table_pt, bold=True, align=CENTER),
    Style("KH Table Text", size=F.table_pt, align=LEFT),
    Style("KH Table Centred", base="KH Table Text", align=CENTER),
    Style("KH Table Group", base="KH Table Text", bold=True),
    Style("KH Draft", size=F.body_pt, bold=True, caps=True, color=F.draft_color, align=CENTER),
    Style("KH Page Number", size=F.page_number_pt, align=CENTER),
    # Holds a section break after a table without adding a visible line.
    Style("KH Tail", size=1, exact_pt=1, after_pt=0, before_pt=0),
)


def build(out: Path) -> None:
    doc = Document()
    _style_sheet(doc)
    _page_setup(doc)
    _first_pages(doc)
    props = doc.core_properties
    props.author, props.title, props.subject, props.comments, props.keywords = "kehoach", "", "", "", ""
    props.language = F.lang
    for part in _xml_parts(doc):
        ooxml.strip_theme_fonts(part)
    # python-docx's own starting document carries a thumbnail of itself: a file browser would
    # show it for every rendered plan.
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rid)
    # ... and a Word 2010 copy of its style sheet with theme fonts (stylesWithEffects.xml).
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    doc.save(str(out))


def _xml_parts(doc: DocumentType) -> list[etree._Element]:
    parts = [doc.element, doc.styles.element]
    section = doc.sections[0]
    parts += [section.header._element, section.first_page_header._element]
    return parts


# --- styles -------------------------------------------------------------------------------------

def _style_sheet(doc: DocumentType) -> None:
    styles = doc.styles
    root = styles.element
    for st in list(root.findall(ooxml.w("style"))):
        name = st.find(ooxml.w("name"))
        if name is None or name.get(ooxml.w("val")) not in KEEP_STYLES:
            root.remove(st)
    latent = root.find(ooxml.w("latentStyles"))
    if latent is not None:
        root.remove(latent)
    defaults = root.find(ooxml.w("docDefaults"))
    assert defaults is not None
    rpr = defaults.find(f"{ooxml.w('rPrDefault')}/{ooxml.w('rPr')}")
    assert rpr is not None
    ooxml.set_fonts(rpr, F.font)
    _size(rpr, F.body_pt)
    lang = ooxml.child(rpr, "lang", ooxml.RPR_ORDER)
    for attr in ("val", "eastAsia", "bidi"):
        lang.set(ooxml.w(attr), F.lang)
    normal = styles["Normal"]
    ooxml.set_fonts(normal.element.get_or_add_rPr(), F.font)
    normal.font.size = Pt(F.body_pt)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    fmt.widow_control = True
    for spec in STYLES:
        _paragraph_style(doc, spec)
    _table_style(doc, "KH Table", borders=True)
    _table_style(doc, "KH Layout", borders=False)


def _size(rpr: etree._Element, pt: float) -> None:
    for tag in ("sz", "szCs"):
        ooxml.child(rpr, tag, ooxml.RPR_ORDER).set(ooxml.w("val"), str(round(pt * 2)))


def _paragraph_style(doc: DocumentType, s: Style) -> None:
    st = doc.styles.add_style(s.name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = doc.styles[s.base]
    st.quick_style = True
    ooxml.set_fonts(st.element.get_or_add_rPr(), F.font)
    font = st.font
    if s.size is not None:
        font.size = Pt(s.size)
    font.bold, font.italic, font.all_caps = s.bold, s.italic, s.caps
    if s.color:
        font.color.rgb = RGBColor.from_string(s.color)
    pf = st.paragraph_format
    if s.align is not None:
        pf.alignment = s.align
    if s.first_line_mm is not None:
        pf.first_line_indent = Mm(s.first_line_mm)
    if s.indent_mm is not None:
        pf.left_indent = pf.right_indent = Mm(s.indent_mm)
        pf.first_line_indent = Mm(0)
    if s.before_pt is not None:
        pf.space_before = Pt(s.before_pt)
    if s.after_pt is not None:
        pf.space_after = Pt(s.after_pt)
    if s.exact_pt is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(s.exact_pt)
    elif s.line is not None:
        pf.line_spacing = s.line
    if s.keep_next:
        pf.keep_with_next = True
    if s.rule:
        font.size = Pt(2)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(2)
        # The line sits a little below the text above it, never through its descenders.
        pf.space_before, pf.space_after = Pt(3), Pt(s.after_pt or 0)
        ppr = st.element.get_or_add_pPr()
        border = ooxml.child(ooxml.child(ppr, "pBdr", ooxml.PPR_ORDER), "top", ("top",))
        for key, value in (("val", "single"), ("sz", str(round(F.rule_pt * 8))), ("space", "1"),
                           ("color", "000000")):
            border.set(ooxml.w(key), value)


def _table_style(doc: DocumentType, name: str, *, borders: bool) -> None:
    st = doc.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    st.base_style = doc.styles["Normal Table"]
    margin = round(F.cell_margin_mm / 25.4 * 1440) if borders else 0
    vertical = round(F.cell_margin_mm / 3 / 25.4 * 1440) if borders else 0
    sides = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl = (f'<w:tblPr {nsdecls("w")}>'
           + (f"<w:tblBorders>{sides}</w:tblBorders>" if borders else "")
           + f'<w:tblCellMar><w:top w:w="{vertical}" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
           f'<w:bottom w:w="{vertical}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar></w:tblPr>')
    st.element.append(parse_xml(tbl))


# --- page setup -------------------------------------------------------------------------------

def _twips_up(mm: float) -> Twips:
    return Twips(math.ceil(mm / 25.4 * 1440))


def _page_setup(doc: DocumentType) -> None:
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(F.page_width_mm), Mm(F.page_height_mm)
    # Word stores margins in whole twips: round up, so 15 mm never reads back as 14.99 mm.
    s.top_margin, s.bottom_margin = _twips_up(F.margin_top_mm), _twips_up(F.margin_bottom_mm)
    s.left_margin, s.right_margin = _twips_up(F.margin_left_mm), _twips_up(F.margin_right_mm)
    s.header_distance, s.footer_distance = Mm(F.header_distance_mm), Mm(F.footer_distance_mm)
    s.gutter = Mm(0)
    s.different_first_page_header_footer = True
    ooxml.set_page_numbering(s._sectPr, 1)
    # Page 2 on: the number, centred at the top. Page 1 (the first-page header): none. Both
    # carry the DỰ THẢO mark of a plan rendered with --force.
    header = s.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.style = doc.styles["KH Page Number"]
    ooxml.add_page_field(number._p)
    first = s.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = doc.styles["KH Page Number"]
    for part in (header, first):
        for text in ("{%p if draft %}", "DỰ THẢO", "{%p endif %}"):
            part.add_paragraph(text, style=doc.styles["KH Draft"])


# --- the first pages --------------------------------------------------------------------------

def _layout_table(doc: DocumentType, rows: int, widths_mm: tuple[float, ...]) -> Table:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.style = doc.styles["KH Layout"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = ooxml.child(table._tbl.tblPr, "tblLayout", ooxml.TBLPR_ORDER)
    layout.set(ooxml.w("type"), "fixed")
    for i, width in enumerate(widths_mm):
        table.columns[i].width = Mm(width)
        for cell in table.columns[i].cells:
            cell.width = Mm(width)
    for row in table.rows:
        ooxml.set_cant_split(row._tr)
    return table


def _lines(cell: object, doc: DocumentType, lines: list[tuple[str, str]]) -> None:
    """Fill a cell with (style, text) paragraphs; the cell's own first paragraph takes the first."""
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    first = paragraphs[0]
    first.text = lines[0][1]
    first.style = doc.styles[lines[0][0]]
    for style, text in lines[1:]:
        cell.add_paragraph(text, style=doc.styles[style])  # type: ignore[attr-defined]


def _first_pages(doc: DocumentType) -> None:
    head = _layout_table(doc, 2, (F.letterhead_left_mm, LETTER_RIGHT_MM))
    _lines(head.cell(0, 0), doc, [
        ("KH Issuer", "{%p for line in issuer_parents %}"), ("KH Issuer", "{{ line }}"), ("KH Issuer", "{%p endfor %}"),
        ("KH Issuer Body", "{%p for line in issuer_body %}"), ("KH Issuer Body", "{{ line }}"),
        ("KH Issuer Body", "{%p endfor %}"), ("KH Rule Issuer", ""),
    ])
    _lines(head.cell(0, 1), doc, [
        ("KH National", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ("KH Motto", "Độc lập - Tự do - Hạnh phúc"),
        ("KH Rule Motto", ""),
    ])
    # A no-break space: "Số:" never ends a line away from its number.
    _lines(head.cell(1, 0), doc, [("KH Number", "Số:\u00a0{{ number }}/{{ symbol }}")])
    _lines(head.cell(1, 1), doc, [("KH Place Date", "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}")])
    add = doc.add_paragraph
    add("{{ doc_type }}", style="KH Doc Type")
    add("{{ title }}", style="KH Summary")
    add("", style="KH Rule Summary")
    for name, style in (("legal_bases", "KH Legal Basis"), ("intro", "KH Body")):
        add(f"{{%p for text in {name} %}}", style=style)
        add("{{ text }}", style=style)
        add("{%p endfor %}", style=style)
    add("{{p body }}", style="KH Body")
    add("{%p for text in closing %}", style="KH Closing")
    add("{{ text }}", style="KH Closing")
    add("{%p endfor %}", style="KH Closing")
    sign = _layout_table(doc, 1, (F.text_width_mm - F.signature_col_mm, F.signature_col_mm))
    _lines(sign.cell(0, 0), doc, [
        ("KH Recipients Label", "Nơi nhận:"), ("KH Recipient", "{%p for entry in recipients %}"),
        ("KH Recipient", "- {{ entry }}"), ("KH Recipient", "{%p endfor %}"),
    ])
    _lines(sign.cell(0, 1), doc, [
        ("KH Signature Title", "{%p for line in signature_titles %}"), ("KH Signature Title", "{{ line }}"),
        ("KH Signature Title", "{%p endfor %}"), ("KH Signer", "{{ signer }}"),
    ])
    add("", style="KH Tail")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    build(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
