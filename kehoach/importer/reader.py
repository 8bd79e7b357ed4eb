"""A .docx read into the neutral tree (:mod:`kehoach.importer.tree`).

Only what a reader of the printed page sees is kept: tracked insertions are accepted and
deletions dropped (said in the report), field results kept and field codes dropped, comments
ignored, the fallback copy of alternate content skipped, text boxes read as paragraphs before the
paragraph they are anchored to (a letterhead is often two text boxes; in a table cell, as lines of
the cell before the paragraph they hang on), text typed in the old TCVN3 fonts (``.VnTime``) or VNI
fonts (``VNI-Times``) converted to Unicode and each place reported. Merged cells are resolved
here (``w:gridSpan``, ``w:vMerge``, ``w:gridBefore``) and automatic numbering labels are computed
from numbering.xml, so the recognisers see a plain grid and typed labels.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from lxml import etree

from . import tcvn3, vni
from .numbering import Numbering
from .package import Package
from .tree import Cell, DocTree, Para, Table, TableRow
from .xmlnames import MC, w

# Elements whose text is not on the printed page (deleted, moved away, a duplicate rendering).
_SKIP = {w("del"), w("moveFrom"), w("pPr"), w("rPr"), w("instrText"), w("delText"), w("commentReference"),
         f"{{{MC}}}Fallback", w("footnoteReference"), w("endnoteReference")}
_TEXTBOX = w("txbxContent")


def clean(text: str) -> str:
    """NFC, and the typesetting characters turned back into what was typed: a no-break space is
    a space, a no-break hyphen a hyphen, a soft hyphen nothing."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "")


