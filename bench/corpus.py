"""Build a national-scale corpus (3,321 plans by default) by varying the bundled plans.

Each generated plan is one of the five real Hải Phòng plans with its commune renamed, some
deadlines shifted and some targets changed, so that every file has its own content (and its
own content hash) while staying sized like a real plan. 34 "cities" of about 98 plans each,
each with a copy of the Hải Phòng unit registry.

    python bench/corpus.py OUT_DIR [--plans 3321]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["vinh-hai", "thai-tan", "hai-an", "an-lao", "vinh-lai"]
CITIES = 34
_QUARTER = re.compile(r"Quý (I{1,3}|IV)/2026")
_PERCENT = re.compile(r"(target: [\"']?[≥>]?\s?)(\d{2})%")
# Key lines of block-style rows: progress goes before a task's deadline, actuals before an
# indicator's target (both keys only those row kinds have), at the same indentation.
_DEADLINE = re.compile(r"^( +)deadline: ", re.MULTILINE)
_TARGET = re.compile(r"^( +)target: ", re.MULTILINE)


def vary(text: str, commune: str, new_name: str, rng: random.Random) -> str:
    text = text.replace(commune, new_name)
    quarters = ["I", "II", "III", "IV"]
    text = _QUARTER.sub(lambda m: f"Quý {rng.choice(quarters)}/2026" if rng.random() < 0.3 else m.group(0), text)
    text = _PERCENT.sub(lambda m: f"{m.group(1)}{min(99, int(m.group(2)) + rng.randint(0, 9))}%", text)
    text = _DEADLINE.sub(lambda m: _progress(m.group(1), rng) + m.group(0), text)
    return _TARGET.sub(lambda m: _actuals(m.group(1), rng) + m.group(0), text)


def _progress(indent: str, rng: random.Random) -> str:
    """Monthly reports for 60% of the tasks, as the units would have sent them by spring."""
    if rng.random() < 0.4:
        return ""
    lines = [f"{indent}progress:"]
    percent = 0
    for month in range(1, rng.randint(2, 5)):
        percent = min(100, percent + rng.randint(5, 40))
        state = "hoàn thành" if percent == 100 else "đang thực hiện"
        lines.append(f'{indent}  - date: "2026-{month:02d}-28"')
        lines.append(f"{indent}    state: {state}")
        if state == "hoàn thành":
            lines.append(f'{indent}    done_on: "2026-{month:02d}-25"')
        lines.append(f"{indent}    percent: {percent}")
        lines.append(f'{indent}    evidence: "Báo cáo số {rng.randint(1, 99)}/BC-UBND"')
        if state == "hoàn thành":
            break
    return "\n".join(lines) + "\n"


def _actuals(indent: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return ""
    value = f"{rng.randint(40, 100)}%"
    return f'{indent}actuals:\n{indent}  - {{date: "2026-03-31", period: Quý I/2026, value: "{value}"}}\n'


def build(out: Path, count: int, seed: int = 57) -> list[Path]:
    rng = random.Random(seed)
    sources = {s: (ROOT / "plans" / "hai-phong" / f"{s}.yaml").read_text(encoding="utf-8") for s in SOURCES}
    names = {"vinh-hai": "Vĩnh Hải", "thai-tan": "Thái Tân", "hai-an": "Hải An", "an-lao": "An Lão",
             "vinh-lai": "Vĩnh Lại"}
    if out.exists():
        shutil.rmtree(out)
    files = []
    for i in range(count):
        city = out / f"tinh-{i % CITIES:02d}"
        if not city.exists():
            city.mkdir(parents=True)
            shutil.copy(ROOT / "plans" / "hai-phong" / "units.yaml", city / "units.yaml")
        src = SOURCES[i % len(SOURCES)]
        new_name = f"{names[src]} {i:04d}"
        path = city / f"{src}-{i:04d}.yaml"
        path.write_text(vary(sources[src], names[src], new_name, rng), encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--plans", type=int, default=3321)
    args = ap.parse_args()
    files = build(args.out, args.plans)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} plans, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
