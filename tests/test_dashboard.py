"""The dashboard's fixes of issue 15: a "-" is no target, no path of this machine, whole words in tiles."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kehoach.reporters.rollup.html import _clip

from .helpers import run
from .test_rollup import city, commune, copy_plans, indicator, rollup


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_plans(tmp_path, monkeypatch)


def overview_cells(html: str, code: str) -> list[str]:
    """The figures of one indicator's line in the overview table."""
    row = re.search(rf'<tr><td class="nw"><a href="#ct-{re.escape(code)}".*?</tr>', html)
    assert row, code
    return re.findall(r'<td class="n[^"]*"(?: data-v="\d+")?>([^<]*)</td>', row.group(0))


def test_a_dash_is_no_target(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    # hai-an writes "-" as the target of ht.6g (pl1.I.5); vinh-lai has the code with no target.
    html = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "html").out
    present, with_target = overview_cells(html, "ht.6g")[:2]
    assert (present, with_target) == ("2/5", "0/5")
    assert "có trong kế hoạch" in html and "có chỉ tiêu" in html
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30", "--indicator", "ht.6g")
    assert indicator(data, "ht.6g")["summary"]["with_target"] == 0
    assert commune(indicator(data, "ht.6g"), "hai-an")["target"] is None


def test_a_dash_target_leaves_room_for_the_plan_year_milestone(capsys: pytest.CaptureFixture[str],
                                                                 plans: Path) -> None:
    plan = city(plans) / "hai-an.yaml"
    text = plan.read_text(encoding="utf-8")
    row = '                  baseline: "-"\n                  target: "-"\n'
    end = "                  catalog: ht.6g\n"
    assert text.count(row + end) == 1
    milestone = "                  milestones:\n                    '2026': 30%\n"
    plan.write_text(text.replace(row + end, row + milestone + end), encoding="utf-8")
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30", "--indicator", "ht.6g")
    hai_an = commune(indicator(data, "ht.6g"), "hai-an")
    assert (hai_an["target"], hai_an["target_value"]) == ("30%", 30.0)
    assert indicator(data, "ht.6g")["summary"]["with_target"] == 1


def test_no_absolute_path_of_this_machine(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # A finding that quotes a path: a code the catalog does not have.
    plan = city(plans) / "vinh-hai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("catalog: ht.5g", "catalog: ht.khong-co", 1),
                    encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert plans.is_absolute()
    html = run(capsys, "rollup", str(plans / "hai-phong"), "--as-of", "2026-06-30", "--format", "html").out
    assert "ht.khong-co" in html                                             # the finding is there
    assert str(tmp_path) not in html and str(tmp_path).replace(os.sep, "/") not in html
    assert os.path.join("plans", "catalog.yaml") in html
    assert os.path.join("plans", "hai-phong", "vinh-hai.yaml") in html


def test_relative_paths_stay_as_given(capsys: pytest.CaptureFixture[str], plans: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plans.parent)
    html = run(capsys, "rollup", "plans/hai-phong", "--as-of", "2026-06-30", "--format", "html").out
    assert os.path.join("plans", "catalog.yaml") in html and str(plans.parent) not in html


def test_tile_titles_stop_at_a_word() -> None:
    title = "NÂNG CAO NHẬN THỨC, ĐỘT PHÁ VỀ ĐỔI MỚI TƯ DUY, XÁC ĐỊNH QUYẾT TÂM CHÍNH TRỊ"
    short = _clip(title, 40)
    assert short.endswith("…") and len(short) <= 40
    assert title.startswith(short[:-1]) and title[len(short) - 1] in " ,"    # cut between words
    assert _clip("Về nhân lực", 40) == "Về nhân lực"


def test_tiles_are_not_clamped_mid_word(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    html = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "html").out
    assert "line-clamp" not in html
    names = re.findall(r'<div class="cell[^"]*" title="[^"]*"><b>[^<]*</b>[^<]*<small>([^<]*)</small>', html)
    assert names and all(not n.endswith("…") or n[-2] != " " for n in names)
    assert any(n.endswith("…") for n in names)     # the long ones were shortened, at a word
