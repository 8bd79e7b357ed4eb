"""The README's "Xem xét thay đổi kế hoạch" (README.en.md: "Reviewing a plan change") shows real
output: this test makes the same change to a copy of An Lão's plan and checks that kehoach still
prints exactly what the README says. The anchors are the Vietnamese README's lines."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT
from .helpers import run
from .test_diff_git import edit, git, repo  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AN_LAO = "plans/hai-phong/an-lao.yaml"
# After a meeting with the city, An Lão revises its plan (the README tells the story).
EDITS = [
    # 5G coverage: the target is lowered, in the indicator and in the sentence that states it.
    ('                  target: ≥ 80%\n                  catalog: ht.5g\n'
     '                line: "- Tỷ lệ phủ sóng 5G trên địa bàn đạt ≥ 80%;"',
     '                  target: ≥ 70%\n                  catalog: ht.5g\n'
     '                line: "- Tỷ lệ phủ sóng 5G trên địa bàn đạt ≥ 70%;"'),
    # The public Wi-Fi task moves from the public service centre to the culture and society office.
    ("              lead: Trung tâm dịch vụ sự nghiệp công\n              support: Phòng XHXXH",
     "              lead: Phòng Văn hóa - Xã hội\n              support: Phòng XHXXH"),
    # A misspelt unit is corrected.
    ("              lead: Phòng VHXXH\n              support: Trung tâm sự nghiệp công",
     "              lead: Phòng Văn hóa - Xã hội\n              support: Trung tâm sự nghiệp công"),
    # The AI assistants slip from the third quarter to the fourth.
    ("              lead: Phòng VHXXH\n              support: Các đơn vị có liên quan\n"
     "              deadline: Quý 3\n",
     "              lead: Phòng VHXXH\n              support: Các đơn vị có liên quan\n"
     "              deadline: Quý 4\n"),
    # A new task.
    ("              support: Phòng VHXXH và các đơn vị liên quan\n              deadline: Quý 3 – Quý 4\n",
     "              support: Phòng VHXXH và các đơn vị liên quan\n              deadline: Quý 3 – Quý 4\n"
     "            - id: pl.9\n"
     '              number: "9"\n'
     "              text: Số hóa hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân xã\n"
     "              lead: Văn phòng HĐND và UBND\n"
     "              support: Phòng Văn hóa - Xã hội\n"
     "              deadline: Quý 4\n"),
]


def readme_block(after: str) -> str:
    """The fenced block that follows the line ``after`` in the README's review section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Xem xét thay đổi kế hoạch"):]
    start = section.index(after)
    match = re.search(r"```[a-z]*\n(.*?)```", section[start:], re.DOTALL)
    assert match, after
    return match.group(1)


def test_the_readme_review_is_what_kehoach_prints(capsys: pytest.CaptureFixture[str], repo: Path) -> None:  # noqa: F811
    for old, new in EDITS:
        edit(repo / AN_LAO, old, new)
    text = run(capsys, "diff", "--git", "HEAD")
    assert text.code == 0
    assert "$ kehoach diff --git HEAD\n" + text.out == readme_block("kehoach diff --git HEAD`")
    gate = run(capsys, "diff", "--git", "HEAD", "--lang", "en",
               "--fail-on", "lowered-target,deadline-later,task-removed")
    assert gate.code == 1
    assert readme_block("làm hỏng lần chạy được báo là lỗi") == (
        "$ kehoach diff --git HEAD --lang en --fail-on lowered-target,deadline-later,task-removed\n"
        + gate.out + "$ echo $?\n1\n")
    markdown = run(capsys, "diff", "--git", "HEAD", "--format", "markdown")
    assert markdown.out == readme_block("`--format markdown` là nhận xét đăng lên pull request")
    assert git(repo, "status", "--porcelain") == f" M {AN_LAO}\n"   # diff wrote nothing
