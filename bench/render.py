"""Benchmark kehoach render: one plan, the five bundled plans, and a city of generated plans.

    python bench/render.py [--plans 114] [--repeat 3] [--format docx]

Each figure is the median of --repeat runs of the kehoach command (a new process, as an officer
runs it: Python start-up and imports included), with --force so that every plan is rendered.
The in-process figure for one plan is the library call alone (check, build, render, write).
The city is bench/corpus.py's variation of the five plans (one Hải Phòng: 114 communes).
"""

from __future__ import annotations

import argparse
import datetime as dt
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
sys.path.insert(0, str(ROOT))

from corpus import build  # noqa: E402

from kehoach.config import Settings  # noqa: E402
from kehoach.render.batch import Request, render_files  # noqa: E402
from kehoach.rules import REGISTRY  # noqa: E402

ONE = ROOT / "plans" / "hai-phong" / "vinh-lai.yaml"   # the largest bundled plan: 4 appendices, 130 rows


def command(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "kehoach", "render", *args, "-o", out + "/", "--force"],
                                  capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"kehoach render {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return statistics.median(times)


def in_process(fmt: str, repeat: int) -> float:
    settings = Settings(rules=tuple(REGISTRY), as_of=dt.date(2026, 3, 1))
    times = []
    for _ in range(repeat + 1):     # the first run pays the imports and the template load
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            render_files(Request(paths=(str(ONE),), fmt=fmt, output=Path(out) / f"one.{fmt}", settings=settings,
                                 force=True))
            times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=114)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", default="docx", choices=("docx", "md", "html", "pdf"))
    args = ap.parse_args()
    fmt = ["--format", args.format]
    city = OUT / f"render-city-{args.plans}"
    build(city, args.plans)
    rows = [
        (f"one plan ({ONE.name}), in process", in_process(args.format, args.repeat), 1),
        (f"one plan ({ONE.name}), command", command([str(ONE), *fmt], args.repeat), 1),
        ("five bundled plans, command", command([str(ROOT / "plans" / "hai-phong"), *fmt], args.repeat), 5),
        (f"city of {args.plans} plans, command", command([str(city), *fmt], max(1, args.repeat // 2)), args.plans),
    ]
    print(f"kehoach render --format {args.format} (median of {args.repeat} runs)")
    for label, seconds, count in rows:
        print(f"  {label:<42} {seconds:7.2f} s   {seconds / count * 1000:7.0f} ms/plan")
    shutil.rmtree(city, ignore_errors=True)


if __name__ == "__main__":
    main()
