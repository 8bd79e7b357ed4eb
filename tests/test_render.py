"""kehoach render: the official Word document read back as an officer's checklist would read it.

Each of the five real plans is rendered once (module fixtures) and checked against the decree's
format (FORMAT.md) and against its own YAML; crafted plans check that plan text is data.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from kehoach import model
from kehoach.loader import load, parse
from kehoach.model import Group, Indicator, Plan, Row, TableBlock
from kehoach.render import ooxml
from kehoach.render.batch import render_plan
from kehoach.render.context import attachment_line, build_view, date_parts, issuer_lines
from kehoach.render.typeset import NB_HYPHEN, plain

from .conftest import PLANS
from .helpers import run

HAI_PHONG = PLANS / "hai-phong"
NAMES = ("an-lao", "hai-an", "thai-tan", "vinh-hai", "vinh-lai")
FONT = "Times New Roman"
A4 = (595, 842)
HOSTILE = ("{{ x }}", "{% if %}", "<b>", "&", "{_{", "%_}", "R&D <i>x</i> {#c#}")


def _plan(name: str) -> Plan:
    return model.build(load(HAI_PHONG / f"{name}.yaml"))


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Plan, Any, bytes]]:
    out = {}
    for name in NAMES:
        plan = _plan(name)
        data = render_plan(plan, "docx")
        out[name] = (plan, Document(io.BytesIO(data)), data)
    return out


def _parts(doc: Any) -> Iterator[etree._Element]:
    yield doc.element
    yield doc.styles.element
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")):
            yield rel.target_part.element


# --- page setup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_sections_are_a4_with_margins_in_range(rendered: dict[str, Any], name: str) -> None:
    plan, doc, _ = rendered[name]
    sections = doc.sections
    assert len(sections) == 1 + len(plan.appendices)
    for i, s in enumerate(sections):
        size = (round(s.page_width.pt), round(s.page_height.pt))
        assert size == (A4 if i == 0 else A4[::-1]), (i, size)
        assert 20 <= s.top_margin.mm <= 25 and 20 <= s.bottom_margin.mm <= 25
        assert 30 <= s.left_margin.mm <= 35 and 15 <= s.right_margin.mm <= 20


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_from_page_two(rendered: dict[str, Any], name: str) -> None:
    _, doc, _ = rendered[name]
    first = doc.sections[0]
    assert first.different_first_page_header_footer          # page 1: the first-page header, no number
    assert not ooxml.has_page_field(first.first_page_header._element)
    assert ooxml.has_page_field(first.header._element)        # every other page: a PAGE field
    numbering = first._sectPr.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"
    for s in doc.sections[1:]:
        # Appendix pages continue the numbering and show it on their first page too.
        assert not s.different_first_page_header_footer
        n = s._sectPr.find(qn("w:pgNumType"))
        assert n is None or n.get(qn("w:start")) is None
        assert ooxml.has_page_field(s.header._element)
    header_text = "".join(t.text or "" for t in first.header._element.iter(qn("w:t")))
    assert "DỰ THẢO" not in header_text


# --- fonts ----------------------------------------------------------------------------------------

def _style_fonts(doc: Any) -> tuple[dict[str, tuple[str | None, etree._Element]], dict[str, str]]:
    root = doc.styles.element
    styles = {}
    for st in root.findall(qn("w:style")):
        based = st.find(qn("w:basedOn"))
        styles[st.get(qn("w:styleId"))] = (based.get(qn("w:val")) if based is not None else None, st)
    defaults: dict[str, str] = {}
    fonts = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is not None:
        defaults = {slot: fonts.get(qn(f"w:{slot}")) for slot in ooxml.FONT_SLOTS if fonts.get(qn(f"w:{slot}"))}
    return styles, defaults


def _resolved_fonts(run: etree._Element, styles: dict[str, Any], defaults: dict[str, str]) -> dict[str, str]:
    chain: list[etree._Element] = []
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        chain.append(rpr)

    def style_chain(style_id: str | None) -> None:
        while style_id in styles:
            based, st = styles[style_id]
            found = st.find(qn("w:rPr"))
            if found is not None:
                chain.append(found)
            style_id = based

    if rpr is not None and rpr.find(qn("w:rStyle")) is not None:
        style_chain(rpr.find(qn("w:rStyle")).get(qn("w:val")))
    p = run.getparent()
    while p is not None and p.tag != qn("w:p"):
        p = p.getparent()
    pstyle = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if p is not None else None
    style_chain(pstyle.get(qn("w:val")) if pstyle is not None else "Normal")
    out = {}
    for slot in ooxml.FONT_SLOTS:
        for props in chain:
            fonts = props.find(qn("w:rFonts"))
            if fonts is not None and fonts.get(qn(f"w:{slot}")):
                out[slot] = fonts.get(qn(f"w:{slot}"))
                break
        else:
            out[slot] = defaults.get(slot, "")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_times_new_roman_on_every_run_and_no_theme_fonts(rendered: dict[str, Any], name: str) -> None:
    _, doc, _ = rendered[name]
    styles, defaults = _style_fonts(doc)
    runs = 0
    for part in _parts(doc):
        for fonts in part.iter(qn("w:rFonts")):
            assert not any(fonts.get(qn(f"w:{a}")) for a in ooxml.THEME_ATTRS), etree.tostring(fonts)
        if part is doc.styles.element:
            continue
        for r in part.iter(qn("w:r")):
            runs += 1
            assert _resolved_fonts(r, styles, defaults) == dict.fromkeys(ooxml.FONT_SLOTS, FONT)
    assert runs > 100


# --- tables -----------------------------------------------------------------------------------

def _value(row: Row, field: str) -> str:
    """The YAML value of a cell, read independently of the renderer's own accessor."""
    if field.startswith("milestones"):
        assert isinstance(row, Indicator)
        if field == "milestones":          # the row's own horizon (one per row in the real plans)
            [(_, value)] = row.milestones
            return value
        return dict(row.milestones).get(field.split(".")[1], "")
    value = getattr(row, field)
    return "; ".join(value) if isinstance(value, tuple) else value