class Reader:
    def __init__(self, package: Package) -> None:
        self.pkg = package
        self.tree = DocTree()
        self.numbering = Numbering.parse(package.xml("word/numbering.xml"))
        styles = package.xml("word/styles.xml")
        self.style_num, self.style_bold = _styles(styles)
        self.style_font, self.default_font = _fonts(styles)
        self.paras = 0
        self.tables = 0
        self.tracked = 0
        self.textboxes = 0          # text boxes skipped (one inside another)
        self.boxes_read = 0
        # The text boxes met in the paragraph being read (None: not in a body paragraph).
        self._boxes: list[etree._Element] | None = None
        # Where the text being read is, for notes: ("para", n) or ("cell", table, row, column); the
        # font of the paragraph's style; the places converted from an old encoding, in order (where ->
        # encoding "tcvn3" or "vni", the font or "" when the characters gave it away, a sample).
        self._where: tuple[int, ...] = ()
        self._para_font = ""
        self._legacy_runs = 0
        self.converted: dict[tuple[int, ...], tuple[str, str, str]] = {}

    def read(self) -> DocTree:
        root = self.pkg.xml("word/document.xml")
        body = root.find(w("body")) if root is not None else None
        if body is None:
            return self.tree
        self._blocks(body)
        if self.tracked:
            self.tree.notes.append(("import.note.tracked", {"count": self.tracked}))
        if self.textboxes:
            self.tree.notes.append(("import.note.textbox", {"count": self.textboxes}))
        if self.boxes_read:
            self.tree.notes.append(("import.note.textbox-read", {"count": self.boxes_read}))
        for where, (encoding, font, sample) in self.converted.items():
            kind = f"{encoding}-{'font' if font else 'text'}"
            if len(where) == 1:
                self.tree.notes.append((f"import.note.{kind}-para", {"para": where[0], "font": font,
                                                                       "text": sample}))
            else:
                self.tree.notes.append((f"import.note.{kind}-cell", {
                    "table": where[0], "row": where[1], "col": where[2], "font": font, "text": sample}))
        if "word/comments.xml" in self.pkg.names:
            self.tree.notes.append(("import.note.comments", {}))
        if "word/vbaProject.bin" in self.pkg.names:
            self.tree.notes.append(("import.note.macros", {}))
        return self.tree

    def _blocks(self, parent: etree._Element) -> None:
        for el in parent:
            if el.tag == w("p"):
                outer, self._boxes = self._boxes, []
                para = self._para(el)
                boxes, self._boxes = self._boxes, outer
                for box in boxes:      # what a text box holds comes before the paragraph it hangs on
                    self.boxes_read += 1
                    self._blocks(box)
                self.tree.blocks.append(para)
            elif el.tag == w("tbl"):
                self.tables += 1
                self.tree.blocks.append(self._table(el, self.tables))
            elif el.tag in (w("sdt"), w("customXml")):
                content = el.find(w("sdtContent"))
                self._blocks(content if content is not None else el)
            elif el.tag == w("ins"):
                self._blocks(el)

    def _para(self, p: etree._Element) -> Para:
        self.paras += 1
        self._where = (self.paras,)
        text = clean(self._text(p)).strip()
        ppr = p.find(w("pPr"))
        style = ""
        centred = False
        label = ""
        if ppr is not None:
            st = ppr.find(w("pStyle"))
            style = st.get(w("val"), "") if st is not None else ""
            jc = ppr.find(w("jc"))
            centred = jc is not None and jc.get(w("val")) == "center"
            num = ppr.find(w("numPr"))
            ids = _num_ids(num) if num is not None else self.style_num.get(style)
            if ids is not None and text:
                label = self.numbering.label(*ids)
        bold, italic = self._emphasis(p, style)
        if label:
            text = f"{label} {text}"
        return Para(text, self.paras, bold=bold, italic=italic, centred=centred, style=style, numbered=bool(label))

    def _emphasis(self, p: etree._Element, style: str) -> tuple[bool, bool]:
        runs = [r for r in p.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))).strip()]
        if not runs:
            return False, False

        def on(r: etree._Element, name: str) -> bool:
            rpr = r.find(w("rPr"))
            el = rpr.find(w(name)) if rpr is not None else None
            if el is None:
                return name == "b" and self.style_bold.get(style, False)
            return el.get(w("val"), "true") not in ("0", "false", "off")

        return all(on(r, "b") for r in runs), all(on(r, "i") for r in runs)

    def _text(self, p: etree._Element) -> str:
        """A paragraph's text as printed: runs in a TCVN3 or VNI font converted, and a paragraph
        whose characters are VNI or TCVN3 whatever its font converted too (VNI asked first: its
        characters would pass for TCVN3, not the other way round)."""
        self._para_font = self._style_font(p.find(f"{w('pPr')}/{w('pStyle')}"))
        out: list[str] = []
        before = self._legacy_runs
        self._collect(p, out)
        text = "".join(out)
        if self._legacy_runs == before:
            if vni.looks_vni(text):
                text = vni.decode(text)
                self._found("vni", "", text)
            elif tcvn3.looks_tcvn3(text):
                text = tcvn3.decode(text)
                self._found("tcvn3", "", text)
        return text

    def _style_font(self, ref: etree._Element | None) -> str:
        return self.style_font.get(ref.get(w("val"), ""), "") if ref is not None else ""

    def _run_font(self, r: etree._Element) -> str:
        rpr = r.find(w("rPr"))
        if rpr is not None:
            fonts = rpr.find(w("rFonts"))
            if fonts is not None:
                name = str(fonts.get(w("ascii")) or fonts.get(w("hAnsi")) or "")
                if name:
                    return name
            font = self._style_font(rpr.find(w("rStyle")))
            if font:
                return font
        return self._para_font or self.default_font

    def _found(self, encoding: str, font: str, text: str) -> None:
        if self._where and self._where not in self.converted:
            sample = " ".join(text.split())
            self.converted[self._where] = (encoding, font, sample if len(sample) <= 60 else sample[:59] + "…")

    def _collect(self, el: etree._Element, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                if tag in (w("del"), w("moveFrom")):
                    self.tracked += 1
                continue
            if tag == _TEXTBOX:
                if self._boxes is None:
                    self.textboxes += 1
                else:
                    self._boxes.append(child)
                continue
            if tag == w("r"):
                font = self._run_font(child)
                raw: list[str] = []
                self._collect(child, raw)
                text = "".join(raw)
                # A run in an ABC font whose text already holds Unicode Vietnamese was retyped: leave it.
                legacy = "" if tcvn3.is_unicode_vietnamese(text) else (
                    "tcvn3" if tcvn3.is_tcvn3_font(font) else "vni" if vni.is_vni_font(font) else "")
                if legacy:
                    self._legacy_runs += 1
                    decoded = (tcvn3.decode(text, capitals=tcvn3.is_capital_font(font)) if legacy == "tcvn3"
                               else vni.decode(text))
                    if decoded != text:
                        self._found(legacy, font, decoded)
                    text = decoded
                out.append(text)
            elif tag == w("t"):
                out.append(child.text or "")
            elif tag == w("tab"):
                out.append("\t")
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) not in ("page", "column"):
                    out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            else:
                if tag == w("ins"):
                    self.tracked += 1
                self._collect(child, out)

    def _cell_paras(self, c: etree._Element) -> list[str]:
        """A cell's paragraphs, nested tables' too (their text stays in the cell); a text box's
        paragraphs come, as lines of the cell, before the paragraph it hangs on (its DrawingML copy
        only: the VML fallback is the same text), and each cell with boxes is said in a note."""
        found = list(c.iter(w("p"), _TEXTBOX))
        if not any(el.tag == _TEXTBOX for el in found):
            return [clean(self._text(p)).strip() for p in found]
        inside = {p for box in found if box.tag == _TEXTBOX for p in box.iter(w("p"))}
        paras: list[str] = []
        boxes_here = 0
        for p in found:
            if p.tag == _TEXTBOX or p in inside:
                continue
            outer, self._boxes = self._boxes, []
            text = clean(self._text(p)).strip()
            boxes, self._boxes = self._boxes, outer
            for box in boxes:
                boxes_here += 1
                paras += [clean(self._text(bp)).strip() for bp in box.iter(w("p"))]
            paras.append(text)
        if boxes_here:
            table, row, col = self._where
            self.tree.notes.append(("import.note.textbox-cell", {"table": table, "row": row, "col": col,
                                                                 "count": boxes_here}))
        return paras

    def _table(self, tbl: etree._Element, index: int) -> Table:
        rows: list[TableRow] = []
        above: dict[int, str] = {}     # the text of the merged cell that a vMerge continues, per column
        width = 0
        for tr in tbl.iter(w("tr")):
            if tr.getparent() is not tbl:
                continue
            row_number = len(rows) + 1
            trpr = tr.find(w("trPr"))
            col = 0
            header = False
            if trpr is not None:
                gb = trpr.find(w("gridBefore"))
                col = int(gb.get(w("val"), "0")) if gb is not None else 0
                header = trpr.find(w("tblHeader")) is not None
            cells: list[Cell] = []
            for tc in tr:
                if tc.tag == w("sdt"):
                    content = tc.find(w("sdtContent"))
                    tcs = list(content.iter(w("tc"))) if content is not None else []
                elif tc.tag == w("tc"):
                    tcs = [tc]
                else:
                    continue
                for c in tcs:
                    span, merge = _cell_props(c)
                    self._where = (index, row_number, col + 1)
                    paras = self._cell_paras(c)
                    nested = sum(1 for inner in c.iter(w("tbl")) if _outer_cell(inner) is c)
                    if nested:
                        self.tree.review.append(("import.unsure.nested-table", {
                            "table": index, "row": row_number, "col": col + 1, "count": nested}))
                    while paras and not paras[-1]:
                        paras.pop()
                    text = "\n".join(paras).strip()
                    if merge == "continue":
                        cells.append(Cell(above.get(col, ""), col, span, continued=True, carried=col not in above))
                    else:
                        for k in range(col, col + span):
                            if merge == "restart":
                                above[k] = text
                            else:           # a cell below it that says "continue" continues nothing here
                                above.pop(k, None)
                        cells.append(Cell(text, col, span))
                    col += span
            width = max(width, col)
            rows.append(TableRow(tuple(cells), header))
        return Table(tuple(rows), width, index, nested=len(tbl.findall(f".//{w('tc')}//{w('tbl')}")))


