"""Benchmark kehoach import: one plan (Vĩnh Lại, the largest), and a city's folder of Word plans,
parallel against one by one.

    python bench/import_folder.py [--plans 114] [--repeat 3] [--jobs N] [--one-plan-only]

First, one plan: plans/hai-phong/vinh-lai.yaml rendered to Word (``kehoach render … -o X.docx``),
then ``kehoach import X.docx -o OUT.yaml --overwrite`` timed as a command (a new process each time,
Python start-up and the validate run on the plan written included), median of 5 × --repeat runs.

Builds a city of --plans plans with bench/corpus.py (the five bundled plans, each commune renamed
"Vĩnh Hải 0000", "Thái Tân 0001"…, so every document has its own commune and file name), renders
them to Word with kehoach render, then times, alternating, median of --repeat runs (each a new
process, Python start-up included; every run writes into an empty folder):
- ``kehoach import DOCS/ --into OUT/``: the folder, in parallel;
- ``kehoach import DOCS/ --into OUT/ -j 1``: the folder, one document after another, in one process;
- ``kehoach import ONE.docx --into OUT/`` for each document in turn: what an officer did before.
It checks that the parallel run wrote the same plans as the sequential one. The machine may be
shared and noisy: compare the ratios.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))

from corpus import build  # noqa: E402

KEHOACH = [sys.executable, "-m", "kehoach"]
CITY = ["--city", "Hải Phòng"]


def documents(count: int) -> Path:
    """The city as Word files, in one folder, named as communes name them (not by slug)."""
    plans = OUT / f"import-city-{count}"
    docs = OUT / f"import-docs-{count}"
    build(plans, count)
    shutil.rmtree(docs, ignore_errors=True)
    rendered = Path(tempfile.mkdtemp(prefix="kehoach-bench-render-"))
    subprocess.run([*KEHOACH, "render", str(plans), "--format", "docx", "-o", f"{rendered}/", "--force"],
                   check=False, capture_output=True)
    docs.mkdir(parents=True)
    for doc in sorted(rendered.rglob("*.docx")):
        source, number = doc.stem.rsplit("-", 1)
        doc.rename(docs / f"KH {number}-UBND {source.replace('-', ' ').title()}.docx")
    shutil.rmtree(rendered, ignore_errors=True)
    shutil.rmtree(plans, ignore_errors=True)
    found = sorted(docs.glob("*.docx"))
    if len(found) != count:
        raise SystemExit(f"rendered {len(found)} documents, not {count}")
    return docs


def timed(run: Callable[[Path], None]) -> tuple[float, Path]:
    out = Path(tempfile.mkdtemp(prefix="kehoach-bench-import-"))
    os.sync()
    start = time.perf_counter()
    run(out)
    return time.perf_counter() - start, out


def command(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args[2:5])} … failed ({done.returncode}):\n{done.stderr[-2000:]}")


def one_by_one(files: list[Path], out: Path) -> None:
    for f in files:
        command([*KEHOACH, "import", str(f), "--into", str(out), *CITY])


def same(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.glob("*.yaml"))
    return names == sorted(p.name for p in b.glob("*.yaml")) and not filecmp.cmpfiles(a, b, names, shallow=False)[1]


def one_plan(runs: int) -> None:
    """Vĩnh Lại's plan, rendered to Word and imported back, as an officer runs it."""
    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-one-"))
    doc = work / "vinh-lai.docx"
    subprocess.run([*KEHOACH, "render", str(ROOT / "plans" / "hai-phong" / "vinh-lai.yaml"), "--force", "-o",
                    str(doc)], check=False, capture_output=True)
    if not doc.is_file():
        raise SystemExit("kehoach render did not write vinh-lai.docx")
    args = [*KEHOACH, "import", str(doc), "-o", str(work / "vinh-lai.yaml"), "--overwrite", *CITY]
    command(args)                                   # warm-up: the file cache, the .pyc files
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        command(args)
        times.append(time.perf_counter() - start)
    shutil.rmtree(work, ignore_errors=True)
    print(f"kehoach import vinh-lai.docx -o OUT.yaml (one plan, the largest): median {statistics.median(times):.2f} s,"
          f" min {min(times):.2f} s, max {max(times):.2f} s over {runs} runs", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=114)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="workers for the parallel run (default: every core)")
    ap.add_argument("--one-plan-only", action="store_true", help="time the one plan only, not the folder")
    args = ap.parse_args()
    one_plan(5 * args.repeat)
    if args.one_plan_only:
        return
    docs = documents(args.plans)
    files = sorted(docs.glob("*.docx"))
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    ways: dict[str, Callable[[Path], None]] = {
        "parallel": lambda out: command([*KEHOACH, "import", str(docs), "--into", str(out), *CITY, *jobs]),
        "sequential": lambda out: command([*KEHOACH, "import", str(docs), "--into", str(out), *CITY, "-j", "1"]),
        "one by one": lambda out: one_by_one(files, out),
    }
    times: dict[str, list[float]] = {k: [] for k in ways}
    for i in range(args.repeat):
        outs = {}
        for name, way in ways.items():
            seconds, outs[name] = timed(way)
            times[name].append(seconds)
        identical = same(outs["parallel"], outs["sequential"]) and same(outs["parallel"], outs["one by one"])
        for out in outs.values():
            shutil.rmtree(out, ignore_errors=True)
        print(f"run {i + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items())
              + f", same plans: {'yes' if identical else 'NO'}", flush=True)
        if not identical:
            raise SystemExit("the parallel run wrote other plans than the sequential ones")
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"\nkehoach import, {len(files)} documents, {os.cpu_count()} cores, median of {args.repeat} runs")
    for name, label in (("parallel", f"kehoach import DOCS/ --into OUT/ {' '.join(jobs)}".rstrip()),
                        ("sequential", "kehoach import DOCS/ --into OUT/ -j 1"),
                        ("one by one", f"kehoach import ONE.docx --into OUT/, {len(files)} times")):
        print(f"  {label:<58} {med[name]:7.2f} s  {med[name] / len(files) * 1000:6.0f} ms/doc")
    print(f"  one by one / parallel: {med['one by one'] / med['parallel']:.2f}×;"
          f"  sequential (-j 1) / parallel: {med['sequential'] / med['parallel']:.2f}×")


if __name__ == "__main__":
    main()
