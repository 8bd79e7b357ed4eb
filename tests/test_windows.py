"""What differs on Windows, where most commune officers work, checked on any system.

The worker pool runs under ``spawn``, the only start method Windows has. Forked workers inherit
everything already imported and built in the parent; spawned ones get only the pickled job and
import kehoach afresh. Running the commands that use workers both ways on the same plans shows
that nothing a job carries needs fork.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kehoach.loader import LoadFailure, read_bytes
from kehoach.runner import PARALLEL_FROM, START_METHOD_ENV

from .conftest import PLANS
from .helpers import run

COPIES = PARALLEL_FROM // 5 + 2


def _many_plans(dest: Path) -> Path:
    """Enough copies of the bundled plans for the runner to start workers, beside their registry
    and the catalogue rollup reads."""
    city = dest / "hai-phong"
    city.mkdir(parents=True)
    shutil.copy(PLANS / "catalog.yaml", dest / "catalog.yaml")
    shutil.copy(PLANS / "hai-phong" / "units.yaml", city / "units.yaml")
    plans = [p for p in sorted((PLANS / "hai-phong").glob("*.yaml")) if p.name != "units.yaml"]
    assert len(plans) * COPIES >= PARALLEL_FROM
    for i in range(COPIES):
        for p in plans:
            shutil.copy(p, city / f"{p.stem}-{i}.yaml")
    return dest


@pytest.mark.parametrize("command", [
    ["validate", "--format", "json", "--as-of", "2026-03-01"],
    ["status", "--format", "json", "--as-of", "2026-03-01"],
    ["rollup", "--format", "json"],
])
def test_spawned_workers_give_the_serial_output(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = _many_plans(tmp_path)
    serial = run(capsys, *command, str(root), "--no-cache", "--jobs", "1")

    methods: list[str | None] = []
    real: Callable[..., Any] = mp.get_context

    def spy(method: str | None = None) -> Any:
        methods.append(method)
        return real(method)

    monkeypatch.setattr(mp, "get_context", spy)
    monkeypatch.setenv(START_METHOD_ENV, "spawn")
    spawned = run(capsys, *command, str(root), "--no-cache", "--jobs", "2")
    assert methods == ["spawn"]
    assert (spawned.code, spawned.out, spawned.err) == (serial.code, serial.out, serial.err)
    assert f"vinh-lai-{COPIES - 1}" in serial.out   # the last plan read is in the output


def test_an_unknown_start_method_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = _many_plans(tmp_path)
    monkeypatch.setenv(START_METHOD_ENV, "thread")
    monkeypatch.setenv("KEHOACH_LANG", "en")
    r = run(capsys, "validate", str(root), "--no-cache", "--jobs", "2")
    assert r.code == 2
    assert 'KEHOACH_START_METHOD="thread" is not available on this system' in r.err


def test_a_folder_named_like_a_plan_is_a_folder_on_windows_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows reports reading a folder as PermissionError, not IsADirectoryError."""
    folder = tmp_path / "ke-hoach.yaml"
    folder.mkdir()

    def as_windows(path: object, flags: int, mode: int = 0o777) -> int:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", as_windows)
    with pytest.raises(LoadFailure) as e:
        read_bytes(folder)
    assert e.value.key == "load.is-dir"
