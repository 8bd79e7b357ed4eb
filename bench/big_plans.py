"""Big plans inside the 10 MB cap: the commands that must stay about linear in the plan's size.

    python bench/big_plans.py [--rows 40000] [--repeat 3] [--baseline PATH/TO/kehoach]

Builds a plan with ROWS tasks (about 150 bytes each, in kehoach's layout) and a copy of it
for each writing command, then times, each as a whole process: validate, status, export to xlsx,
render to docx, fmt --check, progress --dry-run, progress (written), validate --fix. With
--baseline, the same commands run with another kehoach right after, and the ratio is printed.
Each figure is the median of --repeat runs. Issue 14 asked for progress --dry-run on 40,000 rows
in at most 5 s (it took over 150 s).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

sys.path.insert(0, str(ROOT))
from tests.conftest import plan_text  # noqa: E402  (the suite's minimal plan, filled with rows)


def plan(rows: int) -> str:
    """In kehoach's canonical layout (block mappings), as fmt writes it and progress needs it."""
    text, _ = plan_text("".join(f"- id: r{i}\n  number: \"{i}\"\n  text: Số hóa hồ sơ lưu trữ đợt {i}\n"
                                f"  lead: Văn phòng HĐND và UBND\n  deadline: Quý {1 + i % 4}/2026\n"
                                for i in range(1, rows + 1)))
    return text


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[1:4])} … exit {r.returncode}: {r.stderr[-500:]}")
    return wall


def commands(kehoach: str, task: str = "r1") -> list[tuple[str, list[str], bool]]:
    """Label, arguments (PLAN stands for the plan), and whether the command writes the plan."""
    return [
        ("validate", [kehoach, "validate", "PLAN", "--no-cache", "--as-of", "2026-03-01"], False),
        ("status", [kehoach, "status", "PLAN", "--no-cache", "--format", "json", "--as-of", "2026-06-30"], False),
        ("export xlsx", [kehoach, "export", "PLAN", "-o", "out/export.xlsx"], False),
        ("render docx", [kehoach, "render", "PLAN", "--overwrite", "-o", "out/plan.docx"], False),
        ("fmt --check", [kehoach, "fmt", "--check", "--no-cache", "PLAN"], False),
        ("progress --dry-run", [kehoach, "progress", "PLAN", task, "--status", "dang-thuc-hien", "--date",
                                "2026-03-01", "--as-of", "2026-03-02", "--dry-run"], False),
        ("progress", [kehoach, "progress", "PLAN", task, "--status", "dang-thuc-hien", "--date",
                      "2026-03-01", "--as-of", "2026-03-02"], True),
        ("validate --fix", [kehoach, "validate", "PLAN", "--no-cache", "--fix", "--as-of", "2026-03-01"], True),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=40_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", help="another kehoach executable to run side by side")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kehoach-big-"))
    city = work / "plans" / "hai-phong"
    city.mkdir(parents=True)
    shutil.copy(ROOT / "plans" / "hai-phong" / "units.yaml", city / "units.yaml")
    text = plan(args.rows)
    source = city / "big.yaml"
    source.write_text(text, encoding="utf-8")
    print(f"{args.rows} rows, {len(text.encode()) / 1e6:.1f} MB, median of {args.repeat}\n")
    sides = {"this": str(Path(sys.executable).parent / "kehoach")}
    if args.baseline:
        sides["baseline"] = args.baseline
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeat):
        for side, kehoach in sides.items():
            for label, cmd, writes in commands(kehoach, f"r{args.rows // 2}"):
                target = source
                if writes:   # each writing run starts from the same plan
                    target = city / "copy.yaml"
                    shutil.copy(source, target)
                argv = [a if a != "PLAN" else str(target.relative_to(work)) for a in cmd]
                times.setdefault((side, label), []).append(timed(argv, work))
    header = "| command | seconds |" + (" baseline | this / baseline |" if args.baseline else "")
    print(header)
    print("|---|---:|" + ("---:|---:|" if args.baseline else ""))
    for label, _, _ in commands("kehoach"):
        mine = statistics.median(times[("this", label)])
        line = f"| {label} | {mine:.2f} |"
        if args.baseline:
            base = statistics.median(times[("baseline", label)])
            line += f" {base:.2f} | {mine / base:.2f}× |"
        print(line)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
