"""The one read path: what is not a regular file is refused, reads stop at the cap whatever
``stat`` says, the data a file expands to is bounded (nodes, text, depth), odd YAML is a located
finding, and nothing a message shows of a file is more than its offending token.

Hostile inputs are made here, small, at test time: none is kept in the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import time
from pathlib import Path

import pytest

from kehoach import loader
from kehoach.loader import LoadFailure, read_bytes

from .conftest import PLANS, plan_text
from .helpers import Run, run

ROW = "- {id: t1, text: Một việc, lead: Công an xã, deadline: Quý II/2026}\n"
# Every command that reads a plan, with what it needs besides the file.
COMMANDS = [
    ("validate",), ("validate", "--fix"), ("fmt",), ("fmt", "--check"), ("status",), ("rollup",), ("export",),
    ("render", "--format", "md"), ("progress", "--status", "dang-thuc-hien", "--date", "2026-02-01", "PLAN", "t1"),
]


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KEHOACH_LANG", "en")
    shutil.copy(PLANS / "catalog.yaml", tmp_path / "catalog.yaml")   # rollup's, found above the plans


def _command(args: tuple[str, ...], plan: Path) -> list[str]:
    if "PLAN" in args:
        return [a if a != "PLAN" else str(plan) for a in args]
    return [*args, str(plan)]


def _run_all(capsys: pytest.CaptureFixture[str], plan: Path, *, code: int = 2) -> list[Run]:
    out = []
    for args in COMMANDS:
        r = run(capsys, *_command(args, plan))
        assert r.code == code, (args, r.out, r.err)
        assert "Unexpected error" not in r.err, (args, r.err)
        out.append(r)
    return out


# --- what is not a regular file -------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_by_every_command_without_waiting(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    for r in _run_all(capsys, fifo):
        assert "pipe (FIFO)" in r.out + r.err
    assert time.monotonic() - started < 30


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_a_device_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    link = tmp_path / "plan.yaml"
    link.symlink_to("/dev/zero")
    for r in _run_all(capsys, link):
        assert "a device, not a file" in r.out + r.err


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)   # a socket path is short: relative to the folder
    with socket.socket(socket.AF_UNIX) as s:
        s.bind("plan.yaml")
        with pytest.raises(LoadFailure) as e:
            read_bytes(Path("plan.yaml"))
    assert e.value.key == "load.socket"


def test_the_read_stops_at_the_cap_whatever_stat_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A growing file (or a device that says it is empty) is read to the cap + 1 bytes, no further."""
    big = tmp_path / "plan.yaml"
    big.write_bytes(b"#" * 5000)
    real = os.fstat

    def small(fd: int) -> os.stat_result:
        st = real(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               int(st.st_atime), int(st.st_mtime), int(st.st_ctime)))

    monkeypatch.setattr(os, "fstat", small)
    with pytest.raises(LoadFailure) as e:
        read_bytes(big, limit=1000)
    assert e.value.key == "load.too-large" and e.value.args_["size"] == 1001
    assert read_bytes(big, limit=5000) == b"#" * 5000


def test_a_file_just_under_the_cap_is_read_whole(tmp_path: Path) -> None:
    p = tmp_path / "plan.yaml"
    p.write_bytes(b"x" * 4096)
    assert read_bytes(p, limit=4096) == b"x" * 4096
    with pytest.raises(LoadFailure):
        read_bytes(p, limit=4095)


# --- bounded work ---------------------------------------------------------------------------------

