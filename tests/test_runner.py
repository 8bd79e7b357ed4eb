"""Discovery, the content-hash cache, parallel runs and configuration."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from kehoach.config import Settings, build_settings
from kehoach.discovery import discover
from kehoach.rules import REGISTRY
from kehoach.runner import PARALLEL_FROM, run, validate_job

from .conftest import PLANS, plan_text
from .helpers import run as cli


def _settings() -> Settings:
    return Settings(rules=tuple(REGISTRY), as_of=dt.date(2026, 3, 1))


def _copy_plans(dest: Path, copies: int) -> Path:
    city = dest / "hai-phong"
    city.mkdir(parents=True)
    shutil.copy(PLANS / "hai-phong" / "units.yaml", city / "units.yaml")
    for i in range(copies):
        for p in sorted((PLANS / "hai-phong").glob("*.yaml")):
            if p.name != "units.yaml":
                shutil.copy(p, city / f"{p.stem}-{i}.yaml")
    return dest


def _flat(results: list) -> list[tuple[str, str, int, int, str]]:  # type: ignore[type-arg]
    return [(f.path, f.rule, f.span.line, f.span.column, f.message) for r in results for f in r.findings]


def test_discovery_skips_registries_and_hidden_folders(tmp_path: Path) -> None:
    root = _copy_plans(tmp_path, 1)
    (root / ".git").mkdir()
    (root / ".git" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (root / "catalog.yaml").write_text("kehoach_catalog: 1\n", encoding="utf-8")
    names = sorted(Path(display).name for _, display in discover([str(root)]))
    assert names == ["an-lao-0.yaml", "hai-an-0.yaml", "thai-tan-0.yaml", "vinh-hai-0.yaml", "vinh-lai-0.yaml"]


def test_parallel_equals_serial(tmp_path: Path) -> None:
    root = _copy_plans(tmp_path, PARALLEL_FROM // 5 + 1)
    files = discover([str(root)])
    assert len(files) >= PARALLEL_FROM
    serial = run(files, validate_job(_settings(), files), cache_dir=None, jobs=1)
    parallel = run(files, validate_job(_settings(), files), cache_dir=None, jobs=2)
    assert _flat(serial) == _flat(parallel)


def test_cache_returns_the_same_and_notices_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.runner

    linted: list[str] = []
    real = kehoach.runner.lint_file
    monkeypatch.setattr(kehoach.runner, "lint_file",
                        lambda p, d, settings: linted.append(d) or real(p, d, settings))
    root = _copy_plans(tmp_path / "plans", 1)
    cache = tmp_path / "cache"
    files = discover([str(root)])
    cold = run(files, validate_job(_settings(), files), cache_dir=cache, jobs=1)
    assert len(linted) == 5
    assert list(cache.glob("validate-*.cache")) and (cache / ".gitignore").exists()
    warm = run(files, validate_job(_settings(), files), cache_dir=cache, jobs=1)
    assert _flat(cold) == _flat(warm) and len(linted) == 5

    # Touched but unchanged (a git checkout): the content hash still matches, nothing is linted.
    target = root / "hai-phong" / "hai-an-0.yaml"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    again = run(files, validate_job(_settings(), files), cache_dir=cache, jobs=1)
    assert _flat(again) == _flat(cold) and len(linted) == 5

    # An edit of the same size is seen and linted again.
    before = target.read_bytes()
    after = before.replace("Tháng 12/2025".encode(), "Tháng 12/2026".encode())
    assert len(after) == len(before)
    target.write_bytes(after)
    edited = run(files, validate_job(_settings(), files), cache_dir=cache, jobs=1)
    assert linted[5:] == [target.as_posix()]
    rules = [f.rule for r in edited if r.path.endswith("hai-an-0.yaml") for f in r.findings]
    assert "deadline-before-plan" not in rules
    assert len(_flat(edited)) == len(_flat(cold)) - 1


def test_cache_depends_on_the_selection(tmp_path: Path) -> None:
    root = _copy_plans(tmp_path / "plans", 1)
    cache = tmp_path / "cache"
    files = discover([str(root)])
    run(files, validate_job(_settings(), files), cache_dir=cache)
    only = Settings(rules=("deadline-before-plan",), as_of=dt.date(2026, 3, 1))
    results = run(files, validate_job(only, files), cache_dir=cache)
    assert {f.rule for r in results for f in r.findings} == {"deadline-before-plan"}


def test_cache_depends_on_the_unit_registry(tmp_path: Path) -> None:
    root = _copy_plans(tmp_path / "plans", 1)
    cache = tmp_path / "cache"
    files = discover([str(root)])
    first = run(files, validate_job(_settings(), files), cache_dir=cache)
    registry = root / "hai-phong" / "units.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "\nunits:\n", "\nunits:\n  - name: Phòng Tài chính - Kế hoạch\n    misspellings: [Phòng Tài chính]\n", 1),
        encoding="utf-8")
    second = run(files, validate_job(_settings(), files), cache_dir=cache)
    assert _flat(first) != _flat(second)


def test_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    root = _copy_plans(tmp_path / "plans", 1)
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    files = discover([str(root)])
    results = run(files, validate_job(_settings(), files), cache_dir=blocker / "cache")
    assert _flat(results)


def test_config_file(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text(
        '[validate]\nselect = ["KH2", "vague-lead"]\nignore = ["deadline-far-future"]\nfail-on = "warning"\n'
        '[validate.severity]\nvague-lead = "error"\n', encoding="utf-8")
    s = build_settings(select=None, ignore=None, fail_on=None, as_of=dt.date(2026, 3, 1), cwd=tmp_path)
    assert s.rules == ("vague-lead", "deadline-missing", "deadline-unparseable", "deadline-before-plan",
                       "deadline-external")
    assert s.severity("vague-lead").label == "error" and s.fail_on.label == "warning"
    cli_wins = build_settings(select=["KH401"], ignore=None, fail_on="error", as_of=dt.date(2026, 3, 1),
                              cwd=tmp_path)
    assert cli_wins.rules == ("numbering-gap",) and cli_wins.fail_on.label == "error"


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kehoach.validate]\nignore = ["KH4"]\n', encoding="utf-8")
    s = build_settings(select=None, ignore=None, fail_on=None, as_of=dt.date(2026, 3, 1), cwd=tmp_path / "x")
    assert "numbering-gap" not in s.rules and "duplicate-task" not in s.rules and "schema" in s.rules


def test_report_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Tháng 12/2025}\n")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "report.sarif"
    r = cli(capsys, "validate", str(tmp_path / "p.yaml"), "--format", "sarif", "-o", str(out), "--no-cache")
    assert r.code == 1 and r.out == "" and '"2.1.0"' in out.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))
