"""validate --fix gives each unit of a plan one spelling (what unit-inconsistent reports): only the
unit's own text in each cell changes, every other byte of the file stays."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import PLANS, plan_text
from .helpers import run

_FIXED = re.compile(r'^.*?:(\d+):\d+: đã sửa (?:lead|support)\S* \(([^)]*)\): "(.*)" → "(.*)"$', re.MULTILINE)
_FINDING = re.compile(r"^.*?:(\d+):\d+: (KH\d+) ", re.MULTILINE)


def _findings(out: str) -> set[tuple[str, str]]:
    return {(line, code) for line, code in _FINDING.findall(out)}


def test_hai_an_is_unified_byte_for_byte(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "hai-phong"
    folder.mkdir()
    shutil.copy(PLANS / "hai-phong" / "units.yaml", folder)
    plan = folder / "hai-an.yaml"
    shutil.copy(PLANS / "hai-phong" / "hai-an.yaml", plan)
    original = plan.read_bytes()
    before = run(capsys, "validate", str(plan), "--no-cache", "--as-of", "2026-03-01").out
    assert sum(code == "KH105" for _, code in _findings(before)) == 4

    r = run(capsys, "validate", str(plan), "--fix", "--no-cache", "--as-of", "2026-03-01")
    fixed = {int(line): (kinds, old, new) for line, kinds, old, new in _FIXED.findall(r.out)}
    assert sum("một cách viết cho mỗi đơn vị" in kinds for kinds, _, _ in fixed.values()) == 29

    # Byte for byte: each reported line is the original line with the value replaced, nothing else.
    old_lines = original.decode("utf-8").splitlines(keepends=True)
    new_lines = plan.read_bytes().decode("utf-8").splitlines(keepends=True)
    assert len(old_lines) == len(new_lines)
    for number, (old_line, new_line) in enumerate(zip(old_lines, new_lines, strict=True), start=1):
        if number not in fixed:
            assert new_line == old_line, number
            continue
        _, old, new = fixed[number]
        assert old_line.count(old) == 1 and new_line == old_line.replace(old, new), number

    # Separators, the other units of the cell and the commune qualifier stay.
    assert fixed[774][1:] == ("Phòng KTHT&ĐT, các đơn vị trực thuộc UBND phường",
                              "Phòng Kinh tế Hạ tầng và Đô thị, các đơn vị trực thuộc UBND phường")
    assert fixed[251][1:] == ("Phòng Văn hóa Xã hội phường", "Phòng Văn hóa - Xã hội phường")
    assert fixed[548][1:] == ("Văn phòng HĐND &UBND phường", "Văn phòng HĐND và UBND phường")
    assert fixed[672][1:] == ("UBND phường, các cơ quan chuyên môn, TT PVHCC",
                              "UBND phường, các cơ quan chuyên môn, Trung tâm Phục vụ hành chính công")

    # No unit-inconsistent left, and no other finding appears or goes.
    after = _findings(r.out.split("kết quả kiểm tra sau khi sửa:")[1])
    assert after == {f for f in _findings(before) if f[1] != "KH105"}
    again = run(capsys, "validate", str(plan), "--fix", "--no-cache", "--as-of", "2026-03-01")
    assert "Không có gì cần sửa tự động." in again.out


def test_unify_is_only_under_fix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(PLANS / "hai-phong" / "units.yaml", tmp_path)
    plan = tmp_path / "hai-an.yaml"
    shutil.copy(PLANS / "hai-phong" / "hai-an.yaml", plan)
    r = run(capsys, "validate", str(plan), "--no-cache", "--as-of", "2026-03-01")
    assert "KH105" in r.out and plan.read_bytes() == (PLANS / "hai-phong" / "hai-an.yaml").read_bytes()


UNITS = """\
kehoach_units: 1
city: Thử Nghiệm
units:
  - name: Phòng Văn hóa - Xã hội
    aliases: [Phòng VHXH, Phòng Văn hóa Xã hội]
    misspellings: [Phòng VHXXH]
  - name: Phòng Kinh tế, Hạ tầng và Đô thị
    aliases: [Phòng KTHT&ĐT, Phòng Kinh tế Hạ tầng và Đô thị]
  - name: Công an xã
    aliases: [Công an phường]
"""


def _fix(capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: str) -> tuple[str, str]:
    (tmp_path / "units.yaml").write_text(UNITS, encoding="utf-8")
    text, _ = plan_text(rows)
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    r = run(capsys, "validate", str(plan), "--fix", "--no-cache", "--as-of", "2026-03-01")
    return plan.read_text(encoding="utf-8"), r.out


def test_the_plans_usual_spelling_wins(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, out = _fix(capsys, tmp_path, """\
- {id: t1, text: Một, lead: Phòng VHXH}
- {id: t2, text: Hai, lead: Phòng VHXH xã Thử Nghiệm}
- {id: t3, text: Ba, lead: "Phòng Văn hóa - Xã hội; Công an phường Hải An"}
""")
    assert "lead: \"Phòng VHXH; Công an phường Hải An\"" in text      # the separator and the other unit stay
    assert "lead: Phòng VHXH xã Thử Nghiệm" in text and "KH105" not in out


def test_between_equals_the_canonical_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, out = _fix(capsys, tmp_path, """\
- {id: t1, text: Một, lead: Phòng VHXH}
- {id: t2, text: Hai, lead: Phòng Văn hóa - Xã hội phường}
- {id: t3, text: Ba, lead: Phòng VHXXH}
""")
    # The misspelling is the unit fix's (to the canonical name), then two spellings against one.
    assert text.count("lead: Phòng Văn hóa - Xã hội") == 3 and "KH105" not in out and "KH104" not in out


def test_a_name_with_a_comma_is_not_put_in_a_list_cut_at_commas(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    text, out = _fix(capsys, tmp_path, """\
- {id: t1, text: Một, lead: "Phòng Kinh tế, Hạ tầng và Đô thị"}
- {id: t2, text: Hai, lead: "Phòng Kinh tế, Hạ tầng và Đô thị"}
- {id: t3, text: Ba, lead: "Phòng KTHT&ĐT, Công an xã"}
""")
    # "Phòng Kinh tế, Hạ tầng và Đô thị, Công an xã" would read as unknown units: the plan's
    # other spelling, which fits every cell, is the one kept.
    assert "lead: \"Phòng KTHT&ĐT, Công an xã\"" in text and text.count("lead: \"Phòng KTHT&ĐT\"}") == 2
    assert "KH105" not in out and "KH103" not in out


def test_a_written_out_name_before_an_abbreviation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, out = _fix(capsys, tmp_path, """\
- {id: t1, text: Một, lead: "Phòng Kinh tế, Hạ tầng và Đô thị"}
- {id: t2, text: Hai, lead: "Công an xã, Phòng Kinh tế Hạ tầng và Đô thị"}
- {id: t3, text: Ba, lead: "Công an xã; Phòng KTHT&ĐT"}
""")
    # Three spellings once each: the canonical one does not fit t2's list, the written-out one does.
    assert text.count("Phòng Kinh tế Hạ tầng và Đô thị") == 3, text
    assert "KH105" not in out and "KH103" not in out