def _bomb() -> str:
    lines = ["kehoach: 1", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def test_fix_refuses_an_alias_bomb_as_validate_does(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(_bomb(), encoding="utf-8")
    started = time.monotonic()
    r = run(capsys, "validate", "--fix", str(plan))
    assert r.code == 2 and "too many nodes" in r.out
    assert time.monotonic() - started < 20
    assert plan.read_text(encoding="utf-8") == _bomb()


def test_a_long_text_repeated_by_aliases_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """1 MB × 400 stays under the node bound; the text bound stops it (here scaled down 100×)."""
    monkeypatch.setattr(loader, "MAX_TEXT", 100_000)
    text, _ = plan_text(ROW)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace("body: []", 'big: &b "' + "x" * 10_000 + '"\nbody: [' + ", ".join(["*b"] * 40) + "]"),
                    encoding="utf-8")
    for r in _run_all(capsys, plan):
        # fmt refuses any alias before the bound is met (it could not keep one when writing)
        assert "too much text" in r.out + r.err or "uses a YAML alias" in r.err


def test_a_file_without_aliases_never_meets_the_text_bound() -> None:
    """The bound is the byte cap: a file's own text is never longer than the file."""
    assert loader.MAX_TEXT >= loader.MAX_BYTES


@pytest.mark.parametrize("data", [
    "kehoach: 1\nx: &s [*s]\n",
    "kehoach: 1\nx: &s {a: *s}\n",
    "kehoach: 1\nx: " + "[" * 900 + "]" * 900 + "\n",
    "kehoach: 1\nx:\n" + "".join("  " * i + "- \n" for i in range(1, 80)),
])
def test_recursion_is_a_located_finding(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: str) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(data, encoding="utf-8")
    for r in _run_all(capsys, plan):
        assert "levels deep" in r.out + r.err or "uses a YAML alias" in r.err
    r = run(capsys, "validate", str(plan))
    assert re.search(rf"{re.escape(plan.as_posix())}:(?:2|3|66):\d+: KH001", r.out), r.out   # where the bound is met


# --- tags and YAML 1.1 ---------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "said"), [
    ("!!int 'abc'", 'The value "abc" cannot be read as !!int'),
    ("!!float 'x1'", 'The value "x1" cannot be read as !!float'),
    ("!!bool 'maybe'", 'The value "maybe" cannot be read as !!bool'),
    ("!!int '" + "9" * 30 + "x" * 60 + "'", "cannot be read as !!int"),
    ("!custom {a: 1}", "YAML tag !custom is not supported"),
    ("!!set {a: null}", "YAML tag tag:yaml.org,2002:set is not supported"),
    ("!!omap [a: 1]", "YAML tag tag:yaml.org,2002:omap is not supported"),
])
def test_tags_that_cannot_be_read_are_located_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      value: str, said: str) -> None:
    text, _ = plan_text(ROW)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text.replace("  year: 2026\n", f"  year: {value}\n"), encoding="utf-8")
    for r in _run_all(capsys, plan):
        assert said in r.out + r.err
        assert "x" * 41 not in r.out + r.err   # at most the token's first characters
    assert f"{plan.as_posix()}:7:9:" in run(capsys, "validate", str(plan)).out


@pytest.mark.parametrize(("line", "said"), [
    ("  year: 0x7EA", "The value 0x7EA has the wrong type: a whole number expected. This YAML 1.1 number form"),
    ("  year: 33:46", "The value 33:46 has the wrong type: a whole number expected. This YAML 1.1 number form"),
    ("  year: 03752", "The value 03752 has the wrong type"),
    ("  year: 0b11111101010", "The value 0b11111101010 has the wrong type"),
    ("  place: yes", 'The value yes has the wrong type: a text expected. YAML reads "yes" written without quotes'
                     " as true"),
    ("  place: Off", 'YAML reads "Off" written without quotes as false'),
])
def test_yaml_1_1_forms_are_findings_where_they_do_not_fit(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          line: str, said: str) -> None:
    text, _ = plan_text(ROW)
    key = line.split(":")[0]
    lines = [line if ln.startswith(key + ":") else ln for ln in text.split("\n")]
    plan = tmp_path / "plan.yaml"
    plan.write_text("\n".join(lines), encoding="utf-8")
    r = run(capsys, "validate", str(plan), "--as-of", "2026-03-01")
    assert r.code == 1
    assert said in r.out


