"""A short reminder per unit, to paste into an e-mail or the commune's group chat."""

from __future__ import annotations

from ...escape import markdown
from ...output import Formatter, Out
from ...status_query import Answer
from ._common import ddmmyyyy, records, short, task_text, words

# "Due soon" when no --due-within says otherwise.
SOON_DAYS = 7


class MarkdownFormat(Formatter[Answer]):
    extensions = (".md",)

    def write(self, result: Answer, out: Out) -> None:
        lang, as_of = out.lang, result.query.as_of
        soon_days = result.query.due_within if result.query.due_within is not None else SOON_DAYS
        rows = records(result, lang)
        write = out.text.write
        w = words(lang)
        write(f"# {w['report']} — {w['as_of']} {as_of.strftime('%d/%m/%Y')}\n")
        units = sorted({r["unit"] for r in rows})
        wrote = False
        for unit in units:
            mine = [r for r in rows if r["unit"] == unit]
            overdue = [r for r in mine if r["overdue"]]
            soon = [r for r in mine
                    if not r["overdue"] and r["due_in_days"] is not None and r["due_in_days"] <= soon_days]
            stale = [r for r in mine if r["stale"] and not r["overdue"]]
            if not (overdue or soon or stale):
                continue
            wrote = True
            write(f"\n## {unit}\n")
            for title, group, detail in ((w["overdue"], overdue, "late"), (w["soon"], soon, "left"),
                                         (w["stale"], stale, "stale")):
                if not group:
                    continue
                write(f"\n**{title} ({len(group)})**\n\n")
                for r in sorted(group, key=lambda r: (r["due"] or "9999", r["plan"], r["id"])):
                    # a recurring task: the occurrence judged, which due_in_days counts to
                    due = ddmmyyyy(r["occurrence"] or r["due"])
                    if detail == "late":
                        extra = f"{w['due']} {due}, {w['days_late'].format(n=-r['due_in_days'])}"
                    elif detail == "left":
                        extra = f"{w['due']} {due}, {w['days_left'].format(n=r['due_in_days'])}"
                    else:
                        extra = w["never"] if not r["last_update"] else f"{w['last']} {ddmmyyyy(r['last_update'])}"
                    write(f"- {markdown(r['plan'])} · `{r['id']}` — {markdown(short(task_text(r)))} ({extra})\n")
        if not wrote:
            write(f"\n{w['nothing']}\n")
