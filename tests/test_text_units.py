"""Vietnamese normalisation and the unit registry."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kehoach.text import fold_tones, norm_key, slug, text_key
from kehoach.units import is_vague_phrase, registry_from_data, unit_key

REGISTRY = registry_from_data({
    "kehoach_units": 1, "city": "Thử Nghiệm",
    "units": [
        {"name": "Phòng Văn hóa - Xã hội", "aliases": ["Phòng VHXH"], "misspellings": ["Phòng VHXXH"]},
        {"name": "Phòng Kinh tế"},
        {"name": "Phòng Kinh tế, Hạ tầng và Đô thị", "aliases": ["Phòng KTHT&ĐT"]},
        {"name": "Công an xã", "aliases": ["Công an phường"]},
        {"name": "Trung tâm Phục vụ hành chính công"},
        {"name": "Văn phòng HĐND và UBND"},
    ],
    "vague": ["Các đơn vị liên quan", "Tổ dân phố"],
}, "units.yaml")


def test_norm_key_folds_spelling_variants() -> None:
    variants = ["Phòng Văn hóa - Xã hội", "Phòng Văn hoá – Xã hội", "phòng  văn hóa—xã hội.",
                unicodedata.normalize("NFD", "Phòng Văn hóa - Xã hội"), "Phòng Văn hóa -Xã hội"]
    assert len({norm_key(v) for v in variants}) == 1
    assert norm_key("Văn phòng HĐND&UBND") == norm_key("Văn phòng HĐND và UBND")
    assert fold_tones("hoá thuỷ khoẻ") == "hóa thủy khỏe"


def test_slug_and_text_key() -> None:
    assert slug("Vĩnh Hải") == "vinh-hai" and slug("Đồ Sơn") == "do-son"
    assert text_key("Tuyên truyền,  quán triệt NQ 57.") == text_key("tuyên truyền quán triệt nq 57")


@given(st.text())
def test_norm_key_is_idempotent(text: str) -> None:
    assert norm_key(norm_key(text)) == norm_key(text)


def test_commune_qualifier_is_not_xa_hoi() -> None:
    assert unit_key("Phòng Văn hóa - Xã hội xã") == unit_key("Phòng Văn hóa - Xã hội")
    assert unit_key("Phòng Văn hóa - Xã hội") != unit_key("Phòng Văn hóa")
    assert unit_key("Công an phường Hải An") == unit_key("Công an")


def test_lookup_statuses() -> None:
    cases = {
        "Phòng Văn hóa - Xã hội": ("canonical", "Phòng Văn hóa - Xã hội"),
        "Phòng Văn hóa - Xã hội phường": ("canonical", "Phòng Văn hóa - Xã hội"),
        "Phòng VHXH": ("alias", "Phòng Văn hóa - Xã hội"),
        "Phòng VHXXH": ("misspelling", "Phòng Văn hóa - Xã hội"),
        "Phòng Văn hoá – Xã hội": ("variant", "Phòng Văn hóa - Xã hội"),
        "Phòng Kinh tế, Hạ tầng và Đô thị": ("canonical", "Phòng Kinh tế, Hạ tầng và Đô thị"),
        "Các đơn vị liên quan": ("vague", None),
        "Các cơ quan, đơn vị": ("vague", None),
        "Tổ dân phố": ("vague", None),
        "Công an phường Hải An": ("canonical", "Công an xã"),
    }
    for text, (status, canonical) in cases.items():
        m = REGISTRY.lookup(text)
        assert (m.status, m.canonical) == (status, canonical), text


def test_several_units_in_one_cell() -> None:
    m = REGISTRY.lookup("Công an xã, Trung tâm Phục vụ hành chính công và Phòng VHXXH")
    assert m.status == "several"
    assert [p.status for p in m.leaves()] == ["canonical", "canonical", "misspelling"]


def test_a_cell_as_written_splits_at_the_strongest_separator_first() -> None:
    # "và" inside a unit's name does not split it when ";" separates the units (thai-tan.yaml pl.IV.2).
    m = REGISTRY.lookup("Văn phòng HĐND và UBND xã; Công an xã")
    assert m.status == "several" and [p.text for p in m.leaves()] == ["Văn phòng HĐND và UBND xã", "Công an xã"]
    # A list that ends with "." or ";" as the source wrote it (vinh-lai.yaml pl2.II.9, an-lao.yaml nv.2).
    assert REGISTRY.lookup("Công an xã;").canonical == "Công an xã"
    assert [p.text for p in REGISTRY.lookup("Công an xã, Phòng Kinh tế.").leaves()] == ["Công an xã", "Phòng Kinh tế"]


def test_did_you_mean() -> None:
    m = REGISTRY.lookup("Phòng Văn hóa Thông tin")
    assert m.status == "unknown" and m.suggestions[0] == "Phòng Văn hóa - Xã hội"
    assert REGISTRY.lookup("Ban Quản lý chợ").suggestions == ()


def test_vague_phrases_without_a_registry() -> None:
    for phrase in ("Các cơ quan, đơn vị", "Các phòng, cơ quan, đơn vị", "Các đơn vị liên quan", "Đơn vị liên quan",
                   "các phòng chuyên môn", "Các cơ quan chuyên môn, các đơn vị trực thuộc UBND phường"):
        assert is_vague_phrase(phrase), phrase
    for unit in ("Phòng Văn hóa - Xã hội", "Công an xã", "Trung tâm Phục vụ hành chính công"):
        assert not is_vague_phrase(unit), unit
