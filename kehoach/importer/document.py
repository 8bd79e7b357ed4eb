"""The parts of a commune plan recognised in the tree: letterhead, title, legal bases, the
numbered body, closing, signature, recipients and appendices.

Recognition goes by what the text says (the decree's fixed wording: "CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM", "Số:", "ngày … tháng … năm", "Căn cứ", "Nơi nhận", "PHỤ LỤC", "(Kèm theo"),
never by kehoach's own styles, so documents typed by communes come in the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .body import body_blocks
from .headings import map_heading
from .tables import TableReport, convert, header_rows, headings
from .tree import Block, DocTree, Para, Table, TableRow

_NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_NUMBER = re.compile(r"Số\s*:\s*(?P<n>[^/]*?)\s*/\s*(?P<s>[^\s\t]+)", re.I)
_DATE = re.compile(r"(?P<place>[^,\t\n]*?),\s*ngày\s*(?P<d>\d*)\s*tháng\s*(?P<m>\d*)\s*năm\s*(?P<y>\d{4})")
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục|DANH MỤC|BIỂU)\b.{0,20}$")
_KIND = re.compile(r"\b(XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$")
_DOC_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "KẾ HOẠCH HÀNH ĐỘNG")
_LEGAL = re.compile(r"^(Căn cứ|Thực hiện|Triển khai)\b")
_RULE_LINE = re.compile(r"^[-_=—–\s]*$")


@dataclass(slots=True)
class Recognised:
    plan: dict[str, Any]
    tables: list[TableReport] = field(default_factory=list)
    unsure: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)      # handled, for information


def recognise(tree: DocTree, *, city: str, year: int | None) -> Recognised:
    blocks = list(tree.blocks)
    meta: dict[str, Any] = {"city": city}
    rec = Recognised({})
    issuer: list[str] = []
    i = 0
    # --- letterhead: a borderless table, or paragraphs, before the document type
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Para) and b.text.upper() in _DOC_TYPES:
            break
        lines = _lines(b)
        issuer += _letterhead(lines, meta)
        i += 1
    if i == len(blocks):
        rec.unsure.append(("import.unsure.no-doc-type", {}))
        i = 0
        issuer = []
    else:
        found = blocks[i]
        meta["doc_type"] = found.text if isinstance(found, Para) else "KẾ HOẠCH"
        i += 1
    year = year or int(meta.pop("_year", 0) or 0) or None
    meta.pop("_year", None)
    # --- title: the bold lines under the type, up to a blank line or the legal bases
    title: list[str] = []
    while i < len(blocks) and isinstance(blocks[i], Para):
        text = blocks[i].text  # type: ignore[union-attr]
        if not text or _RULE_LINE.match(text):
            i += 1
            if title:
                break
            continue
        if _LEGAL.match(text) and title:
            break
        title.append(text)
        i += 1
    meta["title"] = " ".join(title)
    # --- appendices start at the first appendix label after the signature
    sig_at = next((k for k in range(i, len(blocks)) if _is_signature(blocks[k])), None)
    app_at = next((k for k in range((sig_at or i) + 1, len(blocks)) if _is_appendix(blocks[k])), len(blocks))
    main = blocks[i:sig_at if sig_at is not None else app_at]
    # --- legal bases and intro
    k = 0
    legal: list[str] = []
    while k < len(main) and isinstance(main[k], Para) and (_LEGAL.match(main[k].text) or not main[k].text):  # type: ignore[union-attr]
        if main[k].text:  # type: ignore[union-attr]
            legal.append(main[k].text)  # type: ignore[union-attr]
        k += 1
    body, intro, closing, body_tables, guessed = body_blocks(main[k:], year or 0)
    rec.tables += body_tables
    rec.unsure += guessed
    # --- signature and recipients
    signature: dict[str, Any] = {"titles": [], "name": ""}
    recipients: list[str] = []
    if sig_at is not None:
        recipients, signature = _signature(blocks[sig_at:app_at])
    else:
        rec.unsure.append(("import.unsure.no-signature", {}))
    # --- appendices
    appendices = _appendices(blocks[app_at:], year or 0, rec)
    _commune(meta, issuer, rec)
    plan: dict[str, Any] = {"kehoach": 1, "meta": meta}
    meta["year"] = year or 0
    if not year:
        rec.unsure.append(("import.unsure.no-year", {}))
    meta.setdefault("number", "")
    meta.setdefault("symbol", "KH-UBND")
    meta.setdefault("place", meta.get("commune", ""))
    meta.setdefault("date", "")
    default_issuer = ["ỦY BAN NHÂN DÂN", f"{meta['commune_kind']} {meta['commune']}".upper()]
    if issuer and issuer != default_issuer:
        meta["issuer"] = issuer
    if legal:
        plan["legal_bases"] = legal
    if intro:
        plan["intro"] = intro
    plan["body"] = body or [""]
    if closing:
        plan["closing"] = closing
    plan["signature"] = signature
    if recipients:
        plan["recipients"] = recipients
    if appendices:
        plan["appendices"] = appendices
    rec.plan = _ordered_meta(plan)
    return rec


_META_ORDER = ("city", "commune", "commune_kind", "year", "issuer", "number", "symbol", "place", "date",
               "doc_type", "title")


def _ordered_meta(plan: dict[str, Any]) -> dict[str, Any]:
    meta = plan["meta"]
    plan["meta"] = {k: meta[k] for k in _META_ORDER if k in meta}
    return plan


def _lines(b: Block) -> list[str]:
    if isinstance(b, Para):
        return [x for x in re.split(r"[\n\t]", b.text) if x.strip()]
    out = []
    for row in b.rows:
        for c in row.cells:
            if not c.continued:
                out += [x.strip() for x in re.split(r"[\n\t]", c.text) if x.strip()]
    return out


def _letterhead(lines: list[str], meta: dict[str, Any]) -> list[str]:
    issuer: list[str] = []
    for line in lines:
        n = _NUMBER.search(line)
        d = _DATE.search(line)
        if n:
            meta["number"] = n.group("n").strip()
            meta["symbol"] = n.group("s").strip()
        if d:
            meta["place"] = d.group("place").strip()
            if d.group("d") and d.group("m"):
                meta["date"] = f"{d.group('y')}-{int(d.group('m')):02d}-{int(d.group('d')):02d}"
            meta["_year"] = d.group("y")
        if n or d or _RULE_LINE.match(line) or line.upper().startswith(_NATIONAL[:10]) or "Độc lập" in line:
            continue
        if line == line.upper():
            issuer.append(line)
    return issuer


def _commune(meta: dict[str, Any], issuer: list[str], rec: Recognised) -> None:
    for line in reversed(issuer):
        m = _KIND.search(line)
        if m:
            meta["commune_kind"] = m.group(1).lower()
            name = m.group(2).strip()
            # The commune's name as the title writes it ("xã Vĩnh Hải"), else in title case.
            found = re.search(rf"\b{m.group(1).lower()} ({re.escape(name.title())}|{re.escape(name)})", meta.get(
                "title", ""), re.I)
            meta["commune"] = found.group(1) if found and found.group(1) != name else name.title()
            return
    m = re.search(r"\b(xã|phường|đặc khu) ((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?)+)", meta.get("title", ""))
    if m:
        meta["commune_kind"], meta["commune"] = m.group(1), m.group(2).strip()
    else:
        meta["commune_kind"], meta["commune"] = "xã", ""
        rec.unsure.append(("import.unsure.no-commune", {}))


def _is_signature(b: Block) -> bool:
    lines = _lines(b)
    return any(x.startswith(("Nơi nhận", "TM.", "KT.")) for x in lines[:3])


def _signature(blocks: list[Block]) -> tuple[list[str], dict[str, Any]]:
    recipients: list[str] = []
    titles: list[str] = []
    name = ""
    for b in blocks:
        cells = ([c.text for row in b.rows for c in row.cells] if isinstance(b, Table) else [b.text])
        for text in cells:
            lines = [x.strip() for x in text.split("\n") if x.strip()]
            if lines and lines[0].startswith("Nơi nhận"):
                recipients += [re.sub(r"^[-–+•]\s*", "", x) for x in lines[1:]]
            elif lines:
                for x in lines:
                    if x == x.upper() and not name:
                        titles.append(x)
                    else:
                        name = x
    return recipients, {"titles": titles, "name": name}


def _is_appendix(b: Block) -> bool:
    return isinstance(b, Para) and bool(_APPENDIX.match(b.text))


def _appendices(blocks: list[Block], year: int, rec: Recognised) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    tables = 0
    last: Table | None = None        # the document's table behind the appendix's last table
    for b in blocks:
        if _is_appendix(b) and (current is None or current["title"]):   # "DANH MỤC …" may be a title
            assert isinstance(b, Para)
            current = {"label": b.text, "title": "", "content": []}
            out.append(current)
            tables = 0
            continue
        if current is None:
            continue
        if isinstance(b, Para):
            if not b.text:
                continue
            if b.text.startswith("(Kèm theo") and "attachment" not in current:
                current["attachment"] = b.text
            elif not current["title"] and not current["content"]:
                current["title"] = b.text
            elif "attachment" not in current and not current["content"] and "subtitle" not in current:
                current["subtitle"] = b.text
            else:
                current["content"].append(b.text)
            continue
        previous = current["content"][-1] if current["content"] else None
        # Right after a table of this appendix (nothing but empty paragraphs, a page break, between):
        # the same table continued on the next page, under its heading rows repeated, or with no
        # heading row at all over the same columns. Read as one table, so that a cell merged down
        # over the page break, and a group begun on the page before, carry on.
        rows: tuple[TableRow, ...] | None = None
        if isinstance(previous, dict) and last is not None:
            if _continues(last, b):
                rows = b.rows[header_rows(b):]
            elif b.rows and not _is_heading(b.rows[0], year):
                if b.width == last.width:
                    rows = b.rows
                    rec.notes.append(("import.note.table-joined", {"table": b.index, "previous": last.index,
                                                                    "cols": b.width}))
                else:
                    rec.unsure.append(("import.unsure.table-continued", {
                        "table": b.index, "previous": last.index, "cols": b.width, "previous_cols": last.width}))
        if rows is not None and last is not None and isinstance(previous, dict):
            last = Table(last.rows + rows, max(last.width, b.width), last.index, last.nested)
            table, report = convert(last, previous["table"]["id"], year)
            previous["table"] = table
            rec.tables[-1] = report
            continue
        tables += 1
        tid = _appendix_id(current["label"], len(out)) + ("" if tables == 1 else f"-{tables}")
        table, report = convert(b, tid, year)
        current["content"].append({"table": table})
        rec.tables.append(report)
        last = b
    for a in out:
        if not a["content"]:
            a["content"] = [""]
    return out


def _continues(a: Table, b: Table) -> bool:
    """``b`` is ``a`` continued on the next page: the same heading over the same columns."""
    return a.width == b.width and headings(a, header_rows(a)) == headings(b, header_rows(b))


def _is_heading(row: TableRow, year: int) -> bool:
    """A heading row: marked to repeat on each page, or most of its cells (two at least) headings
    of the dictionary ("STT", "Nội dung", "Đơn vị chủ trì" …), where a row of data has one at most."""
    if row.header:
        return True
    texts = [c.text for c in row.cells if c.text and not c.continued]
    known = sum(map_heading(text, year).sure for text in texts)
    return known >= 2 and known * 2 >= len(texts)


_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _appendix_id(label: str, position: int) -> str:
    m = re.search(r"\b([IVX]+|\d+)\b", label.upper().replace("PHỤ LỤC", ""))
    if m is None:
        return "pl" if position == 1 else f"pl{position}"
    n = m.group(1)
    return f"pl{_ROMAN_VALUES.get(n, n)}"
