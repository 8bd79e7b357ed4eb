"""What the formats of ``status`` share: the records, their column titles, the labels, dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...status import Timeliness, record, timeliness_label
from ...status_query import Answer

ORDER = [t.value for t in (Timeliness.OPEN_OVERDUE, Timeliness.OPEN_IN_TIME, Timeliness.DONE_LATE,
                           Timeliness.DONE_ON_TIME, Timeliness.NO_DEADLINE)]
STYLE = {"open_overdue": "bold red", "open_in_time": "", "done_late": "yellow", "done_on_time": "green",
          "no_deadline": "cyan"}

# Column key → (Vietnamese, English) title, for the spreadsheets and tables.
COLUMNS: list[tuple[str, tuple[str, str]]] = [
    ("plan", ("Kế hoạch", "Plan")), ("unit", ("Đơn vị", "Unit")), ("id", ("Mã", "Id")),
    ("text", ("Nhiệm vụ", "Task")), ("related", ("Nhiệm vụ tương ứng", "Corresponding task")),
    ("continues", ("Tiếp nối dòng", "Continues row")), ("lead", ("Đơn vị chủ trì", "Lead")),
    ("support", ("Đơn vị phối hợp", "Support")),
    ("deadline", ("Thời hạn", "Deadline")), ("due", ("Hạn", "Due")), ("label", ("Tình trạng", "Status")),
    ("timeliness", ("Mã tình trạng", "Timeliness")), ("overdue", ("Quá hạn", "Overdue")),
    ("stale", ("Chưa cập nhật", "Stale")), ("due_in_days", ("Còn (ngày)", "Days left")),
    ("last_update", ("Cập nhật cuối", "Last update")), ("percent", ("Tiến độ %", "Percent")),
]

WORDS = {
    "vi": {"total": "Tổng số nhiệm vụ", "as_of": "tính đến ngày", "overdue": "Quá hạn", "soon": "Sắp đến hạn",
           "stale": "Chưa cập nhật", "days_late": "quá {n} ngày", "days_left": "còn {n} ngày", "due": "hạn",
           "never": "chưa báo cáo lần nào", "last": "báo cáo gần nhất", "nothing": "Không có nhiệm vụ nào cần nhắc.",
           "report": "Nhắc việc", "no_unit": "(chưa có đơn vị chủ trì)"},
    "en": {"total": "Tasks", "as_of": "as of", "overdue": "Overdue", "soon": "Due soon", "stale": "Not updated",
           "days_late": "{n} days late", "days_left": "{n} days left", "due": "due", "never": "never reported",
           "last": "last report", "nothing": "Nothing to remind anyone of.", "report": "Reminders",
           "no_unit": "(no lead unit)"},
}


def records(answer: Answer, lang: str) -> list[dict[str, Any]]:
    """Each listed task under each of its units, as the interface writes it, with its ``unit``."""
    labels: dict[tuple[Timeliness, str], str] = {}
    out = []
    for x in answer.listed:
        v = x.verdict
        key = (v.timeliness, v.state)
        if key not in labels:
            labels[key] = timeliness_label(v.timeliness, v.state, lang)
        out.append({**record(x.plan, x.details, v, labels[key]), "unit": x.unit})
    return out


def summary_labels(lang: str) -> dict[str, str]:
    """Timeliness labels for the counts at the top, where open tasks of both states add up."""
    labels = {t.value: timeliness_label(t, "not_started" if t.value.startswith("open") else "done", lang)
              for t in Timeliness}
    labels["open_in_time"] = "Đang/chưa thực hiện (trong hạn)" if lang == "vi" else "Open (in time)"
    labels["open_overdue"] = "Đang/chưa thực hiện (quá hạn)" if lang == "vi" else "Open (overdue)"
    return labels


def titles(lang: str) -> list[tuple[str, str]]:
    return [(key, pair[1] if lang == "en" else pair[0]) for key, pair in COLUMNS]


def ddmmyyyy(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "—"


def task_text(r: dict[str, Any]) -> str:
    """What the lead unit must do: the concrete task where the table pairs one with a programme's
    task (Phụ lục 3: NQ 71 beside NQ 57), else the task's text."""
    return str(r["related"] or r["text"])


def short(s: str, n: int = 140) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
