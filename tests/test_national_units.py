"""The national model of commune-level units, and how a city's units.yaml extends it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kehoach.units import initials, is_vague_phrase, load_registry, national_data, national_registry, registry_from_data

ROOT = Path(__file__).resolve().parent.parent
REAL = yaml.safe_load((ROOT / "tests" / "data" / "real-unit-names.yaml").read_text(encoding="utf-8"))
HAI_PHONG = ROOT / "plans" / "hai-phong" / "units.yaml"


def test_the_national_model_ships_with_the_package_and_is_valid() -> None:
    data = national_data()   # validated against schema/units.schema.json on load
    names = {u["name"] for u in data["units"]}
    for unit in ("Văn phòng HĐND và UBND", "Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị",
                 "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Công an xã", "Ban Chỉ huy quân sự",
                 "Sở Khoa học và Công nghệ"):
        assert unit in names, unit
    assert "Phòng Tài chính" not in names   # Nghị định 150/2025/NĐ-CP: finance is in Phòng Kinh tế
    assert '"kehoach" = ["data/*.yaml",' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "canonical", "rule"), [
    ("Phòng Văn hóa - Xã hội xã Tân Minh", "Phòng Văn hóa - Xã hội", "qualifier"),
    ("Công an cấp xã", "Công an xã", "alias"),
    ("Trung tâm phục vụ hành chính công của phường Phú An", "Trung tâm Phục vụ hành chính công", "normalised"),
    ("Bộ phận một cửa UBND xã", "Trung tâm Phục vụ hành chính công", "qualifier"),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội", "normalised"),
    ("BAN CHỈ HUY QUÂN SỰ XÃ", "Ban Chỉ huy quân sự", "normalised"),
    ("VHXH", "Phòng Văn hóa - Xã hội", "initials"),
    ("P. VHXH", "Phòng Văn hóa - Xã hội", "initials"),
    ("KT-HT-ĐT", "Phòng Kinh tế, Hạ tầng và Đô thị", "initials"),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công", "initials"),
    ("TT PVHCC", "Trung tâm Phục vụ hành chính công", "alias"),
    ("VP HĐND&UBND", "Văn phòng HĐND và UBND", "normalised"),
    ("VPHĐND-UBND", "Văn phòng HĐND và UBND", "initials"),
    ("TT DVTH", "Trung tâm Dịch vụ sự nghiệp công", "initials"),
    ("Trung tâm Dịch vụ tổng hợp xã", "Trung tâm Dịch vụ sự nghiệp công", "qualifier"),
    ("Sở KH-CN TPHCM", "Sở Khoa học và Công nghệ", "qualifier"),
    ("Công an tỉnh Nghệ An", "Công an tỉnh", "qualifier"),
])
def test_national_readings(text: str, canonical: str, rule: str) -> None:
    m = national_registry().lookup(text)
    assert (m.canonical, m.rule) == (canonical, rule)


def test_a_commune_unit_is_not_taken_for_the_province_or_the_reverse() -> None:
    reg = national_registry()
    assert reg.lookup("Công an tỉnh Nghệ An").canonical == "Công an tỉnh"
    assert reg.lookup("Công an phường Hải An").canonical == "Công an xã"
    assert reg.lookup("Phòng Tài chính").canonical is None


def test_initials_only_when_the_text_abbreviates() -> None:
    assert initials("Phòng Văn hóa - Xã hội") == ("pvhxh", False)
    assert initials("P. VHXH") == ("pvhxh", True)
    assert initials("PHÒNG VHXH") == ("pvhxh", True)   # all capitals: "PHÒNG" is a word, "VHXH" is not
    # Words that happen to share initials with a unit are not an abbreviation of it.
    assert national_registry().lookup("Phòng Vận hành Xe Hơi").status == "unknown"


def test_an_abbreviation_two_units_share_gets_suggestions_not_a_guess() -> None:
    reg = registry_from_data({"kehoach_units": 1, "city": "Thử", "units": [
        {"name": "Phòng Kinh tế"}, {"name": "Phòng Kế toán"}]}, "units.yaml")
    m = reg.lookup("P. KT")
    assert (m.status, m.canonical, m.rule) == ("unknown", None, "ambiguous")
    assert set(m.suggestions) == {"Phòng Kinh tế", "Phòng Kế toán"}
    assert reg.lookup("P. KTo").status == "unknown"


def test_a_city_extends_and_overrides_the_national_model() -> None:
    reg = registry_from_data({"kehoach_units": 1, "city": "Thử", "extends": "national", "units": [
        {"name": "Công an thành phố", "level": "thành phố"},
        {"name": "Trung tâm Văn hóa - Thông tin và Thể thao", "aliases": ["TT VHTTTT"]}]}, "units.yaml")
    # The city's name wins and takes over the national unit's other names.
    assert reg.lookup("Công an tỉnh").canonical == "Công an thành phố"
    assert reg.origin["Công an thành phố"] == "city" and reg.origin["Hội Nông dân"] == "national"
    assert national_registry().origin["Công an xã"] == "national"
    assert reg.lookup("Hội ND").canonical == "Hội Nông dân"
    assert reg.lookup("TT VHTTTT").canonical == "Trung tâm Văn hóa - Thông tin và Thể thao"
    # Without extends, a registry is the city's alone (as before).
    alone = registry_from_data({"kehoach_units": 1, "city": "Thử", "units": [{"name": "Công an xã"}]}, "units.yaml")
    assert alone.lookup("Hội ND").status == "unknown"


def test_hai_phong_keeps_its_own_decisions_over_the_national_model() -> None:
    reg = load_registry(HAI_PHONG)
    assert reg.lookup("Phòng VHXXH").status == "misspelling"
    assert reg.lookup("Công an thành phố").canonical == "Công an thành phố"
    assert reg.lookup("Trung tâm VHTTTT").canonical == "Trung tâm Văn hóa - Thông tin và Thể thao"
    assert reg.lookup("Phòng Tài chính").status == "unknown"
    assert reg.lookup("Hội Người cao tuổi").canonical == "Hội Người cao tuổi"   # from the national model


@pytest.mark.parametrize("phrase", ["Phòng ban liên quan", "Các ngành liên quan", "các sở, ngành liên quan",
                                    "Các lực lượng", "Cơ quan, đơn vị có liên quan"])
def test_vague_pattern(phrase: str) -> None:
    assert is_vague_phrase(phrase)


def test_a_unit_beside_a_vague_phrase_is_not_one_vague_phrase() -> None:
    assert not is_vague_phrase("Phòng VHXXH và các đơn vị liên quan")
    m = load_registry(HAI_PHONG).lookup("Phòng VHXXH và các đơn vị liên quan")
    assert [p.status for p in m.leaves()] == ["misspelling", "vague"]


def test_share_resolved_on_real_names() -> None:
    """Real spellings from public documents (tests/data/real-unit-names.yaml, with sources)."""
    reg = load_registry(HAI_PHONG)
    units = [n for n in REAL["names"] if n["expect"]]
    right = [n["text"] for n in units if reg.lookup(n["text"]).canonical == n["expect"]]
    wrong = [n["text"] for n in units if reg.lookup(n["text"]).canonical not in (None, n["expect"])]
    assert not wrong
    assert len(right) / len(units) >= 0.95, sorted(set(n["text"] for n in units) - set(right))
    for n in REAL["names"]:
        if not n["expect"]:
            assert reg.lookup(n["text"]).canonical is None, n["text"]
    assert all(n["source"] in REAL["sources"] for n in REAL["names"])


def test_explain_unit_says_which_rule_read_it() -> None:
    from kehoach.cli import app

    result = CliRunner().invoke(app, ["explain", "unit", "P. VHXH xã Tân Minh", "--city", "hai-phong",
                                      "--plans-dir", str(ROOT / "plans"), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["canonical"] == "Phòng Văn hóa - Xã hội"
    assert (data["rule"], data["source"]) == ("initials", "city")
    assert {"text", "canonical", "status", "vague", "suggestions", "parts"} <= set(data)