def _expected(table: model.Table) -> list[list[str]]:
    rows = [[c.heading for c in table.columns]]

    def walk(items: tuple[Row | Group, ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                rows.append([item.number, item.title])
                walk(item.items)
            else:
                # A cell merged with the row above (a continuation row) is drawn as part of that
                # cell: empty in Word (test_render_layout checks the merge itself).
                rows.append(["" if item.continues and c.field in item.merged else _value(item, c.field)
                             for c in table.columns])

    walk(table.items)
    return rows


_MARKS = {qn("w:br"): "\n", qn("w:tab"): "\t", qn("w:noBreakHyphen"): NB_HYPHEN}


def _raw_text(el: etree._Element) -> str:
    """The text as printed, no-break spaces and hyphens (``w:noBreakHyphen``) included."""
    out = []
    for x in el.iter(qn("w:t"), *_MARKS):
        out.append(x.text or "" if x.tag == qn("w:t") else _MARKS[x.tag])
    return "".join(out)


def _cell_text(tc: etree._Element) -> str:
    """The text as written in the plan: the joins made for printing read as plain spaces and hyphens."""
    return plain(_raw_text(tc))


def _data_tables(doc: Any) -> list[etree._Element]:
    return [t for t in doc.element.body.iter(qn("w:tbl"))
            if t.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}").get(qn("w:val")) == "KHTable"]


@pytest.mark.parametrize("name", NAMES)
def test_every_table_cell_equals_the_yaml(rendered: dict[str, Any], name: str) -> None:
    plan, doc, _ = rendered[name]
    tables = _data_tables(doc)
    assert len(tables) == len(plan.tables)
    for table, tbl in zip(plan.tables, tables, strict=True):
        got = [[_cell_text(tc) for tc in tr.findall(qn("w:tc"))] for tr in tbl.findall(qn("w:tr"))]
        assert got == _expected(table), table.id
        first = tbl.find(qn("w:tr"))
        assert ooxml.is_repeat_header(first)
        assert not any(ooxml.is_repeat_header(tr) for tr in tbl.findall(qn("w:tr"))[1:])


def test_appendix_tables_sit_in_landscape_sections(rendered: dict[str, Any]) -> None:
    plan, doc, _ = rendered["vinh-hai"]
    body = doc.element.body
    # Vĩnh Hải's indicator table is in the body (portrait), its task table in the appendix.
    kinds = []
    for tbl in _data_tables(doc):
        following = next((p for p in tbl.itersiblings(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
                          is not None), None)
        sectpr = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if following is not None else body.find(
            qn("w:sectPr"))
        kinds.append(sectpr.find(qn("w:pgSz")).get(qn("w:orient")))
    assert kinds == [None, "landscape"]
    assert [isinstance(b, TableBlock) for b in plan.appendices[0].content] == [True]


# --- the first page and the signature -------------------------------------------------------------

def _paragraph_texts(doc: Any) -> list[str]:
    out = []
    for p in doc.element.body.iter(qn("w:p")):
        out.append(plain(_raw_text(p)))
    return out


def test_issued_number_and_date_lines(rendered: dict[str, Any]) -> None:
    texts = _paragraph_texts(rendered["hai-an"][1])
    assert "Số: 33/KH-UBND" in texts
    assert "Hải An, ngày 16 tháng 01 năm 2026" in texts
    assert "(Kèm theo Kế hoạch số 33/KH-UBND ngày 16/01/2026 của UBND phường Hải An)" in texts
    assert texts.index("ỦY BAN NHÂN DÂN") < texts.index("PHƯỜNG HẢI AN") < texts.index("Số: 33/KH-UBND")


def test_drafting_number_and_date_lines(rendered: dict[str, Any]) -> None:
    texts = _paragraph_texts(rendered["vinh-hai"][1])
    assert "Số:      /KH-UBND" in texts
    assert "Vĩnh Hải, ngày    tháng    năm 2026" in texts
    built = _paragraph_texts(rendered["thai-tan"][1])
    # Thái Tân's appendix has no "Kèm theo" line of its own: it is built, in the drafting form.
    assert "(Kèm theo Kế hoạch số      /KH-UBND ngày    tháng    năm 2026 của Ủy ban nhân dân xã Thái Tân)" in built


def test_signature_recipients_and_narrative_tasks(rendered: dict[str, Any]) -> None:
    plan, doc, _ = rendered["an-lao"]
    texts = _paragraph_texts(doc)
    assert "Nơi nhận:" in texts
    assert "- Lưu: VT, VHXH." in texts
    for title in plan.signature.titles:
        assert title in texts
    assert texts.index("PHÓ CHỦ TỊCH") < texts.index("Lê Văn Huy")
    i = texts.index("- Phối hợp triển khai Chính sách hỗ trợ Đội phản ứng nhanh giúp người dân thực hiện giải quyết "
                    "thủ tục hành chính; Tổ công nghệ số cộng đồng triển khai chương trình “Bình dân học vụ” và "
                    "tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến.")
    assert texts[i + 1:i + 4] == ["+ Đơn vị chủ trì: Trung tâm Phục vụ hành chính công",
                                  # as written in the source, with its commas and its trailing ";"
                                  "+ Đơn vị phối hợp: Phòng Kinh tế, Phòng VHXX, Trung tâm Dịch vụ sự nghiệp công;",
                                  "+ Thời gian hoàn thành: Quý II/2026"]


@pytest.mark.parametrize("name", NAMES)
def test_no_template_tag_left(rendered: dict[str, Any], name: str) -> None:
    _, doc, _ = rendered[name]
    for part in _parts(doc):
        text = "".join(t.text or "" for t in part.iter(qn("w:t")))
        assert "{{" not in text and "{%" not in text and "{#" not in text


def test_headings_keep_one_scheme(rendered: dict[str, Any]) -> None:
    _, doc, _ = rendered["thai-tan"]
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.style_id, []).append(p.text)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in by_style["KHHeading1"]
    assert "1. Mục đích." in by_style["KHHeading2"]
    assert "1.2.1. Về chuyển đổi số quốc gia" in by_style["KHHeading3"]
    assert "a) Về hạ tầng số:" in by_style["KHHeading3"]
    styles = {s.style_id: s for s in doc.styles}
    assert styles["KHHeading1"].font.bold and styles["KHHeading2"].font.bold and styles["KHHeading3"].font.italic
    assert styles["KHBody"].paragraph_format.first_line_indent.mm == pytest.approx(12.7, abs=0.1)


# --- plan text is data ------------------------------------------------------------------------

def _hostile_plan() -> str:
    h = " ".join(HOSTILE)
    data = {
        "kehoach": 1,
        "meta": {"city": "Hải Phòng", "commune": "Thử Nghiệm", "commune_kind": "xã", "year": 2026, "number": "5",
                 "symbol": "KH-UBND", "place": "Thử Nghiệm", "date": "2026-03-05", "doc_type": "KẾ HOẠCH",
                 "title": f"Tiêu đề {h}"},
        "legal_bases": [f"Căn cứ {h};"],
        "intro": [f"Mở đầu {h}"],
        "body": [{"number": "I.", "heading": f"MỤC {h}", "content": [
            f"- Đoạn {h}",
            {"task": {"id": "nv.1", "text": f"Nhiệm vụ {h}", "lead": ["Phòng A & B", "<Phòng C>"],
                      "deadline": "Quý II/2026"}},
        ]}],
        "closing": [f"Kết {h}"],
        "signature": {"titles": [f"TM. {h}"], "name": f"Người {h}"},
        "recipients": [f"Nơi {h}"],
        "appendices": [{"label": f"Phụ lục {h}", "title": f"BẢNG {h}", "content": [{"table": {
            "id": "pl", "kind": "tasks",
            "columns": [{"field": "number", "heading": "TT"}, {"field": "text", "heading": f"Nội dung {h}"},
                        {"field": "lead", "heading": "Chủ trì | chính"}],
            "groups": [{"number": "I", "title": f"Nhóm {h}", "rows": [
                {"id": "pl.1", "number": "1", "text": f"Việc {h} | ống", "lead": "Phòng A"}]}]}}]}],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_plan_text_comes_out_literally_in_docx() -> None:
    plan = model.build(parse(_hostile_plan(), "hostile.yaml"))
    doc = Document(io.BytesIO(render_plan(plan, "docx")))
    texts = _paragraph_texts(doc)
    h = " ".join(HOSTILE)
    for line in (f"Tiêu đề {h}", f"Căn cứ {h};", f"Mở đầu {h}", f"I. MỤC {h}", f"- Đoạn {h}", f"- Nhiệm vụ {h}",
                 f"Kết {h}", f"TM. {h}", f"Người {h}", f"- Nơi {h}", f"Phụ lục {h}", f"BẢNG {h}", f"Nội dung {h}",
                 f"Nhóm {h}", f"Việc {h} | ống", "Chủ trì | chính"):
        assert line in texts, line
    text = "\n".join(texts)
    assert "+ Đơn vị chủ trì: Phòng A & B; <Phòng C>" in text
    assert "Thử Nghiệm, ngày 05 tháng 3 năm 2026" in text


def test_plan_text_comes_out_literally_in_markdown_and_html() -> None:
    import html

    from markdown_it import MarkdownIt

    plan = model.build(parse(_hostile_plan(), "hostile.yaml"))
    page = render_plan(plan, "html").decode()
    assert "<b>" not in page and "&lt;b&gt;" in page and "{% if %}" in page and "{{ x }}" in page
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Việc " + " ".join(HOSTILE) + " | ống" in shown
    md = render_plan(plan, "md").decode()
    assert "Việc {{ x }} {% if %} \\<b\\> \\& {\\_{ %\\_} R\\&D \\<i\\>x\\</i\\> {\\#c\\#} \\| ống" in md
    # Rendered by a CommonMark renderer, the Markdown shows the same text, in a real table.
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert rendered.count("<table>") == 1 and "<b>" not in rendered
    assert "Việc " + " ".join(HOSTILE) + " | ống" in html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "\n\\- Đoạn" in md       # a leading "- " is text, not a Markdown list


def test_date_and_issuer_rules() -> None:
    assert date_parts("2026-01-16", 2026) == ("16", "01", "2026")
    assert date_parts("2026-11-05", 2026) == ("05", "11", "2026")
    assert date_parts("2026-03-09", 2026) == ("09", "3", "2026")
    assert date_parts("", 2027) == ("  ", "  ", "2027")
    assert [x.bold for x in issuer_lines(("ỦY BAN NHÂN DÂN", "XÃ VĨNH HẢI"))] == [True, True]
    assert [x.bold for x in issuer_lines(("UBND TỈNH X", "SỞ Y", "PHÒNG Z"))] == [False, False, True]
    plan = _plan("hai-an")
    assert attachment_line(plan) == ("(Kèm theo Kế hoạch số 33/KH-UBND ngày 16/01/2026 "
                                     "của Ủy ban nhân dân phường Hải An)")
    view = build_view(plan)
    assert view.number_line == "Số: 33/KH-UBND" and view.date_line == "Hải An, ngày 16 tháng 01 năm 2026"


# --- the command ------------------------------------------------------------------------------

def test_invalid_plan_renders_nothing_force_marks_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "hai-an.docx"
    r = run(capsys, "render", str(HAI_PHONG / "hai-an.yaml"), "-o", str(out))
    assert r.code == 1 and not out.exists()
    assert "hai-an.yaml:746:29: KH203" in r.err and "--force" in r.err
    r = run(capsys, "render", str(HAI_PHONG / "hai-an.yaml"), "-o", str(out), "--force")
    assert r.code == 0 and out.exists() and r.out.strip() == str(out)
    assert "DỰ THẢO" in r.err
    doc = Document(str(out))
    for header in (doc.sections[0].header, doc.sections[0].first_page_header):
        assert "DỰ THẢO" in "".join(t.text or "" for t in header._element.iter(qn("w:t")))
    r = run(capsys, "render", str(HAI_PHONG / "hai-an.yaml"), "-o", str(out), "--force", "--lang", "en")
    assert r.code == 2 and "--overwrite" in r.err and "already exists" in r.err


def test_existing_output_needs_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "vh.docx"
    out.write_bytes(b"old")
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "-o", str(out))
    assert r.code == 2 and out.read_bytes() == b"old" and "--overwrite" in r.err
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "-o", str(out), "--overwrite")
    assert r.code == 0 and out.read_bytes()[:2] == b"PK"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_folder_of_plans(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    r = run(capsys, "render", str(PLANS), "--format", "md", "-o", str(tmp_path / "out"), "--force")
    assert r.code == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.md")) == [
        f"hai-phong/{n}.md" for n in NAMES]
    r = run(capsys, "render", str(HAI_PHONG), "--format", "html", "-o", str(tmp_path / "h"))
    assert r.code == 1      # two plans are invalid: the three others are rendered
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == ["an-lao.html", "thai-tan.html", "vinh-hai.html"]


@pytest.mark.parametrize(("fmt", "content", "needle"), [
    ("docx", None, "không tìm thấy"),
    ("docx", b"not a zip", "bị lỗi"),
    ("md", b"{% for x in %}", "bị lỗi"),
    ("html", b"{{ doc.nothing_here }}", "bị lỗi"),
    ("md", b"\xff\xfe\x00bad", "utf-8"),
])
def test_template_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, content: bytes | None,
                           needle: str) -> None:
    template = tmp_path / f"t.{fmt}"
    if content is not None:
        template.write_bytes(content)
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "--format", fmt, "--template", str(template),
            "-o", str(tmp_path / f"out.{fmt}"))
    assert r.code == 2 and needle in r.err.lower() and str(template) in r.err
    assert not (tmp_path / f"out.{fmt}").exists()


