"""A city's plan repository: kehoach init, kehoach new, the schema copy, the generated hooks and
workflow, SARIF locations."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from .helpers import DATA, run

ROOT = Path(__file__).resolve().parent.parent
AN_LAO = ROOT / "plans" / "hai-phong" / "an-lao.yaml"
SHA = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
GIT = shutil.which("git")
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")

REPO_FILES = [
    "schema/plan.schema.json", "schema/units.schema.json", "schema/catalog.schema.json",
    "plans/hai-phong/units.yaml", "plans/catalog.yaml", ".pre-commit-config.yaml",
    ".github/workflows/kehoach.yml", ".gitattributes", ".editorconfig", ".gitignore", "README.md",
    "requirements-kehoach.txt",
]


@pytest.fixture
def city(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "hp"
    r = run(capsys, "init", str(repo), "--city", "Hải Phòng")
    assert r.code == 0, r.err
    monkeypatch.chdir(repo)
    return repo


def test_init_lays_down_the_repository(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for rel in REPO_FILES:
        assert (city / rel).is_file(), rel
    # The bundled registry and catalog, laid out as kehoach fmt writes them (the hook has nothing to do).
    assert "kehoach_units: 1" in (city / "plans/hai-phong/units.yaml").read_text(encoding="utf-8")
    assert run(capsys, "fmt", "--check", "plans/hai-phong/units.yaml", "plans/catalog.yaml").code == 0
    assert json.loads((city / "schema/plan.schema.json").read_text(encoding="utf-8"))["$id"] == \
        "urn:kehoach:schema:plan:1"
    readme = (city / "README.md").read_text(encoding="utf-8")
    assert "Hải Phòng" in readme and "kehoach new plans/hai-phong/" in readme and "pull request" in readme
    if GIT:
        assert (city / ".git").exists()


def test_init_again_keeps_files_and_overwrite_replaces(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = city / "README.md"
    readme.write_text("Của thành phố\n", encoding="utf-8")
    (city / ".editorconfig").unlink()
    r = run(capsys, "init", ".", "--city", "Hải Phòng")
    assert r.code == 0
    assert readme.read_text(encoding="utf-8") == "Của thành phố\n"
    assert "Giữ nguyên README.md" in r.out and "Đã tạo   .editorconfig" in r.out
    r = run(capsys, "init", ".", "--city", "Hải Phòng", "--overwrite", "--lang", "en")
    assert r.code == 0 and "Replaced README.md" in r.out
    assert "Của thành phố" not in readme.read_text(encoding="utf-8")


def test_init_refuses_a_file_and_a_nameless_city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "f"
    f.write_text("x", encoding="utf-8")
    r = run(capsys, "init", str(f), "--city", "Hải Phòng")
    assert r.code == 2 and "không phải thư mục" in r.err
    r = run(capsys, "init", str(tmp_path / "x"), "--city", "  --  ")
    assert r.code == 2 and "Tên thành phố" in r.err
    assert not (tmp_path / "x").exists()


def test_init_for_another_city_writes_a_generic_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "dn"
    r = run(capsys, "init", str(repo), "--city", "Đà Nẵng")
    assert r.code == 0 and "danh mục chung của cấp xã" in r.out
    monkeypatch.chdir(repo)
    assert run(capsys, "new", "plans/da-nang/hoa-vang.yaml", "--commune", "Hòa Vang", "--year", "2026").code == 0
    r = run(capsys, "validate", "plans", "--no-cache", "--as-of", "2026-03-01")
    assert r.code == 0, r.out
    assert "units.yaml" not in r.err   # the registry was found and read
    assert "meta:\n  city: Đà Nẵng" in (repo / "plans/da-nang/hoa-vang.yaml").read_text(encoding="utf-8")


def test_new_plan_validates_and_is_formatted(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "new", "plans/hai-phong/tan-minh.yaml", "--commune", "Tân Minh", "--kind", "xã", "--year", "2026")
    assert r.code == 0 and "Đã tạo kế hoạch plans/hai-phong/tan-minh.yaml" in r.err
    text = (city / "plans/hai-phong/tan-minh.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/plan.schema.json"
    assert (city / "plans/hai-phong" / first.split("=", 1)[1]).resolve() == (city / "schema/plan.schema.json")
    for part in ("meta:", "legal_bases:", "MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN", "kind: indicators",
                 "kind: tasks", "Đơn vị tính", "Thời gian hoàn thành", "# Căn cứ pháp lý"):
        assert part in text, part
    r = run(capsys, "validate", "plans/hai-phong/tan-minh.yaml", "--no-cache", "--as-of", "2026-03-01",
            "--format", "json")
    assert r.code == 0
    assert not [f for f in r.json()["findings"] if f["severity"] == "error"]
    assert run(capsys, "fmt", "--check", "plans/hai-phong/tan-minh.yaml").code == 0


def test_new_never_overwrites_and_says_why(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = city / "plans/hai-phong/tan-minh.yaml"
    target.write_text("# của xã\n", encoding="utf-8")
    r = run(capsys, "new", "plans/hai-phong/tan-minh.yaml", "--commune", "Tân Minh", "--year", "2026")
    assert r.code == 2 and "không ghi đè" in r.err and "plans/hai-phong/tan-minh.yaml" in r.err
    assert target.read_text(encoding="utf-8") == "# của xã\n"
    r = run(capsys, "new", "plans/hai-phong/x.yaml", "--commune", "X", "--kind", "huyện", "--year", "2026")
    assert r.code == 2 and "huyện" in r.err
    r = run(capsys, "new", "plans/hai-phong/x.txt", "--commune", "X", "--year", "2026")
    assert r.code == 2 and ".yaml" in r.err
    r = run(capsys, "new", "plans/hai-phong/x.yaml", "--commune", "X", "--year", "1890")
    assert r.code == 2 and not (city / "plans/hai-phong/x.yaml").exists()


def test_stale_schema_copy_is_reported_and_refreshed(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "new", "plans/hai-phong/tan-minh.yaml", "--commune", "Tân Minh", "--year", "2026")
    r = run(capsys, "validate", "plans", "--no-cache", "--as-of", "2026-03-01")
    assert "schema" not in r.err
    copy = city / "schema/plan.schema.json"
    old = json.loads(copy.read_text(encoding="utf-8"))
    old["description"] = "bản cũ"
    copy.write_text(json.dumps(old), encoding="utf-8")
    r = run(capsys, "validate", "plans", "--no-cache", "--as-of", "2026-03-01")
    assert r.err.count("schema/plan.schema.json") == 1 and "kehoach init --update" in r.err
    r = run(capsys, "init", "--update")   # the city comes from plans/<city>/units.yaml
    assert r.code == 0 and "Đã cập nhật schema/plan.schema.json" in r.out
    r = run(capsys, "validate", "plans", "--no-cache", "--as-of", "2026-03-01")
    assert "schema" not in r.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from kehoach import __version__

    r = run(capsys, "--version")
    assert r.code == 0 and r.out == f"kehoach {__version__}\n"


# --- the generated workflow and hooks ---------------------------------------------------------

def _workflow_checks(path: Path) -> None:
    wf = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert wf["permissions"] == {"contents": "read"}
    for name, job in wf["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), name
        for step in job["steps"]:
            uses = step.get("uses")
            if uses is None:
                continue
            assert SHA.match(uses), uses
            if uses.startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
            if "upload-sarif" in uses:
                assert step["continue-on-error"] is True
    text = path.read_text(encoding="utf-8")
    assert "<org>" not in text and "v0.1.0" not in text


def test_generated_workflow_is_hardened(city: Path) -> None:
    _workflow_checks(city / ".github/workflows/kehoach.yml")


def test_workflows_follow_the_github_workflow_schema(city: Path) -> None:
    """Against the GitHub workflow schema check-jsonschema vendors (a test dependency)."""
    # A declared test dependency: a plain lookup, so a missing package fails rather than skips.
    schema = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                        .joinpath("github-workflows.json").read_text(encoding="utf-8"))
    for path in (city / ".github/workflows/kehoach.yml", ROOT / "docs/github-actions-example.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc["on"] = doc.pop(True)   # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
        jsonschema.Draft7Validator(schema).validate(doc)


def test_example_workflow_and_docs_name_no_placeholder() -> None:
    _workflow_checks(ROOT / "docs/github-actions-example.yml")
    for doc in ("README.md", ".pre-commit-hooks.yaml"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert "github.com/<org>" not in text and "v0.1.0" not in text, doc


def test_published_hooks_look_only_at_plans() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for hook in hooks.values():
        pattern = re.compile(hook["files"])
        assert pattern.search("plans/hai-phong/an-lao.yaml")
        assert not pattern.search(".pre-commit-config.yaml")
        assert not pattern.search(".github/workflows/kehoach.yml")
    assert re.search(hooks["kehoach-validate"]["files"], "plans/hai-phong/units.yaml")
    assert hooks["kehoach-validate"]["pass_filenames"] is False


def test_scaffold_files_are_package_data() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "files/*" in conf["package-data"]["kehoach.scaffold"]
    assert conf["package-dir"]["kehoach.cityfiles"] == "plans"
    assert (ROOT / "plans/catalog.yaml").is_file() and (ROOT / "plans/hai-phong/units.yaml").is_file()
    assert all(not p.name.startswith(".") for p in (ROOT / "kehoach/scaffold/files").iterdir())


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "KEHOACH_CACHE_DIR": str(repo.parent / "cache")}
    return subprocess.run([args[0], *args[1:]], cwd=repo, env=env, capture_output=True, text=True, check=check,
                          timeout=300)


@pytest.mark.skipif(GIT is None or PRE_COMMIT is None, reason="needs git and pre-commit")
def test_generated_hooks_pass_then_block_a_bad_commit(city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert PRE_COMMIT is not None
    shutil.copyfile(AN_LAO, city / "plans/hai-phong/an-lao.yaml")
    # The bundled plans are laid out by kehoach fmt: the fmt hook has nothing to rewrite in the copy.
    assert run(capsys, "new", "plans/hai-phong/tan-minh.yaml", "--commune", "Tân Minh", "--year", "2026").code == 0
    _git(city, "git", "add", "-A")
    done = _git(city, PRE_COMMIT, "run", "--all-files", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    _git(city, "git", "commit", "-q", "-m", "init")
    _git(city, PRE_COMMIT, "install")
    plan = city / "plans/hai-phong/tan-minh.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "deadline: Quý I/2026" in text
    plan.write_text(text.replace("deadline: Quý I/2026", "deadline: 12/2025"), encoding="utf-8")
    _git(city, "git", "add", "-A")
    blocked = _git(city, "git", "commit", "-m", "bad deadline", check=False)
    assert blocked.returncode != 0
    assert "deadline-before-plan" in blocked.stdout + blocked.stderr
    # A change to the unit registry alone re-validates the plans: dropping a unit they name fails.
    plan.write_text(text, encoding="utf-8")
    units = city / "plans/hai-phong/units.yaml"
    kept = units.read_text(encoding="utf-8")
    units.write_text(kept.replace("city: Hải Phòng", "city: 12"), encoding="utf-8")
    _git(city, "git", "add", "-A")
    broken = _git(city, "git", "commit", "-m", "registry", check=False)
    assert broken.returncode != 0 and "units.yaml" in broken.stdout + broken.stderr


# --- SARIF --------------------------------------------------------------------------------------

def test_sarif_locations_are_relative_encoded_and_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    folder = tmp_path / "plans" / "x #1"
    folder.mkdir(parents=True)
    bad = folder / "Vĩnh Hải.yaml"
    bad.write_text("kehoach: 1\nmeta: {city: 1}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for given in ("plans", str(tmp_path / "plans")):
        r = run(capsys, "validate", given, "--format", "sarif", "--no-cache")
        assert r.code == 1
        doc = r.json()
        schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(doc)
        run_ = doc["runs"][0]
        assert "%SRCROOT%" in run_["originalUriBaseIds"]
        locations = [res["locations"][0]["physicalLocation"]["artifactLocation"] for res in run_["results"]]
        assert locations
        for loc in locations:
            assert loc == {"uri": "plans/x%20%231/V%C4%A9nh%20H%E1%BA%A3i.yaml", "uriBaseId": "%SRCROOT%"}


def test_sarif_names_a_file_outside_the_folder_by_absolute_uri(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "a b.yaml"
    outside.write_text("kehoach: 1\nmeta: {city: 1}\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    r = run(capsys, "validate", str(outside), "--format", "sarif", "--no-cache")
    loc = r.json()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": outside.as_uri()} and "%20" in loc["uri"]
