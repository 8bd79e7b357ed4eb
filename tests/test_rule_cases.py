"""One YAML file of pass/fail cases per rule (tests/rule_cases/<rule-name>.yaml), run here.

``pytest -k deadline-before-plan`` runs one rule's cases. Positions in a case are relative to
its ``rows`` block (line 1, column 1 = its first character), or to the file for ``raw`` cases.
A position names either the exact place of the finding or a whole row, by where the row starts
(its ``- `` item: column 3 of the row's first line): a finding anywhere in that row matches it.
A case runs only its rule (and those in ``also``) and looks only at its rule's findings, so a
rule added later never changes another rule's cases.
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.config import Settings
from kehoach.findings import Finding, Span
from kehoach.linter import lint_file
from kehoach.messages import LANGS, derived, t, template
from kehoach.rules import REGISTRY, TEMPLATES

from .conftest import ROWS_INDENT, plan_text

CASES_DIR = Path(__file__).parent / "rule_cases"


def _load(rule: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((CASES_DIR / f"{rule}.yaml").read_text(encoding="utf-8"))["cases"]
    return cases


def _cases() -> list[Any]:
    out = []
    for f in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return out


def _lint(rule: str, case: dict[str, Any], folder: Path) -> tuple[list[Finding], list[Finding], int, int]:
    """All findings of the case's plan, its rule's findings, and the position offsets."""
    folder.mkdir(parents=True)
    if "raw" in case:
        text, offset, col_offset = case["raw"], 0, 0
    else:
        text, offset = plan_text(case["rows"], case.get("kind", "tasks"), case.get("items_key", "rows"))
        col_offset = ROWS_INDENT
    path = folder / "plan.yaml"
    path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    if "units" in case:
        (folder / "units.yaml").write_text(case["units"], encoding="utf-8")
    selected = tuple(n for n in REGISTRY if n in {rule, *case.get("also", [])})
    settings = Settings(rules=selected, as_of=dt.date.fromisoformat(case.get("as_of", "2026-03-01")))
    findings = lint_file(path, "plan.yaml", settings).findings
    return findings, [f for f in findings if f.rule == rule], offset, col_offset


def test_every_rule_has_a_case_file() -> None:
    have = {f.stem for f in CASES_DIR.glob("*.yaml")}
    assert set(REGISTRY) <= have, f"rules without a case file: {sorted(set(REGISTRY) - have)}"


def test_case_files_name_their_rule() -> None:
    for f in CASES_DIR.glob("*.yaml"):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert data["rule"] == f.stem
        names = [c["name"] for c in data["cases"]]
        assert len(names) == len(set(names)), f"{f.name}: case names repeat"
        assert any("pass" in c for c in data["cases"]) and any("fail" in c for c in data["cases"]), f.name


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any], tmp_path: Path) -> None:
    findings, mine, offset, col_offset = _lint(rule, case, tmp_path / "plans" / "thu-nghiem")
    got = sorted((f.span.line - offset, f.span.column - col_offset) for f in mine)
    if "pass" in case:
        assert got == [], f"expected no {rule} finding, got {got}: {[f.message for f in mine]}"
    else:
        want = sorted((e["line"], e["column"]) for e in case["fail"])
        assert _as_wanted(got, want, case.get("rows", "")) == want, [(f.span, f.message, f.args) for f in findings]
    assert all(f.code == REGISTRY[rule].code for f in mine)
    if "message" in case:
        assert any(case["message"] in f.message + str(f.args) for f in mine), [(f.message, f.args) for f in mine]


def _as_wanted(got: list[tuple[int, int]], want: list[tuple[int, int]], rows: str) -> list[tuple[int, int]]:
    """Each finding's position, or the start of its row where the case names the row."""
    starts = [i for i, line in enumerate(rows.splitlines(), start=1) if line.startswith("- ")]
    out = []
    for line, column in got:
        row = max((s for s in starts if s <= line), default=None)
        named_row = row is not None and (row, 3) in want and (line, column) not in want
        out.append((row, 3) if named_row and row is not None else (line, column))
    return sorted(out)


def _fields(text: str) -> set[str]:
    """The argument names a str.format template uses ("{size:,}" → "size", "{a.b}" → "a")."""
    out = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            out.add(name.split(".")[0].split("[")[0])
    return out


@pytest.mark.parametrize("rule", list(REGISTRY))
def test_every_message_is_filled_by_its_cases(rule: str, tmp_path: Path) -> None:
    """Each of the rule's messages is produced by some case, and in both languages every
    placeholder is filled by what the hit passes: a missing message or argument fails here."""
    produced: set[str] = set()
    for i, case in enumerate(_load(rule)):
        _, mine, _, _ = _lint(rule, case, tmp_path / str(i) / "thu-nghiem")
        for f in mine:
            produced.add(f.message)
            for lang in LANGS:
                text = template(f.message, lang)
                assert text is not None, (rule, f.message)
                missing = _fields(text) - set(derived(f.args, lang))
                assert not missing, (rule, f.message, lang, sorted(missing), f.args)
                assert t(f.message, lang, **f.args) != text or not _fields(text)
    declared = {f"rule.{m}" for m in REGISTRY[rule].templates()}
    assert declared <= produced, f"messages no case produces: {sorted(declared - produced)}"
    assert produced, f"no case of {rule} produces a finding"


def test_every_rule_message_has_its_english_with_the_same_arguments() -> None:
    for key, vi in TEMPLATES.items():
        en = template(f"rule.{key}", "en")
        assert en is not None and en != vi, f"rule message {key} has no English in the catalogue"
        assert _fields(en) == _fields(vi), key


def test_a_rule_message_nobody_defines_is_an_error_not_a_raw_key() -> None:
    with pytest.raises(KeyError):
        t("rule.no-such-message", "vi")
    with pytest.raises(KeyError):
        REGISTRY["numbering-gap"]().hit(Span(1, 1), variant="no-such-variant")


def test_a_case_may_name_the_row_but_not_another_row() -> None:
    rows = "- id: t1\n  text: a\n- id: t2\n  text: b\n"
    assert _as_wanted([(2, 9)], [(1, 3)], rows) == [(1, 3)]        # in the row named
    assert _as_wanted([(4, 9)], [(1, 3)], rows) == [(4, 9)]        # in another row: no match
    assert _as_wanted([(2, 9)], [(2, 9)], rows) == [(2, 9)]        # an exact position stays exact
    assert _as_wanted([(2, 9), (2, 3)], [(1, 3)], rows) == [(1, 3), (1, 3)]   # two findings are two
