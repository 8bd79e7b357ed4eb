"""kehoach rollup: indicators and task progress across communes, on the real plans and on copies
of them with reported values, recorded progress, city targets and deliberate mistakes."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import PLANS
from .helpers import run

CITY_SOURCE = "Kế hoạch số 359/KH-UBND ngày 31/12/2025 của UBND thành phố"
INDICATOR_KEYS = {"code", "name", "unit", "direction", "aggregation", "method", "method_note", "city_target",
                  "summary", "communes"}
COMMUNE_KEYS = {"plan", "path", "commune", "present", "rows", "baseline", "target", "target_value", "actual",
                "actual_date", "gap", "meets_target", "city_target", "meets_city_target"}
DETAIL_KEYS = {"row", "row_rule", "line", "text", "target_source", "has_target", "milestones", "actual_text",
               "actuals_used"}


# --- building test data: copies of the real plans, edited as an officer would -----------------------

def copy_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plans/ copied: hai-phong/ with the five plans and units.yaml, and catalog.yaml above it."""
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    dest = tmp_path / "plans"
    shutil.copytree(PLANS, dest)
    return dest


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_plans(tmp_path, monkeypatch)


def city(plans: Path) -> Path:
    return plans / "hai-phong"


def insert_under(path: Path, row_id: str, lines: list[str]) -> None:
    """Add keys to the row (task or indicator) with this id, right under its ``id:`` line."""
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(text):
        if re.fullmatch(rf"\s*(- )?id: {re.escape(row_id)}\s*", line):
            indent = " " * line.index("id:")
            text[i + 1:i + 1] = [f"{indent}{x}\n" for x in lines]
            path.write_text("".join(text), encoding="utf-8")
            return
    raise AssertionError(f"no row {row_id} in {path}")


def add_actuals(path: Path, row_id: str, *values: tuple[str, str]) -> None:
    insert_under(path, row_id, ["actuals:", *(f'  - {{date: "{d}", period: "kỳ báo cáo", value: "{v}"}}'
                                               for d, v in values)])


def add_progress(path: Path, task_id: str, *updates: tuple[str, str, str | None]) -> None:
    lines = ["progress:"]
    for date, state, done_on in updates:
        lines += [f'  - date: "{date}"', f"    state: {state}"]
        if done_on:
            lines.append(f'    done_on: "{done_on}"')
    insert_under(path, task_id, lines)


def with_city_target(plans: Path, code: str, target: str, *, direction: str | None = None) -> None:
    catalog = plans / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    block = re.search(rf"  - code: {re.escape(code)}\n(?:    .*\n)*?    aggregation: \w+\n", text)
    assert block is not None
    new = block.group(0) + (f'    city_targets:\n      - {{city: Hải Phòng, year: 2026, target: "{target}", '
                            f'source: "{CITY_SOURCE}"}}\n')
    if direction:
        new = new.replace("direction: higher", f"direction: {direction}")
    catalog.write_text(text.replace(block.group(0), new), encoding="utf-8")