def test_template_without_body_slot(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "no-body.docx"
    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.save(str(template))
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "--template", str(template), "-o", str(tmp_path / "x"))
    assert r.code == 2 and "{{p body }}" in r.err


def test_broken_jinja_in_a_word_template(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "broken.docx"
    doc = Document()
    doc.add_paragraph("{% if draft %} never closed")
    doc.add_paragraph("{{p body }}")
    doc.save(str(template))
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "--template", str(template), "-o", str(tmp_path / "x"))
    assert r.code == 2 and "bị lỗi" in r.err and str(template) in r.err


def test_plan_without_appendices_is_one_portrait_section() -> None:
    text = (HAI_PHONG / "vinh-hai.yaml").read_text(encoding="utf-8")
    plan = model.build(parse(text[:text.index("\nappendices:")] + "\n", "no-appendix.yaml"))
    doc = Document(io.BytesIO(render_plan(plan, "docx")))
    assert [(round(s.page_width.pt), round(s.page_height.pt)) for s in doc.sections] == [A4]
    assert len(_data_tables(doc)) == 1


def test_unwritable_output_and_unreadable_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "-o", str(blocker / "sub") + "/")
    assert r.code == 2 and "Không ghi được" in r.err
    bad = tmp_path / "bad.yaml"
    bad.write_text("kehoach: 1\nmeta: [\n", encoding="utf-8")
    r = run(capsys, "render", str(bad), "-o", str(tmp_path / "o.docx"))
    assert r.code == 2 and "bad.yaml:" in r.err and not (tmp_path / "o.docx").exists()
    broken = tmp_path / "broken.yaml"
    broken.write_text((HAI_PHONG / "vinh-hai.yaml").read_text(encoding="utf-8").replace("symbol: KH-UBND", "symbl: x"),
                      encoding="utf-8")
    r = run(capsys, "render", str(broken), "-o", str(tmp_path / "b.docx"), "--force")
    assert r.code == 1 and "--force" in r.err and not (tmp_path / "b.docx").exists()


