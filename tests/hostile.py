"""A corpus of hostile inputs, generated here so that it stays small in the repository.

Each case is a plan file (bytes) or a special file put where a plan is expected, in a city folder
that has the bundled ``units.yaml`` and ``catalog.yaml``. ``tests/test_hostile.py`` runs every
command over every case. The classes follow issue 14: encodings, YAML syntax, aliases and
nesting, tags and keys, types and YAML 1.1 forms, line endings, characters that XML or a
spreadsheet would misread, sizes, special files and links, and the city's own files.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROWS_INDENT, plan_text

SECRET = "AKIA-khong-duoc-lo-ra-ngoai"   # what a linked credentials file holds: never printed


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes | None = None                        # the plan's bytes (None: made by ``setup``)
    setup: Callable[[Path], None] | None = None      # makes the plan (a link, a FIFO …) at the path
    city_files: dict[str, bytes] = field(default_factory=dict)   # units.yaml / catalog.yaml / kehoach.toml
    special: bool = False                            # may hang or grow without bounds: run in a subprocess


ROWS = """\
- id: t1
  number: "1"
  text: Số hóa hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân xã
  lead: Văn phòng HĐND và UBND
  support: Phòng Văn hóa - Xã hội
  deadline: Quý II/2026
- id: t2
  number: "2"
  text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW
  lead: Phòng Văn hóa - Xã hội
  deadline: Thường xuyên
