"""The citation-mismatch rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from typing import ClassVar

from ..citations import Citation, find_citations, known_documents
from ..findings import Severity, Span
from ..text import norm_key
from . import Context, Hit, Rule
from ._common import strings

# Symbols of local bodies ("33/KH-UBND") repeat in every commune and city: such a registry entry
# is compared only with a citation that names its issuer.
_LOCAL = ("UBND", "/TU", "HĐND", "/ĐU", "/BCĐ")


def _same_issuer(a: str, b: str) -> bool:
    ka, kb = norm_key(a), norm_key(b)
    return not ka or not kb or ka.startswith(kb) or kb.startswith(ka)


_SYMBOL_YEAR = re.compile(r"\d+/(\d{4})/")


def _suffix_is_initials(symbol: str, issuer: str) -> bool:
    """"QĐ-BKHCN" of "Bộ Khoa học và Công nghệ (…)": the symbol's last part spells the initials of
    the first words of what follows "của"."""
    last = re.split(r"[-/]", symbol)[-1].upper()
    initials = ""
    for word in norm_key(issuer).split():
        if word in ("và", "-"):
            continue
        initials += word[0].upper()
        if initials == last:
            return True
    return False


def _close(a: str, b: str) -> bool:
    ratio: float = difflib.SequenceMatcher(None, re.sub(r"[\d\W_]", "", a), re.sub(r"[\d\W_]", "", b)).ratio()
    return ratio >= 0.8


def _shown(c: Citation) -> str:
    return f"{c.kind} {c.symbol}"


class CitationMismatch(Rule):
    """Văn bản được trích dẫn ghi sai ngày hoặc sai cơ quan ban hành.

    **Tác dụng.** Tìm mọi trích dẫn văn bản trong nội dung kế hoạch (căn cứ pháp lý, phần nội dung,
    đề mục, tên phụ lục, ô trong bảng): loại văn bản, số/ký hiệu, và ngày ("ngày 22/12/2024") cùng
    cơ quan ban hành ("của Bộ Chính trị") nếu có ghi. Báo trích dẫn có ngày hoặc cơ quan ban hành
    khác với danh mục văn bản cấp trên của kehoach (`kehoach/data/documents.yaml`, mỗi văn bản kèm
    nguồn công khai), trích dẫn có ngày khác với một trích dẫn khác của cùng văn bản trong cùng
    kế hoạch, số hiệu có năm khác năm của ngày ban hành (`73/2017/NĐ-CP ngày 05/9/2019`), và một
    văn bản (cùng loại, số, ngày) được ghi với hai số hiệu gần giống nhau (`4585/QĐ-BKHCN` và
    `4585/QĐ-BKHHCN`): báo cách ghi ít gặp hơn, nếu bằng nhau thì cách ghi không khớp chữ cái đầu
    của cơ quan ban hành. Trích dẫn không ghi ngày (hoặc không ghi cơ quan ban hành) thì không có gì để so và
    không bị báo; ký hiệu văn bản của cơ quan địa phương (`…/KH-UBND`) chỉ được so với danh mục khi
    trích dẫn nêu cùng cơ quan ban hành.

    **Vì sao quan trọng.** Ghi sai ngày trong căn cứ pháp lý là trích dẫn một văn bản không tồn tại;
    khi đó kế hoạch đã ký phải được đính chính bằng một văn bản mới.

    **Ví dụ.** `Nghị quyết số 57-NQ/TW ngày 22/12/2025 của Bộ Chính trị` (nghị quyết ban hành ngày
    22/12/2024).

    **Cách sửa.** Ghi đúng ngày và cơ quan ban hành của chính văn bản đó.
    """

    doc_en = """A cited document with the wrong date or issuer.

    **What it does.** Finds every citation of a document in the plan's text (legal bases, body,
    headings, appendix titles, table cells): a document kind, its number/symbol, and its date
    ("ngày 22/12/2024") and issuer ("của Bộ Chính trị") when written. Reports a citation whose
    date or issuer differs from kehoach's registry of higher documents (`kehoach/data/documents.yaml`,
    each entry with its public source), and a citation whose date differs from another citation
    of the same document in the same plan, and a citation of a registered document whose symbol
    is written with its separators elsewhere (`71-NQ/CP` for `71/NQ-CP`: a Party resolution's form
    given to a Government one), a symbol whose year is not the year of its date (`73/2017/NĐ-CP
    ngày 05/9/2019`), and one document (same kind, number and date) cited with two nearly equal
    symbols (`4585/QĐ-BKHCN` and `4585/QĐ-BKHHCN`): the less usual one is reported, or, as usual
    as each other, the one whose last part is not the issuer's initials. A citation without a date
    (or without an issuer) says nothing about it and is not reported; symbols of local bodies
    (`…/KH-UBND`) are compared with the registry only when the citation names the same issuer, and
    a city's own documents (an entry with `city:`) only in that city's plans.

    **Why it matters.** A wrong date in a legal basis cites a document that does not exist; the
    signed plan is then corrected by a new document.

    **Example.** `Nghị quyết số 57-NQ/TW ngày 22/12/2025 của Bộ Chính trị` (the resolution is of
    22/12/2024).

    **Fix.** Write the date, issuer and symbol of the document itself.
    """

    name = "citation-mismatch"
    code = "KH601"
    severity = Severity.WARNING
    message = ('{document} ghi ngày {written}, nhưng văn bản này ban hành ngày {expected} '
               '(theo danh mục văn bản của kehoach).')
    messages: ClassVar[dict[str, str]] = {
        "citation-issuer-mismatch": '{document} ghi cơ quan ban hành "{written}", nhưng văn bản này do '
                                    '{expected} ban hành (theo danh mục văn bản của kehoach).',
        "citation-date-inconsistent": '{document} ghi ngày {written}, khác với ngày {expected} ở trích dẫn '
                                      'khác của cùng văn bản (dòng {line}).',
        "citation-symbol-mismatch": '{document} ghi số hiệu "{written}", nhưng số hiệu của văn bản này là '
                                    '"{expected}" (theo danh mục văn bản của kehoach).',
        "citation-year-mismatch": '{document} ghi năm {symbol_year} trong số hiệu nhưng ngày ban hành {written} '
                                  'thuộc năm {date_year}: số hiệu hoặc ngày bị ghi sai.',
        "citation-symbol-inconsistent": '{kind} số {number} ngày {written} ghi số hiệu "{symbol}", khác với '
                                        '"{expected}" ở trích dẫn khác của cùng văn bản (dòng {line}).',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.doc is None:
            return
        known = known_documents()
        # Documents kehoach does not know: checked against the plan's other citations of them.
        dated: dict[str, list[tuple[Citation, Span]]] = {}
        # Every dated citation by kind, number and date: one document cited with two symbols.
        numbered: dict[tuple[str, str, dt.date], list[tuple[Citation, Span]]] = {}
        for path, text in strings(ctx.doc.data):
            if "/" not in text and "-" not in text:
                continue
            for c in find_citations(text):
                span = ctx.doc.span(path)
                year = _SYMBOL_YEAR.match(c.symbol)
                if year and c.date is not None and int(year.group(1)) != c.date.year:
                    # "Nghị định số 73/2017/NĐ-CP ngày 05/9/2019": a document's number carries the
                    # year it was issued, so the two cannot both be right.
                    yield self.hit(span, variant="citation-year-mismatch", document=_shown(c),
                                   symbol_year=year.group(1), written=c.date_text, date_year=c.date.year)
                    continue
                if c.date is not None:
                    number = re.match(r"\d+", c.symbol)
                    if number:
                        numbered.setdefault((norm_key(c.kind), number.group(), c.date), []).append((c, span))
                k = known.get(c.key)
                if k is not None and not k.applies_to(ctx.plan.meta.city):
                    k = None
                if k is not None:
                    local = any(s in k.symbol for s in _LOCAL)
                    if local and not (c.issuer and k.issuer_matches(c.issuer)):
                        k = None
                if k is not None:
                    if c.date is not None and c.date != k.date:
                        yield self.hit(span, document=_shown(c), written=c.date_text,
                                       expected=k.date.strftime("%d/%m/%Y"))
                        continue
                    if c.issuer and not k.issuer_matches(c.issuer):
                        yield self.hit(span, variant="citation-issuer-mismatch", document=_shown(c),
                                       written=c.issuer, expected=", ".join(k.issuers))
                        continue
                    if c.symbol.upper() != k.symbol.upper():
                        yield self.hit(span, variant="citation-symbol-mismatch", document=f"{c.kind} {k.symbol}",
                                       written=c.symbol, expected=k.symbol)
                        continue
                if c.date is not None and k is None:
                    dated.setdefault(c.key, []).append((c, span))
        yield from self._inconsistent(dated)
        yield from self._two_symbols(numbered)

    def _two_symbols(self, numbered: dict[tuple[str, str, dt.date], list[tuple[Citation, Span]]]) -> Iterator[Hit]:
        """"Quyết định số 4585/QĐ-BKHCN ngày 30/12/2025" and "… 4585/QĐ-BKHHCN ngày 30/12/2025" of the
        same issuer: one document, two symbols. The less usual spelling is reported; between two
        equally usual ones, the one whose issuer part is not the issuer's initials, else the later."""
        for (_, number, _), found in numbered.items():
            cites = [f for f in found if all(_same_issuer(f[0].issuer, g[0].issuer) for g in found)]
            keys = [f[0].key for f in cites]
            if len(set(keys)) < 2:
                continue
            issuer = next((f[0].issuer_text for f in cites if f[0].issuer_text), "")

            def rank(key: str, keys: list[str] = keys, cites: list[tuple[Citation, Span]] = cites,
                     issuer: str = issuer) -> tuple[int, bool, int]:
                first = keys.index(key)
                return (keys.count(key), _suffix_is_initials(cites[first][0].symbol, issuer), -first)

            usual = max(set(keys), key=rank)
            ref = cites[keys.index(usual)]
            for c, span in cites:
                # A slip of the pen ("BKHHCN"), not another body's document of the same number and
                # date ("12/KH-UBND" and "12-KH/ĐU"): the letters of the two symbols nearly agree.
                if c.key != usual and _close(c.key, usual):
                    yield self.hit(span, variant="citation-symbol-inconsistent", kind=c.kind, number=number,
                                   written=c.date_text, symbol=c.symbol, expected=ref[0].symbol, line=ref[1].line)

    def _inconsistent(self, dated: dict[str, list[tuple[Citation, Span]]]) -> Iterator[Hit]:
        for cites in dated.values():
            for c, span in cites:
                # Against the date most citations give: the odd one out is the mistake.
                same = [f for f in cites if _same_issuer(f[0].issuer, c.issuer)]
                dates = [f[0].date for f in same]
                usual = max(set(dates), key=dates.count)
                if c.date != usual and dates.count(usual) > dates.count(c.date):
                    ref = next(f for f in same if f[0].date == usual)
                    yield self.hit(span, variant="citation-date-inconsistent", document=_shown(c),
                                   written=c.date_text, expected=ref[0].date_text, line=ref[1].line)
