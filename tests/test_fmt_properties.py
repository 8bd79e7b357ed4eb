"""Properties of fmt on generated plans: it never changes the data, keeps every comment, and a
formatted file formats to itself. Plans are the test template's, dumped in many YAML styles."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.fmt import format_files, format_text, same_data, write_all

from .conftest import PLANS, plan_text
from .helpers import run

TRICKY = ["", "1.", "2030", "1.10", "yes", "No", "~", "null", "- a", "a: b", "a:", "#x", "x #y", " lead", "trail ",
          "0x1F", "1:30", "2026-01-16", "≥ 60%", "$\\geq 60\\%$", "Quý II/2026", "a\nb", "a\nb\n", "\u00a0x", "@x",
          "`x", "%x", "!x", "&x", "*x", "|", ">", "'", '"', "{a}", "[a]", "a, b", "<<", "=", "Phòng VHXXH",
          "Văn hóa -Xã hội", "1e3", ".5", "-", "?", "…", "Hạ tầng: 5G # 100%"]
ALPHABET = st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029\ufeff")
TEXT = st.one_of(st.sampled_from(TRICKY), st.text(ALPHABET, max_size=40),
                 st.lists(st.text(ALPHABET, min_size=1, max_size=12), min_size=2, max_size=3).map("\n".join))
IDS = st.from_regex(r"[a-z][a-z0-9.]{0,6}", fullmatch=True)


@st.composite
def rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for i, id_ in enumerate(draw(st.lists(IDS, min_size=1, max_size=4, unique=True))):
        row: dict[str, Any] = {"id": f"{id_}.{i}", "text": draw(TEXT)}
        for key in draw(st.sets(st.sampled_from(["number", "output", "note", "deadline", "support"]))):
            row[key] = draw(TEXT)
        row["lead"] = draw(st.one_of(TEXT, st.lists(TEXT, min_size=1, max_size=3)))
        keys = draw(st.permutations(list(row)))
        out.append({k: row[k] for k in keys})
    return out


@st.composite
def plans(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A plan's text and the comments written into it."""
    data: dict[str, Any] = {
        "kehoach": 1,
        "meta": {"city": "Hải Phòng", "commune": draw(TEXT) or "Thử", "commune_kind": "xã", "year": 2026,
                 "number": draw(st.sampled_from(["", "33", "1."])), "symbol": "KH-UBND", "place": "Thử",
                 "date": "", "doc_type": "KẾ HOẠCH", "title": draw(TEXT) or "Kế hoạch"},
        "body": draw(st.lists(TEXT, max_size=3)),
        "signature": {"titles": ["TM. ỦY BAN NHÂN DÂN"], "name": "Nguyễn Văn A"},
        "appendices": [{"label": "Phụ lục", "content": [{"table": {
            "id": "pl", "kind": "tasks",
            "columns": [{"field": "number", "heading": "TT"}, {"field": "text", "heading": draw(TEXT) or "Nội dung"}],
            "rows": draw(rows())}}]}],
    }
    order = draw(st.permutations(list(data)))
    text = yaml.dump({k: data[k] for k in order}, allow_unicode=True, sort_keys=False,
                     default_flow_style=draw(st.sampled_from([False, None])),
                     default_style=draw(st.sampled_from([None, None, "'", '"', ">", "|"])),
                     width=draw(st.sampled_from([40, 80, 4096])), indent=draw(st.sampled_from([2, 4])))
    # Comments where a person writes them: on top, above a top-level key, after a top-level scalar.
    comments = ["# yaml-language-server: $schema=../../schema/plan.schema.json"]
    lines = comments[:]
    for n, line in enumerate(text.splitlines()):
        # (Comments above the first key are the file's header: they stay on top, see test_fmt.py.)
        if n and re.match(r"[a-z_]+:", line) and draw(st.booleans()):
            comments.append(f"# ghi chú {n}: {line.split(':')[0]}")
            lines.append(comments[-1])
        if re.fullmatch(r"[a-z_]+: \d+", line):
            comments.append(f"# cuối dòng {n}")
            line += f"  {comments[-1]}"
        lines.append(line)
    return "\n".join(lines) + "\n", comments


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_fmt_keeps_the_data_and_the_comments_and_is_idempotent(plan: tuple[str, list[str]]) -> None:
    text, comments = plan
    out = format_text(text, "p.yaml")
    assert out is not None
    assert same_data(text, out, "p.yaml")
    assert format_text(out, "p.yaml") == out
    kept = [line[line.index("# "):] for line in out.splitlines() if "# ghi chú" in line or "# cuối dòng" in line
            or line.startswith("# yaml-language-server")]
    assert sorted(kept) == sorted(comments)
    lines = out.splitlines()
    for n, line in enumerate(lines):     # a comment above a key moved with its key
        if line.startswith("# ghi chú"):
            below = next(x for x in lines[n + 1:] if not x.startswith("#"))
            assert below.startswith(line.rsplit(": ", 1)[1] + ":")


