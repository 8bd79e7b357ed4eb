"""Formatting task status records: a table per plan for people, a reminder per unit for e-mail."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..status import Timeliness

ORDER = [t.value for t in (Timeliness.OPEN_OVERDUE, Timeliness.OPEN_IN_TIME, Timeliness.DONE_LATE,
                           Timeliness.DONE_ON_TIME, Timeliness.NO_DEADLINE)]
_STYLE = {"open_overdue": "bold red", "open_in_time": "", "done_late": "yellow", "done_on_time": "green",
          "no_deadline": "cyan"}

# Column key → (Vietnamese, English) title, for the spreadsheets and tables.
COLUMNS: list[tuple[str, tuple[str, str]]] = [
    ("plan", ("Kế hoạch", "Plan")), ("unit", ("Đơn vị", "Unit")), ("id", ("Mã", "Id")),
    ("text", ("Nhiệm vụ", "Task")), ("lead", ("Đơn vị chủ trì", "Lead")), ("support", ("Đơn vị phối hợp", "Support")),
    ("deadline", ("Thời hạn", "Deadline")), ("due", ("Hạn", "Due")), ("label", ("Tình trạng", "Status")),
    ("timeliness", ("Mã tình trạng", "Timeliness")), ("overdue", ("Quá hạn", "Overdue")),
    ("stale", ("Chưa cập nhật", "Stale")), ("due_in_days", ("Còn (ngày)", "Days left")),
    ("last_update", ("Cập nhật cuối", "Last update")), ("percent", ("Tiến độ %", "Percent")),
]

_WORDS = {
    "vi": {"total": "Tổng số nhiệm vụ", "as_of": "tính đến ngày", "overdue": "Quá hạn", "soon": "Sắp đến hạn",
           "stale": "Chưa cập nhật", "days_late": "quá {n} ngày", "days_left": "còn {n} ngày", "due": "hạn",
           "never": "chưa báo cáo lần nào", "last": "báo cáo gần nhất", "nothing": "Không có nhiệm vụ nào cần nhắc.",
           "report": "Nhắc việc", "no_unit": "(chưa có đơn vị chủ trì)"},
    "en": {"total": "Tasks", "as_of": "as of", "overdue": "Overdue", "soon": "Due soon", "stale": "Not updated",
           "days_late": "{n} days late", "days_left": "{n} days left", "due": "due", "never": "never reported",
           "last": "last report", "nothing": "Nothing to remind anyone of.", "report": "Reminders",
           "no_unit": "(no lead unit)"},
}


def titles(lang: str) -> list[tuple[str, str]]:
    return [(key, pair[1] if lang == "en" else pair[0]) for key, pair in COLUMNS]


def _ddmmyyyy(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else "—"


def text(records: Sequence[dict[str, Any]], counts: Counter[str], labels: dict[str, str], as_of: dt.date,
         out: TextIO, lang: str) -> None:
    w = _WORDS[lang]
    import shutil

    # Not a terminal (a file, a pipe, a cron mail): wide enough that a task row stays one line.
    width = shutil.get_terminal_size((160, 40)).columns if out.isatty() else 160
    console = Console(file=out, highlight=False, soft_wrap=False, emoji=False, width=max(width, 100))
    summary = Table(title=f"{w['total']}: {sum(counts.values())} — {w['as_of']} {as_of.strftime('%d/%m/%Y')}",
                    show_header=False, box=None)
    for key in ORDER:
        summary.add_row(Text(labels[key], style=_STYLE[key]), str(counts.get(key, 0)))
    console.print(summary)
    for plan in sorted({r["plan"] for r in records}):
        rows = [r for r in records if r["plan"] == plan]
        table = Table(title=plan, show_lines=False, expand=False)
        for key, title in (("unit", "unit"), ("id", "id"), ("text", "text"), ("deadline", "deadline"),
                           ("due", "due"), ("label", "label"), ("last_update", "last_update")):
            table.add_column(dict(titles(lang))[key] if title else key, overflow="fold",
                             max_width={"text": 60, "unit": 28, "deadline": 24}.get(key), no_wrap=key in ("id", "due"))
        for r in sorted(rows, key=lambda r: (r["unit"], ORDER.index(r["timeliness"]), r["due"] or "9999")):
            label = Text(r["label"], style=_STYLE[r["timeliness"]])
            if r["stale"]:
                label.append(f" · {w['stale'].lower()}", style="magenta")
            table.add_row(Text(r["unit"] or w["no_unit"]), Text(r["id"]), Text(_short(r["text"], 80)),
                          Text(r["deadline"]),
                          _ddmmyyyy(r["due"]), label, _ddmmyyyy(r["last_update"]))
        console.print(table)


def markdown(records: Sequence[dict[str, Any]], as_of: dt.date, out: TextIO, lang: str, soon_days: int) -> None:
    """A short reminder per unit, to paste into an e-mail or the commune's group chat."""
    w = _WORDS[lang]
    out.write(f"# {w['report']} — {w['as_of']} {as_of.strftime('%d/%m/%Y')}\n")
    units = sorted({r["unit"] for r in records})
    wrote = False
    for unit in units:
        mine = [r for r in records if r["unit"] == unit]
        overdue = [r for r in mine if r["overdue"]]
        soon = [r for r in mine if not r["overdue"] and r["due_in_days"] is not None and r["due_in_days"] <= soon_days]
        stale = [r for r in mine if r["stale"] and not r["overdue"]]
        if not (overdue or soon or stale):
            continue
        wrote = True
        out.write(f"\n## {unit}\n")
        for title, group, detail in ((w["overdue"], overdue, "late"), (w["soon"], soon, "left"),
                                     (w["stale"], stale, "stale")):
            if not group:
                continue
            out.write(f"\n**{title} ({len(group)})**\n\n")
            for r in sorted(group, key=lambda r: (r["due"] or "9999", r["plan"], r["id"])):
                if detail == "late":
                    extra = f"{w['due']} {_ddmmyyyy(r['due'])}, {w['days_late'].format(n=-r['due_in_days'])}"
                elif detail == "left":
                    extra = f"{w['due']} {_ddmmyyyy(r['due'])}, {w['days_left'].format(n=r['due_in_days'])}"
                else:
                    extra = w["never"] if not r["last_update"] else f"{w['last']} {_ddmmyyyy(r['last_update'])}"
                out.write(f"- {_md(r['plan'])} · `{r['id']}` — {_md(_short(r['text']))} ({extra})\n")
    if not wrote:
        out.write(f"\n{w['nothing']}\n")


def _short(s: str, n: int = 140) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _md(s: str) -> str:
    """Plan text is data: no Markdown, links or HTML of its own in a chat message."""
    out = s
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out
