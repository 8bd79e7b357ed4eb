"""kehoach fmt: one canonical layout; the data and the comments never change; nothing is written
unless everything could be read; writes are atomic."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kehoach.fmt import format_text, same_data
from kehoach.loader import parse

from .conftest import PLANS
from .helpers import run, unformatted

REAL = sorted(p for p in (PLANS / "hai-phong").glob("*.yaml"))

MESSY = """\
# yaml-language-server: $schema=../../schema/plan.schema.json
# Kế hoạch thử nghiệm: chú thích đầu tệp giữ nguyên.

meta:   # chú thích cuối dòng của meta
  title: 'Kế hoạch: thử nghiệm'
  commune: Thử Nghiệm
  city: Hải Phòng
  commune_kind: xã
  # năm kế hoạch
  year: 2026
  number: ''
  symbol: KH-UBND
  place: Thử Nghiệm
  date: '2026-01-16'
  doc_type: KẾ HOẠCH
kehoach: 1
body:
- heading: MỤC ĐÍCH
  number: 'I.'
  content: ['- Gạch đầu dòng', "Đoạn văn thường", 'yes']
signature: {name: Nguyễn Văn A, titles: [TM. ỦY BAN NHÂN DÂN]}
appendices:
- label: Phụ lục
  content:
  - table:
      kind: indicators
      id: pl
      columns:
      - heading: TT
        field: number
      - {heading: "Chỉ tiêu", field: text}   # cột tên
      rows:
      # dòng đầu tiên
      - text: Tỷ lệ phủ sóng 5G   # tên chỉ tiêu
        id: pl.1
        number: "1."
        target: ≥ 60%
        milestones: {'2030': 100%}
        lead: [Phòng Văn hóa - Xã hội, "Công an xã"]
        note: |
          Dòng một
          Dòng hai

      - id: pl.2
        text: "Chỉ tiêu #2"
        number: 2
        target: '1.10'
        baseline: 1.10
# chú thích cuối tệp
"""

CANONICAL = """\
# yaml-language-server: $schema=../../schema/plan.schema.json
# Kế hoạch thử nghiệm: chú thích đầu tệp giữ nguyên.

kehoach: 1
meta:  # chú thích cuối dòng của meta
  city: Hải Phòng
  commune: Thử Nghiệm
  commune_kind: xã
  # năm kế hoạch
  year: 2026
  number: ""
  symbol: KH-UBND
  place: Thử Nghiệm
  date: "2026-01-16"
  doc_type: KẾ HOẠCH
  title: "Kế hoạch: thử nghiệm"
body:
  - number: I.
    heading: MỤC ĐÍCH
    content:
      - "- Gạch đầu dòng"
      - Đoạn văn thường
      - "yes"
signature:
  titles:
    - TM. ỦY BAN NHÂN DÂN
  name: Nguyễn Văn A
appendices:
  - label: Phụ lục
    content:
      - table:
          id: pl
          kind: indicators
          columns:
            - {field: number, heading: TT}
            - {field: text, heading: Chỉ tiêu}  # cột tên
          rows:
            # dòng đầu tiên
            - id: pl.1
              number: "1."
              text: Tỷ lệ phủ sóng 5G  # tên chỉ tiêu
              lead:
                - Phòng Văn hóa - Xã hội
                - Công an xã
              note: |
                Dòng một
                Dòng hai
              target: ≥ 60%
              milestones:
                "2030": 100%

            - id: pl.2
              number: 2
              text: "Chỉ tiêu #2"
              baseline: 1.10
              target: "1.10"
