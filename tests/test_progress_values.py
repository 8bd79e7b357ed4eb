"""kehoach progress on an indicator: a dated value appended to its ``actuals``, checked against its
unit (its own, its catalog entry's) and the plan's period, with the guarantees task updates have;
tasks and indicators share one id space; dates as YYYY-MM-DD or dd/mm/yyyy; every problem of every
row reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach import model
from kehoach.catalog import load_catalog
from kehoach.loader import load
from kehoach.progress import read_date
from kehoach.rollup.values import read_actual

from .conftest import PLANS, plan_text
from .helpers import run
from .test_progress import _csv, _only_inserted

AS_OF = ("--as-of", "2026-04-02")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """Hải An with the shared catalog above it, as in the repository (pl1.I.1 is ht.5g-do-thi, in %)."""
    dest = tmp_path / "plans"
    (dest / "hai-phong").mkdir(parents=True)
    shutil.copy(PLANS / "catalog.yaml", dest / "catalog.yaml")
    for name in ("hai-an.yaml", "units.yaml"):
        shutil.copy(PLANS / "hai-phong" / name, dest / "hai-phong" / name)
    return dest / "hai-phong" / "hai-an.yaml"


def _indicator(path: Path, ident: str) -> model.Indicator:
    return next(i for i in model.build(load(path)).indicators if i.id == ident)


def test_a_value_is_appended_to_the_indicator(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    findings = run(capsys, "validate", str(plan), "--no-cache", "--as-of", "2026-04-02").out.splitlines()[-1]
    r = run(capsys, "progress", str(plan), "pl1.I.1", "--value", "65%", "--date", "31/03/2026",
            "--period", "Quý I/2026", "--note", 'Số liệu của "Viettel": {{ x }}', "--evidence", "BC 12/BC-UBND", *AS_OF)
    assert r.code == 0, r.err
    assert "Đã ghi 1 cập nhật" in r.out
    added = _only_inserted(before, plan.read_bytes())
    assert [line.strip() for line in added[:2]] == [b"actuals:", b'- date: "2026-03-31"']
    (a,) = _indicator(plan, "pl1.I.1").actuals
    assert (a.date, a.period, a.value, a.note, a.evidence) == (
        "2026-03-31", "Quý I/2026", "65%", 'Số liệu của "Viettel": {{ x }}', "BC 12/BC-UBND")
    # What was recorded is what rollup counts.
    catalog = load_catalog(plan.parent.parent / "catalog.yaml")
    entry = catalog.get("ht.5g-do-thi")
    assert entry is not None and read_actual(entry, a.value).number == 65.0
    # As many findings as before: the value itself is not one.
    assert run(capsys, "validate", str(plan), "--no-cache", "--as-of", "2026-04-02").out.splitlines()[-1] == findings


def test_a_second_value_joins_the_list(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    assert run(capsys, "progress", str(plan), "pl1.I.1", "--value", "65%", "--date", "2026-03-31", *AS_OF).code == 0
    middle = plan.read_bytes()
    assert run(capsys, "progress", str(plan), "pl1.I.1", "--value", "70", "--date", "2026-04-01", *AS_OF).code == 0
    added = _only_inserted(middle, plan.read_bytes())
    assert len(added) == 2 and b"actuals:" not in b"".join(added)
    assert [(a.date, a.value) for a in _indicator(plan, "pl1.I.1").actuals] == [
        ("2026-03-31", "65%"), ("2026-04-01", "70")]


def test_a_narrative_indicator_gets_its_value(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The issue's own case: ``ctvb.1`` of An Lão was "Không có nhiệm vụ mã ctvb.1"."""
    dest = tmp_path / "plans"
    shutil.copytree(PLANS, dest)
    path = dest / "hai-phong" / "an-lao.yaml"
    before = path.read_bytes()
    assert run(capsys, "progress", str(path), "ctvb.1", "--value", "85%", "--date", "2026-03-31", *AS_OF).code == 0
    _only_inserted(before, path.read_bytes())
    assert [a.value for a in _indicator(path, "ctvb.1").actuals] == ["85%"]