def test_yaml_1_1_number_forms_stay_text_where_text_is_expected() -> None:
    doc = loader.parse("a: 0x7EA\nb: 33:46\nc: 017\nd: 2026\ne: 0.5\nf: -12\ng: 0\n", "t.yaml")
    assert doc.data == {"a": "0x7EA", "b": "33:46", "c": "017", "d": 2026, "e": 0.5, "f": -12, "g": 0}


# --- no file content in messages ----------------------------------------------------------------

SECRETS = [
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUSECRET\n-----END OPENSSH PRIVATE KEY-----\n",
    "machine api.example.org login bob password ghp_SECRETSECRET\n",
    "DB_PASSWORD=hunter2SECRET\nAPI_KEY=sk-live-SECRET\n",
    "- SECRET-one\n- SECRET-two\n",
    "[default]\naws_access_key_id = AKIASECRET\naws_secret_access_key = SECRETSECRET\n",
    "password: \"SECRET\x01\"\n",
]


@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_a_link_to_a_credentials_file_never_shows_its_content(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                             secret: str, fmt: str) -> None:
    target = tmp_path / "credentials"
    target.write_text(secret, encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "x.yaml").symlink_to(target)
    r = run(capsys, "validate", "--format", fmt, str(plans / "x.yaml"))
    assert r.code in (1, 2)
    assert "SECRET" not in r.out + r.err
    assert "x.yaml" in r.out


# --- folder scans ---------------------------------------------------------------------------------

