"""How many real unit cells from other provinces kehoach reads right.

    python bench/unit_cells.py [--registry national|PATH/TO/units.yaml] [--show wrong|all]

Reads tests/data/unit-cells-other-provinces.txt (each cell with the reading written by hand) and
looks every cell up in the registry: the national model kehoach ships, or a city's units.yaml
(which extends it). A cell is read right when it resolves to the expected unit(s), or, expected
vague or unknown, when kehoach names no unit for it. A wrong unit counts against, and is listed
apart: issue 18 holds a wrong guess worse than "unknown". With a city's registry, the expected
national unit is read in the city's terms (the city unit that took it over).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kehoach.units import Registry, load_registry, national_registry  # noqa: E402

DATA = ROOT / "tests" / "data" / "unit-cells-other-provinces.txt"


def cells(path: Path = DATA) -> list[tuple[str, str, str]]:
    """(source, cell, expected reading) for every cell of the file."""
    out: list[tuple[str, str, str]] = []
    source = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            source = line[1:-1]
            continue
        text, expected = line.split(" → ")
        out.append((source, text, expected.strip()))
    return out


def in_registry(reg: Registry, expected: str) -> str:
    """The expected reading in a city's terms: a city unit that took over a national one (Hải Phòng's
    "Công an thành phố" is the national "Công an tỉnh") is the expected unit there."""
    if expected in ("vague", "unknown"):
        return expected
    return " | ".join(reg.lookup(name).canonical or name for name in expected.split(" | "))


def verdict(expected: str, got: str) -> str:
    """right, wrong (a unit that is not the expected one) or missed (no unit where one was expected)."""
    if got == expected:
        return "right"
    if expected in ("vague", "unknown"):
        # Vague and unknown are both "no unit": the measure counts a unit named where there is none.
        return "right" if got in ("vague", "unknown") else "wrong"
    return "missed" if got in ("vague", "unknown") else "wrong"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--registry", default="national", help="national, or the path of a city's units.yaml")
    ap.add_argument("--show", choices=("wrong", "all", "none"), default="wrong")
    args = ap.parse_args()
    reg: Registry = national_registry() if args.registry == "national" else load_registry(Path(args.registry))
    rows = [(src, text, in_registry(reg, expected), reg.lookup(text).reading) for src, text, expected in cells()]
    counts = {"right": 0, "wrong": 0, "missed": 0}
    for _, text, expected, got in rows:
        v = verdict(expected, got)
        counts[v] += 1
        if args.show == "all" or (args.show == "wrong" and v != "right"):
            print(f"{v:6}  {text!r}: expected {expected!r}, read {got!r}")
    n = len(rows)
    sources = len({src for src, *_ in rows})
    print(f"{n} cells from {sources} sources, registry {args.registry}: "
          f"{counts['right']} right ({100 * counts['right'] / n:.1f} %), "
          f"{counts['wrong']} wrong unit, {counts['missed']} not resolved")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
