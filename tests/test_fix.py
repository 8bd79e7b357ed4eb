"""kehoach validate --fix: only safe fixes, each one string; every other byte stays; atomic; then validation."""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach import model
from kehoach.fix import fix_text
from kehoach.loader import load

from .conftest import PLANS, plan_text
from .helpers import run


@pytest.mark.parametrize(("before", "after", "kinds"), [
    ("$\\geq 60\\%$", "≥ 60%", ("latex",)),
    ("đạt $\\geq 0,77$;", "đạt ≥ 0,77;", ("latex",)),
    ("$\\frac{1}{2}$", "$\\frac{1}{2}$", ()),                       # a formula it cannot read: left alone
    ("<u>80%</u>", "80%", ("html",)),
    ("<p>Dòng một</p><p>Dòng hai</p>", "Dòng một Dòng hai", ("html", "spaces")),
    ("R&amp;D", "R&D", ("html",)),
    (unicodedata.normalize("NFD", "Văn hóa"), "Văn hóa", ("nfc",)),
    ("liên quan  tuyên truyền\u00a0mới ", "liên quan tuyên truyền mới", ("spaces",)),
    ("Văn hóa -Xã hội", "Văn hóa - Xã hội", ("dash",)),
    ("Văn hóa- Xã hội", "Văn hóa - Xã hội", ("dash",)),
    ("KH\u2010UBND", "KH-UBND", ("dash",)),
    ("57- NQ/TW", "57- NQ/TW", ()),                                 # a number's hyphen is not a word dash
    ("KH-UBND", "KH-UBND", ()),
    ("Tăng cường chuyên đổi số", "Tăng cường chuyên đổi số", ()),   # wording (and its typos) is the author's
    ("Dòng một\nDòng hai", "Dòng một\nDòng hai", ()),
])
def test_text_fixes(before: str, after: str, kinds: tuple[str, ...]) -> None:
    assert fix_text(before) == (after, kinds)


PIECES = st.sampled_from(["<u>", "</p>", "&amp;", "$", "\\geq", "\\%", " -", "- ", "\u00a0", "\u2010", "\u0301"])


@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4) | PIECES,
                max_size=10).map("".join))
def test_text_fixes_are_idempotent(text: str) -> None:
    once, _ = fix_text(text)
    assert fix_text(once) == (once, ())


