"""The report benchmark: ``kehoach report`` of one plan to docx, and the consolidated report of a
city's communes on a warm cache.

    python bench/report.py [--communes 114] [--repeat 3] [--formats docx,json,md,xlsx,html]

Targets (issue 20): the report of one plan (Vĩnh Lại, the largest of the five: 72 tasks, 58
indicator rows) to docx in at most 1 s, and the consolidated report of 114 communes (Hải Phòng's
count since the 2025 reorganisation) in at most 10 s warm.

The communes are the rollup benchmark's corpus (bench/rollup.py: the five real plans varied, with
monthly task progress and indicator values in each code's unit), cut to --communes plans, with the
bundled catalog. The consolidated report reads every plan through the runner's cache as status and
rollup do (``--cache-dir``): "cold" starts from an empty cache, "warm" runs on the cache the cold
run wrote (the everyday case: the plans have not changed since the last command). Each figure is
a whole command, Python start-up included; the median of --repeat runs, with the peak resident
memory. The machine is shared and noisy: read the medians, not one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))

from rollup import corpus  # noqa: E402
from run import timed  # noqa: E402

PLAN = ROOT / "plans" / "hai-phong" / "vinh-lai.yaml"
PERIOD = ("--period", "2026-Q1", "--as-of", "2026-04-10")
ONE_PLAN_LIMIT, CITY_LIMIT = 1.0, 10.0


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), max(m for _, m in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--communes", type=int, default=114)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", default="docx,json,md,xlsx,html")
    args = ap.parse_args()
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    files = corpus(args.communes)
    folder = files[0].parent.parent
    kehoach = str(Path(sys.executable).parent / "kehoach")
    catalog = str(ROOT / "plans" / "catalog.yaml")
    OUT.mkdir(parents=True, exist_ok=True)
    cache = Path(tempfile.mkdtemp(prefix="kehoach-bench-report-"))

    one = [kehoach, "report", str(PLAN), *PERIOD, "-o", str(OUT / "report-vinh-lai.docx")]
    runs: dict[str, list[tuple[float, float]]] = {"one-plan docx, no cache": [], "one-plan docx, warm": []}
    for fmt in formats:
        runs[f"{len(files)} communes {fmt}, cold"] = []
        runs[f"{len(files)} communes {fmt}, warm"] = []
    for i in range(args.repeat):
        runs["one-plan docx, no cache"].append(timed([*one, "--no-cache"])[:2])
        one_cache = [*one, "--cache-dir", str(cache / "one")]
        timed(one_cache)
        runs["one-plan docx, warm"].append(timed(one_cache)[:2])
        for fmt in formats:
            city_cache = cache / "city"
            shutil.rmtree(city_cache, ignore_errors=True)
            cmd = [kehoach, "report", str(folder), "--catalog", catalog, *PERIOD, "--cache-dir", str(city_cache),
                   "-o", str(OUT / f"report-{len(files)}.{fmt}")]
            runs[f"{len(files)} communes {fmt}, cold"].append(timed(cmd)[:2])
            runs[f"{len(files)} communes {fmt}, warm"].append(timed(cmd)[:2])
        print(f"run {i + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1][0]:.2f}s" for k, v in runs.items()),
              flush=True)
    shutil.rmtree(cache, ignore_errors=True)

    print(f"\n{len(files)} communes ({sum(f.stat().st_size for f in files) / 1e6:.1f} MB), {os.cpu_count()} cores, "
          f"median of {args.repeat}; period 2026-Q1, as of 2026-04-10\n")
    print("| command | seconds | peak RSS MB |")
    print("|---|---:|---:|")
    med = {k: median(v) for k, v in runs.items()}
    for label, (secs, rss) in med.items():
        print(f"| {label} | {secs:.2f} | {rss:.0f} |")
    print()
    print(f"- one plan to docx ≤ {ONE_PLAN_LIMIT:.0f} s (no cache): "
          f"{'yes' if med['one-plan docx, no cache'][0] <= ONE_PLAN_LIMIT else 'NO'}")
    warm = [v[0] for k, v in med.items() if k.endswith("warm") and "communes" in k]
    print(f"- {len(files)} communes warm ≤ {CITY_LIMIT:.0f} s in every format: "
          f"{'yes' if max(warm) <= CITY_LIMIT else 'NO'} (slowest {max(warm):.2f} s)")


if __name__ == "__main__":
    main()