def _city(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    (plans / "hp").mkdir(parents=True)
    shutil.copy(PLANS / "hai-phong" / "units.yaml", plans / "hp" / "units.yaml")
    return plans


def test_folder_scans_take_plans_in_any_case(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plans = _city(tmp_path)
    text, _ = plan_text(ROW)
    for name in ("a.YAML", "b.Yml", "c.yaml", "notes.txt"):
        (plans / "hp" / name).write_text(text, encoding="utf-8")
    (plans / "hp" / "UNITS.YAML").write_text("kehoach_units: 1\n", encoding="utf-8")   # a city file in any case
    r = run(capsys, "export", "--format", "json", str(plans))
    assert r.code == 0, r.err
    assert sorted({row["plan"] for row in r.json()}) == ["a", "b", "c"]


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are UTF-16")
@pytest.mark.parametrize("command", [
    ("status", "--format", "json", "--as-of", "2026-03-01"), ("status", "--as-of", "2026-03-01"),
    ("status", "--format", "csv", "--as-of", "2026-03-01"), ("rollup", "--format", "json"), ("rollup",),
    ("rollup", "--format", "csv"), ("export",), ("export", "--format", "csv"), ("validate", "--format", "json"),
    ("validate", "--format", "github"), ("fmt", "--check"),
])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       command: tuple[str, ...]) -> None:
    plans = _city(tmp_path)
    text, _ = plan_text(ROW)
    if command[0] == "validate":   # a finding, so that the file is named
        text = text.replace("  year: 2026\n", "  year: 0x7EA\n")
    if command[0] == "fmt":
        text = text.replace("  year: 2026\n", "  year:   2026\n")
    try:
        (plans / "hp" / os.fsdecode(b"h\xffi.yaml")).write_text(text, encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    r = run(capsys, *command, str(plans))
    assert "Unexpected error" not in r.err and r.code in (0, 1), r.err
    if command[:3] != ("status", "--format", "csv") and command != ("rollup",):   # these name no plan here
        assert "h\\xffi" in r.out.replace("\\\\", "\\")


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
def test_a_link_leaving_the_folder_is_read_with_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plans = _city(tmp_path)
    text, _ = plan_text(ROW)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(text, encoding="utf-8")
    (plans / "hp" / "inside.yaml").write_text(text, encoding="utf-8")
    (plans / "hp" / "link-in.yaml").symlink_to(plans / "hp" / "inside.yaml")
    (plans / "hp" / "link-out.yaml").symlink_to(outside)
    r = run(capsys, "validate", str(plans), "--as-of", "2026-03-01")
    assert r.code == 0
    warned = [line for line in r.err.splitlines() if "outside" in line]
    assert warned == [f"kehoach: {plans.as_posix()}/hp/link-out.yaml links to a file outside "
                      f"{os.path.realpath(plans)}: read, never written."]
    # A repository around the folder is the boundary: a link to a file elsewhere in it is fine.
    (tmp_path / ".git").mkdir()
    assert "outside" not in run(capsys, "validate", str(plans), "--as-of", "2026-03-01").err


# --- the crash list: each a message with the file, exit 2 ----------------------------------------

def test_list_and_map_keys_are_findings_in_fmt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for i, data in enumerate(["kehoach: 1\n? [a, b]\n: 1\n", "kehoach: 1\nmeta:\n  {a: 1}: x\n"]):
        plan = tmp_path / f"k{i}.yaml"
        plan.write_text(data, encoding="utf-8")
        for args in (("fmt", "--check"), ("fmt",), ("validate", "--fix")):
            r = run(capsys, *args, str(plan))
            assert r.code == 2 and "A YAML key must be a plain string" in r.out + r.err, (args, r)
        assert plan.read_text(encoding="utf-8") == data


@pytest.mark.parametrize(("toml", "said"), [
    ('validate = "x"', 'key "validate" has the wrong type, table expected'),
    ("[validate]\nselect = 5", 'key "validate.select" has the wrong type, list of strings / string expected'),
    ("[validate]\nignore = [1]", 'key "validate.ignore" has the wrong type'),
    ('[validate.severity]\nvague-lead = "x"', 'key "validate.severity.vague-lead": severity "x" is not valid'),
    ("[validate.severity]\nvague-lead = 3", 'key "validate.severity.vague-lead" has the wrong type'),
    ('[validate]\nfail_on = "error"', 'there is no key "validate.fail_on". Did you mean: validate.fail-on?'),
    ('[validate]\nselct = ["ALL"]', 'there is no key "validate.selct". Did you mean: validate.select?'),
    ("[valdate]\n", 'there is no key "valdate". Did you mean: validate?'),
    ('[validate]\nselect = ["vague-leed"]', 'key "validate.select": no rule "vague-leed". Did you mean: vague-lead?'),
    ('[validate]\nfail-on = "bad"', 'key "validate.fail-on": severity "bad" is not valid'),
    ('x = "\xff"', "is not UTF-8 text (line 1)"),
    ("[validate\n", "is not valid"),
])
def test_kehoach_toml_is_checked_against_its_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch, toml: str, said: str) -> None:
    text, _ = plan_text(ROW)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    config = tmp_path / "kehoach.toml"
    config.write_bytes(toml.encode("latin-1") if "\xff" in toml else toml.encode())
    monkeypatch.chdir(tmp_path)
    for command in (("validate",), ("render", "--format", "md", "-o", "out.md")):
        r = run(capsys, *command, "plan.yaml")
        assert r.code == 2, r
        assert str(config) in r.err and said in r.err, r.err


def test_a_string_select_is_one_selector_not_its_letters(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    text, _ = plan_text(ROW)
    (tmp_path / "plan.yaml").write_text(text.replace("  year: 2026\n", "  year: 0x7EA\n"), encoding="utf-8")
    (tmp_path / "kehoach.toml").write_text('[validate]\nselect = "KH1"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run(capsys, "validate", "--format", "json", "plan.yaml")
    assert {f["code"] for f in r.json()["findings"]} <= {"KH002"} | {f"KH1{i:02}" for i in range(100)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("kind", ["folder", "fifo"])
@pytest.mark.parametrize("name", ["units.yaml", "catalog.yaml", "kehoach.toml"])
def test_a_city_file_that_is_not_a_file_stops_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch, kind: str,
                                                          name: str) -> None:
    plans = tmp_path / "plans"
    (plans / "hp").mkdir(parents=True)
    text, _ = plan_text(ROW)
    (plans / "hp" / "plan.yaml").write_text(text, encoding="utf-8")
    where = {"units.yaml": plans / "hp", "catalog.yaml": plans, "kehoach.toml": tmp_path}[name]
    if name != "catalog.yaml":
        (tmp_path / "catalog.yaml").unlink()
        shutil.copy(PLANS / "catalog.yaml", plans / "catalog.yaml")
    target = where / name
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    monkeypatch.chdir(tmp_path)
    said = "This is a folder, not a file" if kind == "folder" else "pipe (FIFO)"
    command = ("rollup", "plans") if name == "catalog.yaml" else ("validate", "plans")
    r = run(capsys, *command)
    assert r.code == 2 and said in r.err and name in r.err, r


def test_a_csv_cell_over_the_field_limit_names_its_row(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text(ROW)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    sheet = tmp_path / "thang2.csv"
    sheet.write_text("task_id,date,state,note\nt1,2026-02-01,dang-thuc-hien,ok\nt1,2026-02-02,dang-thuc-hien,\""
                     + "x" * 140_000 + '"\n', encoding="utf-8")
    r = run(capsys, "progress", "--from", str(sheet), str(plan), "--as-of", "2026-03-01")
    assert r.code == 2 and f"{sheet}:3: a cell is longer than 131,072 characters" in r.err
    assert plan.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("option", ["--note", "--evidence"])
def test_text_that_is_not_utf8_on_the_command_line_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                              option: str) -> None:
    text, _ = plan_text(ROW)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    bad = os.fsdecode(b"xong \xff") if os.name != "nt" else "xong \udcff"
    r = run(capsys, "progress", str(plan), "t1", "--status", "dang-thuc-hien", "--date", "2026-02-01",
            option, bad, "--as-of", "2026-03-01")
    assert r.code == 2 and f"{option}: character 6 is not UTF-8" in r.err
    assert plan.read_text(encoding="utf-8") == text


class _FullDisk:
    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")


def test_stdout_on_a_full_disk_is_exit_2_with_a_message(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach.cli import main

    monkeypatch.setattr("sys.stdout", _FullDisk())
    code = main(["validate", str(PLANS)])
    assert code == 2
    assert "kehoach: Cannot write the output: No space left on device." in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_the_last_flush_to_a_full_disk_is_exit_2_too(tmp_path: Path) -> None:
    """Output to a file is buffered: the console script meets the full disk at its last flush."""
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kehoach", "validate", str(PLANS / "hai-phong" / "hai-an.yaml"),
                               "--lang", "en"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                              cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["kehoach: Cannot write the output: No space left on device."]


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
@pytest.mark.parametrize("secret", SECRETS)
@pytest.mark.parametrize("name", ["units.yaml", "catalog.yaml"])
def test_a_city_file_linking_to_credentials_never_shows_them(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                             secret: str, name: str) -> None:
    plans = _city(tmp_path)
    text, _ = plan_text(ROW)
    (plans / "hp" / "plan.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "credentials").write_text(secret, encoding="utf-8")
    where = plans / "hp" if name == "units.yaml" else plans
    (where / name).unlink(missing_ok=True)
    (where / name).symlink_to(tmp_path / "credentials")
    r = run(capsys, "rollup", str(plans))
    assert r.code == 2 and name in r.err
    assert "SECRET" not in r.out + r.err


def test_too_many_values_written_out_are_not_blamed_on_aliases(tmp_path: Path) -> None:
    """A huge plan without an alias meets the node cap: the message says where, not "aliases?"."""
    from kehoach.loader import MAX_NODES, LoadFailure, parse

    text = "x:\n" + "- 1\n" * (MAX_NODES + 10)
    with pytest.raises(LoadFailure) as e:
        parse(text, "p.yaml")
    assert e.value.key == "load.too-many-values" and e.value.span.line > 1000
    with pytest.raises(LoadFailure) as e:
        parse("a: &a [1, 2]\n" + "".join(f"b{i}: [{', '.join(['*a'] * 9)}]\n" for i in range(60_000)), "p.yaml")
    assert e.value.key == "load.too-many-nodes"
