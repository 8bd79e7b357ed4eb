'''"A rule is one module": the example rule of issue 13, dropped into a copy of the project.

The copy gets the rule module and its case file and nothing else; then the rule-case machinery,
``validate``, ``explain rule`` and the docs generator run against the copy (first on
PYTHONPATH), as they would in a checkout where someone just added those two files.
'''

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, plan_text

RULE_MODULE = '''\
"""The output-missing-probe rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""
from kehoach.findings import Severity
from kehoach.rules import Rule


class OutputMissingProbe(Rule):
    """Một nhiệm vụ chưa ghi kết quả cần đạt.

    **Tác dụng.** Báo nhiệm vụ không có kết quả đầu ra.

    **Vì sao quan trọng.** Nhiệm vụ không có sản phẩm thì không đánh giá được là đã xong.

    **Ví dụ.** `output: ""`.

    **Cách sửa.** Ghi kết quả mà nhiệm vụ phải đạt.
    """

    doc_en = """A task has no output.

    **What it does.** Reports a task with no output.

    **Why it matters.** A task without a deliverable cannot be judged done.

    **Example.** `output: ""`.

    **Fix.** Write what the task delivers.
    """

    name = "output-missing-probe"
    code = "KH499"
    severity = Severity.INFO
    message = "Nhiệm vụ {id} chưa ghi kết quả cần đạt."

    def check(self, ctx):
        for task in ctx.plan.tasks:
            if not task.output:
                yield self.hit(task.at("text"), id=task.id)
'''

CASE_FILE = '''\
rule: output-missing-probe
cases:
  - name: no-output
    rows: |
      - id: t1
        text: Nhiệm vụ chưa có kết quả
        lead: Phòng Kinh tế
        deadline: Quý II/2026
    fail:
      - {line: 1, column: 3}
  - name: with-output
    rows: |
      - id: t1
        text: Nhiệm vụ có kết quả
        lead: Phòng Kinh tế
        output: Báo cáo
        deadline: Quý II/2026
    pass: true
'''

def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for folder in ("kehoach", "schema", "tools", "docs", "tests/rule_cases"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=skip)
    for name in ("pyproject.toml", "tests/__init__.py", "tests/conftest.py", "tests/test_rule_cases.py"):
        shutil.copy2(ROOT / name, copy / name)
    (copy / "kehoach" / "rules" / "output_missing_probe.py").write_text(RULE_MODULE, encoding="utf-8")
    (copy / "tests" / "rule_cases" / "output-missing-probe.yaml").write_text(CASE_FILE, encoding="utf-8")
    return copy


def _run(copy: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(copy), "NO_COLOR": "1", "KEHOACH_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_a_new_rule_is_its_module_and_its_case_file(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    where = _run(copy, "-c", "import kehoach.rules; print(kehoach.rules.__file__)", cwd=work)
    assert Path(where.stdout.strip()).parent == copy / "kehoach" / "rules", where.stderr

    # The rule-case machinery of the copy: the probe's cases and the checks over all case files
    # (the other rules' cases are the main suite's business).
    cases = _run(copy, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/test_rule_cases.py", "-k",
                 "output-missing-probe or every_rule_has or name_their_rule or nobody_defines", cwd=copy)
    assert cases.returncode == 0, cases.stdout[-3000:]
    for test in ("test_rule_case[output-missing-probe-no-output]", "test_rule_case[output-missing-probe-with-output]",
                 "test_every_message_is_filled_by_its_cases[output-missing-probe]"):
        assert f"{test} PASSED" in cases.stdout, test

    text, _ = plan_text("- {id: t1, text: Nhiệm vụ chưa có kết quả, lead: Công an xã, deadline: Quý II/2026}\n")
    (work / "p.yaml").write_text(text, encoding="utf-8")
    for lang in ("vi", "en"):    # no English text yet: the Vietnamese one is shown
        r = _run(copy, "-m", "kehoach", "validate", "p.yaml", "--format", "json", "--lang", lang, cwd=work)
        assert r.returncode == 0, r.stderr
        probe = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "output-missing-probe"]
        assert [(f["code"], f["severity"], f["message"]) for f in probe] == [
            ("KH499", "info", "Nhiệm vụ t1 chưa ghi kết quả cần đạt.")]

    # Its English, as CONTRIBUTING.md says: update the catalogue, write the msgstr, compile.
    assert _run(copy, "tools/i18n.py", "update", cwd=copy).returncode == 0
    po = copy / "kehoach" / "locale" / "en" / "LC_MESSAGES" / "kehoach.po"
    untranslated = 'msgid "Nhiệm vụ {id} chưa ghi kết quả cần đạt."\nmsgstr ""'
    assert untranslated in po.read_text(encoding="utf-8")
    po.write_text(po.read_text(encoding="utf-8").replace(
        untranslated, 'msgid "Nhiệm vụ {id} chưa ghi kết quả cần đạt."\nmsgstr "Task {id} has no deliverable."'),
        encoding="utf-8")
    assert _run(copy, "tools/i18n.py", "compile", cwd=copy).returncode == 0
    checked = _run(copy, "tools/i18n.py", "check", cwd=copy)
    assert checked.returncode == 0, checked.stdout
    r = _run(copy, "-m", "kehoach", "validate", "p.yaml", "--format", "json", "--lang", "en", cwd=work)
    assert [f["message"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "output-missing-probe"] == [
        "Task t1 has no deliverable."]

    r = _run(copy, "-m", "kehoach", "explain", "rule", "output-missing-probe", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "Một nhiệm vụ chưa ghi kết quả cần đạt." in r.stdout and "Tác dụng. Báo nhiệm vụ" in r.stdout
    assert "A task without a deliverable" not in r.stdout and "**" not in r.stdout
    r = _run(copy, "-m", "kehoach", "explain", "rule", "KH499", "--lang", "en", cwd=work)
    assert r.returncode == 0, r.stderr
    assert "What it does. Reports a task with no output." in r.stdout and "Tác dụng" not in r.stdout

    # The docs generator reads the copy's rules (the kehoach installed for this test has no probe).
    assert _run(copy, "tools/gen_rules_doc.py", cwd=copy).returncode == 0
    vi = (copy / "docs" / "rules.md").read_text(encoding="utf-8")
    en = (copy / "docs" / "en" / "rules.md").read_text(encoding="utf-8")
    assert "## output-missing-probe" in vi and "**Cách sửa.** Ghi kết quả mà nhiệm vụ phải đạt." in vi
    assert "## output-missing-probe" in en and "**Fix.** Write what the task delivers." in en

    # Mistakes in a new module fail at import, naming the problem, rather than at a user's desk.
    bad = copy / "kehoach" / "rules" / "output_missing_again.py"
    for body, error in [
        (RULE_MODULE.replace('"output-missing-probe"', '"output-missing-again"'), "rule code 'KH499' is used twice"),
        (RULE_MODULE.replace('"KH499"', '"KH498"'), "rule name 'output-missing-probe' is used twice"),
        (RULE_MODULE.replace('"KH499"', '"KH498"').replace('"output-missing-probe"', '"output-missing-again"')
         .replace('    message = "Nhiệm vụ {id} chưa ghi kết quả cần đạt."\n', ""), "has no message"),
    ]:
        bad.write_text(body, encoding="utf-8")
        r = _run(copy, "-c", "import kehoach.rules", cwd=work)
        assert r.returncode == 1 and error in r.stderr, r.stderr[-500:]
