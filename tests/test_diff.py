"""kehoach diff on files and folders: each kind of change, made by editing a copy of a real plan."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLANS
from .helpers import Run, run, unformatted

# A table row's keys start in this column in the bundled plans (as laid out by kehoach fmt).
ROW = "\n" + " " * 18
REAL = sorted(p for p in (PLANS / "hai-phong").glob("*.yaml") if p.name != "units.yaml")


@pytest.fixture
def copy(tmp_path: Path) -> tuple[Path, Path]:
    """(old, new) copies of Hải An's plan, each beside the city's unit registry."""
    for side in ("old", "new"):
        shutil.copytree(PLANS / "hai-phong", tmp_path / side / "hai-phong")
    return tmp_path / "old" / "hai-phong" / "hai-an.yaml", tmp_path / "new" / "hai-phong" / "hai-an.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def changes(capsys: pytest.CaptureFixture[str], old: Path, new: Path, *args: str) -> list[dict[str, Any]]:
    r = run(capsys, "diff", str(old), str(new), "--format", "json", *args)
    assert r.code in (0, 1), r.err
    result: list[dict[str, Any]] = r.json()["changes"]
    return result


def only(found: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    assert [c["kind"] for c in found] == [kind], found
    return found[0]


@pytest.mark.parametrize("plan", REAL, ids=lambda p: p.stem)
def test_a_plan_against_itself_is_exactly_no_change(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    r = run(capsys, "diff", str(plan), str(plan), "--format", "json")
    assert r.code == 0 and r.out == '{\n  "changes": []\n}\n' and r.json() == {"changes": []}
    r = run(capsys, "diff", str(plan), str(plan), "--fail-on", "any")
    assert r.code == 0 and "Không có thay đổi nào" in r.out


def test_deadline_moved_later_is_a_warning(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"output: Quy tắc{ROW}deadline: Tháng 12/2025", f"output: Quy tắc{ROW}deadline: Quý II/2026")
    c = only(changes(capsys, old, new), "deadline-changed")
    assert (c["id"], c["old"], c["new"], c["severity"]) == ("pl4.I.6", "Tháng 12/2025", "Quý II/2026", "warning")
    assert c["details"] | {} == {"old_due": "2025-12-31", "new_due": "2026-06-30", "later": True, "earlier": False,
                                 "same_due": False}
    assert c["plan"] == "hai-an" and new.read_text(encoding="utf-8").splitlines()[c["line"] - 1].strip() == \
        "deadline: Quý II/2026"


def test_deadline_earlier_or_same_is_info(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"output: Quy tắc{ROW}deadline: Tháng 12/2025", f"output: Quy tắc{ROW}deadline: Tháng 6/2025")
    c = only(changes(capsys, old, new), "deadline-changed")
    assert c["severity"] == "info" and c["details"]["earlier"] and not c["details"]["later"]
    edit(new, "deadline: Tháng 6/2025", "deadline: trước ngày 31/12/2025")
    c = only(changes(capsys, old, new), "deadline-changed")
    assert c["severity"] == "info" and c["details"]["same_due"]


def test_a_deadline_that_becomes_ongoing_can_never_be_late(capsys: pytest.CaptureFixture[str],
                                                           copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"output: Quy tắc{ROW}deadline: Tháng 12/2025", f"output: Quy tắc{ROW}deadline: Thường xuyên")
    c = only(changes(capsys, old, new), "deadline-changed")
    assert c["severity"] == "warning" and c["details"]["due_removed"] and c["details"]["later"]


def test_lowered_and_raised_targets(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"baseline: ≥60%{ROW}target: 100%{ROW}catalog: ht.5g-do-thi",
         f"baseline: ≥60%{ROW}target: 80%{ROW}catalog: ht.5g-do-thi")
    c = only(changes(capsys, old, new), "target-changed")
    assert (c["id"], c["severity"], c["details"]["lowered"], c["details"]["direction"]) == (
        "pl1.I.1", "warning", True, "higher")
    assert run(capsys, "diff", str(old), str(new), "--fail-on", "lowered-target").code == 1
    assert run(capsys, "diff", str(old), str(new), "--fail-on", "deadline-later,task-removed").code == 0
    c = only(changes(capsys, new, old), "target-changed")
    assert c["severity"] == "info" and c["details"]["raised"]


def test_a_catalog_can_say_lower_is_better(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    catalog = (PLANS / "catalog.yaml").read_text(encoding="utf-8")
    at = catalog.index("direction: higher", catalog.index("  - code: ht.5g-do-thi\n"))
    patched = catalog[:at] + "direction: lower" + catalog[at + len("direction: higher"):]
    (new.parent.parent / "catalog.yaml").write_text(patched, encoding="utf-8")
    edit(new, f"target: 100%{ROW}catalog: ht.5g-do-thi", f"target: 80%{ROW}catalog: ht.5g-do-thi")
    c = only(changes(capsys, old, new), "target-changed")
    assert c["details"]["direction"] == "lower" and c["details"]["raised"] and c["severity"] == "info"


def test_a_milestone_lowered(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f'"2030": ≥ 80{ROW}catalog: cds.su-dung-dvctt', f'"2030": ≥ 70{ROW}catalog: cds.su-dung-dvctt')
    c = only(changes(capsys, old, new), "milestone-changed")
    assert c["details"]["year"] == "2030" and c["details"]["lowered"] and c["severity"] == "warning"


def test_reassigned_lead_versus_spelling_fix(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"người lao động khác{ROW}lead: Phòng Văn hóa -Xã hội",
         f"người lao động khác{ROW}lead: Phòng Văn hóa - Xã hội")
    c = only(changes(capsys, old, new), "unit-spelling-fixed")
    assert c["severity"] == "info" and c["details"]["canonical"] == ["Phòng Văn hóa - Xã hội"]
    edit(new, f"người lao động khác{ROW}lead: Phòng Văn hóa - Xã hội",
         f"người lao động khác{ROW}lead: Phòng Kinh tế, Hạ tầng và Đô thị")
    c = only(changes(capsys, old, new), "lead-changed")
    assert c["severity"] == "warning" and c["details"]["added"] == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert c["old"] == ["Phòng Văn hóa -Xã hội"] and c["new"] == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert run(capsys, "diff", str(old), str(new), "--fail-on", "lead-reassigned").code == 1


def test_coordinating_units(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    # The cell as written names two units; a third is added the way a clerk would write it.
    cell = "Phòng KTHT&ĐT, các đơn vị trực thuộc UBND phường"
    edit(new, f"support: {cell}\n", f"support: {cell}, Công an xã\n")
    c = only(changes(capsys, old, new), "support-changed")
    assert c["severity"] == "info" and c["details"]["added"] == ["Công an xã"]


def test_task_added_removed_and_moved(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    text = new.read_text(encoding="utf-8")
    start = text.index("        - id: pl4.I.6\n")
    end = text.index("        - id: pl4.I.7\n")
    row = text[start:end]
    text = text[:start] + text[end:]            # removed from group I …
    anchor = "        - id: pl4.II.10\n"
    text = text.replace(anchor, row.replace("pl4.I.6", "pl4.X.1") + anchor)   # … a new task in group II
    new.write_text(text, encoding="utf-8")
    found = changes(capsys, old, new)
    kinds = {c["kind"]: c for c in found}
    assert set(kinds) == {"task-added", "task-removed"}
    assert kinds["task-removed"]["severity"] == "warning" and kinds["task-removed"]["details"]["old_group"] == "I"
    assert kinds["task-added"]["details"]["new_group"] == "II"
    assert run(capsys, "diff", str(old), str(new), "--fail-on", "task-removed").code == 1
    new.write_text(text.replace("pl4.X.1", "pl4.I.6"), encoding="utf-8")
    c = only(changes(capsys, old, new), "task-moved")
    assert c["details"]["old_group"] == "I" and c["details"]["new_group"] == "II" and c["old"] == "pl4 › I"


def test_text_changed_word_by_word(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, "Xây dựng và đổi mới chương trình tuyên truyền",
         "Xây dựng và đổi mới chương trình thông tin, tuyên truyền")
    c = only(changes(capsys, old, new), "text-changed")
    assert c["details"]["field"] == "text" and not c["details"]["cosmetic"]
    assert c["details"]["words"][:3] == [["=", "Xây dựng và đổi mới chương trình"], ["+", " thông tin,"],
                                         ["=", c["details"]["words"][2][1]]]
    r = run(capsys, "diff", str(old), str(new))
    assert "chương trình{+ thông tin,+} tuyên truyền" in r.out


def test_progress_recorded(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    assert run(capsys, "progress", str(new), "pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-28",
               "--percent", "30", "--as-of", "2026-03-01").code == 0
    c = only(changes(capsys, old, new), "progress-added")
    assert c["new"] == {"date": "2026-02-28", "state": "đang thực hiện", "percent": 30.0} and c["severity"] == "info"
    edit(new, "percent: 30", "percent: 60")
    assert [f["kind"] for f in changes(capsys, old, new)] == ["progress-added"]
    mid = new.with_name("mid.yaml")
    shutil.copy(old, mid)
    run(capsys, "progress", str(mid), "pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-28",
        "--percent", "30", "--as-of", "2026-03-01")
    c = only(changes(capsys, mid, new), "progress-changed")
    assert c["severity"] == "warning" and c["old"]["percent"] == 30.0 and c["new"]["percent"] == 60.0
    assert only(changes(capsys, mid, old), "progress-removed")["severity"] == "warning"
    assert run(capsys, "diff", str(mid), str(old), "--fail-on", "progress-rewritten").code == 1


def test_metadata_and_paragraphs(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, '  number: "33"', '  number: "34"')
    edit(new, "  name: Cao Huy Hiếu", "  name: Nguyễn Văn B")
    edit(new, "    heading: Mục đích\n", "    heading: Mục đích chung\n")
    found = changes(capsys, old, new)
    assert [(c["kind"], c["details"].get("field")) for c in found] == [
        ("meta-changed", "meta.number"), ("paragraph-changed", None), ("meta-changed", "signature.name")]
    assert found[0]["old"] == "33" and found[0]["new"] == "34"
    assert found[1]["id"] == "I. › 1." and found[1]["details"]["part"] == "body"


def test_renumbering_is_not_a_new_task(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f'                - id: pl4.II.9{ROW}number: "9"',
         f'                - id: pl4.II.9{ROW}number: "8"')
    c = only(changes(capsys, old, new), "number-changed")
    assert (c["old"], c["new"]) == ("9", "8")


def test_reformatting_changes_nothing(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    for plan in (old, new):     # the bundled plan is formatted already: start from another layout
        plan.write_text(unformatted(plan.read_text(encoding="utf-8")), encoding="utf-8")
    assert run(capsys, "fmt", str(new.parent), "--no-cache").code == 0
    assert new.read_bytes() != old.read_bytes()
    assert run(capsys, "diff", str(old.parent), str(new.parent), "--format", "json").json() == {"changes": []}


def test_folders_match_plans_by_path(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    new.rename(new.with_name("hai-an-2.yaml"))
    found = changes(capsys, old.parent.parent, new.parent.parent)
    assert [(c["kind"], c["plan"], c["severity"]) for c in found] == [
        ("plan-added", "hai-an-2", "info"), ("plan-removed", "hai-an", "warning")]
    assert run(capsys, "diff", str(old.parent), str(new.parent), "--fail-on", "row-removed").code == 1


def test_formats_for_people_and_for_github(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path]) -> None:
    old, new = copy
    edit(new, f"output: Quy tắc{ROW}deadline: Tháng 12/2025", f"output: Quy tắc{ROW}deadline: Quý II/2026")
    edit(new, "Xây dựng và đổi mới chương trình tuyên truyền", "Xây dựng và đổi mới | <b>chương trình</b> tuyên truyền")
    text = run(capsys, "diff", str(old), str(new), "--lang", "en")
    lines = text.out.splitlines()
    assert lines[0].startswith(f"{new}:746: warning [deadline-changed] pl4.I.6: Deadline changed: moved later")
    assert "1 plan(s) changed, 2 change(s): 0 error(s), 1 warning(s), 1 info." in text.out
    md = run(capsys, "diff", str(old), str(new), "--format", "markdown")
    rows = [line for line in md.out.splitlines() if line.startswith("| ")]
    assert rows[1].startswith("| **cảnh báo** | `pl4.I.6` | Đổi thời hạn: lùi từ")
    assert "\\| \\<b\\>" in md.out and "<b>" not in md.out
    gh = run(capsys, "diff", str(old), str(new), "--format", "github", "--fail-on", "deadline-later")
    assert gh.code == 1
    assert gh.out.startswith(f"::error file={new},line=746,title=kehoach diff [deadline-changed] pl4.I.6::")


def _bad(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    r = run(capsys, "diff", *args)
    assert r.code == 2 and r.out == "", r
    return r


def test_bad_input(capsys: pytest.CaptureFixture[str], copy: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = copy
    before = new.read_bytes()
    new.write_bytes(before.replace(b"kehoach: 1\n", b"kehoach: 1\nmeta: [\n", 1))
    r = _bad(capsys, str(old), str(new))
    assert "bản mới" in r.err and str(new) in r.err and "dòng" in r.err
    new.write_bytes(before.replace(b"  symbol: KH-UBND\n", b"", 1))
    r = _bad(capsys, str(new), str(old), "--lang", "en")
    assert "The old version of" in r.err and "not a valid plan" in r.err and "symbol" in r.err
    new.write_bytes(b"PK\x03\x04\x14\x00\x00\x00word/document.xml")   # a .docx saved as .yaml
    assert "nhị phân" in _bad(capsys, str(old), str(new)).err
    new.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert "UTF-8" in _bad(capsys, str(old), str(new)).err
    assert "nope.yaml" in _bad(capsys, str(old), str(tmp_path / "nope.yaml")).err
    _bad(capsys, str(old), str(old.parent))
    _bad(capsys, str(old))
    _bad(capsys, str(old), str(old), "--fail-on", "everything")
    _bad(capsys, str(old), str(old), "--format", "html")
    assert old.read_bytes() == before


def test_every_kind_and_field_speaks_both_languages() -> None:
    from kehoach.diff.changes import CLASSES, KINDS
    from kehoach.diff.engine import _META, _OTHER_FIELDS, _TEXT_FIELDS
    from kehoach.messages import template

    fields = {f for fs in (*_TEXT_FIELDS.values(), *_OTHER_FIELDS.values()) for f in fs}
    fields |= {"line", "label", "title", "subtitle", "attachment", "signature.name", "signature.titles"}
    fields |= {f"meta.{m}" for m in _META}
    for key in [*(f"diff.kind.{k}" for k in KINDS), *(f"diff.field.{f}" for f in fields)]:
        vi, en = template(key, "vi"), template(key, "en")
        assert vi and en and vi != en, key
    assert not set(CLASSES) & set(KINDS)
