"""Plan writes under stress: concurrent writers and ``kill -9`` in the middle of a write.

    python bench/writes.py race [--rounds 100] [--json]
    python bench/writes.py kill [--kills 200] [--json]

race: each round, two ``kehoach progress`` processes started together on one fresh copy of a plan,
alternately on two different tasks and on the same task, each with its own note; a round loses an
update when either note is missing afterwards or either process failed. Each round starts with
the plan's lock file left behind (as a killed writer leaves it), and a third process writes
another plan in the same folder meanwhile: its sweep of stale lock files takes and removes that
lock file while the two writers take it, wait on it and let it go.

kill: each round, ``kehoach progress`` or ``kehoach fmt`` (alternately) on a fresh copy of a plan,
killed with SIGKILL at a random moment between 40% and 100% of its usual run time (the write is
at the end), until ``--kills`` runs were killed (runs that finished first are counted apart);
afterwards the plan must be byte-identical to the original or to the full result (else
it is torn). Temporary files of ours left in the folder are counted right after each kill, and
once more at the end after one more write in that folder, of another plan (which sweeps them), as
are lock files.

Every process runs in a temporary folder, on copies of the bundled Hải Phòng plans. POSIX only
(SIGKILL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans" / "hai-phong"
PLAN = "hai-an.yaml"
TASKS = ("pl4.I.1", "pl4.I.2")
OTHER, OTHER_TASK = "vinh-hai.yaml", "pl.I.1"    # another plan in the same folder
KEHOACH = [sys.executable, "-m", "kehoach"]


def _progress(plan: Path, task: str, note: str) -> list[str]:
    return [*KEHOACH, "progress", str(plan), task, "--status", "dang-thuc-hien", "--date", "2026-02-28",
            "--as-of", "2026-03-01", "--note", note]


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(PLANS, folder)
    return folder / PLAN


def race(rounds: int, work: Path) -> dict[str, int]:
    lost = {"different-task": 0, "same-task": 0, "other-plan": 0}
    failed = locks_left = 0
    for i in range(rounds):
        kind = "different-task" if i % 2 == 0 else "same-task"
        plan = _fresh(work / "race")
        other = plan.with_name(OTHER)
        tasks = TASKS if kind == "different-task" else (TASKS[0], TASKS[0])
        notes = (f"vòng {i} người A", f"vòng {i} người B", f"vòng {i} người C")
        plan.with_name(f".{plan.name}.lock").touch()    # left by a writer killed before this round
        commands = [_progress(plan, t, n) for t, n in zip(tasks, notes, strict=False)]
        commands.append(_progress(other, OTHER_TASK, notes[2]))   # its sweep takes the plan's lock file
        procs = [subprocess.Popen(c, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
        codes = [p.wait() for p in procs]
        text = plan.read_text(encoding="utf-8")
        if any(codes):
            failed += 1
        if any(codes[:2]) or not all(f'"{n}"' in text for n in notes[:2]):
            lost[kind] += 1
        if codes[2] or f'"{notes[2]}"' not in other.read_text(encoding="utf-8"):
            lost["other-plan"] += 1
        locks_left += _ours(plan.parent)[1]
    return {"rounds": rounds, **{f"lost_{k}": v for k, v in lost.items()}, "failed_runs": failed,
            "lock_files_left": locks_left}


def _ours(folder: Path) -> tuple[int, int]:
    names = os.listdir(folder)
    temps = sum(1 for n in names if n.endswith((".kehoach.tmp", ".kehoach-out.tmp")))
    locks = sum(1 for n in names if n.startswith(".") and n.endswith(".lock"))
    return temps, locks


def kill(kills: int, work: Path, seed: int) -> dict[str, int | float]:
    rng = random.Random(seed)
    folder = work / "kill"
    plan = _fresh(folder)
    original = plan.read_bytes()
    commands = {
        "progress": _progress(plan, TASKS[0], "ghi giữa chừng"),
        "fmt": [*KEHOACH, "fmt", "--no-cache", str(plan)],
    }
    expected: dict[str, bytes] = {}
    usual: dict[str, float] = {}
    for name, cmd in commands.items():
        times = []
        for _ in range(3):
            plan.write_bytes(original)
            start = time.perf_counter()
            subprocess.run(cmd, cwd=work, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        expected[name] = plan.read_bytes()
        usual[name] = statistics.median(times)
    counts = {"kills": 0, "kept_original": 0, "written_whole": 0, "torn": 0, "finished_before_kill": 0,
              "temp_left_by_a_kill": 0, "lock_left_by_a_kill": 0}
    i = 0
    while counts["kills"] < kills and i < 3 * kills:   # a run that finished first is not a kill: run again
        name = "progress" if i % 2 == 0 else "fmt"
        i += 1
        plan.write_bytes(original)
        proc = subprocess.Popen(commands[name], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 1.0) * usual[name])
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            counts["kills"] += 1
        else:
            counts["finished_before_kill"] += 1
        proc.wait()
        got = plan.read_bytes()
        if got == original:
            counts["kept_original"] += 1
        elif got == expected[name]:
            counts["written_whole"] += 1
        else:
            counts["torn"] += 1
        temps, locks = _ours(folder)
        counts["temp_left_by_a_kill"] += temps
        counts["lock_left_by_a_kill"] += locks
    # One more write in the folder, of another plan: it sweeps what the killed writers left.
    plan.write_bytes(original)
    subprocess.run(_progress(plan.with_name(OTHER), OTHER_TASK, "ghi sau"), cwd=work, check=True,
                   stdout=subprocess.DEVNULL)
    temps, locks = _ours(folder)
    return {**counts, "stray_temp_after_next_write": temps, "stray_lock_after_next_write": locks,
            "usual_progress_s": round(usual["progress"], 3), "usual_fmt_s": round(usual["fmt"], 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("race", "kill"))
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-writes-") as tmp:
        start = time.perf_counter()
        result = race(args.rounds, Path(tmp)) if args.what == "race" else kill(args.kills, Path(tmp), args.seed)
        result["seconds"] = round(time.perf_counter() - start, 1)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
