"""Share of the real deadline cells (tests/data/deadline-cells.txt) that kehoach reads as expected.

    python tools/measure_deadlines.py [--show]

The cells of each round (the "# Round N" lines of the file) are counted apart, so that a change to
the grammar is measured on cells it was not built from (rounds 3 to 5 were collected after the
changes before them). A cell is read right when its kind and due date (and its recurrence, when the
file gives one) are those written beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kehoach.deadlines import parse_deadline

CELLS = Path(__file__).resolve().parent.parent / "tests" / "data" / "deadline-cells.txt"
YEAR = 2026


def main(argv: list[str]) -> int:
    show = "--show" in argv
    part, counts = "round 1", {f"round {n}": [0, 0] for n in range(1, 6)}
    for line in CELLS.read_text(encoding="utf-8").splitlines():
        if line.startswith("# Round "):
            part = line[2:9].lower()
        if " → " not in line or line.startswith(("#", "[")):
            continue
        text, expected = line.split(" → ")
        kind, due, *recurrence = expected.split()
        d = parse_deadline(text, YEAR)
        got = f"{d.kind} {d.due.isoformat() if d.due else '-'}"
        right = got == f"{kind} {due}" and (not recurrence or d.recurrence == recurrence[0])
        counts[part][0] += right
        counts[part][1] += 1
        if show and not right:
            print(f"  {part}: {text!r}: expected {expected}, read {got} {d.recurrence or ''}".rstrip())
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    for name, (right, cells) in [*counts.items(), ("all", total)]:
        print(f"{name}: {right}/{cells} read right ({100 * right / max(cells, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
