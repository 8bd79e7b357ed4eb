"""--fix leaves a string without anything its fixes act on as it is, without running them: the
answer must be the one running them gives, for every string."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import yaml

from kehoach import fix

from .conftest import PLANS

# Every character some fix acts on, and letters, digits and punctuation it does not.
ALPHABET = [
    *"aăâbcdđeêoôơuưy AĐ0123456789.,;:/()%≥",
    "<", ">", "&", ";", "\\", "$", "\t", "\n", " ", "  ", "\u00a0", "\u00ad", "\u2002", "\u200b", "\u200c", "\u2010",
    "\u2011", "\u202f", "\u205f", "\u2060", "\u3000", "\ufeff", "-", "–", "—", "o\u0301", "e\u0302\u0301", "<u>",
    "</p>", "&amp;", "&nbsp;", "$\\geq 60\\%$", "\\leq", "\r", "\u2028",
]


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def test_the_fast_answer_is_the_fixes_answer_on_every_string_of_the_plans() -> None:
    seen = 0
    for path in sorted(PLANS.rglob("*.yaml")):
        for value in _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CBaseLoader)):
            assert fix.fix_text(value) == fix._fix_all(value), value
            seen += 1
    assert seen > 1000


def test_the_fast_answer_is_the_fixes_answer_on_random_strings() -> None:
    rng = random.Random(14)
    changed = 0
    for _ in range(5000):
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        assert fix.fix_text(value) == fix._fix_all(value), repr(value)
        changed += fix._fix_all(value)[0] != value
    assert changed > 1000   # the strings do exercise the fixes
