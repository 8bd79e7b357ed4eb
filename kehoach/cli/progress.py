"""kehoach progress: record a task's progress in its plan file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import KehoachError
from .common import LangOpt, app, date_of, keep_until_exit, lang_of, report_invalid, without_gc


@app.command()
def progress(
    plan_file: Annotated[Path, typer.Argument(readable=False, help="Tệp kế hoạch.")],
    task_id: Annotated[str | None, typer.Argument(help="Mã nhiệm vụ (id).")] = None,
    status: Annotated[str | None, typer.Option(
        "--status",
        help="chua-thuc-hien, dang-thuc-hien, hoan-thanh (hoặc not-started, in-progress, done).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Ngày báo cáo YYYY-MM-DD.")] = None,
    percent: Annotated[float | None, typer.Option("--percent", help="Tỷ lệ hoàn thành, 0–100.")] = None,
    note: Annotated[str, typer.Option("--note", help="Nội dung đã thực hiện.")] = "",
    evidence: Annotated[str, typer.Option(
        "--evidence", help="Văn bản minh chứng, ví dụ \"Báo cáo số 12/BC-UBND\".")] = "",
    done_on: Annotated[str | None, typer.Option(
        "--done-on", help="Ngày hoàn thành thực tế (mặc định: --date).")] = None,
    nothing: Annotated[bool, typer.Option("--nothing", help="Tháng này không phát sinh nội dung báo cáo.")] = False,
    from_csv: Annotated[Path | None, typer.Option(
        "--from", readable=False, help="Nhập nhiều cập nhật từ tệp CSV.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày hiện tại (mặc định hôm nay).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ hiện thay đổi, không ghi.")] = False,
    lang: LangOpt = "vi",
) -> int:
    """Ghi tiến độ một nhiệm vụ (hoặc nhập cả tháng từ CSV) vào tệp kế hoạch, an toàn."""
    from ..output import deliver
    from ..progress import Recording, apply_updates, find_task, make_update, open_plan, read_csv, reapply, unified_diff
    from ..yamlio import write

    lang = lang_of(lang)
    today = date_of(as_of)
    name = str(plan_file)
    # As status and rollup read thousands of plans (kehoach.cli.common.without_gc): the plan is
    # read, and later read back, with the cyclic collector off, and what it read is then set
    # aside (frozen): reading makes millions of objects and no reference cycles to collect.
    with without_gc():
        with report_invalid(lang):
            opened = open_plan(plan_file)
        keep_until_exit(opened)
    if from_csv is not None:
        updates, errors = read_csv(from_csv, opened.plan, today)
        if errors:
            deliver("progress", "text", Recording(name, 0, rejected=tuple(errors), csv=str(from_csv)), lang=lang,
                    stream=sys.stderr)
            return 2
    else:
        if task_id is None or date is None:
            raise KehoachError("progress.need-task-date")
        find_task(opened.plan, task_id)
        updates = [make_update(task_id, status=status, date=date, as_of=today, percent=percent, note=note,
                               evidence=evidence, nothing=nothing, done_on=done_on)]
    with without_gc():
        text = apply_updates(opened, updates)
    if dry_run:
        deliver("progress", "text", Recording(name, len(updates), diff=unified_diff(opened.source, text, name)),
                lang=lang)
        return 0
    with report_invalid(lang):
        write(opened.source, text, redo=reapply(updates))
    deliver("progress", "text", Recording(name, len(updates)), lang=lang)
    return 0