def test_the_dry_run_shows_the_change_and_writes_nothing(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    args = ("progress", str(plan), "pl1.I.1", "--value", "65%", "--date", "2026-03-31", "--period", "Quý I/2026",
            *AS_OF)
    shown = run(capsys, *args, "--dry-run")
    assert shown.code == 0 and plan.read_bytes() == before
    assert ('+                  actuals:\n+                    - date: "2026-03-31"\n'
            '+                      period: "Quý I/2026"\n+                      value: "65%"\n') in shown.out
    assert run(capsys, *args).code == 0
    new = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    plus = [line[1:] for line in shown.out.splitlines(keepends=True) if line.startswith("+") and not
            line.startswith("+++")]
    assert "".join(plus) in "".join(new)


def test_comments_crlf_and_bom_survive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text, _ = plan_text("- id: c1  # chỉ tiêu đầu\n  text: Tỷ lệ hộ có cáp quang\n  unit: '%'\n  target: ≥ 80%\n"
                        "  # ghi chú trước dòng sau\n- id: c2\n  text: Số sáng kiến\n  unit: sáng kiến\n",
                        kind="indicators")
    path = tmp_path / "p.yaml"
    original = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    assert run(capsys, "progress", str(path), "c1", "--value", "81,5%", "--date", "2026-03-31", *AS_OF).code == 0
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    added = _only_inserted(original, after)
    assert added and all(line.endswith(b"\r\n") for line in added)
    assert "# ghi chú trước dòng sau".encode() in after
    assert [a.value for a in _indicator(path, "c1").actuals] == ["81,5%"]
    assert _indicator(path, "c2").actuals == ()


# --- refusals: exit 2, the file untouched, the indicator and the value named ---------------------

REFUSED = [
    (["pl1.I.1", "--value", "140%", "--date", "2026-03-31"], ["pl1.I.1", "140%", "100%"],
     ["pl1.I.1", "140%", "over 100%"]),
    (["pl1.I.1", "--value", "12 người", "--date", "2026-03-31"], ["pl1.I.1", "12 người", "ht.5g-do-thi"],
     ["pl1.I.1", "12 người", "not in the unit"]),
    (["pl1.I.1", "--value", "khá tốt", "--date", "2026-03-31"], ["pl1.I.1", "khá tốt", "không đọc được"],
     ["pl1.I.1", "khá tốt", "cannot be read"]),
    (["pl1.I.1", "--value", "≥ 60%", "--date", "2026-03-31"], ["pl1.I.1", "≥ 60%", "không phải số liệu"],
     ["pl1.I.1", "≥ 60%", "not an actual figure"]),
    (["pl1.I.1", "--value", "80-90%", "--date", "2026-03-31"], ["80-90%", "khoảng"], ["80-90%", "range"]),
    (["pl1.I.1", "--value", "65%", "--date", "2025-12-31"], ["pl1.I.1", "2025-12-31", "ngoài thời kỳ"],
     ["pl1.I.1", "2025-12-31", "outside the plan's period"]),
    (["pl1.I.1", "--value", "65%", "--date", "2026-04-03"], ["pl1.I.1", "2026-04-03", "sau ngày hiện tại"],
     ["pl1.I.1", "2026-04-03", "after the current date"]),
    (["pl1.I.1", "--value", "65%", "--date", "31/02/2026"], ["31/02/2026", "dd/mm/yyyy"], ["31/02/2026", "dd/mm/yyyy"]),
    (["pl1.I.1", "--value", "65%", "--date", "03/31/2026"], ["03/31/2026"], ["03/31/2026"]),   # month first: no
    (["pl1.I.1", "--date", "2026-03-31"], ["pl1.I.1", "--value"], ["pl1.I.1", "--value"]),
    (["pl1.I.1", "--value", "65%", "--status", "done", "--percent", "50", "--date", "2026-03-31"],
     ["là chỉ tiêu", "--status, --percent", "--value, --date, --period"],
     ["is an indicator", "--status, --percent", "--value, --date, --period"]),
    (["pl4.I.1", "--value", "65%", "--period", "Quý I", "--date", "2026-03-31"],
     ["là nhiệm vụ", "--value, --period", "--status"], ["is a task", "--value, --period", "--status"]),
    (["pl1.I.l", "--value", "65%", "--date", "2026-03-31"], ["Không có nhiệm vụ hay chỉ tiêu", "pl1.I.1"],
     ["No task or indicator", "pl1.I.1"]),
    (["pl5.I.1", "--value", "65%", "--date", "2026-03-31"], ["pl5.I.1", "kinh phí"], ["pl5.I.1", "budget item"]),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("args", "vi", "en"), REFUSED, ids=[" ".join(a[:3]) for a, _, _ in REFUSED])
def test_bad_values_change_nothing(capsys: pytest.CaptureFixture[str], plan: Path, args: list[str], vi: list[str],
                                   en: list[str], lang: str) -> None:
    before = plan.read_bytes()
    for extra in ((), ("--dry-run",)):
        r = run(capsys, "progress", str(plan), *args, *AS_OF, "--lang", lang, *extra)
        assert r.code == 2, r
        for part in vi if lang == "vi" else en:
            assert part in r.err, (part, r.err)
        assert plan.read_bytes() == before


def test_every_problem_of_a_command_line_is_reported(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "pl1.I.1", "--value", "140%", "--date", "2025-06-30", *AS_OF)
    assert r.code == 2 and "140%" in r.err and "2025-06-30" in r.err and "Không ghi gì" in r.err
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "xong", "--date", "2026-02-30", "--percent", "140",
            *AS_OF, "--lang", "en")
    assert r.code == 2 and all(part in r.err for part in ('"xong"', '"2026-02-30"', '"140"', "Nothing written"))
    assert plan.read_bytes() == before