"""

BASE, _ = plan_text(ROWS)


def _with(old: str, new: str, count: int = 1) -> bytes:
    assert old in BASE, old
    return BASE.replace(old, new, count).encode("utf-8")


def _row(extra: str) -> bytes:
    """The second task with ``extra`` (keys written at the task's own indentation) added."""
    indented = "".join(" " * ROWS_INDENT + line + "\n" for line in extra.splitlines())
    return _with('  deadline: Thường xuyên\n', f"  deadline: Thường xuyên\n{indented}")


def encodings() -> Iterator[Case]:
    text = BASE
    yield Case("utf16-bom", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    yield Case("utf16-no-bom", text.encode("utf-16-le"))
    yield Case("utf16be-bom", codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    yield Case("utf32-bom", codecs.BOM_UTF32_LE + text.encode("utf-32-le"))
    yield Case("utf32-no-bom", text.encode("utf-32-le"))
    yield Case("utf8-bom", codecs.BOM_UTF8 + text.encode("utf-8"))
    yield Case("cp1258", text.encode("cp1258", errors="replace"))
    yield Case("latin1", text.encode("latin-1", errors="replace"))
    # TCVN3 (ABC) puts Vietnamese letters in the upper half of a single-byte code page.
    yield Case("tcvn3-like", text.encode("utf-8").replace("ố".encode(), b"\xe8").replace("ệ".encode(), b"\xd6"))
    yield Case("overlong-utf8", BASE.encode() + b"# \xc0\xaf\n")
    yield Case("truncated-utf8", BASE.encode()[:-1] + "ễ".encode()[:2])
    yield Case("lone-surrogate-utf8", BASE.encode() + b"# \xed\xa0\x80\n")
    yield Case("nul-byte", BASE.encode()[:200] + b"\x00" + BASE.encode()[200:])
    yield Case("binary-docx", b"PK\x03\x04" + bytes(range(256)) * 4)
    yield Case("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    yield Case("utf16-bom-broken", codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1])


def syntax() -> Iterator[Case]:
    yield Case("empty", b"")
    yield Case("only-comment", b"# chua co gi\n")
    yield Case("only-newlines", b"\n\n\n")
    yield Case("tab-indent", _with("  lead: Phòng Văn hóa - Xã hội\n", "\tlead: Phòng Văn hóa - Xã hội\n"))
    yield Case("unclosed-quote", _with('number: "1"', 'number: "1'))
    yield Case("unclosed-flow", _with("body: []", "body: [a, b"))
    yield Case("colon-in-text", _with("text: Số hóa hồ sơ", "text: Số hóa: hồ sơ: tài liệu"))
    yield Case("bad-indent", _with("  lead: Văn phòng HĐND và UBND\n", "     lead: Văn phòng HĐND và UBND\n"))
    yield Case("two-documents", BASE.encode() + b"---\n" + BASE.encode())
    yield Case("document-end", BASE.encode() + b"...\ngarbage: [\n")
    yield Case("scalar-document", b"just a string\n")
    yield Case("list-document", b"- a\n- b\n")
    yield Case("number-document", b"2026\n")
    yield Case("null-document", b"~\n")
    yield Case("directive", b"%YAML 1.1\n---\n" + BASE.encode())
    yield Case("bad-directive", b"%FOO bar\n---\n" + BASE.encode())
    yield Case("stray-bracket", _with("body: []", "body: []]"))
    yield Case("control-char", _with("text: Số hóa", "text: Số\x07hóa"))
    yield Case("bom-in-middle", _with("text: Số hóa", "text: Số\ufeffhóa"))
    yield Case("very-long-line", _with("text: Số hóa", "text: " + "Số hóa " * 20000))
    yield Case("many-columns-key", _with("  lead: Văn phòng HĐND và UBND\n",
                                          "  lead: Văn phòng HĐND và UBND\n" + "  x" * 3000 + ": 1\n"))


def aliases_and_nesting() -> Iterator[Case]:
    laughs = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        laughs.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    yield Case("billion-laughs", ("\n".join(laughs) + "\n").encode())
    yield Case("billion-laughs-in-plan", BASE.encode() + ("\n".join(f"x{line}" for line in laughs) + "\n").encode())
    yield Case("recursive-alias", b"x: &s [*s]\n")
    yield Case("recursive-alias-map", b"x: &m {a: *m}\n")
    yield Case("undefined-alias", _with("lead: Phòng Văn hóa - Xã hội", "lead: *khong_co"))
    big = "A" * 1_000_000
    rows = "".join(f"- {{id: r{i}, number: \"{i}\", text: *big, lead: Công an xã, deadline: Quý IV/2026}}\n"
                   for i in range(3, 403))
    yield Case("big-string-aliased", _with(
        "  text: Số hóa hồ sơ, tài liệu lưu trữ của Ủy ban nhân dân xã\n", f"  text: &big {big}\n")
        + "".join("            " + line + "\n" for line in rows.splitlines()).encode())
    yield Case("alias-as-text", _with("  text: Số hóa hồ sơ", "  text: &k Số hóa hồ sơ").replace(
        "text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW".encode(), b"text: *k"))
    yield Case("merge-key", _with("  lead: Văn phòng HĐND và UBND\n", "  <<: {lead: Công an xã}\n"))
    yield Case("nesting-900-flow", b"x: " + b"[" * 900 + b"]" * 900 + b"\n")
    yield Case("nesting-10k-flow", b"x: " + b"[" * 10000 + b"]" * 10000 + b"\n")
    yield Case("nesting-deep-block", "".join("  " * i + f"k{i}:\n" for i in range(300)).encode() + b"  " * 300 + b"v\n")
    yield Case("nesting-unclosed", b"x: " + b"[" * 5000 + b"\n")
    yield Case("many-nodes", b"x:\n" + b"".join(b"- 1\n" for _ in range(60_000)))


def tags_and_keys() -> Iterator[Case]:
    yield Case("python-object", _with("body: []", "body: !!python/object/apply:os.system ['echo pwned']"))
    yield Case("python-name", _with("body: []", "body: !!python/name:os.system"))
    yield Case("int-tag-bad", _with("year: 2026", "year: !!int 'abc'"))
    yield Case("float-tag-bad", _with("year: 2026", "year: !!float 'x1'"))
    yield Case("binary-tag", _with("title: Kế hoạch thử nghiệm", "title: !!binary aGVsbG8="))
    yield Case("timestamp-tag", _with("date: \"\"", "date: !!timestamp 2026-13-45"))
    yield Case("custom-tag-scalar", _with("title: Kế hoạch thử nghiệm", "title: !ke-hoach Kế hoạch"))
    yield Case("custom-tag-map", _with("signature:\n", "signature: !chu-ky\n"))
    yield Case("custom-tag-seq", _with("body: []", "body: !danh-sach []"))
    yield Case("set-tag", _with("body: []", "body: !!set {a, b}"))
    yield Case("omap-tag", _with("body: []", "body: !!omap [a: 1]"))
    yield Case("duplicate-key-task", _with("  lead: Văn phòng HĐND và UBND\n",
                                            "  lead: Văn phòng HĐND và UBND\n  lead: Công an xã\n"))
    yield Case("duplicate-key-top", BASE.encode() + b"kehoach: 1\n")
    yield Case("deleted-id-line", _with(" " * ROWS_INDENT + "- id: t2\n", ""))
    yield Case("list-key", _with("body: []", "body: []\n? [a, b]\n: 1"))
    yield Case("map-key", _with("body: []", "body: []\n? {a: 1}\n: 1"))
    yield Case("null-key", _with("body: []", "body: []\n~: 1"))
    yield Case("int-key", _with("body: []", "body: []\n2026: x"))
    yield Case("bool-key", _with("body: []", "body: []\nyes: x"))
    yield Case("empty-key", _with("body: []", "body: []\n\"\": x"))
    yield Case("long-key", _with("body: []", "body: []\n" + "k" * 100_000 + ": x"))
    yield Case("unknown-field", _row("  lead_unit: Công an xã"))
    yield Case("anchor-on-key", _with("title: Kế", "&t title: Kế"))


def types() -> Iterator[Case]:
    yield Case("year-hex", _with("year: 2026", "year: 0x7EA"))
    yield Case("year-sexagesimal", _with("year: 2026", "year: 33:46"))
    yield Case("year-octal", _with("year: 2026", "year: 0o3752"))
    yield Case("year-float", _with("year: 2026", "year: 2026.0"))
    yield Case("year-string", _with("year: 2026", "year: \"2026\""))
    yield Case("year-zero", _with("year: 2026", "year: 0"))
    yield Case("year-negative", _with("year: 2026", "year: -1"))
    yield Case("year-huge", _with("year: 2026", "year: 99999999999999999999999999"))
    yield Case("year-inf", _with("year: 2026", "year: .inf"))
    yield Case("year-nan", _with("year: 2026", "year: .nan"))
    yield Case("year-bool", _with("year: 2026", "year: yes"))
    yield Case("year-null", _with("year: 2026", "year: ~"))
    yield Case("year-list", _with("year: 2026", "year: [2026]"))
    yield Case("city-null", _with("city: Hải Phòng", "city: ~"))
    yield Case("city-number", _with("city: Hải Phòng", "city: 12"))
    yield Case("city-bool-yes", _with("city: Hải Phòng", "city: yes"))
    yield Case("commune-null", _with("commune: Thử Nghiệm", "commune: null"))
    yield Case("commune-blank", _with("commune: Thử Nghiệm", "commune: \"  \""))
    yield Case("title-null", _with("title: Kế hoạch thử nghiệm", "title:"))
    yield Case("signer-null", _with("name: Nguyễn Văn A", "name: ~"))
    yield Case("text-null", _with("text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW", "text: ~"))
    yield Case("text-number", _with("text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW", "text: 57"))
    yield Case("text-map", _with("text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW", "text: {a: 1}"))
    yield Case("lead-list-of-maps", _with("lead: Phòng Văn hóa - Xã hội", "lead: [{a: 1}]"))
    yield Case("deadline-number", _with("deadline: Quý II/2026", "deadline: 2026"))
    yield Case("deadline-date", _with("deadline: Quý II/2026", "deadline: 2026-06-30"))
    yield Case("deadline-huge-year", _with("deadline: Quý II/2026", "deadline: Quý II/99999"))
    yield Case("deadline-year-zero", _with("deadline: Quý II/2026", "deadline: Quý II/0"))
    yield Case("rows-map", (BASE[:BASE.index("rows:")] + "rows: {a: 1}\n").encode())
    yield Case("progress-empty", _row("  progress: []"))
    yield Case("progress-bad-date", _row("  progress:\n    - {date: 2026-02-30, state: hoàn thành}"))
    yield Case("progress-percent-text", _row("  progress:\n    - {date: 2026-02-01, state: đang thực hiện, "
                                               "percent: nhiều}"))
    yield Case("progress-percent-huge", _row("  progress:\n    - {date: 2026-02-01, state: đang thực hiện, "
                                               "percent: 1e400}"))
    yield Case("kehoach-version", _with("kehoach: 1", "kehoach: 99"))
    yield Case("kehoach-missing", _with("kehoach: 1\n", ""))
    yield Case("appendices-null", _with("appendices:\n", "appendices: ~\nx:\n"))


def line_endings() -> Iterator[Case]:
    yield Case("crlf", BASE.replace("\n", "\r\n").encode())
    yield Case("cr-only", BASE.replace("\n", "\r").encode())
    yield Case("mixed-endings", BASE.replace("\n", "\r\n", 10).encode())
    yield Case("nel", BASE.replace("\n", "\u0085").encode())
    yield Case("line-separator", BASE.replace("\n", "\u2028").encode())
    yield Case("paragraph-separator", _with("text: Số hóa", "text: Số\u2029hóa"))
    yield Case("no-final-newline", BASE.rstrip("\n").encode())
    yield Case("cr-in-text", _with("text: Số hóa", "text: \"Số\\rhóa\""))


def characters() -> Iterator[Case]:
    for name, ch in (("vt", "\\v"), ("fffe", "\\uFFFE"), ("ffff", "\\uFFFF"), ("nul-escaped", "\\0"),
                     ("esc", "\\e"), ("lone-surrogate", "\\uD800")):
        yield Case(f"xml-illegal-{name}-title", _with("title: Kế hoạch thử nghiệm", f"title: \"Kế{ch}hoạch\""))
        yield Case(f"xml-illegal-{name}-text", _with("text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW",
                                                    f"text: \"Tuyên{ch}truyền\""))
    for name, value in (("equals", "=HYPERLINK(\\\"http://x\\\",\\\"bam\\\")"), ("plus", "+cmd|' /C calc'!A0"),
                        ("at", "@SUM(1+1)*cmd|' /C calc'!A0"), ("minus", "-2+3"), ("tab", "\\t=1+1"),
                        ("cr", "\\r=1+1")):
        yield Case(f"csv-formula-{name}", _with("text: Tuyên truyền, quán triệt Nghị quyết số 57-NQ/TW",
                                                f"text: \"{value}\""))
    yield Case("jinja-in-text", _with("text: Số hóa", "text: \"{{ 7*7 }} {% for x in y %}\""))
    yield Case("html-in-text", _with("text: Số hóa", "text: \"<script>alert(1)</script><b>\""))
    yield Case("markdown-in-text", _with("text: Số hóa", "text: \"# tiêu đề | ô | [liên kết](javascript:x)\""))
    yield Case("rtl-override", _with("text: Số hóa", "text: \"Số\u202ehóa\""))
    yield Case("zero-width", _with("text: Số hóa", "text: \"Số\u200bhóa\""))
    yield Case("decomposed-nfd", _with("title: Kế hoạch thử nghiệm", "title: Ke\u0302\u0301 hoa\u0323ch"))
    yield Case("emoji", _with("title: Kế hoạch thử nghiệm", "title: Kế hoạch 🚀🇻🇳"))
    yield Case("very-long-text", _with("text: Số hóa", "text: " + "x" * 2_000_000))


def many_rows(count: int) -> bytes:
    """The base plan with ``count`` more tasks, one flow mapping a line."""
    rows = "".join(" " * ROWS_INDENT + f"- {{id: r{i}, number: \"{i}\", text: Việc {i}, lead: Công an xã, "
                   "deadline: Quý IV/2026}\n" for i in range(3, count + 3))
    return _with('  deadline: Thường xuyên\n', '  deadline: Thường xuyên\n' + rows)


def sizes() -> Iterator[Case]:
    yield Case("over-cap", BASE.encode() + b"# " + b"x" * (11 * 1024 * 1024) + b"\n")
    # Big plans as such (tens of thousands of rows, timed) are bench/big_plans.py's: here, enough
    # rows that a quadratic step shows, in a suite that stays quick.
    yield Case("two-thousand-rows", many_rows(2000))


def _link_to(target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def setup(path: Path) -> None:
        path.symlink_to(target(path))
    return setup


def _secret(path: Path) -> Path:
    secret = path.parent.parent.parent / "credentials"
    secret.write_text(f"aws_secret_access_key = {SECRET}\n[default]\n", encoding="utf-8")
    return secret


def _fifo(path: Path) -> None:
    import os

    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def special_files() -> Iterator[Case]:
    yield Case("link-to-credentials", setup=_link_to(_secret))
    yield Case("link-broken", setup=_link_to(lambda p: p.parent / "khong-co.yaml"))
    yield Case("link-loop", setup=_link_to(lambda p: p))
    yield Case("folder-named-yaml", setup=_folder)
    yield Case("link-dev-zero", setup=_link_to(lambda p: Path("/dev/zero")), special=True)
    yield Case("link-dev-urandom", setup=_link_to(lambda p: Path("/dev/urandom")), special=True)
    yield Case("link-dev-null", setup=_link_to(lambda p: Path("/dev/null")), special=True)
    yield Case("fifo", setup=_fifo, special=True)


def city_files() -> Iterator[Case]:
    base = BASE.encode()
    yield Case("units-broken", base, city_files={"units.yaml": b"units: [\n"})
    yield Case("units-not-utf8", base, city_files={"units.yaml": b"units:\n  - name: Ph\xf2ng\n"})
    yield Case("units-wrong-shape", base, city_files={"units.yaml": b"- a\n- b\n"})
    yield Case("units-alias-bomb", base, city_files={"units.yaml": "\n".join(
        f"x{i}: &x{i} [{','.join(['*x' + str(i - 1)] * 9) if i else 'a'}]" for i in range(10)).encode() + b"\n"})
    yield Case("catalog-broken", base, city_files={"catalog.yaml": b"indicators: {\n"})
    yield Case("catalog-empty", base, city_files={"catalog.yaml": b""})
    yield Case("toml-wrong-type", base, city_files={"kehoach.toml": b"validate = \"x\"\n"})
    yield Case("toml-select-number", base, city_files={"kehoach.toml": b"[validate]\nselect = 5\n"})
    yield Case("toml-severity-string", base, city_files={"kehoach.toml": b"[validate]\nseverity = \"x\"\n"})
    yield Case("toml-not-utf8", base, city_files={"kehoach.toml": b"[validate]\nselect = [\"\xff\"]\n"})
    yield Case("toml-misspelt", base, city_files={"kehoach.toml": b"[validate]\nfail_on = \"warning\"\nselct = []\n"})
    yield Case("toml-broken", base, city_files={"kehoach.toml": b"[validate\n"})


def cases() -> list[Case]:
    out = [*encodings(), *syntax(), *aliases_and_nesting(), *tags_and_keys(), *types(), *line_endings(),
           *characters(), *sizes(), *special_files(), *city_files()]
    names = [c.name for c in out]
    assert len(names) == len(set(names)), "case names repeat"
    return out
