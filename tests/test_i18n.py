"""One gettext catalogue for everything a person reads (issue 19): complete and compiled, and the
command line — help, usage errors — speaking only the chosen language."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import typer.main

from kehoach import i18n
from kehoach.cli import app
from kehoach.cli.localize import _commands

from .helpers import run

ROOT = Path(__file__).resolve().parent.parent

# Words that must never reach a Vietnamese user from the framework or from kehoach.
ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|Error|Missing|Invalid|default|Show this message|"
                     r"What it does|Why it matters|required|env var|Try|No such|True|False|kind)\b")
VIETNAMESE = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)
OPTION = re.compile(r"--?[\w-]+")
TYPE_NAME = re.compile(r"<(str|int|float|bool|path|list\[[^]]*\])>|\{[a-z_]+\}")
# Quoted values and code spans (a rule's examples are plan text).
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']*'|`[^`]*`")


def _tool() -> object:
    spec = importlib.util.spec_from_file_location("kehoach_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_is_complete_consistent_and_compiled() -> None:
    """Every text has its translation in both languages, with the same placeholders, and the
    shipped .mo files are the compiled .po files (tools/i18n.py check)."""
    problems = _tool().problems()  # type: ignore[attr-defined]
    assert problems == [], "\n".join(problems[:20])


def test_a_text_missing_from_the_english_catalogue_falls_back_to_vietnamese_not_a_key() -> None:
    assert i18n.translate("no.such.key", "Một câu chưa dịch.", "en") == "Một câu chưa dịch."


def _command_lines() -> list[list[str]]:
    out = [[]]
    root = typer.main.get_command(app)
    for cmd in _commands(root):
        if cmd is root:
            continue
        parent = [c.name for c in _commands(root) if cmd in getattr(c, "commands", {}).values()]
        out.append([n for n in parent if n != root.name] + [cmd.name])
    return out


@pytest.mark.parametrize("words", _command_lines(), ids=lambda w: " ".join(w) or "kehoach")
def test_every_help_is_vietnamese_by_default_and_english_with_lang_en(capsys: pytest.CaptureFixture[str],
                                                                      words: list[str]) -> None:
    vi = run(capsys, *words, "--help")
    assert vi.code == 0
    words_shown = OPTION.sub("", vi.out)
    assert not ENGLISH.search(words_shown), ENGLISH.search(words_shown)
    assert not TYPE_NAME.search(vi.out), "a type name or a code name as metavar"
    en = run(capsys, *words, "--help", "--lang", "en")
    assert en.code == 0
    leftover = VIETNAMESE.search(QUOTED.sub("", en.out))
    assert leftover is None, en.out[max(0, leftover.start() - 60): leftover.end() + 20]


USAGE_ERRORS = [
    ["valdate"],
    ["status", "--city", "x"],
    ["progress", "plans/hai-phong/an-lao.yaml", "t1", "--date"],
    ["progress"],
    ["status", "--due-within", "x"],
    ["validate", "--jobs", "1.5"],
    ["new"],
    ["explain", "deadline"],
    ["explain", "nothing"],
    ["rollup", "a", "b", "--catalog"],
    ["fmt", "--check=yes"],
    ["progress", "a", "b", "c"],
    ["status", "--overdue=3"],
    ["--foo"],
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_are_said_in_the_chosen_language(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    vi = run(capsys, *args)
    assert vi.code == 2
    said = vi.out + vi.err
    assert "Lỗi:" in said, said
    assert not ENGLISH.search(OPTION.sub("", said)), said
    assert "Dòng lệnh không hợp lệ" not in said, "a usage error the catalogue has no words for: " + said
    en = run(capsys, "--lang", "en", *args)
    assert en.code == 2
    said = en.out + en.err
    assert "Error:" in said
    assert VIETNAMESE.search(QUOTED.sub("", said)) is None, said


def test_the_language_comes_from_the_option_then_kehoach_lang_then_the_locale() -> None:
    assert i18n.language(["validate", "--lang", "en"], {"KEHOACH_LANG": "vi"}) == "en"
    assert i18n.language(["--lang=en", "validate"], {}) == "en"
    assert i18n.language(["validate"], {"KEHOACH_LANG": "en", "LANG": "vi_VN.UTF-8"}) == "en"
    assert i18n.language(["validate"], {"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.language(["validate"], {"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}) == "vi"
    assert i18n.language(["validate"], {"LANGUAGE": "en_GB:vi", "LANG": "vi_VN"}) == "en"
    assert i18n.language(["validate"], {"LANG": "C.UTF-8"}) == "vi"
    assert i18n.language(["validate"], {}) == "vi"
    # A text after "--" is an argument, not the option.
    assert i18n.language(["diff", "--", "--lang", "en"], {}) == "vi"


def test_lang_before_the_command_and_from_the_locale_reach_the_command(capsys: pytest.CaptureFixture[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    r = run(capsys, "--lang", "en", "explain", "deadline", "Quý II/2026")
    assert r.code == 0 and "Quý II/2026" in r.out
    vi = run(capsys, "explain", "deadline", "Quý II/2026")
    assert vi.out != r.out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run(capsys, "explain", "deadline", "Quý II/2026").out == r.out


ASCII_ROWS = """\
- id: t1
  number: "1"
  text: Build the commune portal
  lead: Office of the People's Committee
  deadline: 30/06/2026
  progress:
    - date: "2026-03-10"
      state: đang thực hiện
      percent: 40
      note: Drafting the specification
