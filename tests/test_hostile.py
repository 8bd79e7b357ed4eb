"""Every command over every hostile input of tests/hostile.py: never an unexpected error or a
traceback, never a hang, never a secret printed; an exit code of 0, 1 or 2, and a message that
names the file whenever something is wrong with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PLANS
from tests.hostile import SECRET, Case, cases

UNEXPECTED = ("Traceback (most recent call last)", "Lỗi không mong đợi", "Unexpected error")
# Checked by kehoach itself only where the OS cannot say: each special file in a subprocess with
# a time limit and a memory limit, so that a hang or unbounded growth fails the test, not the run.
SPECIAL_TIMEOUT_S = 30
MEMORY_LIMIT = 2 * 1024**3


def commands(plan: str) -> list[list[str]]:
    """Readers first, then the commands that write the plan (on the same copy, in that order)."""
    return [
        ["validate", plan, "--as-of", "2026-03-01", "--no-cache"],
        ["validate", plan, "--as-of", "2026-03-01", "--no-cache", "--format", "json"],
        ["validate", plan, "--as-of", "2026-03-01", "--no-cache", "--format", "github"],
        ["validate", plan, "--as-of", "2026-03-01", "--no-cache", "--format", "sarif"],
        ["status", plan, "--as-of", "2026-06-30", "--no-cache", "--format", "json"],
        ["rollup", plan, "--as-of", "2026-06-30", "--no-cache", "--format", "csv"],
        ["export", plan, "--format", "csv"],
        ["export", plan, "-o", "out/export.xlsx"],
        ["render", plan, "--force", "--overwrite", "-o", "out/plan.docx"],
        ["render", plan, "--force", "--overwrite", "-o", "out/plan.html"],
        ["render", plan, "--force", "--overwrite", "-o", "out/plan.md"],
        ["diff", plan, plan],
        ["fmt", "--check", "--no-cache", plan],
        ["fmt", "--diff", "--no-cache", plan],
        ["validate", plan, "--as-of", "2026-03-01", "--no-cache", "--fix"],
        ["fmt", "--no-cache", plan],
        ["progress", plan, "t1", "--status", "dang-thuc-hien", "--date", "2026-03-01", "--as-of", "2026-03-02"],
    ]


def _lay_out(case: Case, root: Path) -> Path:
    city = root / "plans" / "hai-phong"
    city.mkdir(parents=True)
    shutil.copy(PLANS / "hai-phong" / "units.yaml", city / "units.yaml")
    shutil.copy(PLANS / "catalog.yaml", root / "plans" / "catalog.yaml")
    for name, data in case.city_files.items():
        (root / name if name == "kehoach.toml" else city / name).write_bytes(data)
    plan = city / "x.yaml"
    if case.setup is not None:
        case.setup(plan)
    else:
        assert case.data is not None
        plan.write_bytes(case.data)
    return plan


def _run_in_process(args: list[str]) -> tuple[int, str]:
    from kehoach.cli import main

    return main(args), ""


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run_in_child(args: list[str], cwd: Path) -> tuple[int, str]:
    try:
        r = subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True, text=True,
                           timeout=SPECIAL_TIMEOUT_S, stdin=subprocess.DEVNULL,
                           preexec_fn=_limit_memory if os.name == "posix" else None,
                           env={**os.environ, "NO_COLOR": "1"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"kehoach {' '.join(args)} did not finish in {SPECIAL_TIMEOUT_S} s")
    return r.returncode, r.stdout + r.stderr


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_every_command_answers_a_hostile_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    if case.special and os.name != "posix":
        pytest.skip("special files are a POSIX matter")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    plan = _lay_out(case, tmp_path)
    shown = "plans/hai-phong/x.yaml"
    problems = []
    for args in commands(shown):
        if case.special:
            code, said = _run_in_child(args, tmp_path)
        else:
            code, _ = _run_in_process(args)
            captured = capsys.readouterr()
            said = captured.out + captured.err
        where = f"kehoach {' '.join(args)} → exit {code}"
        if any(u in said for u in UNEXPECTED):
            problems.append(f"{where}: an unexpected error: {said.strip()[-300:]}")
        elif code not in (0, 1, 2):
            problems.append(f"{where}: an exit code outside 0, 1, 2")
        elif code == 2 and not _names_a_file(said):
            problems.append(f"{where}: exit 2 without naming the file: {said.strip()[-300:]}")
        if SECRET in said:
            problems.append(f"{where}: printed the linked file's content")
    assert not problems, "\n".join(problems)
    assert plan.exists() or plan.is_symlink()


def _names_a_file(said: str) -> bool:
    return any(name in said for name in ("x.yaml", "units.yaml", "catalog.yaml", "kehoach.toml", "out/"))
