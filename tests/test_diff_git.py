"""kehoach diff --git: revisions read from git's object store, only the files the change touches."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach.diff import diff_git
from kehoach.diff.gitsource import Repository

from .conftest import PLANS
from .helpers import run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "kehoach-plans"
    shutil.copytree(PLANS, root / "plans")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Kế hoạch ban đầu")
    monkeypatch.chdir(root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


HAI_AN = "plans/hai-phong/hai-an.yaml"
LATER = ("output: Quy tắc\n                  deadline: Tháng 12/2025",
         "output: Quy tắc\n                  deadline: Quý II/2026")


def test_two_revisions(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    edit(repo / HAI_AN, *LATER)
    git(repo, "commit", "-qam", "Lùi thời hạn")
    r = run(capsys, "diff", "--git", "HEAD~1..HEAD", "--format", "json")
    (c,) = r.json()["changes"]
    assert (c["kind"], c["path"], c["plan"], c["details"]["later"]) == ("deadline-changed", HAI_AN, "hai-an", True)
    assert run(capsys, "diff", "--git", "HEAD~1..HEAD", "--fail-on", "deadline-later").code == 1
    assert run(capsys, "diff", "--git", "HEAD..HEAD", "--format", "json").json() == {"changes": []}
    gh = run(capsys, "diff", "--git", "HEAD~1..HEAD", "--format", "github")
    assert gh.out.startswith(f"::warning file={HAI_AN},line=746,")


def test_only_the_changed_files_are_read(repo: Path) -> None:
    edit(repo / HAI_AN, *LATER)
    git(repo, "commit", "-qam", "Lùi thời hạn")
    reader = Repository.at(repo)
    result = diff_git("HEAD~1..HEAD", [], repo, reader)
    assert [p.plan for p in result.plans] == ["hai-an"]
    read = {rel for (_, rel), data in reader.cache.items() if data is not None}
    assert read == {HAI_AN, "plans/hai-phong/units.yaml", "plans/catalog.yaml"}
    assert reader.blobs_read == 4 and reader.files_read == 0   # two versions of one plan, its registry, the catalog


def test_base_against_the_working_tree(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    edit(repo / HAI_AN, *LATER)
    shutil.copy(repo / HAI_AN, repo / "plans/hai-phong/hai-an-2.yaml")        # new, not yet added to git
    (repo / "notes.yaml").write_text("not: a plan\n", encoding="utf-8")        # not a plan: not compared
    found = run(capsys, "diff", "--git", "HEAD", "--format", "json").json()["changes"]
    assert [(c["kind"], c["path"]) for c in found] == [
        ("plan-added", "plans/hai-phong/hai-an-2.yaml"), ("deadline-changed", HAI_AN)]
    found = run(capsys, "diff", "--git", "HEAD", "plans/hai-phong/hai-an.yaml", "--format", "json").json()
    assert [c["kind"] for c in found["changes"]] == ["deadline-changed"]


def test_a_renamed_plan_is_compared_with_its_old_self(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    git(repo, "mv", HAI_AN, "plans/hai-phong/phuong-hai-an.yaml")
    edit(repo / "plans/hai-phong/phuong-hai-an.yaml", *LATER)
    git(repo, "commit", "-qam", "Đổi tên tệp")
    found = run(capsys, "diff", "--git", "HEAD~1..HEAD", "--format", "json").json()["changes"]
    assert [(c["kind"], c["plan"]) for c in found] == [("deadline-changed", "phuong-hai-an")]


def test_a_subfolder_as_the_working_directory(capsys: pytest.CaptureFixture[str], repo: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    edit(repo / HAI_AN, *LATER)
    monkeypatch.chdir(repo / "plans" / "hai-phong")
    found = run(capsys, "diff", "--git", "HEAD", "hai-an.yaml", "--format", "json").json()["changes"]
    assert [(c["kind"], c["path"]) for c in found] == [("deadline-changed", HAI_AN)]


def test_a_side_that_does_not_parse(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    edit(repo / HAI_AN, "kehoach: 1\n", "kehoach: 1\nmeta: [\n")
    git(repo, "commit", "-qam", "Hỏng")
    edit(repo / HAI_AN, "kehoach: 1\nmeta: [\n", "kehoach: 1\n")
    r = run(capsys, "diff", "--git", "HEAD", "--lang", "en")
    assert r.code == 2 and f"Cannot read the old version of {HAI_AN} (line" in r.err and r.out == ""


def test_a_binary_file_named_yaml(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    (repo / "plans/hai-phong/scan.yaml").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "PDF")
    r = run(capsys, "diff", "--git", "HEAD~1..HEAD")
    assert r.code == 2 and "nhị phân" in r.err and "scan.yaml" in r.err


@pytest.mark.parametrize(("args", "message"), [
    (["--git", "no-such-branch"], "Không có phiên bản git \"no-such-branch\""),
    (["--git", "HEAD~5..HEAD"], "Không có phiên bản git \"HEAD~5\""),
    (["--git", "HEAD...HEAD"], "Phạm vi \"HEAD...HEAD\" không hợp lệ"),
    (["--git", "HEAD", "plans/ha-noi"], "Không có \"plans/ha-noi\""),
    (["--git", "HEAD", "/"], "nằm ngoài kho git"),
])
def test_bad_input(capsys: pytest.CaptureFixture[str], repo: Path, args: list[str], message: str) -> None:
    r = run(capsys, "diff", *args)
    assert r.code == 2 and message in r.err and r.out == ""


def test_outside_a_repository(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    r = run(capsys, "diff", "--git", "HEAD")
    assert r.code == 2 and "không nằm trong một kho git" in r.err