def test_pdf_without_libreoffice_says_how_to_install(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_SOFFICE", str(tmp_path / "no-soffice"))
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert r.code == 2 and "apt-get install libreoffice-writer" in r.err
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: "
                    "apt-get install libreoffice-writer poppler-utils")
def test_pdf_pages_are_a4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "vinh-hai.pdf"
    r = run(capsys, "render", str(HAI_PHONG / "vinh-hai.yaml"), "--format", "pdf", "-o", str(out))
    assert r.code == 0 and out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(out)], capture_output=True, text=True).stdout
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
        rounded = [(round(float(w)), round(float(h))) for w, h in sizes]
        assert rounded[0] == A4 and rounded[-1] == A4[::-1] and set(rounded) == {A4, A4[::-1]}


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are not installed: "
                           "apt-get install libreoffice-writer poppler-utils")
def test_a_folder_to_pdf_each_plan_its_own_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # one LibreOffice converts the whole folder: each PDF must still be its own plan's
    r = run(capsys, "render", str(HAI_PHONG), "--format", "pdf", "-o", str(tmp_path / "p"))
    assert r.code == 1      # two plans are invalid: the three others are rendered
    communes = {"an-lao": "AN LÃO", "thai-tan": "THÁI TÂN", "vinh-hai": "VĨNH HẢI"}
    assert sorted(p.name for p in (tmp_path / "p").iterdir()) == [f"{n}.pdf" for n in sorted(communes)]
    for name, commune in communes.items():
        text = subprocess.run(["pdftotext", str(tmp_path / "p" / f"{name}.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        others = [c for n, c in communes.items() if n != name]
        assert commune in text.upper() and not any(f"XÃ {c}" in text.upper() for c in others), name
