"""The citation extractor on real sentences: from the bundled plans and from public pages."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.citations import find_citations, known_documents, symbol_key

D = dt.date

CASES = [
    # plans/hai-phong/vinh-hai.yaml, legal bases (the date is the plan's mistake).
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2025 của Bộ Chính trị về đột phá phát triển khoa học",
     [("57-NQ/TW", D(2025, 12, 22), "Bộ Chính trị")]),
    # plans/hai-phong/vinh-lai.yaml: the symbol mistyped, the date and issuer right.
    ("Nghị quyết số 71-NQ/CP ngày 01/4/2025 của Chính phủ trên địa bàn xã Vĩnh Lại",
     [("71-NQ/CP", D(2025, 4, 1), "Chính phủ")]),
    # plans/hai-phong/thai-tan.yaml: "của của" as written.
    ("Nghị quyết số 03-NQ/TU ngày 26/10/2021 của của Ban Thường vụ Thành ủy",
     [("03-NQ/TU", D(2021, 10, 26), "Ban Thường vụ Thành ủy")]),
    # plans/hai-phong/hai-an.yaml, appendix attachment line.
    ("(Kèm theo Kế hoạch số 33/KH-UBND ngày 16/01/2026 của UBND phường Hải An)",
     [("33/KH-UBND", D(2026, 1, 16), "UBND phường Hải An")]),
    # hethongphapluat.vn, Kế hoạch 238/KH-UBND of Hải Phòng (2025): a comma before "ngày", two citations.
    ("Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
     "đổi mới sáng tạo và chuyển đổi số quốc gia và Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi",
     [("57-NQ/TW", D(2024, 12, 22), "Bộ Chính trị"), ("71/NQ-CP", D(2025, 4, 1), "Chính phủ")]),
    # daibieunhandan.vn, the Prime Minister's speech of 13/01/2025: dates with dots.
    ("Ngay sau khi Nghị quyết số 57-NQ/TW được ban hành ngày 22.12.2024, Chính phủ đã khẩn trương ban hành "
     "Nghị quyết 03-NQ/CP ngày 9.1.2025 để thực hiện Chương trình hành động.",
     [("57-NQ/TW", None, ""), ("03-NQ/CP", D(2025, 1, 9), "")]),
    # sgtvt.binhdinh.gov.vn: "ngày" before the citation is not its date.
    ("Ngày 05/3/2020, Chính phủ ban hành Nghị định 30/2020/NĐ-CP về công tác văn thư.",
     [("30/2020/NĐ-CP", None, "")]),
    # A written-out date.
    ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
     [("30/2020/NĐ-CP", D(2020, 3, 5), "Chính phủ")]),
    # A space after the separator, before capitals, is the same symbol mistyped (Vĩnh Lại).
    ("Nghị quyết số 57- NQ/TW, về KHCN", [("57- NQ/TW", None, "")]),
    ("Kế hoạch 1- Xây dựng", []),
    # Not citations: a number without a symbol, a year range.
    ("Nghị quyết 71; Kế hoạch năm 2026; giai đoạn 2026-2030", []),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_find_citations(text: str, want: list[tuple[str, dt.date | None, str]]) -> None:
    assert [(c.symbol, c.date, c.issuer) for c in find_citations(text)] == want


def test_an_impossible_date_is_no_date() -> None:
    (c,) = find_citations("Nghị quyết số 57-NQ/TW ngày 31/02/2024")
    assert c.date is None and c.date_text == "31/02/2024"


def test_registry_has_sources_and_the_documents_plans_cite() -> None:
    docs = known_documents()
    for symbol, date in (("57-NQ/TW", D(2024, 12, 22)), ("71/NQ-CP", D(2025, 4, 1)), ("03/NQ-CP", D(2025, 1, 9)),
                         ("30/2020/NĐ-CP", D(2020, 3, 5)),
                         # cited by the bundled plans' bodies (units-2): each with a public page
                         ("2629/QĐ-TTg", D(2025, 12, 1)), ("193/2025/QH15", D(2025, 2, 19)),
                         ("226/2025/QH15", D(2025, 6, 27)), ("179/2025/NĐ-CP", D(2025, 7, 1))):
        assert docs[symbol_key(symbol)].date == date
    for symbol, date in (("350/KH-UBND", D(2025, 12, 30)), ("359/KH-UBND", D(2025, 12, 31)),
                         ("142/KH-UBND", D(2025, 6, 9)), ("89-CTr/TU", D(2025, 2, 25)),
                         ("01-CTr/BCĐ", D(2026, 1, 9))):
        assert docs[symbol_key(symbol)].date == date
        assert docs[symbol_key(symbol)].city == "Hải Phòng"
    for d in docs.values():
        assert d.issuers, d.symbol
        # A public page, or (none found) the plans that cite it identically: two or more.
        if not d.source.startswith(("https://", "http://")):
            assert d.source.startswith("cited identically"), d.symbol
            plans = d.source.split(" by plans ")[1].split(" (")[0].replace(" and ", ", ").split(", ")
            assert len(plans) >= 2, d.symbol


def test_a_citys_own_document_applies_to_that_city_only() -> None:
    k = known_documents()[symbol_key("350/KH-UBND")]
    assert k.applies_to("Hải Phòng") and k.applies_to("hải phòng") and not k.applies_to("Nghệ An")
    assert known_documents()[symbol_key("57-NQ/TW")].applies_to("Nghệ An")
    assert symbol_key("71-NQ/CP") == symbol_key("71/NQ-CP")

