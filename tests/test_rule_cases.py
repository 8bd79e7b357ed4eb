"""One YAML file of pass/fail cases per rule (tests/rule_cases/<rule-name>.yaml), run here.

``pytest -k deadline-before-plan`` runs one rule's cases. Positions in a case are relative to
its ``rows`` block (line 1, column 1 = its first character), or to the file for ``raw`` cases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.config import Settings
from kehoach.linter import lint_file
from kehoach.rules import REGISTRY

from .conftest import ROWS_INDENT, plan_text

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases() -> list[Any]:
    out = []
    for f in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return out


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
    folder = tmp_path / "plans" / "thu-nghiem"
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
    result = lint_file(path, "plan.yaml", settings)
    got = sorted((f.span.line - offset, f.span.column - col_offset) for f in result.findings if f.rule == rule)
    if "pass" in case:
        assert got == [], f"expected no {rule} finding, got {got}: {[f.message for f in result.findings]}"
    else:
        want = sorted((e["line"], e["column"]) for e in case["fail"])
        assert got == want, [(f.span, f.message, f.args) for f in result.findings]
    mine = [f for f in result.findings if f.rule == rule]
    assert all(f.code == REGISTRY[rule].code for f in mine)
    if "message" in case:
        assert any(case["message"] in f.message + str(f.args) for f in mine), [(f.message, f.args) for f in mine]