# chú thích cuối tệp
"""


def test_the_canonical_layout() -> None:
    assert format_text(MESSY) == CANONICAL
    assert same_data(MESSY, CANONICAL, "p.yaml")
    assert parse(CANONICAL, "p.yaml").raw[("appendices", 0, "content", 0, "table", "rows", 1, "baseline")] == "1.10"


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_files_keep_their_data_and_comments_and_format_once(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    out = format_text(text, path.name)
    assert out is not None and same_data(text, out, path.name)
    assert format_text(out, path.name) == out
    comments = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments == [line.strip() for line in out.splitlines() if line.lstrip().startswith("#")]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A copy of the city's folder, each plan laid out otherwise (the bundled plans are formatted)."""
    dest = tmp_path / "hai-phong"
    shutil.copytree(PLANS / "hai-phong", dest)
    for plan in REAL:
        if plan.name != "units.yaml":
            copy = dest / plan.name
            copy.write_text(unformatted(copy.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_check_and_diff_write_nothing(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    before = _snapshot(plans)
    r = run(capsys, "fmt", str(plans), "--check", "--no-cache")
    assert r.code == 1 and "Cần định dạng lại" in r.out and "an-lao.yaml" in r.out
    r = run(capsys, "fmt", str(plans / "an-lao.yaml"), "--diff", "--no-cache", "--lang", "en")
    assert r.code == 0 and "-  number: ''" in r.out and '+  number: ""' in r.out
    assert run(capsys, "fmt", str(plans / "an-lao.yaml"), "--diff", "--check", "--no-cache").code == 1
    assert _snapshot(plans) == before


def test_write_then_check_is_clean(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    r = run(capsys, "fmt", str(plans), "--no-cache")
    assert r.code == 0 and "5 tệp đã định dạng lại" in r.out
    formatted = _snapshot(plans)
    r = run(capsys, "fmt", str(plans), "--check", "--no-cache", "--lang", "en")
    assert r.code == 0 and "0 file(s) would be reformatted, 5 file(s) already formatted" in r.out
    assert _snapshot(plans) == formatted
    assert run(capsys, "diff", str(PLANS / "hai-phong"), str(plans), "--format", "json").json() == {"changes": []}
    assert formatted == _snapshot(PLANS / "hai-phong")      # the layout the bundled plans have


def test_a_formatted_file_is_not_rewritten(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert run(capsys, "fmt", str(path), "--no-cache").code == 0
    assert path.stat().st_mtime == 1_000_000_000 and path.read_text(encoding="utf-8") == CANONICAL


def test_crlf_and_bom_are_kept(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode("utf-8"))
    assert run(capsys, "fmt", str(path), "--no-cache").code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.replace("\n", "\r\n").encode("utf-8")


def test_a_failed_write_leaves_the_original(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(MESSY, encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    r = run(capsys, "fmt", str(path), "--no-cache")
    assert r.code == 2 and "ổ đĩa đã đầy" in r.err   # ENOSPC, in words
    assert path.read_text(encoding="utf-8") == MESSY
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]   # no temporary file left behind


def test_one_unreadable_file_stops_every_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good, bad = tmp_path / "a.yaml", tmp_path / "b.yaml"
    good.write_text(MESSY, encoding="utf-8")
    bad.write_text("kehoach: 1\nmeta: [unclosed\n", encoding="utf-8")
    r = run(capsys, "fmt", str(tmp_path), "--no-cache")
    assert r.code == 2 and "b.yaml:" in r.err and "Không ghi tệp nào" in r.err
    assert good.read_text(encoding="utf-8") == MESSY


@pytest.mark.parametrize(("text", "key"), [
    ("kehoach: 1\nmeta: &m {city: A}\nsignature: *m\n", "bí danh YAML"),
    ("kehoach: 1\nmeta: !plan x\n", "Thẻ YAML !plan không được hỗ trợ"),
])
def test_what_fmt_will_not_rewrite(capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    r = run(capsys, "fmt", str(path), "--no-cache")
    assert r.code == 2 and key in r.err + r.out
    assert path.read_text(encoding="utf-8") == text


def test_binary_and_missing_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    r = run(capsys, "fmt", str(path), "--no-cache")
    assert r.code == 2 and "nhị phân" in r.out + r.err
    assert path.read_bytes() == b"PK\x03\x04\x00\x00binary"
    assert run(capsys, "fmt", str(tmp_path / "nope.yaml"), "--no-cache").code == 2


def test_other_yaml_files_are_left_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    workflow = tmp_path / "ci.yml"
    workflow.write_text("on: [push]\njobs:   {}\n", encoding="utf-8")
    r = run(capsys, "fmt", str(workflow), "--no-cache")
    assert r.code == 0 and "Bỏ qua" in r.err
    assert workflow.read_text(encoding="utf-8") == "on: [push]\njobs:   {}\n"


def test_the_cache_answers_for_unchanged_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    formatted, messy = tmp_path / "a.yaml", tmp_path / "b.yaml"
    formatted.write_text(CANONICAL, encoding="utf-8")
    messy.write_text(MESSY, encoding="utf-8")
    cache = tmp_path / "cache"
    first = run(capsys, "fmt", str(formatted), str(messy), "--check", "--cache-dir", str(cache))
    assert list(cache.glob("fmt-check-*.cache"))
    second = run(capsys, "fmt", str(formatted), str(messy), "--check", "--cache-dir", str(cache))
    assert first == second and first.code == 1


def test_a_no_break_space_alone_is_not_folded() -> None:
    """Found by the property test: a folded line of a lone no-break space gained a blank line
    on the second run."""
    from kehoach.yamlio import folded

    assert folded("\xa0") is None
    assert folded("a\xa0 b") is not None
