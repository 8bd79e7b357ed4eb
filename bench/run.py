"""The benchmark: kehoach validate against its peers on a national-scale corpus, side by side.

    python bench/run.py [--plans 3321] [--repeat 3] [--skip-peer] [--baseline PATH/TO/kehoach]

Builds the corpus (bench/corpus.py) under bench/out/, then times, in one run and alternating:
- kehoach validate, cold (no cache) and warm (unchanged files, cache kept);
- check-jsonschema --schemafile schema/plan.schema.json on the same files (schema only);
- a bare libyaml parse (PyYAML CSafeLoader) of the same bytes, in one process;
- kehoach status --overdue, cold and warm (its own cache), on the same plans with progress, then
  on the next day and filtered by a unit through the registry, both on that same cache.
With --baseline (another kehoach, e.g. installed from an earlier commit in its own virtualenv),
every kehoach command also runs with it, right after this one's, each with its own cache, and the
table gains the baseline's figures and the ratio: a change is measured side by side, in one run.
Each figure is the median of --repeat runs; peak memory is the largest resident set of any
process of the command (os.wait4 reports children's peaks too). The machine is shared and
noisy: compare the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
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

BARE_PARSE = """
import sys, yaml
for path in open(sys.argv[1], encoding="utf-8").read().split("\\n"):
    if path:
        with open(path, "rb") as f:
            yaml.load(f.read(), Loader=yaml.CSafeLoader)
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (the command or any process it waited for), exit code."""
    # Write back what earlier commands left in the page cache first: a command run right after one
    # that wrote a hundred megabytes would pay for that write-back.
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd[:3])} … failed with exit {code}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=3321)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-peer", action="store_true", help="do not run check-jsonschema (slow)")
    ap.add_argument("--baseline", help="another kehoach executable to run side by side (before/after)")
    args = ap.parse_args()

    corpus = OUT / f"corpus-{args.plans}"
    files = build(corpus, args.plans)
    size = sum(f.stat().st_size for f in files) / 1e6
    listing = OUT / f"files-{args.plans}.txt"
    listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
    bindir = Path(sys.executable).parent
    sides = {"": str(bindir / "kehoach")}
    if args.baseline:
        sides["base:"] = args.baseline
    runs: dict[str, list[tuple[float, float]]] = {"peer": [], "parse": []}
    for i in range(args.repeat):
        for side, kehoach in sides.items():
            for key, wall_rss in _kehoach_runs(kehoach, corpus).items():
                runs.setdefault(side + key, []).append(wall_rss)
        runs["parse"].append(timed([sys.executable, "-c", BARE_PARSE, str(listing)])[:2])
        if not args.skip_peer:
            peer = [str(bindir / "check-jsonschema"), "--schemafile", str(ROOT / "schema" / "plan.schema.json"),
                    *map(str, files)]
            runs["peer"].append(timed(peer)[:2])
        print(f"run {i + 1}/{args.repeat}: " + ", ".join(f"{k} {v[-1][0]:.2f}s" for k, v in runs.items() if v),
              flush=True)

    med = {k: (statistics.median(w for w, _ in v), max(m for _, m in v)) for k, v in runs.items() if v}
    cold = med["cold"][0]
    rows = [
        ("kehoach validate, cold", "cold"),
        ("kehoach validate, warm (cache)", "warm"),
        ("check-jsonschema (schema only)", "peer"),
        ("bare libyaml parse (CSafeLoader)", "parse"),
        ("kehoach status --overdue, cold", "status-cold"),
        ("kehoach status --overdue, warm (cache)", "status-warm"),
        ("kehoach status --overdue, next day (same cache)", "status-next-day"),
        ("kehoach status --unit \"Phòng VHXH\" --role any, next day", "status-unit"),
    ]
    print(f"\n{len(files)} plans, {size:.0f} MB, {os.cpu_count()} cores, median of {args.repeat}\n")
    if args.baseline:
        print(f"baseline: {args.baseline}\n")
        print("| command | seconds | vs cold | peak RSS MB | baseline seconds | baseline vs its cold "
              "| this / baseline |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    else:
        print("| command | seconds | vs cold | peak RSS MB |")
        print("|---|---:|---:|---:|")
    base_cold = med["base:cold"][0] if "base:cold" in med else None
    for label, key in rows:
        if key not in med:
            continue
        secs, rss = med[key]
        line = f"| {label} | {secs:.2f} | {secs / cold:.2f}× | {rss:.0f} |"
        if base_cold is not None:
            if f"base:{key}" in med:
                base = med[f"base:{key}"][0]
                line += f" {base:.2f} | {base / base_cold:.2f}× | {secs / base:.2f}× |"
            else:
                line += " | | |"
        print(line)
    print()
    checks = [("warm ≤ 0.1× cold", med["warm"][0] <= 0.1 * cold),
              ("cold ≤ 3× bare parse", cold <= 3 * med["parse"][0]),
              ("peak memory ≤ 500 MB", all(rss <= 500 for _, rss in med.values())),
              ("status cold ≤ validate cold", med["status-cold"][0] <= cold),
              ("status warm ≤ validate warm", med["status-warm"][0] <= med["warm"][0]),
              ("status next day ≤ validate warm", med["status-next-day"][0] <= med["warm"][0])]
    if "peer" in med:
        checks.insert(0, ("cold ≤ 1.0× check-jsonschema", cold <= med["peer"][0]))
    memory = {k: round(v[1]) for k, v in med.items()}
    print(f"peak RSS per command (MB): {memory}")
    for name, ok in checks:
        print(f"- {name}: {'yes' if ok else 'NO'}")
    (OUT / "results.json").write_text(json.dumps({"plans": len(files), "megabytes": size, "median": med,
                                                  "runs": runs}, indent=2), encoding="utf-8")


def _kehoach_runs(kehoach: str, corpus: Path) -> dict[str, tuple[float, float]]:
    """One round of the kehoach commands, each cache starting empty: wall seconds and peak MB."""
    cache = Path(tempfile.mkdtemp(prefix="kehoach-bench-cache-"))
    status_cache = Path(tempfile.mkdtemp(prefix="kehoach-bench-status-"))
    validate = [kehoach, "validate", str(corpus), "--format", "json", "--as-of", "2026-03-01",
                "--cache-dir", str(cache)]
    status = [kehoach, "status", str(corpus), "--overdue", "--format", "json", "--as-of", "2026-06-30",
              "--cache-dir", str(status_cache)]
    # the next day, on the same cache: status defaults to today, so this is the everyday run
    next_day = [*status[:-3], "2026-07-01", *status[-2:]]
    by_unit = [*next_day, "--unit", "Phòng VHXH", "--role", "any"]
    out: dict[str, tuple[float, float]] = {}
    try:
        for key, cmd in (("cold", validate), ("warm", validate), ("status-cold", status), ("status-warm", status),
                         ("status-next-day", next_day), ("status-unit", by_unit)):
            out[key] = timed(cmd)[:2]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(status_cache, ignore_errors=True)
    return out


if __name__ == "__main__":
    main()