def rollup(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    r = run(capsys, "rollup", *args, "--format", "json")
    assert r.code == 0, r.err
    data: dict[str, Any] = r.json()
    return data


def indicator(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(i for i in data["indicators"] if i["code"] == code)


def commune(ind: dict[str, Any], plan: str) -> dict[str, Any]:
    return next(c for c in ind["communes"] if c["plan"] == plan)


# --- the real plans ------------------------------------------------------------------------------------

def test_5g_on_the_real_plans(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    data = rollup(capsys, str(plans), "--as-of", "2026-03-01")
    assert data["as_of"] == "2026-03-01" and data["findings"] == []
    assert [p["plan"] for p in data["plans"]] == ["an-lao", "hai-an", "thai-tan", "vinh-hai", "vinh-lai"]
    g5 = indicator(data, "ht.5g")
    assert (g5["unit"], g5["direction"], g5["aggregation"], g5["method"]) == ("%", "higher", "point", "point-latest")
    assert [c["plan"] for c in g5["communes"]] == ["an-lao", "hai-an", "thai-tan", "vinh-hai", "vinh-lai"]
    assert (commune(g5, "vinh-hai")["target"], commune(g5, "vinh-hai")["target_value"]) == ("≥ 60%", 60.0)
    assert (commune(g5, "an-lao")["target"], commune(g5, "an-lao")["target_value"]) == ("≥ 80%", 80.0)
    # Hải An's whole-ward figure is a 2030 milestone only (Phụ lục 2): present, no plan-year target
    hai_an = commune(g5, "hai-an")
    assert hai_an["present"] and hai_an["target"] is None and hai_an["milestones"] == {"2030": "100%"}
    # Thái Tân has no 5G indicator: listed as a gap, not dropped
    assert commune(g5, "thai-tan")["present"] is False and commune(g5, "thai-tan")["rows"] == []
    # Vĩnh Lại lists it in both appendices, with 2030 and later values only (Phụ lục I's "Kết quả"
    # is the value by the group's horizon): present, no plan-year target, the first row's figures
    vl = commune(g5, "vinh-lai")
    assert (vl["rows"], vl["row"], vl["row_rule"]) == (["pl1.I.4.2", "pl2.I.1"], "pl1.I.4.2", "first")
    assert (vl["target"], vl["has_target"], vl["milestones"]) == (None, False, {"2030": "100"})
    # 100 % inside urban areas is another scope, hence another code
    urban = indicator(data, "ht.5g-do-thi")
    assert commune(urban, "hai-an")["target"] == "100%" and commune(urban, "hai-an")["baseline"] == "≥60%"
    assert sum(c["present"] for c in urban["communes"]) == 1
    s = g5["summary"]
    assert (s["counted"], s["present"], s["absent"], s["with_actual"], s["no_data"]) == (5, 4, 1, 0, 4)
    assert (s["target_min"], s["target_median"], s["target_max"], s["total"]) == (60.0, 70.0, 80.0, None)


def test_json_contract(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    data = rollup(capsys, str(plans), "--as-of", "2026-03-01")
    assert set(data) >= {"as_of", "indicators", "tasks", "units", "findings", "plans", "rules"}
    assert [i["code"] for i in data["indicators"]][:3] == ["ht.5g", "ht.5g-do-thi", "ht.5g-du-lich"]
    assert len(data["indicators"]) == 66
    for ind in data["indicators"]:
        assert set(ind) >= INDICATOR_KEYS and ind["method"] in ("point-latest", "cumulative-sum", "qualitative-latest")
        assert ind["method_note"] and len(ind["communes"]) == 5
        for c in ind["communes"]:
            assert set(c) >= COMMUNE_KEYS | (DETAIL_KEYS if c["present"] else set())
            assert c["present"] == bool(c["rows"])
    for t in data["tasks"]:
        assert set(t) >= {"plan", "commune", "total", "counts", "overdue", "stale"}
        assert sum(t["counts"].values()) == t["total"] and t["overdue"] == t["counts"]["open_overdue"]
        assert sum(g["total"] for g in t["groups"]) == t["total"]
    assert sum(t["total"] for t in data["tasks"]) == 143
    overdue = [u["overdue"] for u in data["units"]]
    assert overdue == sorted(overdue, reverse=True) and set(data["units"][0]) >= {"unit", "overdue", "stale", "tasks"}
    assert data["units"][0]["unit"] == "Phòng Văn hóa - Xã hội"      # "Phòng VHXXH" of An Lão counts here


def test_streamed_json_is_the_records(plans: Path) -> None:
    """The JSON writer encodes each plan's keys once; what it writes must be commune_record()."""
    import datetime as dt

    from kehoach import rollup as engine
    from kehoach.catalog import load_catalog
    from kehoach.discovery import discover
    from kehoach.output import Out
    from kehoach.reporters.rollup import _common as report
    from kehoach.reporters.rollup.json import JsonFormat
    from kehoach.runner import run as run_files

    add_actuals(city(plans) / "an-lao.yaml", "ctvb.22", ("2026-03-31", "5"))
    with_city_target(plans, "ht.5g", "≥ 70%")
    files, cat, when = discover([str(plans)]), load_catalog(plans / "catalog.yaml"), dt.date(2026, 6, 30)
    result = engine.build(engine.collect(files, run_files(files, engine.rollup_job(cat), cache_dir=None), when),
                          cat, cat.codes, when)
    out = io.BytesIO()
    JsonFormat().write(result, Out(out, "vi", 160, False))
    data = json.loads(out.getvalue())
    for ir, ind in zip(result.indicators, data["indicators"], strict=True):
        assert ind["code"] == ir.entry.code
        for f, c in zip(ir.communes, ind["communes"], strict=True):
            assert c == json.loads(json.dumps(report.commune_record(f)))


def test_selecting_indicators(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    data = rollup(capsys, str(plans), "--indicator", "ht.5g-do-thi,ht.5g", "--indicator", "nl.chi-ngan-sach")
    assert [i["code"] for i in data["indicators"]] == ["ht.5g", "ht.5g-do-thi", "nl.chi-ngan-sach"]
    bad = run(capsys, "rollup", str(plans), "--indicator", "ht.5gg")
    assert bad.code == 2 and "ht.5gg" in bad.err and "ht.5g" in bad.err.split("ht.5gg")[-1]


# --- reported values ---------------------------------------------------------------------------------------

def test_point_in_time_takes_the_latest_value_in_the_period(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    add_actuals(city(plans) / "vinh-hai.yaml", "ct.I.1", ("2025-12-31", "40%"), ("2026-03-31", "55%"),
                ("2026-06-30", "65%"), ("2026-09-30", "70%"))
    add_actuals(city(plans) / "an-lao.yaml", "ctvb.1", ("2026-06-30", "72%"))
    data = rollup(capsys, str(plans), "--as-of", "2026-07-01", "--indicator", "ht.5g")
    g5 = indicator(data, "ht.5g")
    vh, al = commune(g5, "vinh-hai"), commune(g5, "an-lao")
    # 2025 is before the plan period, September is after the as-of date: neither counts
    assert (vh["actual"], vh["actual_date"], vh["gap"], vh["meets_target"]) == (65.0, "2026-06-30", 5.0, True)
    assert (al["actual"], al["gap"], al["meets_target"]) == (72.0, -8.0, False)
    assert commune(g5, "hai-an")["actual"] is None                  # present, no value: a gap
    s = g5["summary"]
    assert (s["min"], s["median"], s["max"], s["total"]) == (65.0, 68.5, 72.0, None)   # never summed
    assert (s["with_actual"], s["no_data"], s["meets_target"], s["below_target"]) == (2, 2, 1, 1)
    earlier = commune(indicator(rollup(capsys, str(plans), "--as-of", "2026-04-01", "--indicator", "ht.5g"),
                                "ht.5g"), "vinh-hai")
    assert (earlier["actual"], earlier["meets_target"]) == (55.0, False)


def test_cumulative_codes_are_summed(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    add_actuals(city(plans) / "an-lao.yaml", "ctvb.22", ("2026-03-31", "5"), ("2026-06-30", "7 sáng kiến"))
    add_actuals(city(plans) / "hai-an.yaml", "pl1.III.18", ("2026-05-15", "3"))
    ind = indicator(rollup(capsys, str(plans), "--as-of", "2026-07-01", "--indicator", "dmst.sang-kien"),
                    "dmst.sang-kien")
    assert ind["method"] == "cumulative-sum"
    al = commune(ind, "an-lao")
    assert (al["actual"], al["actual_text"], al["meets_target"], al["gap"]) == (12.0, "5 + 7 sáng kiến", False, -8.0)
    assert commune(ind, "hai-an")["actual"] == 3.0 and commune(ind, "hai-an")["meets_target"] is None   # target "-"
    s = ind["summary"]
    assert (s["total"], s["with_actual"], s["absent"], s["median"]) == (15.0, 2, 3, None)


def test_one_cache_serves_every_as_of_date(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    # the rollup defaults to today: a cache keyed on the date would be cold every morning
    add_actuals(city(plans) / "an-lao.yaml", "ctvb.22", ("2026-03-31", "5"), ("2026-06-30", "7 sáng kiến"))
    add_progress(city(plans) / "hai-an.yaml", "pl4.I.6", ("2026-04-10", "hoàn thành", "2026-04-01"))
    cache = tmp_path / "cache"
    sums = {}
    for day in ("2026-07-01", "2026-03-01", "2026-04-01", "2026-06-30", "2027-01-05"):
        warm = rollup(capsys, str(plans), "--as-of", day, "--cache-dir", str(cache))
        assert warm == rollup(capsys, str(plans), "--as-of", day, "--no-cache"), day
        sums[day] = commune(indicator(warm, "dmst.sang-kien"), "an-lao")["actual"]
        if day == "2026-07-01":
            [stored] = cache.glob("rollup-*.cache")
            before = stored.read_bytes()
    assert sums == {"2026-07-01": 12.0, "2026-03-01": None, "2026-04-01": 5.0, "2026-06-30": 12.0,
                    "2027-01-05": 12.0}
    assert list(cache.glob("rollup-*.cache")) == [stored] and stored.read_bytes() == before


def test_bad_values_are_findings_and_the_rest_is_rolled_up(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    add_actuals(city(plans) / "an-lao.yaml", "ctvb.1", ("2026-03-31", "12 doanh nghiệp"))
    add_actuals(city(plans) / "vinh-hai.yaml", "ct.I.1", ("2026-03-31", "khoảng 50%"), ("2026-04-30", "61%"))
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30")
    kinds = {(f["kind"], f["paths"][0].split("/")[-1]) for f in data["findings"]}
    assert kinds == {("wrong-unit", "an-lao.yaml"), ("unreadable-actual", "vinh-hai.yaml")}
    wrong = next(f for f in data["findings"] if f["kind"] == "wrong-unit")
    assert wrong["line"] and f"an-lao.yaml:{wrong['line']}" in wrong["message"]
    assert "12 doanh nghiệp" in wrong["message"]
    g5 = indicator(data, "ht.5g")
    assert commune(g5, "an-lao")["actual"] is None and commune(g5, "vinh-hai")["actual"] == 61.0
    assert len(data["indicators"]) == 66
    gate = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "json", "--fail-on-findings")
    assert gate.code == 1 and json.loads(gate.out)["findings"]


def test_unknown_catalog_code(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    plan = city(plans) / "vinh-hai.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("catalog: ht.5g\n", "catalog: ht.5gg\n", 1),
                    encoding="utf-8")
    data = rollup(capsys, str(plans), "--as-of", "2026-03-01")
    (f,) = data["findings"]
    assert (f["kind"], f["code"], f["paths"]) == ("unknown-code", "ht.5gg", [str(plan)])
    assert f"{plan}:{f['line']}" in f["message"] and "ht.5g" in f["message"].split("ht.5gg")[-1]
    assert commune(indicator(data, "ht.5g"), "vinh-hai")["present"] is False


def test_two_plans_for_one_commune(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    add_actuals(city(plans) / "vinh-hai.yaml", "ct.I.1", ("2026-03-31", "62%"))
    shutil.copy(city(plans) / "vinh-hai.yaml", city(plans) / "vinh-hai-ban-sao.yaml")
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30")
    (f,) = data["findings"]
    assert f["kind"] == "duplicate-commune" and sorted(p.split("/")[-1] for p in f["paths"]) == [
        "vinh-hai-ban-sao.yaml", "vinh-hai.yaml"]
    assert all(p in f["message"] for p in f["paths"])
    assert [p["counted"] for p in data["plans"] if p["commune"] == "Vĩnh Hải"] == [False, False]
    g5 = indicator(data, "ht.5g")
    assert len(g5["communes"]) == 6                                   # both listed
    s = g5["summary"]
    assert (s["communes"], s["counted"], s["with_actual"], s["min"]) == (6, 4, 0, None)   # neither counted
    tasks = {t["plan"]: t["counted"] for t in data["tasks"]}
    assert tasks["vinh-hai"] is False and tasks["vinh-hai-ban-sao"] is False
    others = [str(p) for p in sorted(city(plans).glob("*.yaml")) if p.stem in ("an-lao", "hai-an", "thai-tan",
                                                                                   "vinh-lai")]
    without = rollup(capsys, *others, "--as-of", "2026-06-30", "--indicator", "ht.5g")
    assert {u["unit"]: u["tasks"] for u in data["units"]} == {u["unit"]: u["tasks"] for u in without["units"]}


def test_city_target_both_ways(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    with_city_target(plans, "ht.5g", "≥ 70%")
    data = rollup(capsys, str(plans), "--as-of", "2026-03-01", "--indicator", "ht.5g")
    g5 = indicator(data, "ht.5g")
    assert g5["city_target"] == {"city": "Hải Phòng", "year": 2026, "target": "≥ 70%", "target_value": 70.0,
                                 "source": CITY_SOURCE}
    got = {c["plan"]: c["meets_city_target"] for c in g5["communes"]}
    assert got == {"an-lao": True, "hai-an": None, "thai-tan": None, "vinh-hai": False, "vinh-lai": None}
    assert all(c["city_target"] == "≥ 70%" for c in g5["communes"])
    (f,) = data["findings"]
    assert (f["kind"], f["plan"], f["code"]) == ("below-city-target", "vinh-hai", "ht.5g")
    assert CITY_SOURCE in f["message"] and "≥ 60%" in f["message"]
    assert (g5["summary"]["meets_city_target"], g5["summary"]["below_city_target"]) == (1, 1)


def test_lower_is_better_flips_the_comparisons(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    with_city_target(plans, "ht.5g", "70%", direction="lower")
    insert_under(city(plans) / "vinh-lai.yaml", "pl1.I.4.2", ["target: '100'"])
    add_actuals(city(plans) / "vinh-lai.yaml", "pl1.I.4.2", ("2026-03-31", "90%"))
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30", "--indicator", "ht.5g")
    vl = commune(indicator(data, "ht.5g"), "vinh-lai")
    # target "100" (no operator) means "reach 100": at most 100 when lower is better
    assert (vl["meets_target"], vl["gap"]) == (True, 10.0)
    got = {c["plan"]: c["meets_city_target"] for c in indicator(data, "ht.5g")["communes"]}
    # "≥ 60%" asks for 60, below the city's 70 when lower is better; 80 and 100 are above it
    assert (got["vinh-hai"], got["an-lao"], got["vinh-lai"]) == (True, False, False)


def test_several_rows_of_one_code(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    vinh_lai = city(plans) / "vinh-lai.yaml"
    add_actuals(vinh_lai, "pl1.I.4.2", ("2026-03-31", "70%"))
    add_actuals(vinh_lai, "pl2.I.1", ("2026-03-31", "75%"), ("2026-05-31", "80%"))
    data = rollup(capsys, str(plans), "--as-of", "2026-06-30", "--indicator", "ht.5g")
    vl = commune(indicator(data, "ht.5g"), "vinh-lai")
    # both rows report on 31 March: the chosen row's value stands, with a finding; May counts
    assert (vl["row"], vl["actual"], vl["actual_date"]) == ("pl1.I.4.2", 80.0, "2026-05-31")
    (f,) = data["findings"]
    assert f["kind"] == "conflicting-actuals" and "75%" in f["message"] and "70%" in f["message"]


# --- tasks -------------------------------------------------------------------------------------------------------

def test_task_counts_come_from_the_status_engine(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    hai_an = city(plans) / "hai-an.yaml"
    add_progress(hai_an, "pl4.I.6", ("2026-01-10", "hoàn thành", "2026-01-05"))
    add_progress(hai_an, "pl4.I.1", ("2026-02-20", "đang thực hiện", None))
    data = rollup(capsys, str(plans), "--as-of", "2026-03-01", "--indicator", "ht.5g")
    status = run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "json").json()
    for t in data["tasks"]:
        mine = [s for s in status if s["plan"] == t["plan"]]
        assert t["total"] == len(mine)
        for key, n in t["counts"].items():
            assert n == sum(s["timeliness"] == key for s in mine), (t["plan"], key)
        assert t["stale"] == sum(s["stale"] for s in mine)
    ha = next(t for t in data["tasks"] if t["plan"] == "hai-an")
    assert ha["counts"]["done_late"] == 1 and ha["done"] == 1


# --- formats -----------------------------------------------------------------------------------------------------

def test_text_csv_and_xlsx(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    add_actuals(city(plans) / "vinh-hai.yaml", "ct.I.1", ("2026-03-31", "62%"))
    text = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--indicator", "ht.5g")
    assert text.code == 0
    assert "ht.5g — Tỷ lệ phủ sóng 5G trên địa bàn" in text.out and "không có chỉ tiêu này" in text.out
    assert "giá trị mới nhất" in text.out and "Tiến độ nhiệm vụ theo xã" in text.out
    an_lao = city(plans) / "an-lao.yaml"
    source = an_lao.read_text(encoding="utf-8")
    an_lao.write_text(source.replace("  commune: An Lão\n", "  commune: An [/] [bold]Lão\n"), encoding="utf-8")
    markup = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--indicator", "ht.5g")
    assert markup.code == 0 and "An [/] [bold]Lão" in markup.out          # plan text, not Rich markup
    en = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--indicator", "ht.5g", "--lang", "en")
    assert "no such indicator" in en.out and "Point-in-time" in en.out
    csv_out = run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.out.lstrip("\ufeff"))))
    assert csv_out.out.startswith("\ufeffcode,name,unit,direction,aggregation,method,") and len(rows) == 66 * 5
    gap = next(r for r in rows if r["code"] == "ht.5g" and r["plan"] == "thai-tan")
    assert (gap["present"], gap["data_status"], gap["actual"], gap["method"]) == ("false", "absent", "", "point-latest")
    out = tmp_path / "r.xlsx"
    assert run(capsys, "rollup", str(plans), "--as-of", "2026-06-30", "--format", "xlsx", "-o", str(out)).code == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp chỉ tiêu", "Chỉ tiêu theo xã", "Tiến độ theo xã", "Đơn vị", "Phát hiện",
                             "Cách tính"]
    ws = wb["Chỉ tiêu theo xã"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.max_row == 1 + 66 * 5
    assert len(ws.conditional_formatting) >= 1 and len(wb["Tiến độ theo xã"].conditional_formatting) >= 1
    assert run(capsys, "rollup", str(plans), "--format", "xlsx").code == 2        # needs -o


# --- bad input -----------------------------------------------------------------------------------------------------

def test_invalid_and_unreadable_plans(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    (city(plans) / "bad.yaml").write_text("kehoach: 1\n", encoding="utf-8")
    r = run(capsys, "rollup", str(plans))
    assert r.code == 1 and "schema" in r.err and r.out == ""
    (city(plans) / "bad.yaml").write_bytes(b"kehoach: 1\ntitle: H\xe0 N\xf4i\n")
    assert run(capsys, "rollup", str(plans)).code == 2


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda s: s.replace("indicators:\n", "indicators:\n  - [\n", 1), "catalog.yaml:"),
    (lambda s: s.replace("    unit: \"%\"\n", "", 1), "\"unit\""),
    (lambda s: s + "  - {code: ht.5g, name: x, unit: \"%\", direction: higher, aggregation: point}\n", "ht.5g"),
    (lambda s: s.replace("    aggregation: point\n", "    aggregation: point\n    city_targets:\n"
                         "      - {city: Hải Phòng, year: 2026, target: cao, source: x}\n", 1), "cao"),
])
def test_a_broken_catalog_is_a_configuration_error(capsys: pytest.CaptureFixture[str], plans: Path,
                                                   edit: Any, expected: str) -> None:
    catalog = plans / "catalog.yaml"
    catalog.write_text(edit(catalog.read_text(encoding="utf-8")), encoding="utf-8")
    r = run(capsys, "rollup", str(plans))
    assert r.code == 2 and expected in r.err and re.search(r"catalog\.yaml:\d+:\d+", r.err), r.err


def test_catalog_is_found_or_named(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(city(plans) / "an-lao.yaml", alone)
    r = run(capsys, "rollup", str(alone))
    assert r.code == 2 and "--catalog" in r.err
    assert rollup(capsys, str(alone), "--catalog", str(plans / "catalog.yaml"))["plans"][0]["plan"] == "an-lao"
    assert run(capsys, "rollup", str(alone), "--catalog", str(tmp_path / "none.yaml")).code == 2


def test_reading_plans_makes_no_reference_cycles() -> None:
    # rollup and status run with the cyclic collector off (kehoach.cli.common.without_gc): a cycle
    # in their per-plan work would keep every plan of a national run in memory.
    import gc

    from kehoach.catalog import load_catalog
    from kehoach.discovery import discover
    from kehoach.rollup.extract import extract_file
    from kehoach.status import status_file

    files = discover([str(PLANS)])
    catalog = load_catalog(PLANS / "catalog.yaml")

    def read_all() -> None:
        for path, display in files:
            assert extract_file(path, display, catalog).payload
            assert status_file(path, display).payload

    read_all()  # first use: imports, compiled patterns and other one-time caches
    gc.collect()
    gc.disable()
    try:
        read_all()
        left = gc.collect()
    finally:
        gc.enable()
    assert left == 0