# --- the unit a value is checked against ---------------------------------------------------------

INDICATORS = """\
- id: own
  text: Số sáng kiến
  unit: sáng kiến
  target: tối thiểu 20 sáng kiến
- id: verdict
  text: Đạt chuẩn xã số
  unit: định tính
  target: Đạt
- id: bare
  text: Tỷ lệ hộ có cáp quang
  target: ≥ 80%
- id: nothing
  text: Chỉ số gì đó
"""


@pytest.mark.parametrize(("ident", "value", "ok"), [
    ("own", "12", True), ("own", "12 sáng kiến", True), ("own", "12%", False), ("own", "12 người", False),
    ("verdict", "Đạt", True), ("verdict", "Không đạt", True), ("verdict", "50%", False),
    ("bare", "85%", True), ("bare", "85", True), ("bare", "185", False), ("bare", "3 hộ", False),
    ("nothing", "0,77", True), ("nothing", "1.000", True), ("nothing", "?", False), ("nothing", "-", False),
])
def test_the_unit_comes_from_the_indicator_else_its_target(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          ident: str, value: str, ok: bool) -> None:
    text, _ = plan_text(INDICATORS, kind="indicators")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    r = run(capsys, "progress", str(path), ident, "--value", value, "--date", "2026-03-31", *AS_OF)
    assert (r.code == 0) is ok, r
    if ok:
        assert [a.value for a in _indicator(path, ident).actuals] == [value]
    else:
        assert path.read_text(encoding="utf-8") == text and f'"{ident}"' in r.err and value in r.err


# --- dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "iso"), [
    ("2026-03-31", "2026-03-31"), ("31/03/2026", "2026-03-31"), ("1/4/2026", "2026-04-01"),
    (" 05/01/2026 ", "2026-01-05"), ("31/04/2026", None), ("2026-3-31", None), ("31.03.2026", None),
    ("2026/03/31", None), ("31/03/26", None), ("", None),
])
def test_dates_read(text: str, iso: str | None) -> None:
    when = read_date(text)
    assert (when.isoformat() if when else None) == iso


def test_task_dates_in_the_vietnamese_form(capsys: pytest.CaptureFixture[str], plan: Path) -> None:
    r = run(capsys, "progress", str(plan), "pl4.I.1", "--status", "done", "--date", "28/02/2026",
            "--done-on", "27/02/2026", "--as-of", "01/03/2026")
    assert r.code == 0, r.err
    task = next(t for t in model.build(load(plan)).tasks if t.id == "pl4.I.1")
    assert [(u.date, u.done_on) for u in task.progress] == [("2026-02-28", "2026-02-27")]


# --- a spreadsheet of tasks and indicators ---------------------------------------------------------

def test_csv_with_tasks_and_indicators(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, "Mã;Tình trạng;Ngày;Tỷ lệ;Giá trị;Kỳ;Ghi chú;Minh chứng\n"
                              "pl4.I.1;dang-thuc-hien;27/03/2026;40%;;;Đã làm;BC 12\n"
                              "pl1.I.1;;31/03/2026;;65%;Quý I/2026;Theo nhà mạng;\n"
                              "pl1.II.6;;2026-03-31;;1,2%;;;\n")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), *AS_OF)
    assert r.code == 0 and "3 cập nhật" in r.out, r.err
    _only_inserted(before, plan.read_bytes())
    (a,) = _indicator(plan, "pl1.I.1").actuals
    assert (a.date, a.value, a.period, a.note) == ("2026-03-31", "65%", "Quý I/2026", "Theo nhà mạng")
    assert [a.value for a in _indicator(plan, "pl1.II.6").actuals] == ["1,2%"]
    task = next(t for t in model.build(load(plan)).tasks if t.id == "pl4.I.1")
    assert [(u.date, u.percent) for u in task.progress] == [("2026-03-27", 40.0)]


