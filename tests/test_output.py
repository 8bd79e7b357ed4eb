"""The one output layer: formats found by discovery, -o and --format, width, language, write errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kehoach.output import Formatter, choose, formats, formatter
from tests.conftest import PLANS
from tests.helpers import run

COMMANDS = ("validate", "status", "rollup", "export", "diff", "explain", "fmt", "fix", "progress", "render")


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PLANS, tmp_path / "plans")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "plans"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_format_is_one_formatter_module(command: str) -> None:
    found = formats(command)
    assert found, command
    for name in found:
        f = formatter(command, name)
        assert isinstance(f, Formatter)
        assert type(f).__module__ == f"kehoach.reporters.{command}.{name}"


@pytest.mark.parametrize("command", ["validate", "status", "rollup", "export", "diff"])
def test_help_lists_the_formats_of_the_registry(capsys: pytest.CaptureFixture[str], command: str) -> None:
    r = run(capsys, command, "--help")
    help_text = " ".join(r.out.split())
    assert r.code == 0
    assert ", ".join(formats(command)) in help_text


def test_a_new_format_is_one_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Dropping reporters/<command>/<format>.py in is all a format takes."""
    import kehoach.reporters.explain as package

    module = Path(package.__path__[0]) / "yamlish.py"
    module.write_text(
        '"""A test format."""\n'
        "from kehoach.output import Formatter, Out\n\n\n"
        "class Yamlish(Formatter[object]):\n"
        "    extensions = ('.yamlish',)\n\n"
        "    def write(self, result, out: Out) -> None:\n"
        "        for k, v in result.data.items():\n"
        "            out.text.write(f'{k}: {v}\\n')\n", encoding="utf-8")
    from kehoach import output

    try:
        output._formats.cache_clear()
        output.formatter.cache_clear()
        assert "yamlish" in formats("explain")
        r = run(capsys, "explain", "target", "≥ 60%", "--format", "yamlish")
        assert r.code == 0 and "operator: ge" in r.out
    finally:
        module.unlink()
        output._formats.cache_clear()
        output.formatter.cache_clear()


