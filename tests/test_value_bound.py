"""A text with more values than the loader's bound is refused before libyaml builds its graph,
with exactly the answer the converter gives after it: the same message at the same place, and
never for a text the converter accepts or refuses for another reason."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from kehoach import loader
from kehoach.fmt import canonical_data
from kehoach.loader import LoadFailure, parse

from .conftest import PLANS

BOUND = 60


def _flow(rows: int, extra: str = "") -> str:
    return "kehoach: 1\nrows:\n" + "".join(f"  - {{id: r{i}, text: 'Việc {i}, số {i}', lead: VP{extra}}}\n"
                                             for i in range(rows))


def _block(rows: int) -> str:
    return "kehoach: 1\nrows:\n" + "".join(f"  - id: r{i}\n    text: Việc {i}\n" for i in range(rows))


def _with_line(text: str, at: int, line: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join([*lines[:at], line, *lines[at:]])


CASES: dict[str, str] = {
    "flow, under the bound": _flow(BOUND // 4 - 1),
    "flow, just over": _flow(BOUND // 4 + 1),
    "flow, far over": _flow(5 * BOUND),
    "block, far over": _block(3 * BOUND),
    "block, values empty": "kehoach: 1\nrows:\n" + "  - a:\n    b:\n" * BOUND,
    "flow, keys without values": "kehoach: 1\nrows: [" + ", ".join("{a, b}" for _ in range(BOUND)) + "]\n",
    "explicit keys": "kehoach: 1\nrows:\n" + "".join(f"  ? k{i}\n" for i in range(2 * BOUND)),
    "a tag before the bound": _with_line(_flow(5 * BOUND), 3, "  - !include x\n"),
    "a tag after the bound": _with_line(_flow(5 * BOUND), 200, "  - !include x\n"),
    "a bad standard tag early": _with_line(_flow(5 * BOUND), 3, "  - !!int abc\n"),
    "a repeated key before the bound": _with_line(_flow(5 * BOUND), 3, "  - {id: a, id: b}\n"),
    "a repeated key after the bound": _with_line(_flow(5 * BOUND), 250, "  - {id: a, id: b}\n"),
    "a complex key early": _with_line(_flow(5 * BOUND), 3, "  - {[a]: b}\n"),
    "an anchor and alias": _with_line(_flow(5 * BOUND), 3, "  - &a {x: 1}\n  - *a\n"),
    "an undefined alias": _with_line(_flow(5 * BOUND), 3, "  - *nothing\n"),
    "a syntax error at the end": _flow(5 * BOUND) + "  - {a: b\n",
    "a second document": _flow(5 * BOUND) + "---\nx: 1\n",
    "too deep early": _with_line(_flow(5 * BOUND), 3, "  - " + "[" * 70 + "]" * 70 + "\n"),
    "a mark in every text": "kehoach: 1\nrows:\n" + "  - 'a-b: c, [d] {e} ?'\n" * BOUND,
}


def _outcome(text: str) -> tuple[Any, ...]:
    try:
        return ("ok", canonical_data(parse(text, "x.yaml").data))
    except LoadFailure as e:
        return ("refused", e.key, e.span, e.args_)


@pytest.fixture
def small_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_NODES", BOUND)


def _without_prescan(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[Any, ...]:
    with monkeypatch.context() as m:
        m.setattr(loader, "refuse_too_many_values", lambda text: None)
        return _outcome(text)


@pytest.mark.parametrize("case", list(CASES))
def test_the_early_answer_is_the_converter_s(case: str, small_bound: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = CASES[case]
    assert _outcome(text) == _without_prescan(monkeypatch, text)


@pytest.mark.parametrize("case", ["flow, just over", "flow, far over", "block, far over", "explicit keys",
                                  "flow, keys without values", "block, values empty"])
def test_a_text_over_the_bound_is_refused_before_its_graph_is_built(
        case: str, small_bound: None, monkeypatch: pytest.MonkeyPatch) -> None:
    composed: list[str] = []
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: composed.append("composed"))
    assert _outcome(CASES[case])[:2] == ("refused", "load.too-many-values") and not composed


def test_random_texts_get_the_converter_s_answer(small_bound: None, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(14)
    pieces = ["{a: 1, b: [x, y]}", "[1, 2, 3]", "'q, [x]: y'", "- z", "{k}", "? k", "!!str s", "&n {v: 1}",
              "*n", "{a: 1, a: 2}", "\"d: e\"", "|\n      t\n", "[[[]]]", "x # c: d, e", "{a: b", ""]
    for _ in range(300):
        rows = "".join(f"  - {rng.choice(pieces)}\n" for _ in range(rng.randint(1, 4 * BOUND // 3)))
        text = "kehoach: 1\nrows:\n" + rows
        assert _outcome(text) == _without_prescan(monkeypatch, text), text


def _values(node: yaml.Node) -> int:
    if isinstance(node, yaml.SequenceNode):
        return 1 + sum(_values(n) for n in node.value)
    if isinstance(node, yaml.MappingNode):
        return 1 + sum(_values(v) for _, v in node.value)
    return 1


def _texts() -> Iterator[str]:
    yield from CASES.values()
    for path in sorted(PLANS.rglob("*.yaml")):
        yield path.read_text(encoding="utf-8")


def test_every_value_follows_a_mark_the_count_sees() -> None:
    """The cheap first step: a text is under the bound when it has fewer marks than the bound."""
    for text in _texts():
        try:
            root = yaml.compose(text, Loader=loader.Composer)
        except yaml.YAMLError:
            continue
        if root is not None and "*" not in text:
            assert _values(root) <= 1 + sum(text.count(c) for c in loader._NODE_MARKS), text[:200]
