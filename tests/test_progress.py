"""kehoach progress: updates are appended safely; nothing else in the file changes, ever."""

from __future__ import annotations

import codecs
import re
import shutil
from pathlib import Path

import pytest

from kehoach import model
from kehoach.loader import load

from .conftest import PLANS, plan_text
from .helpers import run


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    dest = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", dest)
    return dest / "hai-an.yaml"


def _only_inserted(before: bytes, after: bytes) -> list[bytes]:
    """The lines added; fails if any original line changed or moved."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    added, i = [], 0
    for line in new:
        if i < len(old) and line == old[i]:
            i += 1
        else:
            added.append(line)
    assert i == len(old), "an original line changed"
    return added


def test_first_update_adds_a_progress_block(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-28",
            "--percent", "30", "--note", 'Đăng 5 tin "bài": {{ x }} & <b>', "--evidence", "Báo cáo số 12/BC-UBND",
            "--as-of", "2026-03-01")
    assert r.code == 0 and "Đã ghi 1 cập nhật" in r.out
    added = _only_inserted(before, plan.read_bytes())
    assert added[0].strip() == b"progress:"
    task = next(t for t in model.build(load(plan)).tasks if t.id == "pl4.I.1")
    (u,) = task.progress
    assert (u.date, u.state, u.percent, u.note, u.evidence) == (
        "2026-02-28", "đang thực hiện", 30.0, 'Đăng 5 tin "bài": {{ x }} & <b>', "Báo cáo số 12/BC-UBND")


def test_second_update_appends_to_the_list(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    run(capsys, "progress", str(plan), "pl4.I.1", "--status", "in-progress", "--date", "2026-02-28",
        "--as-of", "2026-03-31")
    middle = plan.read_bytes()
    assert run(capsys, "progress", str(plan), "pl4.I.1", "--status", "done", "--date", "2026-03-31",
               "--done-on", "2026-03-29", "--as-of", "2026-03-31").code == 0
    added = _only_inserted(middle, plan.read_bytes())
    assert b"progress:" not in b"".join(added) and len(added) == 3
    task = next(t for t in model.build(load(plan)).tasks if t.id == "pl4.I.1")
    assert [(u.state, u.done_on) for u in task.progress] == [("đang thực hiện", None), ("hoàn thành", "2026-03-29")]
    assert run(capsys, "validate", str(plan), "--no-cache", "--select", "KH5", "--as-of", "2026-03-31").code == 0


def test_nothing_to_report(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    assert run(capsys, "progress", str(plan), "pl4.I.1", "--nothing", "--date", "2026-02-28",
               "--as-of", "2026-03-01").code == 0
    task = next(t for t in model.build(load(plan)).tasks if t.id == "pl4.I.1")
    assert task.progress[0].nothing_to_report and task.progress[0].state is None


def test_comments_crlf_and_bom_survive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- id: t1  # giữ chú thích này\n  text: Một\n  lead: 'Công an xã'\n  deadline: |\n"
                        "    Quý II/2026\n# chú thích cuối\n")
    path = tmp_path / "p.yaml"
    original = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    assert run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-03-01",
               "--as-of", "2026-03-01").code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and b"\n" not in after.replace(b"\r\n", b"")
    added = _only_inserted(original, after)
    assert all(line.endswith(b"\r\n") for line in added)
    assert after.rstrip().endswith("# chú thích cuối".encode())
    task = model.build(load(path)).tasks[0]
    assert task.deadline == "Quý II/2026" and task.progress[0].state == "hoàn thành"


@pytest.mark.parametrize("eol", ["\r", "\x85"])
def test_a_lone_cr_plan_keeps_cr_and_a_nel_plan_gets_lf(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         eol: str) -> None:
    text, _ = plan_text("- id: t1\n  text: Một\n  lead: Công an xã\n  deadline: Quý II/2026\n"
                        "- id: t2\n  text: Hai\n  lead: Công an xã\n")
    path = tmp_path / "p.yaml"
    path.write_bytes(text.replace("\n", eol).encode("utf-8"))
    assert run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-03-01",
               "--as-of", "2026-03-01").code == 0
    after = path.read_bytes().decode("utf-8")
    want = "\r" if eol == "\r" else "\n"
    # Every line ends as the file's lines did: a lone-CR file is not made one long line.
    assert set(re.findall("\r\n|[\r\n\x85]", after)) == {want}
    lines = after.split(want)
    assert lines[lines.index("- id: t2".rjust(len("- id: t2") + 12)) - 1].strip() == 'done_on: "2026-03-01"'
    tasks = model.build(load(path)).tasks
    assert tasks[0].progress[0].state == "hoàn thành" and tasks[1].text == "Hai"


@pytest.mark.parametrize(("args", "message"), [
    (["pl4.I.l", "--status", "done", "--date", "2026-02-01"], "pl4.I.1"),            # did you mean
    (["pl4.I.1", "--status", "done", "--date", "2026-03-05"], "sau ngày hiện tại"),  # after --as-of
    (["pl4.I.1", "--status", "done", "--date", "2026-02-30"], "YYYY-MM-DD"),
    (["pl4.I.1", "--status", "xong", "--date", "2026-02-01"], "xong"),
    (["pl4.I.1", "--status", "done", "--date", "2026-02-01", "--percent", "140"], "140"),
    (["pl4.I.1", "--date", "2026-02-01"], "--status"),
    (["pl4.I.1", "--status", "done", "--date", "2026-02-01", "--done-on", "2026-02-10"], "2026-02-10"),
])
def test_bad_updates_change_nothing(capsys: pytest.CaptureFixture[str], plan: Path, args: list[str],
                                    message: str) -> None:
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), *args, "--as-of", "2026-03-01")
    assert r.code == 2 and message in r.err
    assert plan.read_bytes() == before


def test_flow_style_task_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    r = run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-02-01", "--as-of", "2026-03-01")
    assert r.code == 2 and "kehoach fmt" in r.err and path.read_bytes() == before


def test_dry_run_writes_nothing(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "done", "--date", "2026-02-01", "--dry-run",
            "--as-of", "2026-03-01")
    assert r.code == 0 and "+                  progress:" in r.out and plan.read_bytes() == before


@pytest.mark.parametrize(("written", "recorded"), [("40", "40"), ("40%", "40"), ("40,5", "40.5"), (" 12.5 % ", "12.5")])
def test_percent_is_read_as_people_write_it(capsys: pytest.CaptureFixture[str], plan: Path, written: str,
                                            recorded: str) -> None:
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "dang-thuc-hien", "--percent", written,
            "--date", "2026-02-01", "--dry-run", "--as-of", "2026-03-01")
    assert r.code == 0 and re.search(rf"^\+ +percent: {re.escape(recorded)}$", r.out, re.M), r.out


@pytest.mark.parametrize("written", ["abc", "nan", "150", "-1"])
def test_a_percent_that_is_not_one_is_refused_in_words(capsys: pytest.CaptureFixture[str], plan: Path,
                                                       written: str) -> None:
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "dang-thuc-hien", "--percent", written,
            "--date", "2026-02-01", "--as-of", "2026-03-01")
    assert r.code == 2 and f'"{written}"' in r.err and "0" in r.err and plan.read_bytes() == before


# --- a month of updates from a spreadsheet -----------------------------------------------

def _csv(tmp_path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    p = tmp_path / "updates.csv"
    p.write_bytes(text.encode(encoding))
    return p


def test_csv_import(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, "Mã nhiệm vụ,Tình trạng,Ngày,Tỷ lệ,Ghi chú,Minh chứng\n"
                              "pl4.I.1,dang-thuc-hien,2026-02-27,40%,\"Đã làm, còn 2 việc\",BC 12/BC-UBND\n"
                              "pl4.I.1,hoan-thanh,2026-02-28,100,,\n"
                              "pl4.II.9,không phát sinh,2026-02-28,,,\n")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), "--as-of", "2026-03-01")
    assert r.code == 0 and "3 cập nhật" in r.out
    _only_inserted(before, plan.read_bytes())
    tasks = {t.id: t for t in model.build(load(plan)).tasks}
    assert [u.state for u in tasks["pl4.I.1"].progress] == ["đang thực hiện", "hoàn thành"]
    assert tasks["pl4.I.1"].progress[0].note == "Đã làm, còn 2 việc"
    assert tasks["pl4.II.9"].progress[0].nothing_to_report


def test_csv_with_bad_rows_writes_nothing_and_lists_every_bad_row(capsys: pytest.CaptureFixture[str], plan: Path,
                                                                  tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, "task_id;state;date;percent\n"
                              "pl4.I.1;done;2026-02-27;\n"
                              "pl4.I.99;done;2026-02-27;\n"
                              "pl4.I.2;done;2026-13-01;\n"
                              "pl4.I.3;done;2026-02-01;140\n")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), "--as-of", "2026-03-01")
    assert r.code == 2
    assert f"{csv_path}:3:" in r.err and f"{csv_path}:4:" in r.err and f"{csv_path}:5:" in r.err
    assert f"{csv_path}:2:" not in r.err and "3 dòng lỗi" in r.err
    assert plan.read_bytes() == before


@pytest.mark.parametrize(("content", "encoding", "message"), [
    ("task_id,state,date\npl4.I.1,đang thực hiện,2026-02-27\n", "cp1258", "UTF-8"),
    ("task_id,date\npl4.I.1,2026-02-27\n", "utf-8", "state"),
    ("", "utf-8", "rỗng"),
])
def test_bad_csv_files(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path, content: str,
                       encoding: str, message: str) -> None:
    try:
        csv_path = _csv(tmp_path, content, encoding)
    except UnicodeEncodeError:
        csv_path = tmp_path / "updates.csv"
        csv_path.write_bytes(b"task_id,state,date\npl4.I.1,\xf0ang,2026-02-27\n")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), "--as-of", "2026-03-01")
    assert r.code == 2 and message in r.err and plan.read_bytes() == before


def test_unwritable_folder_keeps_the_file(capsys: pytest.CaptureFixture[str], plan: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import kehoach.writers

    before = plan.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kehoach.writers.os, "replace", broken_replace)
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "done", "--date", "2026-02-01",
            "--as-of", "2026-03-01")
    assert r.code == 2 and "ổ đĩa đã đầy" in r.err   # ENOSPC, in words
    assert plan.read_bytes() == before
    assert not [f for f in os.listdir(plan.parent) if f.endswith(".tmp")]


@pytest.mark.parametrize(("codec", "bom"), [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_a_plan_keeps_its_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path, codec: str,
                                   bom: bytes) -> None:
    # UTF-32-LE's byte-order mark begins with UTF-16-LE's: taken for it, the file would be
    # written back in another encoding
    text, _ = plan_text("- id: t1\n  text: Một\n  lead: Công an xã\n  deadline: Quý II/2026\n")
    path = tmp_path / "p.yaml"
    path.write_bytes(bom + text.encode(codec))
    assert run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-03-01",
               "--as-of", "2026-03-01").code == 0
    after = path.read_bytes()
    assert after.startswith(bom)
    _only_inserted(text.encode("utf-8"), after[len(bom):].decode(codec).encode("utf-8"))
    assert model.build(load(path)).tasks[0].progress[0].state == "hoàn thành"


def test_mixed_line_endings_and_utf16_crlf_are_written_back_as_found(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    text, _ = plan_text("- id: t1\n  text: Một\n  lead: Công an xã\n  deadline: Quý II/2026\n")
    mixed = tmp_path / "mixed.yaml"
    mixed.write_bytes(text.replace("\n", "\r\n", 3).encode("utf-8"))   # CRLF on the first lines only
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes(codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"))
    for path, decode in ((mixed, lambda b: b), (utf16, lambda b: b[2:].decode("utf-16-le").encode("utf-8"))):
        before = path.read_bytes()
        assert run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-03-01",
                   "--as-of", "2026-03-01").code == 0
        added = _only_inserted(decode(before), decode(path.read_bytes()))
        # A file with any CRLF gets CRLF lines, as progress always wrote them.
        assert added and all(line.endswith(b"\r\n") for line in added)


def test_an_invalid_plan_reports_every_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, offset = plan_text("- id: t1\n  text: Một\n  lead: 5\n  deadline: Quý II/2026\n  dealine: x\n")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    r = run(capsys, "progress", str(path), "t1", "--status", "done", "--date", "2026-03-01",
            "--as-of", "2026-03-01")
    assert r.code == 1 and path.read_text(encoding="utf-8") == text
    assert f"{path.as_posix()}:{offset + 3}:" in r.err and f"{path.as_posix()}:{offset + 5}:" in r.err, r.err


def test_csv_rows_out_of_date_order_land_in_date_order(capsys: pytest.CaptureFixture[str], plan: Path,
                                                        tmp_path: Path) -> None:
    """All updates are inserted in one pass from the bottom up; each task's come out by date."""
    csv_path = _csv(tmp_path, "Mã nhiệm vụ,Tình trạng,Ngày\n"
                              "pl4.II.9,hoan-thanh,2026-02-20\n"
                              "pl4.I.1,dang-thuc-hien,2026-02-25\n"
                              "pl4.II.9,dang-thuc-hien,2026-01-31\n"
                              "pl4.I.1,dang-thuc-hien,2026-01-15\n")
    before = plan.read_bytes()
    assert run(capsys, "progress", str(plan), "--from", str(csv_path), "--as-of", "2026-03-01").code == 0
    _only_inserted(before, plan.read_bytes())
    tasks = {t.id: t for t in model.build(load(plan)).tasks}
    assert [u.date for u in tasks["pl4.I.1"].progress] == ["2026-01-15", "2026-02-25"]
    assert [u.date for u in tasks["pl4.II.9"].progress] == ["2026-01-31", "2026-02-20"]


def test_an_empty_progress_list_is_opened_up(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    """``progress: []`` (kept as written by fmt) was a dead end: progress asked for fmt, fmt kept
    it. It becomes ``progress:`` with the update under it; that is the only line changed."""
    text = plan.read_text(encoding="utf-8")
    anchor = "                - id: pl4.I.1\n"
    assert anchor in text
    plan.write_text(text.replace(anchor, anchor + "                  progress: []  # chưa có\n", 1), encoding="utf-8")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "dang-thuc-hien", "--date", "2026-02-27",
            "--as-of", "2026-03-01")
    assert r.code == 0, r.err
    after = plan.read_bytes()
    assert b"progress: []" not in after and "                  progress:  # chưa có\n".encode() in after
    _only_inserted(before.replace(b"progress: []  #", b"progress:  #"), after)
    tasks = {t.id: t for t in model.build(load(plan)).tasks}
    assert [u.date for u in tasks["pl4.I.1"].progress] == ["2026-02-27"]
