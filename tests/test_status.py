"""Progress tracking: timeliness derived from deadline, recorded state and as-of date."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.findings import Span
from kehoach.model import Task, Update
from kehoach.status import Clock, Schedule, Timeliness, judge, task_status

from .conftest import PLANS
from .helpers import run

STATUS_KEYS = {"plan", "id", "text", "lead", "deadline", "due", "state", "timeliness", "overdue", "stale",
               "last_update"}
START = dt.date(2026, 1, 1)


def _task(deadline: str, *updates: tuple[str, str | None, str | None]) -> Task:
    ups = tuple(Update(date=d, state=s, done_on=done, span=Span(1, 1)) for d, s, done in updates)
    return Task(id="t", text="x", lead=("Công an xã",), deadline=deadline, progress=ups, span=Span(1, 1))


def _status(deadline: str, as_of: str, *updates: tuple[str, str | None, str | None]):  # type: ignore[no-untyped-def]
    return task_status(_task(deadline, *updates), 2026, START, dt.date.fromisoformat(as_of))


@pytest.mark.parametrize(("deadline", "as_of", "updates", "expected"), [
    # before, on and after the end of a quarter
    ("Quý I/2026", "2026-03-30", (), Timeliness.OPEN_IN_TIME),
    ("Quý I/2026", "2026-03-31", (), Timeliness.OPEN_IN_TIME),        # the due day itself is still in time
    ("Quý I/2026", "2026-04-01", (), Timeliness.OPEN_OVERDUE),
    ("Quý I/2026", "2026-04-01", (("2026-03-20", "đang thực hiện", None),), Timeliness.OPEN_OVERDUE),
    ("Quý I/2026", "2026-04-15", (("2026-04-05", "hoàn thành", "2026-03-31"),), Timeliness.DONE_ON_TIME),
    ("Quý I/2026", "2026-04-15", (("2026-04-05", "hoàn thành", None),), Timeliness.DONE_LATE),
    # a report after the as-of date is not known yet
    ("Quý I/2026", "2026-03-15", (("2026-03-20", "hoàn thành", "2026-03-20"),), Timeliness.OPEN_IN_TIME),
    # ongoing, external, recurring
    ("Thường xuyên", "2026-12-31", (), Timeliness.NO_DEADLINE),
    ("Theo Dự án được thành phố phê duyệt", "2026-12-31", (), Timeliness.NO_DEADLINE),
    ("Năm 2025 và những năm tiếp theo", "2026-06-30", (), Timeliness.NO_DEADLINE),
    ("Hằng năm", "2026-06-30", (), Timeliness.OPEN_IN_TIME),
    ("Quý I/2026 và duy trì", "2026-04-02", (), Timeliness.OPEN_OVERDUE),
    # deadline already before the plan period
    ("Tháng 12/2025", "2026-01-02", (), Timeliness.OPEN_OVERDUE),
    ("Tháng 12/2025", "2026-01-02", (("2026-01-02", "hoàn thành", "2025-12-20"),), Timeliness.DONE_ON_TIME),
    # unreadable deadline: not overdue, validate reports it
    ("sớm nhất có thể", "2026-12-31", (), Timeliness.NO_DEADLINE),
])
def test_timeliness(deadline: str, as_of: str, updates: tuple[tuple[str, str | None, str | None], ...],
                    expected: Timeliness) -> None:
    assert _status(deadline, as_of, *updates).timeliness is expected


def test_stale_after_a_month_without_report() -> None:
    assert not _status("Thường xuyên", "2026-01-31").stale
    assert _status("Thường xuyên", "2026-02-01").stale
    assert not _status("Thường xuyên", "2026-03-20", ("2026-03-01", "đang thực hiện", None)).stale
    assert _status("Thường xuyên", "2026-04-02", ("2026-03-01", "đang thực hiện", None)).stale
    # "không phát sinh" (an update without a state) is a report too
    assert not _status("Thường xuyên", "2026-03-20", ("2026-03-01", None, None)).stale


def test_stale_follows_the_stated_cadence() -> None:
    quarterly = "Thường xuyên; định kỳ hằng quý báo cáo"
    assert not _status(quarterly, "2026-03-15").stale
    assert _status(quarterly, "2026-04-02").stale
    six_monthly = "Thường xuyên; định kỳ 6 tháng báo cáo kết quả"
    assert not _status(six_monthly, "2026-06-30").stale
    assert _status(six_monthly, "2026-07-02").stale
    # a window that has not opened expects no report; a done task is never stale
    assert not _status("Quý III/2026", "2026-05-01").stale
    assert not _status("Quý I/2026", "2026-06-01", ("2026-02-01", "hoàn thành", "2026-02-01")).stale


def test_due_soon_windows() -> None:
    s = _status("trước ngày 20/11/2026", "2026-11-17")
    assert s.due_in_days == 3 and s.due_within(3) and s.due_within(7) and not s.due_within(1)
    assert _status("trước ngày 20/11/2026", "2026-11-20").due_within(1)
    assert not _status("trước ngày 20/11/2026", "2026-11-21").due_within(7)


_STATES = st.sampled_from([None, "chưa thực hiện", "đang thực hiện", "hoàn thành"])
_DATES = st.dates(dt.date(2025, 6, 1), dt.date(2027, 6, 1)).map(dt.date.isoformat)


@settings(max_examples=200, deadline=None)
@given(deadline=st.sampled_from(["Thường xuyên", "Nhiệm vụ thường xuyên", "Theo Dự án được thành phố phê duyệt",
                                 "Năm 2025 và những năm tiếp theo", "Từ năm 2026", "liên tục"]),
       updates=st.lists(st.tuples(_DATES, _STATES, st.none() | _DATES), max_size=4),
       as_of=st.dates(dt.date(2025, 1, 1), dt.date(2028, 1, 1)))
def test_ongoing_is_never_overdue(deadline: str, updates: list[tuple[str, str | None, str | None]],
                                  as_of: dt.date) -> None:
    s = task_status(_task(deadline, *updates), 2026, START, as_of)
    assert not s.overdue and s.timeliness is Timeliness.NO_DEADLINE


@settings(max_examples=200, deadline=None)
@given(deadline=st.sampled_from(["Quý I/2026", "Tháng 12/2025", "Hằng năm", "trước ngày 20/11/2026", "Thường xuyên",
                                 "2026-2030", "Quý V/2026", ""]),
       updates=st.lists(st.tuples(_DATES, st.sampled_from([None, "chưa thực hiện", "đang thực hiện"]),
                                  st.none() | _DATES), max_size=4),
       as_of=st.dates(dt.date(2025, 1, 1), dt.date(2028, 1, 1)))
def test_never_done_without_a_completion(deadline: str, updates: list[tuple[str, str | None, str | None]],
                                         as_of: dt.date) -> None:
    s = task_status(_task(deadline, *updates), 2026, START, as_of)
    assert s.state != "done" and s.done_on is None
    assert s.timeliness not in (Timeliness.DONE_ON_TIME, Timeliness.DONE_LATE)


# --- the command, on the real plans ------------------------------------------------------

@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    dest = tmp_path / "plans"
    shutil.copytree(PLANS, dest)
    return dest


def test_status_json_contract(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    r = run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "json")
    assert r.code == 0
    recs = r.json()
    assert len(recs) == 143
    for rec in recs:
        assert set(rec) >= STATUS_KEYS
        assert rec["timeliness"] in {t.value for t in Timeliness}
        assert rec["overdue"] == (rec["timeliness"] == "open_overdue")
    overdue = {(r["plan"], r["id"]) for r in recs if r["overdue"]}
    # due before the plan started (Vĩnh Lại, Hải An) plus Vĩnh Hải's "Trong tháng 01/2026" tasks
    assert ("hai-an", "pl4.I.6") in overdue and ("vinh-lai", "pl4.I.2") in overdue
    assert ("vinh-hai", "pl.I.1") in overdue
    assert all(r["stale"] for r in recs if r["timeliness"] != "no_deadline" and r["last_update"] is None
               and r["due"] and r["due"] >= "2026-03-01" and r["deadline"].startswith("Hằng"))


def test_overdue_gates_with_exit_1(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    assert run(capsys, "status", str(plans), "--overdue", "--as-of", "2026-03-01", "--format", "json").code == 1
    early = run(capsys, "status", str(plans / "hai-phong" / "an-lao.yaml"), "--overdue", "--as-of", "2026-01-15",
                "--format", "json")
    assert early.code == 0 and early.json() == []


def test_recorded_progress_changes_the_status(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    plan = plans / "hai-phong" / "hai-an.yaml"
    assert run(capsys, "progress", str(plan), "pl4.I.6", "--status", "hoan-thanh", "--date", "2026-01-10",
               "--done-on", "2026-01-05", "--as-of", "2026-03-01").code == 0
    recs = run(capsys, "status", str(plan), "--as-of", "2026-03-01", "--format", "json").json()
    rec = next(r for r in recs if r["id"] == "pl4.I.6")
    assert (rec["state"], rec["timeliness"], rec["overdue"], rec["last_update"]) == (
        "done", "done_late", False, "2026-01-10")


def test_unit_filter_through_the_registry(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    lead = run(capsys, "status", str(plans), "--unit", "Phòng VHXH", "--as-of", "2026-03-01", "--format", "json").json()
    assert lead and all(any("Văn hóa" in u or "VH" in u for u in r["lead"]) for r in lead)
    assert any("Phòng VHXXH" in r["lead"] for r in lead)          # An Lão's misspelling is the same unit
    police = run(capsys, "status", str(plans), "--unit", "Công an phường", "--role", "any", "--as-of", "2026-03-01",
                 "--format", "json").json()
    assert police and all(any("Công an" in u for u in r["lead"] + r["support"]) for r in police)
    only_support = run(capsys, "status", str(plans), "--unit", "Công an xã", "--role", "support", "--as-of",
                       "2026-03-01", "--format", "json").json()
    assert only_support and all(any("Công an" in u for u in r["support"]) for r in only_support)



@pytest.mark.parametrize(("lang", "said"), [
    ("vi", 'Không có đơn vị "Phong Kinh te" trong danh mục đơn vị hay trong nhiệm vụ nào. Có phải: Phòng Kinh tế'),
    ("en", 'No unit "Phong Kinh te" in the unit registry or in any task. Did you mean: Phòng Kinh tế'),
], ids=["vi", "en"])
def test_an_unknown_unit_is_a_did_you_mean_not_an_empty_list(capsys: pytest.CaptureFixture[str], plans: Path,
                                                            lang: str, said: str) -> None:
    r = run(capsys, "status", str(plans), "--unit", "Phong Kinh te", "--as-of", "2026-03-01", "--format", "json",
            "--lang", lang)
    assert (r.code, r.out) == (2, "")
    assert said in r.err


def test_a_registered_unit_without_tasks_is_an_empty_list(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    r = run(capsys, "status", str(plans), "--unit", "Sở Y tế", "--role", "any", "--as-of", "2026-03-01",
            "--format", "json")
    assert (r.code, r.json(), r.err) == (0, [], "")


def test_an_unknown_unit_without_a_registry(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    """Without units.yaml the names written in the tasks are the only ones known: a unit that is
    only ever a supporting one is still known, and a typo is told the names written."""
    (plans / "hai-phong" / "units.yaml").unlink()
    support = run(capsys, "status", str(plans), "--unit", "Các phòng, ban, đơn vị có liên quan", "--as-of",
                  "2026-03-01", "--format", "json")
    assert (support.code, support.json()) == (0, [])
    typo = run(capsys, "status", str(plans), "--unit", "Phòng Kinh te", "--as-of", "2026-03-01", "--lang", "en")
    assert typo.code == 2 and 'No unit "Phòng Kinh te"' in typo.err and "Did you mean: Phòng Kinh tế" in typo.err

def test_due_within_and_stale_filters(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    soon = run(capsys, "status", str(plans), "--due-within", "7", "--as-of", "2026-03-25", "--format", "json").json()
    assert soon and all(r["due"] and "2026-03-25" <= r["due"] <= "2026-04-01" for r in soon)
    stale = run(capsys, "status", str(plans), "--stale", "--as-of", "2026-03-01", "--format", "json").json()
    assert stale and all(r["stale"] for r in stale)


def test_markdown_reminders(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    r = run(capsys, "status", str(plans), "--overdue", "--as-of", "2026-03-01", "--format", "markdown")
    assert r.code == 1
    assert r.out.startswith("# Nhắc việc — tính đến ngày 01/03/2026")
    assert "## Phòng Văn hóa - Xã hội" in r.out and "**Quá hạn" in r.out and "quá 60 ngày" in r.out
    en = run(capsys, "status", str(plans), "--overdue", "--as-of", "2026-03-01", "--format", "markdown", "--lang", "en")
    assert "# Reminders" in en.out and "days late" in en.out


def test_text_csv_and_xlsx(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    text = run(capsys, "status", str(plans), "--as-of", "2026-03-01")
    assert "Tổng số nhiệm vụ: 143" in text.out and "Không có hạn" in text.out
    out = tmp_path / "s.xlsx"
    assert run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "xlsx", "-o", str(out)).code == 0
    from openpyxl import load_workbook

    ws = load_workbook(out).active
    assert ws is not None and ws.cell(1, 1).value == "Kế hoạch" and ws.max_row > 143
    csv_out = run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "csv")
    header = csv_out.out.lstrip("\ufeff").splitlines()[0]
    assert header.startswith("plan,unit,id") and header.endswith(",percent,occurrence")   # docs/interfaces.md


def test_status_refuses_an_invalid_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("kehoach: 1\n", encoding="utf-8")
    r = run(capsys, "status", str(tmp_path), "--no-cache")
    assert r.code == 1 and "schema" in r.err


def test_unit_filter_in_every_format(capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    for fmt in ("text", "markdown", "csv"):
        r = run(capsys, "status", str(plans), "--unit", "Phòng VHXH", "--overdue", "--as-of", "2026-03-01",
                "--format", fmt)
        assert r.code == 1 and "Phòng Văn hóa - Xã hội" in r.out, fmt


def test_one_cache_serves_every_as_of_date(capsys: pytest.CaptureFixture[str], plans: Path, tmp_path: Path) -> None:
    # status defaults to today: a cache keyed on the date would be cold every morning
    cache = tmp_path / "cache"
    first = run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "json", "--cache-dir", str(cache))
    [stored] = cache.glob("status-*.cache")
    before = stored.read_bytes()
    for day in ("2026-01-02", "2026-06-30", "2026-12-31"):
        warm = run(capsys, "status", str(plans), "--overdue", "--as-of", day, "--format", "json",
                   "--cache-dir", str(cache))
        cold = run(capsys, "status", str(plans), "--overdue", "--as-of", day, "--format", "json", "--no-cache")
        assert (warm.code, warm.out) == (cold.code, cold.out), day
    assert list(cache.glob("status-*.cache")) == [stored] and stored.read_bytes() == before
    assert first.json() != warm.json()


def test_judge_reads_only_reports_known_on_the_day() -> None:
    sched = Schedule(due="2026-03-31", start=None, external=False, recurrence=None,
                     updates=(("2026-02-01", "in_progress", None, 40.0), ("2026-04-02", "done", "2026-03-30", 100.0)))
    early = judge(sched, "2026-01-01", Clock(dt.date(2026, 3, 1)))
    late = judge(sched, "2026-01-01", Clock(dt.date(2026, 4, 2)))
    assert (early.state, early.percent, early.timeliness, early.due_in_days) == (
        "in_progress", 40.0, Timeliness.OPEN_IN_TIME, 30)
    assert (late.state, late.done_on, late.timeliness, late.due_in_days) == (
        "done", "2026-03-30", Timeliness.DONE_ON_TIME, None)


def test_large_results_are_kept_for_the_exit_and_released_by_the_next_command(
        capsys: pytest.CaptureFixture[str], plans: Path) -> None:
    import gc

    from kehoach.cli import common

    run(capsys, "status", str(plans), "--as-of", "2026-03-01", "--format", "json", "--no-cache")
    assert common._KEPT and gc.isenabled()
    assert run(capsys, "status", "--help").code == 0
    assert not common._KEPT and gc.get_freeze_count() == 0 and gc.isenabled()


def test_the_console_script_flushes_everything_before_leaving(plans: Path) -> None:
    # kehoach.__main__ ends with os._exit: a buffered tail of the output must not be lost
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kehoach", "status", str(plans), "--as-of", "2026-03-01",
                           "--format", "json", "--overdue", "--no-cache"], capture_output=True, check=False)
    assert done.returncode == 1 and done.stderr == b""
    assert len(json.loads(done.stdout)) == 13


# --- a recurring task is judged at each occurrence ----------------------------------------------

QUARTERLY = "Hằng quý"


@pytest.mark.parametrize(("as_of", "updates", "timeliness", "occurrence", "due_in"), [
    # Q1's occurrence (31 March) not yet passed: in time for it; the due day itself is in time
    ("2026-02-15", (), Timeliness.OPEN_IN_TIME, "2026-03-31", 44),
    ("2026-03-31", (), Timeliness.OPEN_IN_TIME, "2026-03-31", 0),
    # Q1 passed with no progress reported in Q1: overdue for Q1 while Q2 runs
    ("2026-04-15", (), Timeliness.OPEN_OVERDUE, "2026-03-31", -15),
    ("2026-06-30", (), Timeliness.OPEN_OVERDUE, "2026-03-31", -91),
    # progress reported in Q1 meets it: in time for Q2
    ("2026-04-15", (("2026-02-10", "đang thực hiện", None),), Timeliness.OPEN_IN_TIME, "2026-06-30", 76),
    ("2026-04-15", (("2026-03-31", "đang thực hiện", None),), Timeliness.OPEN_IN_TIME, "2026-06-30", 76),
    # a report after the quarter ended does not meet it; nor "chưa thực hiện", nor "không phát sinh"
    ("2026-04-15", (("2026-04-05", "đang thực hiện", None),), Timeliness.OPEN_OVERDUE, "2026-03-31", -15),
    ("2026-04-15", (("2026-03-20", "chưa thực hiện", None),), Timeliness.OPEN_OVERDUE, "2026-03-31", -15),
    ("2026-04-15", (("2026-03-20", None, None),), Timeliness.OPEN_OVERDUE, "2026-03-31", -15),
    # Q2 is judged on its own window (1 April – 30 June): a Q1 report does not carry over
    ("2026-07-02", (("2026-02-10", "đang thực hiện", None),), Timeliness.OPEN_OVERDUE, "2026-06-30", -2),
    ("2026-07-02", (("2026-02-10", "đang thực hiện", None), ("2026-05-10", "đang thực hiện", None)),
     Timeliness.OPEN_IN_TIME, "2026-09-30", 90),
    # every occurrence met and the year over: in time, nothing left to count to
    ("2027-01-05", tuple((d, "đang thực hiện", None) for d in ("2026-03-01", "2026-06-01", "2026-09-01",
                                                               "2026-12-01")),
     Timeliness.OPEN_IN_TIME, None, None),
    # the last occurrence missed
    ("2027-01-05", (("2026-09-01", "đang thực hiện", None),), Timeliness.OPEN_OVERDUE, "2026-12-31", -5),
])
def test_a_quarterly_task_is_judged_at_its_current_occurrence(
    as_of: str, updates: tuple[tuple[str, str | None, str | None], ...], timeliness: Timeliness,
    occurrence: str | None, due_in: int | None,
) -> None:
    v = _status(QUARTERLY, as_of, *updates)
    assert (v.timeliness, v.occurrence, v.due_in_days) == (timeliness, occurrence, due_in)


def test_a_percentage_is_progress_and_done_is_judged_at_the_last_occurrence() -> None:
    task = Task(id="t", text="x", lead=("Công an xã",), deadline=QUARTERLY, span=Span(1, 1),
                progress=(Update(date="2026-03-10", percent=20.0, span=Span(1, 1)),))
    assert task_status(task, 2026, START, dt.date(2026, 4, 15)).timeliness is Timeliness.OPEN_IN_TIME
    done = _status(QUARTERLY, "2026-04-15", ("2026-04-10", "hoàn thành", "2026-04-10"))
    assert (done.timeliness, done.occurrence) == (Timeliness.DONE_ON_TIME, None)


def test_monthly_and_dated_occurrences() -> None:
    # "trước ngày 25 hằng tháng": February's occurrence is 25 February
    v = _status("trước ngày 25 hằng tháng", "2026-03-01", ("2026-01-20", "đang thực hiện", None))
    assert (v.timeliness, v.occurrence) == (Timeliness.OPEN_OVERDUE, "2026-02-25")
    v = _status("trước ngày 25 hằng tháng", "2026-03-01", ("2026-02-20", "đang thực hiện", None))
    assert (v.timeliness, v.occurrence) == (Timeliness.OPEN_IN_TIME, "2026-03-25")
    # a yearly duty has one occurrence: as before, judged at 31 December
    v = _status("Hằng năm", "2026-06-30")
    assert (v.timeliness, v.occurrence, v.due_in_days) == (Timeliness.OPEN_IN_TIME, "2026-12-31", 184)
    # not recurring: no occurrence
    assert _status("Quý I/2026", "2026-04-15").occurrence is None


def test_status_json_names_the_occurrence(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import plan_text

    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "plans" / "thu-nghiem"
    folder.mkdir(parents=True)
    text, _ = plan_text('''\
        - id: q
          text: Báo cáo kết quả thực hiện
          lead: Công an xã
          deadline: Hằng quý
          progress:
            - date: "2026-02-10"
              state: đang thực hiện
        - id: y
          text: Tổng kết
          lead: Công an xã
          deadline: Quý II/2026
        ''')
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    r = run(capsys, "status", str(folder / "plan.yaml"), "--as-of", "2026-07-02", "--format", "json")
    recs = {rec["id"]: rec for rec in r.json()}
    assert recs["q"]["due"] == "2026-12-31"            # the last occurrence, as before
    assert (recs["q"]["timeliness"], recs["q"]["occurrence"], recs["q"]["due_in_days"]) == (
        "open_overdue", "2026-06-30", -2)
    assert recs["y"]["occurrence"] is None
    assert r.code == 0
    md = run(capsys, "status", str(folder / "plan.yaml"), "--as-of", "2026-07-02", "--format", "markdown")
    assert "30/06/2026" in md.out