def test_csv_with_many_bad_rows_reports_every_problem_of_every_row(capsys: pytest.CaptureFixture[str], plan: Path,
                                                                   tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, "id,state,date,percent,value\n"
                              "pl4.I.1,done,2026-03-01,,\n"                # 2: good
                              "pl4.I.2,xong,31/02/2026,140,\n"             # 3: state, date, percent
                              "pl1.I.1,,2025-12-31,,140%\n"                # 4: over 100 and outside the period
                              "pl1.I.2,done,2026-03-31,,12 người\n"        # 5: a task column, the unit
                              "pl9.X,done,99/99/2026,,\n"                  # 6: unknown id and its date
                              "pl4.I.3,,2026-03-01,,5%\n"                  # 7: no state, an indicator column
                              "pl1.I.3,,2026-03-31,,\n")                   # 8: no value
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), *AS_OF, "--lang", "en")
    assert r.code == 2
    lines = [line for line in r.err.splitlines() if line.startswith(f"{csv_path}:")]
    by_row: dict[int, list[str]] = {}
    for line in lines:
        by_row.setdefault(int(line[len(str(csv_path)) + 1:].split(":")[0]), []).append(line)
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert [len(by_row[n]) for n in sorted(by_row)] == [3, 2, 2, 2, 2, 1], r.err
    for n, parts in {3: ('"xong"', '"31/02/2026"', '"140"'), 4: ("140%", "2025-12-31"), 5: ("state", "12 người"),
                     6: ("pl9.X", "99/99/2026"), 7: ("state cell", "value"), 8: ("pl1.I.3", "no actual value")}.items():
        assert all(any(p in line for line in by_row[n]) for p in parts), (n, by_row[n])
    assert "6 bad row(s): nothing written" in r.err
    assert plan.read_bytes() == before


def test_csv_task_rows_report_every_problem_too(capsys: pytest.CaptureFixture[str], plan: Path,
                                                tmp_path: Path) -> None:
    """Before, a row stopped at its first problem: a bad state hid a bad date."""
    csv_path = _csv(tmp_path, "task_id,state,date,percent\npl4.I.1,xong,2026-13-01,abc\n")
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), *AS_OF)
    assert r.code == 2
    assert r.err.count(f"{csv_path}:2:") == 3 and "1 dòng lỗi" in r.err


def test_csv_without_a_state_or_value_column(capsys: pytest.CaptureFixture[str], plan: Path, tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, "id,date,note\npl1.I.1,2026-03-31,x\n")
    before = plan.read_bytes()
    r = run(capsys, "progress", str(plan), "--from", str(csv_path), *AS_OF)
    assert r.code == 2 and "state | value" in r.err and plan.read_bytes() == before


def test_values_recorded_on_the_five_plans_show_in_rollup_and_the_dashboard(capsys: pytest.CaptureFixture[str],
                                                                           tmp_path: Path) -> None:
    """The monthly job end to end (issue 20): values recorded with `kehoach progress` on a copy of
    the five plans are the figures `rollup` counts, in its JSON and on the HTML dashboard."""
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans)
    city = plans / "hai-phong"
    recorded = {("an-lao.yaml", "ctvb.1"): "85%", ("vinh-hai.yaml", "ct.I.1"): "55%"}
    for (name, ident), value in recorded.items():
        r = run(capsys, "progress", str(city / name), ident, "--value", value, "--date", "31/03/2026", *AS_OF)
        assert r.code == 0, r.err
    data = run(capsys, "rollup", str(city), *AS_OF, "--indicator", "ht.5g", "--format", "json", "--no-cache").json()
    (ind,) = data["indicators"]
    figures = {c["commune"]: (c["actual"], c["meets_target"]) for c in ind["communes"]}
    assert figures["An Lão"] == (85.0, True) and figures["Vĩnh Hải"] == (55.0, False)
    html = run(capsys, "rollup", str(city), *AS_OF, "--format", "html", "--no-cache").out
    # The 5G indicator's line on the dashboard: the two recorded values, nothing else.
    assert "2 có số liệu" in html and "thực tế: nhỏ nhất 55, trung vị 70, lớn nhất 85" in html
