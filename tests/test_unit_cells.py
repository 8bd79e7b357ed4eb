"""Real unit cells from other provinces' public texts (tests/data/unit-cells-other-provinces.txt),
each read by hand: the national model names the unit the cell names, several units in order, or no
unit at all where the cell names no one or a body the model does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.units import load_registry, national_registry

from .helpers import seed_cells

ROOT = Path(__file__).resolve().parent.parent


def _cells() -> list[tuple[str, str, str]]:
    out = []
    for source, lines in seed_cells("unit-cells-other-provinces.txt").items():
        for line in lines:
            text, expected = line.split(" → ")
            out.append((source, text, expected))
    return out


CELLS = _cells()


@pytest.mark.parametrize(("source", "text", "expected"), CELLS)
def test_real_cell_reads_as_expected(source: str, text: str, expected: str) -> None:
    got = national_registry().lookup(text).reading
    if expected == "unknown":
        assert got in ("unknown", "vague"), source   # no unit named: never a guess
    else:
        assert got == expected, source


def test_real_cells_come_from_many_sources() -> None:
    assert len(CELLS) >= 80 and len({s for s, *_ in CELLS}) >= 10
    assert all("http" in s for s, *_ in CELLS)


def test_hai_phong_reads_them_in_its_own_terms() -> None:
    """Hải Phòng's registry extends the national model: the same cells, with the city's units where
    the city took a national unit over ("Công an tỉnh Phú Thọ" is then its "Công an thành phố" kind)."""
    reg = load_registry(ROOT / "plans" / "hai-phong" / "units.yaml")
    for _, text, expected in CELLS:
        if expected in ("vague", "unknown"):
            assert reg.lookup(text).canonical is None, text
            continue
        want = " | ".join(reg.lookup(name).canonical or name for name in expected.split(" | "))
        assert reg.lookup(text).reading == want, text


@pytest.mark.parametrize(("text", "parts"), [
    # A "và" inside a name and one between names (the commune's office, then a vague phrase).
    ("Văn phòng HĐND và UBND xã và các đơn vị liên quan", ["Văn phòng HĐND và UBND", None]),
    # The commune's levels listed: one committee.
    ("UBND xã, phường, thị trấn", ["UBND xã"]),
    ("Công an xã/phường", ["Công an xã"]),
    # What a table cell carries around names: a line break between units, a bullet, a note in
    # brackets, the column's word before a colon, "/" between two units.
    ("Phòng VHXH\nCông an xã", ["Phòng Văn hóa - Xã hội", "Công an xã"]),
    ("- Công an xã", ["Công an xã"]),
    ("Phòng Văn hóa - Xã hội (cơ quan thường trực)", ["Phòng Văn hóa - Xã hội"]),
    ("Chủ trì: Phòng VHXH", ["Phòng Văn hóa - Xã hội"]),
    ("Phòng VHXH/Phòng KT", ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]),
    # A bracket naming another unit is not a note: which one leads is not guessed.
    ("UBND xã (Phòng VHXH)", [None]),
    # A name without its head word, long enough to be one unit's name only; a field is not a unit.
    ("Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"]),
    ("Chỉ huy quân sự xã", ["Ban Chỉ huy quân sự"]),
    ("Kinh tế", [None]),
    ("Dịch vụ công", [None]),
])
def test_lists_inside_and_between_names(text: str, parts: list[str | None]) -> None:
    assert [leaf.canonical for leaf in national_registry().lookup(text).leaves()] == parts


def test_a_place_name_after_a_province_unit_only() -> None:
    reg = national_registry()
    assert reg.lookup("Sở Tài chính Nghệ An").canonical == "Sở Tài chính"
    # Not a provincial unit: "Công an Hà Tĩnh" is not taken for the commune's police.
    assert reg.lookup("Công an Hà Tĩnh").canonical is None
