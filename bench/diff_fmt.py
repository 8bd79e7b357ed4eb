"""Benchmark of kehoach diff --git and kehoach fmt --check, side by side with what they replace.

    python bench/diff_fmt.py [--plans 3321] [--city 114] [--repeat 3]

1. A git repository of one city's plans (--city, 114 as Hải Phòng since 2025, built from the
   bundled plans by bench/corpus.py) and one commit that changes one plan (a deadline moved
   later). Timed: `kehoach diff --git HEAD~1..HEAD` against `kehoach diff OLD NEW` on two copies
   of the whole folder; counted in process (kehoach.diff.gitsource.Repository's counters): the
   files the git diff reads.
2. The national corpus (--plans, 3,321): `kehoach fmt --check --no-cache` and
   `kehoach validate --no-cache` cold, alternating, median of --repeat. The target is
   fmt --check ≤ 1.5 × validate.

The machine is shared and noisy: compare the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build  # noqa: E402

from kehoach.diff import diff_git  # noqa: E402
from kehoach.diff.gitsource import Repository  # noqa: E402

GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, the command and its worker processes)."""
    # Write back what earlier commands left in the page cache first: a command run right after one
    # that wrote a hundred megabytes would pay for that write-back.
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd[:4])} … failed with exit {code}:\n{err[-2000:]}")
    # ru_*time of wait4 covers the process; its pool workers are its children, reaped by it.
    return wall, usage.ru_utime + usage.ru_stime


def city_repository(work: Path, count: int) -> tuple[Path, Path, str]:
    """A repository of ``count`` plans in plans/hai-phong/ with two commits; also the old folder."""
    repo = work / "repo"
    city = repo / "plans" / "hai-phong"
    city.mkdir(parents=True)
    for f in build(work / "corpus", count):
        shutil.move(str(f), city / f.name)
    shutil.copy(ROOT / "plans" / "hai-phong" / "units.yaml", city / "units.yaml")
    shutil.copy(ROOT / "plans" / "catalog.yaml", repo / "plans" / "catalog.yaml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    old = work / "old"
    shutil.copytree(repo / "plans", old)
    changed = sorted(city.glob("*.yaml"))[count // 2]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("deadline: Quý I/2026", "deadline: Quý III/2026", 1), encoding="utf-8")
    git(repo, "commit", "-qam", "one plan: a deadline moved later")
    return repo, old, changed.relative_to(repo).as_posix()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=3321)
    ap.add_argument("--city", type=int, default=114)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    kehoach = str(Path(sys.executable).parent / "kehoach")

    with tempfile.TemporaryDirectory(prefix="kehoach-bench-diff-") as tmp:
        repo, old, changed = city_repository(Path(tmp), args.city)
        reader = Repository.at(repo)
        result = diff_git("HEAD~1..HEAD", [], repo, reader)
        read = sorted({rel for (_, rel), data in reader.cache.items() if data is not None})
        plans = sum(1 for p in (repo / "plans").rglob("*.yaml") if p.name not in ("units.yaml", "catalog.yaml"))
        git_runs, folder_runs = [], []
        for _ in range(args.repeat):
            git_runs.append(timed([kehoach, "diff", "--git", "HEAD~1..HEAD", "--format", "json"], cwd=repo)[0])
            folder_runs.append(timed([kehoach, "diff", str(old), str(repo / "plans"), "--format", "json"])[0])
        print(f"\n## kehoach diff on a repository of {plans} plans, one plan changed\n")
        print(f"changed plan: {changed}; changes found: {len(result.changes)} "
              f"({', '.join(c.kind for c in result.changes)})")
        print(f"files read by --git: {len(read)} ({reader.blobs_read} blobs from git, {reader.files_read} from disk): "
              f"{', '.join(read)}")
        print("\n| command | seconds (median) | files read |")
        print("|---|---:|---:|")
        print(f"| kehoach diff --git HEAD~1..HEAD | {statistics.median(git_runs):.2f} | {len(read)} |")
        print(f"| kehoach diff OLD_FOLDER NEW_FOLDER | {statistics.median(folder_runs):.2f} | {2 * plans} |")

    corpus = OUT / f"corpus-fmt-{args.plans}"   # its own copy: bench/run.py may be reading corpus-N
    files = build(corpus, args.plans)
    runs: dict[str, list[tuple[float, float]]] = {"fmt": [], "validate": []}
    fmt = [kehoach, "fmt", str(corpus), "--check", "--no-cache"]
    validate = [kehoach, "validate", str(corpus), "--no-cache", "--format", "json", "--as-of", "2026-03-01"]
    for i in range(args.repeat):
        runs["validate"].append(timed(validate))
        runs["fmt"].append(timed(fmt))
        print(f"run {i + 1}/{args.repeat}: validate {runs['validate'][-1][0]:.2f}s, "
              f"fmt --check {runs['fmt'][-1][0]:.2f}s", flush=True)
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    ratio = wall["fmt"] / wall["validate"]
    print(f"\n## kehoach fmt --check on {len(files)} plans, {os.cpu_count()} cores, median of {args.repeat}\n")
    print("| command | wall seconds | vs validate | CPU seconds | vs validate |")
    print("|---|---:|---:|---:|---:|")
    print(f"| kehoach validate --no-cache (cold) | {wall['validate']:.2f} | 1.00× | {cpu['validate']:.1f} | 1.00× |")
    print(f"| kehoach fmt --check --no-cache (cold) | {wall['fmt']:.2f} | {ratio:.2f}× | {cpu['fmt']:.1f} "
          f"| {cpu['fmt'] / cpu['validate']:.2f}× |")
    print(f"\n- fmt --check ≤ 1.5× validate cold: {'yes' if ratio <= 1.5 else 'NO'}")
    print(f"- --git reads only the changed plan (and its registry and catalog): "
          f"{'yes' if [r for r in read if r.endswith(changed.rsplit('/', 1)[1])] and len(read) <= 3 else 'NO'}")


if __name__ == "__main__":
    main()
