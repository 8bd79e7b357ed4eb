"""The stable interfaces of docs/interfaces.md: JSON, SARIF, GitHub output, explain, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.messages import severity_label
from kehoach.rules import HEADINGS, REGISTRY, Rule

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
    assert set(d) == {"name", "code", "severity", "doc", "summary"}
    assert d["name"] == "deadline-before-plan" and "**Vì sao quan trọng.**" in d["doc"] and "Why it" not in d["doc"]
    assert d["summary"] == "Thời hạn kết thúc trước khi kỳ kế hoạch bắt đầu."
    en = run(capsys, "explain", "rule", "KH203", "--format", "json", "--lang", "en").json()
    assert "**Why it matters.**" in en["doc"] and en["summary"] == "A deadline ends before the plan period starts."
    listing = run(capsys, "explain", "rule", "--format", "json").json()
    assert [x["code"] for x in listing["rules"]] == [r.code for r in REGISTRY.values()]
    assert [x["summary"] for x in listing["rules"]] == [r.summary("vi") for r in REGISTRY.values()]
    assert run(capsys, "explain", "rule", "no-such-rule").code == 2


def _sections(doc: str, headings: tuple[str, ...]) -> list[str]:
    """The summary and the text under each heading, in order; fails when a heading is missing,
    repeated or out of order."""
    at = [doc.index(h) for h in headings]
    assert at == sorted(at) and all(doc.count(h) == 1 for h in headings), headings
    bounds = [0, *at, len(doc)]
    parts = [doc[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]
    return [parts[0]] + [part.removeprefix(h) for part, h in zip(parts[1:], headings, strict=True)]


@pytest.mark.parametrize("name", list(REGISTRY))
def test_rule_docs_have_the_fixed_headings_in_both_languages(name: str) -> None:
    rule = REGISTRY[name]
    vi, en = rule.doc("vi"), rule.doc("en")
    assert vi != en and rule.doc() == vi
    for doc, lang, other in ((vi, "vi", "en"), (en, "en", "vi")):
        sections = _sections(doc, HEADINGS[lang])
        assert all(part.strip() for part in sections), (lang, sections)
        assert not any(h in doc for h in HEADINGS[other]), lang
        assert rule.summary(lang) == " ".join(sections[0].split())
    # The Vietnamese is Vietnamese (letters English does not have), and the English is not.
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", vi.split("**Ví dụ.**")[0])
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name) and re.fullmatch(r"KH\d{3}", rule.code)


def test_a_rule_without_a_translation_shows_its_vietnamese_documentation() -> None:
    class Probe(Rule):
        """Tóm tắt.

        **Tác dụng.** a **Vì sao quan trọng.** b **Ví dụ.** c **Cách sửa.** d
        """

    assert Probe.doc("en") == Probe.doc("vi") == Probe.doc("fr") and Probe.summary("en") == "Tóm tắt."


def _english_and_vietnamese_words(text: str) -> tuple[bool, bool]:
    en = any(h.strip("*") in text for h in HEADINGS["en"])
    vi = any(h.strip("*") in text for h in HEADINGS["vi"])
    return en, vi


@pytest.mark.parametrize("name", list(REGISTRY))
def test_explain_rule_text_is_rendered_in_the_chosen_language(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    rule = REGISTRY[name]
    vi = run(capsys, "explain", "rule", name)
    assert vi.code == 0 and _english_and_vietnamese_words(vi.out) == (False, True)
    assert "**" not in vi.out and "`" not in vi.out and "\x1b" not in vi.out
    assert "Tác dụng." in vi.out and f"{rule.code} [{name}]" in vi.out
    en = run(capsys, "explain", "rule", rule.code, "--lang", "en")
    assert en.code == 0 and _english_and_vietnamese_words(en.out) == (True, False)
    assert "**" not in en.out and "`" not in en.out and "What it does." in en.out
    # Every word of the documentation is there, only the markers are gone (code between quotes).
    words = lambda s: re.sub(r"[*`“”]", "", s).split()  # noqa: E731
    label = severity_label(rule.severity.label, "en")
    assert words(en.out) == words(f"{rule.code} [{name}] ({label})\n\n{rule.doc('en')}")


def test_explain_rule_list_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    vi = run(capsys, "explain", "rule").out
    en = run(capsys, "explain", "rule", "--lang", "en").out
    for rule in REGISTRY.values():
        assert any(rule.code in line and rule.summary("vi").split()[0] in line for line in vi.splitlines())
    assert "A deadline ends before the plan period starts." in en and "Thời hạn kết thúc trước" not in en
    assert "Thời hạn kết thúc trước khi kỳ kế hoạch bắt đầu." in vi and "A deadline ends" not in vi
    assert "cảnh báo" in vi and "warning" not in vi and "`" not in vi + en and "**" not in vi + en


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sarif_rule_texts_are_in_the_chosen_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    from kehoach.reporters._markdown import plain

    doc = run(capsys, "validate", str(PLANS), "--format", "sarif", "--as-of", "2026-03-01", "--lang", lang).json()
    described = {d["name"]: d for d in doc["runs"][0]["tool"]["driver"]["rules"]}
    other = "en" if lang == "vi" else "vi"
    for rule in REGISTRY.values():
        d = described[rule.name]
        assert d["shortDescription"]["text"] == plain(rule.summary(lang))
        assert d["help"]["markdown"] == rule.doc(lang)
        for text in (d["shortDescription"]["text"], d["fullDescription"]["text"], d["help"]["text"]):
            assert "**" not in text and "`" not in text
        assert HEADINGS[lang][0].strip("*") in d["fullDescription"]["text"]
        assert not any(h.strip("*") in d["fullDescription"]["text"] for h in HEADINGS[other])
    if lang == "vi":
        assert described["deadline-before-plan"]["shortDescription"]["text"] == \
            "Thời hạn kết thúc trước khi kỳ kế hoạch bắt đầu."


def test_rules_doc_is_made_from_the_rules_of_the_source_tree(tmp_path: Path) -> None:
    import subprocess
    import sys

    from kehoach.messages import severity_label, t

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "rules.md"
    r = subprocess.run([sys.executable, str(root / "tools" / "gen_rules_doc.py"), str(out)], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
    vi = out.read_text(encoding="utf-8")
    en = (tmp_path / "en" / "rules.md").read_text(encoding="utf-8")
    # Each links to the other, at the top.
    assert "[English](en/rules.md)" in vi.split("\n## ")[0].splitlines()[2]
    assert "[Tiếng Việt](../rules.md)" in en.split("\n## ")[0].splitlines()[2]
    assert (tmp_path / "en" / "rules.md").parent.joinpath("../rules.md").resolve() == out.resolve()
    for rule in REGISTRY.values():
        for lang, doc in (("vi", vi), ("en", en)):
            line = t("rulesdoc.severity", lang, code=rule.code, label=severity_label(rule.severity.label, lang),
                     severity=rule.severity.label)
            assert f"## {rule.name}\n\n{line}\n\n{rule.doc(lang)}" in doc
            assert f"| {rule.code} | [`{rule.name}`](#{rule.name}) | {severity_label(rule.severity.label, lang)} | " \
                   f"{rule.summary(lang)} |" in doc
    assert "What it does" not in vi and "Tác dụng" not in en and "Why it matters" in en


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
            *plan["groups"][0], *data["not_reporting"][0], *data["signature"]}
    missing = sorted(k for k in keys if f"`{k}`" not in section)
    assert not missing, missing
    assert [i["code"] for i in data["indicators"]] and set(data["indicators"][0]) <= {
        k for k in re.findall(r"`(\w+)`", section)}
