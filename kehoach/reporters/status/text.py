"""For people: the counts, then a table per plan. Not a contract."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ...output import Formatter, Out
from ...status_query import Answer
from ._common import ORDER, STYLE, ddmmyyyy, records, short, summary_labels, task_text, titles, words


class TextFormat(Formatter[Answer]):
    extensions = (".txt",)

    def write(self, result: Answer, out: Out) -> None:
        lang = out.lang
        w = words(lang)
        counts, as_of = result.counts, result.query.as_of
        labels = summary_labels(lang)
        console = out.console()
        # The title above the table, not its caption: a caption wraps at the narrow table's width.
        console.print(Text(f"{w['total']}: {sum(counts.values())} — {w['as_of']} {as_of.strftime('%d/%m/%Y')}",
                           style="bold"))
        summary = Table(show_header=False, box=None)
        for key in ORDER:
            summary.add_row(Text(labels[key], style=STYLE[key]), str(counts.get(key, 0)))
        console.print(summary)
        rows_all = records(result, lang)
        for plan in sorted({r["plan"] for r in rows_all}):
            rows = [r for r in rows_all if r["plan"] == plan]
            table = Table(title=plan, show_lines=False, expand=False)
            for key, title in (("unit", "unit"), ("id", "id"), ("text", "text"), ("deadline", "deadline"),
                               ("due", "due"), ("label", "label"), ("last_update", "last_update")):
                table.add_column(dict(titles(lang))[key] if title else key, overflow="fold",
                                 max_width={"text": 60, "unit": 28, "deadline": 24}.get(key),
                                 no_wrap=key in ("id", "due"))
            for r in sorted(rows, key=lambda r: (r["unit"], ORDER.index(r["timeliness"]), r["due"] or "9999")):
                label = Text(r["label"], style=STYLE[r["timeliness"]])
                if r["stale"]:
                    label.append(f" · {w['stale'].lower()}", style="magenta")
                table.add_row(Text(r["unit"] or w["no_unit"]), Text(r["id"]), Text(short(task_text(r), 80)),
                              Text(r["deadline"]),
                              # a recurring task: the occurrence judged, the one its label is about
                              ddmmyyyy(r["occurrence"] or r["due"]), label, ddmmyyyy(r["last_update"]))
            console.print(table)