# --- line endings: the file as a person's editor saved it -------------------------------------------

EOLS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
SEPARATORS = ("\x85", "\u2028", "\u2029")


def fmt_file(path: Path) -> tuple[str, ...]:
    """``kehoach fmt`` on one file, in this process; the errors it reports (message keys)."""
    outcomes = format_files([(path, path.name)], "write", cache_dir=None, jobs=1)
    write_all(outcomes)
    return tuple(o.error[0] for o in outcomes if o.error)


def breaks(data: bytes) -> set[str]:
    return set(re.findall("\r\n|[\r\n\x85\u2028\u2029]", data.decode("utf-8")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.sampled_from(EOLS), st.booleans())
def test_fmt_on_every_line_ending(plan: tuple[str, list[str]], eol: str, bom: bool) -> None:
    """The file keeps its line ending (CR, CRLF, LF) or gets LF for NEL/LS/PS, reads back as the
    same data, and a second fmt changes nothing; or, for LS/PS inside a multi-line value (which
    libyaml keeps in the value), fmt refuses and leaves the file as it was."""
    text, _ = plan
    before = ("\ufeff" if bom else "") + text.replace("\n", eol)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.yaml"
        path.write_bytes(before.encode("utf-8"))
        errors = fmt_file(path)
        after = path.read_bytes()
        if errors:
            assert errors == ("fmt.separators",) and eol in ("\u2028", "\u2029"), errors
            assert after == before.encode("utf-8")
            return
        assert breaks(after) == {"\n" if eol in SEPARATORS else eol}
        assert after.startswith(b"\xef\xbb\xbf") == bom
        assert same_data(before.lstrip("\ufeff"), after.decode("utf-8-sig"), "p.yaml")
        assert fmt_file(path) == () and path.read_bytes() == after


@pytest.mark.parametrize("eol", EOLS)
def test_fmt_on_a_real_plan_in_every_line_ending(eol: str, tmp_path: Path) -> None:
    # Vĩnh Lại in CR crashed fmt; in NEL or LS the original stayed as one long line with a copy appended.
    original = (PLANS / "hai-phong" / "vinh-lai.yaml").read_text(encoding="utf-8")
    path = tmp_path / "vinh-lai.yaml"
    path.write_bytes(original.replace("\n", eol).encode("utf-8"))
    if eol in ("\u2028", "\u2029"):
        # Its folded paragraphs would read differently with line feeds: refused, file untouched.
        assert fmt_file(path) == ("fmt.separators",)
        assert path.read_bytes() == original.replace("\n", eol).encode("utf-8")
        return
    assert fmt_file(path) == ()
    after = path.read_bytes()
    assert breaks(after) == {"\n" if eol in SEPARATORS else eol}
    assert same_data(original, after.decode("utf-8"), "vinh-lai.yaml")
    lf = tmp_path / "lf.yaml"
    lf.write_text(original, encoding="utf-8")
    fmt_file(lf)
    assert after == lf.read_bytes().replace(b"\n", (eol if eol not in SEPARATORS else "\n").encode())


def test_validate_reports_separators_until_fmt_replaces_them(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    text, _ = plan_text("- id: t1\n  text: Một việc\n  lead: Công an xã\n")
    path.write_bytes(text.replace("\n", "\x85").encode("utf-8"))
    found = run(capsys, "validate", str(path), "--format", "json", "--select", "line-separator").json()["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("line-separator", 1)]
    assert run(capsys, "fmt", str(path)).code == 0
    assert run(capsys, "validate", str(path), "--format", "json", "--select", "line-separator").json()["findings"] == []
