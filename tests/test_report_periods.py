"""Reporting periods and their data cut-off (Nghị định 09/2019/NĐ-CP, Điều 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.errors import KehoachError
from kehoach.report.periods import parse_period


# One case per clause of Điều 12 (quoted in docs/report.md): 1. monthly, 2. quarterly,
# 3. six-monthly (first and second half), 4. yearly.
@pytest.mark.parametrize(("text", "start", "end"), [
    ("2026-03", "2026-02-15", "2026-03-14"),
    ("2026-3", "2026-02-15", "2026-03-14"),
    ("2026-01", "2025-12-15", "2026-01-14"),      # January starts on 15/12 of the year before
    ("2026-12", "2026-11-15", "2026-12-14"),
    ("2026-Q1", "2025-12-15", "2026-03-14"),
    ("2026-Q2", "2026-03-15", "2026-06-14"),
    ("2026-q4", "2026-09-15", "2026-12-14"),
    ("2026-H1", "2025-12-15", "2026-06-14"),
    ("2026-H2", "2026-06-15", "2026-12-14"),
    ("2026", "2025-12-15", "2026-12-14"),
])
def test_cut_off_window(text: str, start: str, end: str) -> None:
    p = parse_period(text)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


@pytest.mark.parametrize(("text", "following"), [
    ("2026-03", "2026-04"), ("2026-12", "2027-01"), ("2026-Q4", "2027-Q1"), ("2026-H1", "2026-H2"),
    ("2026-H2", "2027-H1"), ("2026", "2027"),
])
def test_next_period(text: str, following: str) -> None:
    nxt = parse_period(text).next()
    assert nxt.code == following
    assert nxt.start == parse_period(text).end + dt.timedelta(days=1)   # periods tile the calendar


def test_provisional_until_the_cut_off_has_passed() -> None:
    q1 = parse_period("2026-Q1")
    assert q1.provisional(dt.date(2026, 3, 13))
    assert not q1.provisional(dt.date(2026, 3, 14))
    assert not q1.provisional(dt.date(2026, 4, 1))


def test_labels() -> None:
    assert parse_period("2026-Q1").label("vi") == "quý I năm 2026"
    assert parse_period("2026-H1").label("vi") == "6 tháng đầu năm 2026"
    assert parse_period("2026-03").label("vi") == "tháng 03 năm 2026"
    assert parse_period("2026-03").label("en") == "March 2026"


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-Q5", "2026-H3", "26-Q1", "Q1-2026", "2026-Q1x",
                                  "2026-9T", "2026-M9"])   # no nine-month report in Nghị định 09
def test_bad_periods(text: str) -> None:
    with pytest.raises(KehoachError) as e:
        parse_period(text)
    assert e.value.key == "report.bad-period"


@pytest.mark.parametrize("text", ["", "  "])
def test_no_period_asks_for_one(text: str) -> None:
    with pytest.raises(KehoachError) as e:
        parse_period(text)
    assert e.value.key == "report.need-period"


# --- --as-of takes dd/mm/yyyy everywhere (kehoach.dates, as progress --date does) ------------------

@pytest.mark.parametrize("command", [("report", "--period", "2026-Q1"), ("status",), ("rollup",)])
def test_as_of_day_first(capsys: pytest.CaptureFixture[str], command: tuple[str, ...]) -> None:
    from .conftest import PLANS
    from .helpers import run

    plan = str(PLANS / "hai-phong" / "an-lao.yaml")
    iso = run(capsys, command[0], plan, *command[1:], "--as-of", "2026-03-05", "--format", "json", "--no-cache")
    dmy = run(capsys, command[0], plan, *command[1:], "--as-of", "5/03/2026", "--format", "json", "--no-cache")
    assert iso.code == dmy.code == 0, dmy.err
    assert dmy.out == iso.out
    if command[0] != "status":      # status's records do not carry the date; report and rollup's do
        assert '"as_of": "2026-03-05"' in iso.out
    bad = run(capsys, command[0], plan, *command[1:], "--as-of", "31/02/2026", "--no-cache")
    assert bad.code == 2 and "31/02/2026" in bad.err and "dd/mm/yyyy" in bad.err and bad.out == ""


# --- calendar periods: a city's setting ([report] periods = "calendar") --------------------------

@pytest.mark.parametrize(("text", "start", "end", "following"), [
    ("2026-03", "2026-03-01", "2026-03-31", "2026-04"),
    ("2028-02", "2028-02-01", "2028-02-29", "2028-03"),       # a leap year
    ("2026-12", "2026-12-01", "2026-12-31", "2027-01"),
    ("2026-Q1", "2026-01-01", "2026-03-31", "2026-Q2"),
    ("2026-Q4", "2026-10-01", "2026-12-31", "2027-Q1"),
    ("2026-H2", "2026-07-01", "2026-12-31", "2027-H1"),
    ("2026", "2026-01-01", "2026-12-31", "2027"),
])
def test_calendar_periods(text: str, start: str, end: str, following: str) -> None:
    p = parse_period(text, calendar=True)
    assert (p.start.isoformat(), p.end.isoformat(), p.rule) == (start, end, "calendar")
    nxt = p.next()
    assert nxt.code == following and nxt.rule == "calendar" and nxt.start == p.end + dt.timedelta(days=1)


def _plan_in(tmp_path: Path) -> str:
    from .conftest import PLANS

    return str(PLANS / "hai-phong" / "an-lao.yaml")


@pytest.mark.parametrize(("config", "name"), [
    ('[report]\nperiods = "calendar"\n', "kehoach.toml"),
    ('[tool.kehoach.report]\nperiods = "calendar"\n', "pyproject.toml"),
])
def test_a_city_configures_calendar_periods(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch, config: str, name: str) -> None:
    from .helpers import run

    plan = _plan_in(tmp_path)
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")          # found from the current folder upwards, as [validate] is
    r = run(capsys, "report", plan, "--period", "2026-Q1", "--as-of", "2026-04-10", "--format", "json", "--no-cache")
    assert r.code == 0, r.err
    data = r.json()
    assert data["period"]["start"] == "2026-01-01" and data["period"]["end"] == "2026-03-31"
    assert data["period"]["rule"] == "calendar" and data["judged_on"] == "2026-03-31"
    assert data["next_period"]["start"] == "2026-04-01"
    md = run(capsys, "report", plan, "--period", "2026-Q1", "--as-of", "2026-04-10", "--no-cache").out
    assert "từ ngày 01/01/2026 đến ngày 31/03/2026 (kỳ báo cáo theo tháng dương lịch" in md
    assert "Nghị định 09" not in md.split("\n\n")[2]


def test_without_the_setting_the_cut_off_is_nd09(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from .helpers import run

    (tmp_path / "kehoach.toml").write_text('[validate]\nfail-on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run(capsys, "report", _plan_in(tmp_path), "--period", "2026-Q1", "--as-of", "2026-04-10", "--format", "json",
            "--no-cache")
    assert r.code == 0, r.err
    assert r.json()["period"]["end"] == "2026-03-14" and r.json()["period"]["rule"] == "nd09"


@pytest.mark.parametrize(("config", "words"), [
    ('[report]\nperiods = "lich"\n', ('"lich"', "calendar", "report.periods")),
    ('[report]\nperiod = "calendar"\n', ("report.period", "report.periods")),
    ('[report]\nperiods = 1\n', ("report.periods", "string")),
])
def test_a_bad_periods_setting_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, config: str, words: tuple[str, ...]) -> None:
    from .helpers import run

    (tmp_path / "kehoach.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run(capsys, "report", _plan_in(tmp_path), "--period", "2026-Q1", "--no-cache")
    assert r.code == 2 and r.out == ""
    for word in words:
        assert word in r.err