ROWS = """\
# chú thích giữ nguyên
- id: t1  # chú thích cuối dòng
  text: Việc một  có hai dấu cách
  lead: Phòng VHXXH
  support: ['Phòng Văn hóa -Xã hội', Phòng VHXH, Các đơn vị liên quan]
  deadline: Quý II/2026
- id: t2
  text: "Tăng cường chuyên đổi số"
  lead: Công an xã
  output: |
    Báo cáo <u>quý</u>
    Kế hoạch
  deadline: Thường xuyên
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    shutil.copy(PLANS / "hai-phong" / "units.yaml", tmp_path / "units.yaml")
    text, _ = plan_text(ROWS)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_fix_changes_only_what_it_reports(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    r = run(capsys, "validate", str(plan), "--fix", "--no-cache", "--as-of", "2026-03-01")
    assert r.code == 0, r.out
    assert "đã sửa lead (tên đơn vị theo danh mục): \"Phòng VHXXH\" → \"Phòng Văn hóa - Xã hội\"" in r.out
    assert "đã sửa support[0] (dấu gạch)" in r.out and "Đã sửa 5 chỗ trong 1 tệp" in r.out
    # The accepted alias "Phòng VHXH" is the plan's third spelling of the unit: it takes the plan's usual one.
    assert 'đã sửa support[1] (một cách viết cho mỗi đơn vị): "Phòng VHXH" → "Phòng Văn hóa - Xã hội"' in r.out
    assert "unit-spelling" not in r.out    # the validation after the fixes no longer finds it
    after = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(after) == len(before)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        ("              text: Việc một  có hai dấu cách\n", "              text: Việc một có hai dấu cách\n"),
        ("              lead: Phòng VHXXH\n", "              lead: Phòng Văn hóa - Xã hội\n"),
        ("              support: ['Phòng Văn hóa -Xã hội', Phòng VHXH, Các đơn vị liên quan]\n",
         "              support: ['Phòng Văn hóa - Xã hội', Phòng Văn hóa - Xã hội, Các đơn vị liên quan]\n"),
        ("                Báo cáo <u>quý</u>\n", "                Báo cáo quý\n"),
    ]
    task = model.build(load(plan)).tasks[1]
    assert task.output == "Báo cáo quý\nKế hoạch" and task.text == "Tăng cường chuyên đổi số"


def test_nothing_left_to_fix(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    run(capsys, "validate", str(plan), "--fix", "--no-cache")
    fixed = plan.read_bytes()
    r = run(capsys, "validate", str(plan), "--fix", "--no-cache", "--lang", "en", "--format", "json")
    assert "Nothing to fix automatically." in r.err and r.json()["findings"] is not None
    assert plan.read_bytes() == fixed


def test_crlf_bom_and_quotes_survive(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run(capsys, "validate", str(plan), "--fix", "--no-cache")
    data = plan.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert "support: ['Phòng Văn hóa - Xã hội', Phòng Văn hóa - Xã hội,".encode() in data


def test_a_lone_cr_plan_is_fixed_and_keeps_cr(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    run(capsys, "validate", str(plan), "--fix", "--no-cache")
    data = plan.read_bytes()
    assert b"\n" not in data and data.count(b"\r") == text.count("\n")
    assert "support: ['Phòng Văn hóa - Xã hội', Phòng Văn hóa - Xã hội,".encode() in data
    lf = plan.with_name("lf.yaml")
    lf.write_text(text, encoding="utf-8")
    run(capsys, "validate", str(lf), "--fix", "--no-cache")
    assert data == lf.read_bytes().replace(b"\n", b"\r")


def test_a_failed_write_leaves_the_original(capsys: pytest.CaptureFixture[str], plan: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = plan.read_bytes()

    def fail(*_: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    r = run(capsys, "validate", str(plan), "--fix", "--no-cache")
    assert r.code == 2 and "không có quyền truy cập" in r.err   # EACCES, in words
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plan.parent.iterdir()) == ["p.yaml", "units.yaml"]


def test_unreadable_files_are_left_to_validation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"kehoach: 1\nmeta: [\xff\n")
    r = run(capsys, "validate", str(path), "--fix", "--no-cache")
    assert r.code == 2 and "yaml-syntax" in r.out
    assert path.read_bytes() == b"kehoach: 1\nmeta: [\xff\n"


def test_fixes_on_the_real_plans_are_never_reassignments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """What --fix does to the bundled plans, seen through diff: spellings and text, no unit changes hands."""
    fixed = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", fixed)
    r = run(capsys, "validate", str(fixed), "--fix", "--no-cache", "--as-of", "2026-03-01")
    assert "unit-spelling" not in r.out and "Đã sửa" in r.out
    changes = run(capsys, "diff", str(PLANS / "hai-phong"), str(fixed), "--format", "json").json()["changes"]
    assert changes and {c["kind"] for c in changes} <= {"unit-spelling-fixed", "text-changed", "paragraph-changed"}
    assert all(c["details"]["cosmetic"] for c in changes if c["kind"] != "unit-spelling-fixed")
    for original in (PLANS / "hai-phong").glob("*.yaml"):
        before = original.read_text(encoding="utf-8").splitlines()
        after = (fixed / original.name).read_text(encoding="utf-8").splitlines()
        assert len(before) == len(after)
        assert [b for b in before if b.lstrip().startswith("#")] == [a for a in after if a.lstrip().startswith("#")]