- id: t2
  number: "3"
  text: Train the staff
  lead: Cac co quan lien quan
  deadline: 12/2025
"""


def _ascii_plan(tmp_path: Path) -> Path:
    """A plan whose every text is ASCII: in English output, any Vietnamese letter is kehoach's."""
    from .conftest import plan_text

    text, _ = plan_text(ASCII_ROWS)
    for vi, en in (("Hải Phòng", "Hai Phong"), ("Thử Nghiệm", "Thu Nghiem"), ("KẾ HOẠCH", "KE HOACH"),
                   ("Kế hoạch thử nghiệm", "Ke hoach thu nghiem"), ("TM. ỦY BAN NHÂN DÂN", "TM. UY BAN"),
                   ("Nguyễn Văn A", "Nguyen Van A"), ("Nội dung", "Noi dung"), ("Chủ trì", "Chu tri"),
                   ("Phối hợp", "Phoi hop"), ("Thời gian", "Thoi gian"), ("Phụ lục", "Phu luc")):
        text = text.replace(vi, en)
    path = tmp_path / "plans" / "thu" / "thu-nghiem.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def _english_only(said: str) -> str | None:
    """The first Vietnamese letter kehoach wrote itself (quoted values and the commune's kind,
    which is data, aside), with some context; None when there is none."""
    text = QUOTED.sub("", said)
    for data in ("xã", "Xã", "đang thực hiện", "hoàn thành", "chưa thực hiện"):   # values of the plan format
        text = text.replace(data, "")
    m = VIETNAMESE.search(text)
    return None if m is None else text[max(0, m.start() - 60): m.end() + 30]


@pytest.mark.parametrize("command", [
    ["validate", "{plan}"], ["validate", "{plan}", "--format", "json"], ["validate", "{plan}", "--format", "sarif"],
    ["validate", "{plan}", "--format", "github"], ["status", "{plan}"], ["status", "{plan}", "--format", "markdown"],
    ["status", "{plan}", "--format", "csv"], ["report", "{plan}", "--period", "2026-Q1"],
    ["export", "{plan}", "--format", "csv"], ["fmt", "--check", "{plan}"],
    ["progress", "{plan}", "t1", "--status", "done", "--date", "2026-03-20", "--dry-run"],
    ["explain", "deadline", "12/2025"], ["explain", "target", ">= 60%"], ["explain", "rule", "KH301"],
], ids=lambda c: " ".join(c).replace("{plan}", "PLAN"))
def test_english_output_has_no_vietnamese_of_kehoachs_own(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          command: list[str]) -> None:
    plan = _ascii_plan(tmp_path)
    args = [a.replace("{plan}", str(plan)) for a in command]
    r = run(capsys, *args, "--as-of", "2026-04-20", "--lang", "en") if command[0] in ("status", "report") \
        else run(capsys, *args, "--lang", "en")
    assert r.code in (0, 1), r.err
    said = r.out + r.err
    if command[-1] in ("json", "sarif"):     # each text of the document on its own
        said = "\n".join(_strings(json.loads(r.out)))
    leak = _english_only(said)
    assert leak is None, leak


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_catalogue_check_finds_a_wrong_placeholder_a_missing_translation_and_a_stale_mo(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    tool = _tool()
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "kehoach" / "locale", locale)
    monkeypatch.setattr(tool, "LOCALE", locale)
    po = locale / "en" / "LC_MESSAGES" / "kehoach.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Document \\"{path}\\" not found."', 'msgstr "Document \\"{file}\\" not found."', 1)
    text = text.replace('msgstr "Skip these rules."', 'msgstr ""', 1)
    po.write_text(text, encoding="utf-8")
    found = "\n".join(tool.problems())  # type: ignore[attr-defined]
    assert "placeholders differ in [import.missing]" in found
    assert "no translation for [help] 'Bỏ qua các quy tắc này.'" in found
    assert "en: " in found and "is not the compiled .po" in found


@pytest.mark.parametrize(("row", "vi", "en"), [
    ("- {id: t1, text: Một, lead: {a: 1}, deadline: Quý II/2026}",
     "không đúng dạng được phép: cần một đoạn văn bản hoặc một danh sách", "a text or a list expected"),
    ("- {id: t1, text: [Một], lead: Công an xã, deadline: Quý II/2026}",
     "sai kiểu: cần một đoạn văn bản", "has the wrong type: a text expected"),
])
def test_schema_messages_name_the_kinds_of_value_in_words(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          row: str, vi: str, en: str) -> None:
    from .conftest import plan_text

    path = tmp_path / "p.yaml"
    path.write_text(plan_text(row + "\n")[0], encoding="utf-8")
    said_vi = run(capsys, "validate", str(path), "--no-cache").out
    said_en = run(capsys, "validate", str(path), "--no-cache", "--lang", "en").out
    assert vi in said_vi and "anyOf" not in said_vi and "string" not in said_vi, said_vi
    assert en in said_en and "anyOf" not in said_en, said_en


@pytest.mark.parametrize("args", [["--lang", "fr", "validate", "plans"], ["validate", "plans", "--lang", "fr"],
                                  ["explain", "--lang", "fr", "target", "1"]])
def test_an_unknown_language_is_refused_wherever_it_stands(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    r = run(capsys, *args)
    assert r.code == 2 and '"fr"' in r.err, (r.out, r.err)