def _outer_cell(tbl: etree._Element) -> etree._Element | None:
    """The cell that holds a nested table at its first level (a table in a table in a cell counts
    once, for the cell it is drawn in)."""
    for up in tbl.iterancestors(w("tc")):
        return up
    return None


def _cell_props(tc: etree._Element) -> tuple[int, str]:
    pr = tc.find(w("tcPr"))
    if pr is None:
        return 1, ""
    gs = pr.find(w("gridSpan"))
    span = int(gs.get(w("val"), "1")) if gs is not None else 1
    vm = pr.find(w("vMerge"))
    if vm is None:
        return max(span, 1), ""
    return max(span, 1), "restart" if vm.get(w("val")) == "restart" else "continue"


def _fonts(root: etree._Element | None) -> tuple[dict[str, str], str]:
    """The font each style names (its ``w:rFonts`` ascii, else hAnsi), and the document's default."""
    fonts: dict[str, str] = {}
    default = ""
    if root is None:
        return fonts, default
    for rf in root.iterfind(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}"):
        default = rf.get(w("ascii")) or rf.get(w("hAnsi")) or ""
    for st in root.iter(w("style")):
        rf = st.find(f"{w('rPr')}/{w('rFonts')}")
        name = (rf.get(w("ascii")) or rf.get(w("hAnsi")) or "") if rf is not None else ""
        if name:
            fonts[st.get(w("styleId"), "")] = name
    return fonts, default


def _num_ids(num: etree._Element) -> tuple[str, int] | None:
    ilvl = num.find(w("ilvl"))
    num_id = num.find(w("numId"))
    if num_id is None:
        return None
    return num_id.get(w("val"), "0"), int(ilvl.get(w("val"), "0")) if ilvl is not None else 0


def _styles(root: etree._Element | None) -> tuple[dict[str, tuple[str, int]], dict[str, bool]]:
    nums: dict[str, tuple[str, int]] = {}
    bold: dict[str, bool] = {}
    if root is None:
        return nums, bold
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"), "")
        ppr = st.find(w("pPr"))
        num = ppr.find(w("numPr")) if ppr is not None else None
        ids = _num_ids(num) if num is not None else None
        if ids is not None:
            nums[sid] = ids
        rpr = st.find(w("rPr"))
        b = rpr.find(w("b")) if rpr is not None else None
        bold[sid] = b is not None and b.get(w("val"), "true") not in ("0", "false", "off")
    return nums, bold


def read_docx(path: Path) -> DocTree:
    pkg = Package(path)
    try:
        return Reader(pkg).read()
    finally:
        pkg.close()
