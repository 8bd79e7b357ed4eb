"""Every bad input gets a clear message with its place and exit code 2 (or a finding), never a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .conftest import plan_text
from .helpers import run


@pytest.fixture(autouse=True)
def _cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))


def _write(tmp_path: Path, data: bytes | str, name: str = "plan.yaml") -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def _validate(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    r = run(capsys, "validate", str(path), "--format", "json", *extra)
    return r.code, r.json()["findings"]


@pytest.mark.parametrize(("data", "key_text"), [
    (b"kehoach: 1\nmeta:\n\tcity: x\n", "tab"),
    ("kehoach: 1\nintro:\n  - Mục tiêu: đạt: 100%\n", "ngoặc kép"),
    (b"kehoach: 1\ntitle: H\xe0 N\xf4i\n", "UTF-8"),
    (b"kehoach: 1\nx: \"a\x00\"\n", "NUL"),
    (b"", "rỗng"),
    (b"kehoach: 1\n---\nkehoach: 1\n", "---"),
    (b"a: *nowhere\n", "Bí danh"),
    ("kehoach: [" * 2000 + "]" * 2000, "sâu"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "NUL"),
])
def test_unreadable_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes | str, key_text: str) -> None:
    path = _write(tmp_path, data)
    r = run(capsys, "validate", str(path))
    assert r.code == 2
    assert "yaml-syntax" in r.out and key_text in r.out
    assert f"{path.as_posix()}:" in r.out


def test_utf8_bom_and_utf16_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    plain = _write(tmp_path, text.encode("utf-8"), "plain.yaml")
    bom = _write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"), "bom.yaml")
    utf16 = _write(tmp_path, text.encode("utf-16"), "utf16.yaml")
    # Read as the same plan: the same findings, whatever rules exist, and none about reading.
    code, findings = _validate(capsys, plain)
    want = (code, [(f["rule"], f["line"], f["column"]) for f in findings])
    for p in (bom, utf16):
        code, findings = _validate(capsys, p)
        assert (code, [(f["rule"], f["line"], f["column"]) for f in findings]) == want
        assert code != 2 and not [f for f in findings if f["rule"] in ("yaml-syntax", "schema")]


def test_too_large_file_is_refused_fast(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as f:
        line = b"- text: " + b"x" * 90 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    start = time.perf_counter()
    r = run(capsys, "validate", str(path))
    assert r.code == 2 and "quá lớn" in r.out
    assert time.perf_counter() - start < 5


def test_alias_bomb_is_rejected_fast(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path = _write(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    r = run(capsys, "validate", str(path))
    assert r.code == 2 and "bí danh" in r.out
    assert time.perf_counter() - start < 5


def test_list_where_a_mapping_belongs_is_a_finding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(tmp_path, "kehoach: 1\nmeta: [a, b]\nbody: []\nsignature: {titles: [x], name: y}\n")
    code, findings = _validate(capsys, path)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("schema", 2, 7)]


def test_missing_field_is_a_finding_at_its_parent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    path = _write(tmp_path, text.replace("  symbol: KH-UBND\n", ""))
    code, findings = _validate(capsys, path)
    assert code == 1
    assert [(f["rule"], f["line"]) for f in findings] == [("schema", 4)]
    assert "symbol" in str(findings[0]["message"])


def test_wrong_types_and_values(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    text = text.replace("commune_kind: xã", "commune_kind: huyện").replace("year: 2026", "year: hai nghìn")
    code, findings = _validate(capsys, _write(tmp_path, text))
    assert code == 1
    messages = " ".join(str(f["message"]) for f in findings)
    assert "huyện" in messages and "hai nghìn" in messages


def test_unknown_format_version(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    code, findings = _validate(capsys, _write(tmp_path, text.replace("kehoach: 1", "kehoach: 2")))
    assert code == 1 and findings[0]["line"] == 2


def test_plan_text_is_data_everywhere(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rows = ('- id: t1\n  text: "{{ x }} {% if %} <b> & [bold]đậm[/bold]"\n'
            '  lead: "Các cơ quan, đơn vị {{ y }} <i> & [red]"\n  deadline: "{% raw %} Quý V"\n')
    text, _ = plan_text(rows)
    path = _write(tmp_path, text)
    r = run(capsys, "validate", str(path))
    assert "Các cơ quan, đơn vị {{ y }} <i> & [red]" in r.out
    assert "{% raw %} Quý V" in r.out
    _, findings = _validate(capsys, path)
    assert any("{{ y }} <i> & [red]" in str(f["message"]) for f in findings)


def test_broken_unit_registry_is_a_configuration_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    _write(tmp_path, text)
    _write(tmp_path, "kehoach_units: 1\ncity: x\nunits: [{nam: typo}]\n", "units.yaml")
    r = run(capsys, "validate", str(tmp_path))
    assert r.code == 2 and "units.yaml" in r.err


def test_broken_config_is_a_configuration_error(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Quý II/2026}\n")
    _write(tmp_path, text)
    _write(tmp_path, "[validate\nselect = 1\n", "kehoach.toml")
    monkeypatch.chdir(tmp_path)
    r = run(capsys, "validate", "plan.yaml")
    assert r.code == 2 and "kehoach.toml" in r.err


def test_one_bad_file_does_not_hide_the_others(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- {id: t1, text: Một, lead: Công an xã, deadline: Tháng 12/2025}\n")
    _write(tmp_path, text, "a.yaml")
    _write(tmp_path, b"kehoach: [\n", "b.yaml")
    # Unreadable files are reported whatever the selection.
    r = run(capsys, "validate", str(tmp_path), "--format", "json", "--select", "deadline-before-plan")
    assert r.code == 2
    rules = {(Path(str(f["path"])).name, f["rule"]) for f in r.json()["findings"]}
    assert rules == {("a.yaml", "deadline-before-plan"), ("b.yaml", "yaml-syntax")}