def test_format_follows_the_extension_of_o(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "validate", str(plans), "--as-of", "2026-03-01", "-o", "out/report.sarif")
    assert r.code == 1 and r.out == ""
    assert json.loads(Path("out/report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    run(capsys, "validate", str(plans), "--as-of", "2026-03-01", "-o", "report.json")
    assert "findings" in json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert choose("validate", None, "x.sarif.json", "text") == "sarif"
    assert choose("validate", None, "x.log", "text") == "text"


def test_an_extension_that_disagrees_with_format_is_an_error(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run(capsys, "validate", str(plans), "-o", "report.json", "--format", "sarif")
    assert r.code == 2
    assert "report.json" in r.err and "sarif" in r.err
    assert not Path("report.json").exists()


def test_o_naming_a_folder_is_refused(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("out").mkdir()
    for target in ("out", "new-folder/"):
        r = run(capsys, "status", str(plans), "--format", "json", "-o", target)
        assert r.code == 2 and target.rstrip("/") in r.err, r.err
    assert not Path("new-folder").exists()


def test_unwritable_output_is_exit_2_with_the_path(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("a-file").write_text("x", encoding="utf-8")
    for args in (("validate", str(plans)), ("status", str(plans), "--format", "csv"),
                 ("rollup", str(plans), "--format", "json"), ("export", str(plans))):
        r = run(capsys, *args, "-o", "a-file/report.out")
        assert r.code == 2, args
        assert "a-file/report.out" in r.err and "Lỗi không mong đợi" not in r.err
    assert Path("a-file").read_text(encoding="utf-8") == "x"


def test_a_workbook_needs_a_file(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("status", "rollup", "export"):
        r = run(capsys, command, str(plans), "--format", "xlsx")
        assert r.code == 2 and "-o" in r.err and r.out == ""


def test_tables_take_the_terminal_width(plans: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run(capsys, "status", str(plans), "--as-of", "2026-06-30").out.splitlines()
    assert max(len(line) for line in narrow) <= 80
    monkeypatch.setenv("COLUMNS", "200")
    wide = run(capsys, "status", str(plans), "--as-of", "2026-06-30").out.splitlines()
    assert wide[0] == "Tổng số nhiệm vụ: 143 — tính đến ngày 30/06/2026"
    assert max(len(line) for line in wide) > 80


def test_no_colour_in_files_and_pipes(plans: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run(capsys, "validate", str(plans), "--as-of", "2026-03-01").out
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(capsys, "validate", str(plans), "--as-of", "2026-03-01").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "validate", str(plans), "--as-of", "2026-03-01").out


@pytest.mark.parametrize("spelling", [["--lang", "en"], ["--lang=en"]])
def test_lang_either_spelling_reaches_the_errors(capsys: pytest.CaptureFixture[str], spelling: list[str]) -> None:
    r = run(capsys, "validate", "khong-co-tep-nay.yaml", *spelling)
    assert r.code == 2 and "does not exist" in r.err


def test_debug_anywhere_on_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    from kehoach.cli import main

    assert "Traceback" not in run(capsys, "validate", "khong-co-tep-nay.yaml").err
    for args in (["validate", "khong-co-tep-nay.yaml", "--debug"], ["--debug", "validate", "khong-co-tep-nay.yaml"]):
        assert main(args) == 2
        assert "Traceback" in capsys.readouterr().err


def test_a_folder_without_a_unit_registry_says_the_unit_rules_were_skipped(
        plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (plans / "hai-phong" / "units.yaml").unlink()
    r = run(capsys, "validate", str(plans), "--as-of", "2026-03-01", "--format", "json")
    assert r.err.count("units.yaml") == 1 and "unknown-unit" in r.err
    assert json.loads(r.out)["findings"]
    r = run(capsys, "validate", str(plans), "--as-of", "2026-03-01", "--ignore", "KH1")
    assert "units.yaml" not in r.err


def test_render_o_ending_in_a_slash_is_a_folder(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(plans / "hai-phong" / "an-lao.yaml")
    r = run(capsys, "render", plan, "--force", "-o", "out-new/")
    assert r.code == 0, r.err
    assert Path("out-new/an-lao.docx").is_file() and Path("out-new").is_dir()


def test_render_takes_the_format_from_o(plans: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    plan = str(plans / "hai-phong" / "an-lao.yaml")
    r = run(capsys, "render", plan, "--force", "-o", "tt.md")
    assert r.code == 0 and Path("tt.md").read_text(encoding="utf-8").startswith("**ỦY BAN NHÂN DÂN**")
    # -o x.pdf alone means PDF: without LibreOffice that is a clear refusal, never Word bytes in a .pdf
    monkeypatch.setenv("KEHOACH_SOFFICE", "/khong/co/soffice")
    r = run(capsys, "render", plan, "--force", "-o", "tt.pdf")
    assert r.code == 2 and "LibreOffice" in r.err and not Path("tt.pdf").exists()
    r = run(capsys, "render", plan, "--force", "-o", "tt.docx", "--format", "md")
    assert r.code == 2 and "tt.docx" in r.err and not Path("tt.docx").exists()


def test_render_into_a_place_that_cannot_be_written(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("a-file").write_text("x", encoding="utf-8")
    r = run(capsys, "render", str(plans / "hai-phong" / "an-lao.yaml"), "--force", "-o", "a-file/sub/")
    assert r.code == 2 and "a-file/sub" in r.err and "Lỗi không mong đợi" not in r.err


# --- Markdown for the terminal (a rule's documentation) ---------------------------------------------

def test_markdown_is_shown_without_its_markers() -> None:
    from kehoach.reporters._markdown import plain

    md = ("Tóm tắt `id`.\n\n**Tác dụng.** Báo *dòng* có `: ` hoặc `` a`b `` và\nviết tiếp, 2 * 3 * 4, \\*sao\\*.\n\n"
          "- một `x`\n- hai\n\n```\nid: *t1*\n```")
    assert plain(md) == ("Tóm tắt “id”.\n\nTác dụng. Báo dòng có “: ” hoặc “a`b” và viết tiếp, 2 * 3 * 4, *sao*.\n\n"
                         "- một “x”\n- hai\n\n    id: *t1*")


@pytest.mark.parametrize("color", [False, True])
def test_markdown_on_a_console_wraps_without_trailing_spaces_and_colours_only_a_terminal(color: bool) -> None:
    import io

    from kehoach.output import Out
    from kehoach.reporters._markdown import render

    buf = io.StringIO()
    assert Out(buf, "vi", 60, color).console().legacy_windows is False or color   # a pipe on Windows: plain writes
    render(Out(buf, "vi", 60, color).console(), "**Tác dụng.** " + "Báo đơn vị chủ trì `Các cơ quan, đơn vị`. " * 5)
    text = buf.getvalue()
    assert ("\x1b[" in text) is color
    lines = text.splitlines()
    assert len(lines) > 2 and all(len(line) <= 60 and line == line.rstrip() for line in lines if "\x1b" not in line)
    if not color:
        assert lines[0].startswith("Tác dụng. Báo đơn vị chủ trì “Các cơ quan, đơn vị”.")
