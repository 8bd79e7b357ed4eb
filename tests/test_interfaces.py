"""The stable interfaces of docs/interfaces.md: JSON, SARIF, GitHub output, explain, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.rules import REGISTRY

from .conftest import PLANS
from .helpers import run

FINDING_KEYS = {"rule", "code", "severity", "path", "line", "column", "message"}


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))


def test_validate_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "validate", str(PLANS), "--format", "json", "--as-of", "2026-03-01")
    assert r.code == 1  # the real plans have real errors
    data = r.json()
    assert data["version"] == 1 and set(data["summary"]) == {"files", "errors", "warnings", "infos", "unreadable"}
    findings = data["findings"]
    assert findings, "the real plans have findings"
    for f in findings:
        assert set(f) >= FINDING_KEYS
        assert f["severity"] in ("error", "warning", "info")
        assert f["rule"] in REGISTRY and REGISTRY[f["rule"]].code == f["code"]
        assert isinstance(f["line"], int) and f["line"] >= 1 and isinstance(f["column"], int) and f["column"] >= 1
        assert f["path"].endswith(".yaml") and "\\" not in f["path"]
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in findings]
    assert keys == sorted(keys)
    assert data["summary"]["files"] == 5
    assert data["summary"]["errors"] == sum(f["severity"] == "error" for f in findings)


def test_validate_json_english(capsys: pytest.CaptureFixture[str]) -> None:
    vi = run(capsys, "validate", str(PLANS), "--format", "json", "--as-of", "2026-03-01").json()
    en = run(capsys, "validate", str(PLANS), "--format", "json", "--lang", "en", "--as-of", "2026-03-01").json()
    assert [f["code"] for f in vi["findings"]] == [f["code"] for f in en["findings"]]
    before = [f["message"] for f in en["findings"] if f["rule"] == "deadline-before-plan"]
    assert before and all("ends before the plan period" in m for m in before)


def test_clean_plan_exits_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from .conftest import plan_text

    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    # Only the rules named: a rule added later may well have something to say about this plan.
    r = run(capsys, "validate", str(tmp_path / "p.yaml"), "--format", "json", "--select", "KH1,KH2")
    assert r.code == 0 and r.json()["findings"] == []


def test_fail_on_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from .conftest import plan_text

    text, _ = plan_text("- {id: t1, text: Một, lead: Các cơ quan, đơn vị, deadline: Quý II/2026}\n")
    text = text.replace("lead: Các cơ quan, đơn vị", 'lead: "Các cơ quan, đơn vị"')
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    only = ("--select", "vague-lead")
    assert run(capsys, "validate", str(tmp_path), "--format", "json", *only).code == 0
    assert run(capsys, "validate", str(tmp_path), "--format", "json", "--fail-on", "warning", *only).code == 1


def test_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "validate", str(PLANS), "--format", "sarif", "--as-of", "2026-03-01")
    doc = r.json()
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    driver = doc["runs"][0]["tool"]["driver"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == [r.code for r in REGISTRY.values()]
    results = doc["runs"][0]["results"]
    assert results
    for res in results:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1


def test_github_annotations_and_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = run(capsys, "validate", str(PLANS), "--format", "github", "--as-of", "2026-03-01")
    lines = r.out.splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=KH\d{3} %5B?\[?[a-z-]+.*::.+$")
    assert lines and all(pattern.match(line) or line.startswith("::") for line in lines)
    assert all(",title=KH" in line for line in lines)
    assert "| KH203 | deadline-before-plan |" in summary.read_text(encoding="utf-8")


def test_github_escapes_newlines_and_percent() -> None:
    from kehoach.escape import github_data, github_property

    assert github_data("50%\nx") == "50%25%0Ax"
    assert github_property("a:b,c") == "a%3Ab%2Cc"


@pytest.mark.parametrize(("text", "due"), [
    ("Tháng 4/2026", "2026-04-30"), ("Quý II/2026", "2026-06-30"), ("Quý I - Quý IV", "2026-12-31"),
    ("trước ngày 20/11/2026", "2026-11-20"), ("2026-2030", "2030-12-31"), ("Thường xuyên", None),
    ("Hằng năm", "2026-12-31"), ("Quý I/2026 và duy trì", "2026-03-31"),
])
def test_explain_deadline(capsys: pytest.CaptureFixture[str], text: str, due: str | None) -> None:
    r = run(capsys, "explain", "deadline", text, "--year", "2026", "--format", "json")
    d = r.json()
    assert set(d) >= {"text", "kind", "start", "due", "recurrence", "ongoing", "external", "valid"}
    assert d["due"] == due and d["valid"] is True and r.code == 0


def test_explain_invalid_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "explain", "deadline", "Quý V/2026", "--year", "2026", "--format", "json")
    assert r.code == 1 and r.json()["valid"] is False and r.json()["reason"] == "quarter-out-of-range"
    text = run(capsys, "explain", "deadline", "Tháng 13/2026", "--year", "2026")
    assert "tháng phải từ 1 đến 12" in text.out


def test_explain_target(capsys: pytest.CaptureFixture[str]) -> None:
    d = run(capsys, "explain", "target", "≥0,77", "--format", "json").json()
    assert {"text", "operator", "value", "unit", "valid"} <= set(d)
    assert (d["operator"], d["value"], d["valid"]) == ("ge", 0.77, True)


def test_explain_unit(capsys: pytest.CaptureFixture[str]) -> None:
    d = run(capsys, "explain", "unit", "Phòng VHXH", "--city", "hai-phong", "--plans-dir", str(PLANS),
            "--format", "json").json()
    assert {"text", "canonical", "vague", "suggestions"} <= set(d)
    assert d["canonical"] == "Phòng Văn hóa - Xã hội" and d["vague"] is False
    vague = run(capsys, "explain", "unit", "Các cơ quan, đơn vị", "--city", "hai-phong", "--plans-dir",
                str(PLANS), "--format", "json").json()
    assert vague["vague"] is True and vague["canonical"] is None
    unknown = run(capsys, "explain", "unit", "Phòng Văn hóa Thôngtin", "--city", "hai-phong", "--plans-dir",
                  str(PLANS), "--format", "json")
    assert unknown.code == 1 and "Phòng Văn hóa - Xã hội" in unknown.json()["suggestions"]


def test_explain_unit_without_registry(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "explain", "unit", "x", "--city", "nowhere", "--plans-dir", str(tmp_path))
    assert r.code == 2 and "units.yaml" in r.err


def test_explain_rule(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "explain", "rule", "KH203", "--format", "json")
    d = r.json()
    assert d["name"] == "deadline-before-plan" and "Why it matters" in d["doc"]
    listing = run(capsys, "explain", "rule", "--format", "json").json()
    assert [x["code"] for x in listing["rules"]] == [r.code for r in REGISTRY.values()]
    assert run(capsys, "explain", "rule", "no-such-rule").code == 2


def test_rule_docs_have_the_fixed_headings() -> None:
    for rule in REGISTRY.values():
        doc = rule.doc()
        for heading in ("**What it does.**", "**Why it matters.**", "**Example.**", "**Fix.**"):
            assert heading in doc, (rule.name, heading)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name) and re.fullmatch(r"KH\d{3}", rule.code)


def test_rules_doc_is_made_from_the_rules_of_the_source_tree(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "rules.md"
    r = subprocess.run([sys.executable, str(root / "tools" / "gen_rules_doc.py"), str(out)], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    doc = out.read_text(encoding="utf-8")
    for rule in REGISTRY.values():
        assert f"## {rule.name}\n\n`{rule.code}` · default severity: {rule.severity.label}\n\n{rule.doc()}" in doc


@pytest.mark.parametrize("args", [
    ["validate", "khong-co-tep-nay.yaml"],
    ["validate", "plans", "--format", "xml"],
    ["validate", "plans", "--as-of", "2026-13-01"],
    ["validate", "plans", "--lang", "fr"],
    ["validate", "plans", "--select", "no-such-rule"],
    ["validate", "--no-such-option"],
    ["no-such-command"],
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    r = run(capsys, *[str(PLANS) if a == "plans" else a for a in args])
    assert r.code == 2
    assert r.err.strip() and "không mong đợi" not in r.err and "Unexpected error" not in r.err


def test_missing_file_names_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "validate", "khong-co-tep-nay.yaml")
    assert "khong-co-tep-nay.yaml" in r.err and "Không tìm thấy" in r.err
    en = run(capsys, "validate", "khong-co-tep-nay.yaml", "--lang", "en")
    assert "does not exist" in en.err


def test_folder_without_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "validate", str(tmp_path))
    assert r.code == 2 and "*.yaml" in r.err


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed entry point, as CI and users call it."""
    import shutil
    import subprocess
    import sys

    beside = Path(sys.executable).parent / "kehoach"
    exe = str(beside) if beside.exists() else shutil.which("kehoach")
    if exe is None:
        pytest.skip("the kehoach console script is not installed")
    r = subprocess.run([exe, "validate", str(PLANS), "--format", "json", "--no-cache"], capture_output=True,
                       text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert r.returncode == 1 and '"findings"' in r.stdout and "Traceback" not in r.stderr


def test_every_key_of_the_report_json_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/interfaces.md names every key the report writes (keys are added, never renamed)."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "interfaces.md").read_text(encoding="utf-8")
    section = doc.split("## `kehoach report --format json`")[1].split("\n## ")[0]
    r = run(capsys, "report", str(PLANS / "hai-phong"), "--period", "2026-Q1", "--as-of", "2026-04-10",
            "--format", "json")
    assert r.code == 0, r.err
    data = r.json()
    plan = next(p for p in data["plans"] if p["late"] and p["groups"] and p["indicators"])
    keys = {*data, *data["period"], *plan, *plan["grid"], *plan["late"][0], *plan["indicators"][0],
            *plan["groups"][0], *data["not_reporting"][0]}
    missing = sorted(k for k in keys if f"`{k}`" not in section)
    assert not missing, missing
    assert [i["code"] for i in data["indicators"]] and set(data["indicators"][0]) <= {
        k for k in re.findall(r"`(\w+)`", section)}
