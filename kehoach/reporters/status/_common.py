"""What the formats of ``status`` share: the records, their column titles, the labels, dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...messages import labels, t
from ...status import Timeliness, record, timeliness_label
from ...status_query import Answer

ORDER = [t.value for t in (Timeliness.OPEN_OVERDUE, Timeliness.OPEN_IN_TIME, Timeliness.DONE_LATE,
                           Timeliness.DONE_ON_TIME, Timeliness.NO_DEADLINE)]
STYLE = {"open_overdue": "bold red", "open_in_time": "", "done_late": "yellow", "done_on_time": "green",
          "no_deadline": "cyan"}

# Column keys of the spreadsheets and tables; their titles are the messages "status.col.<key>".
COLUMNS = ("plan", "unit", "id", "text", "related", "continues", "lead", "support", "deadline", "due", "label",
           "timeliness", "overdue", "stale", "due_in_days", "last_update", "percent", "occurrence")

def words(lang: str) -> dict[str, str]:
    return labels("status.w", lang)


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
    labels["open_in_time"] = t("status.summary.open_in_time", lang)
    labels["open_overdue"] = t("status.summary.open_overdue", lang)
    return labels


def titles(lang: str) -> list[tuple[str, str]]:
    return [(key, t(f"status.col.{key}", lang)) for key in COLUMNS]


def ddmmyyyy(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "—"


def task_text(r: dict[str, Any]) -> str:
    """What the lead unit must do: the concrete task where the table pairs one with a programme's
    task (Phụ lục 3: NQ 71 beside NQ 57), else the task's text."""
    return str(r["related"] or r["text"])


def short(s: str, n: int = 140) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
