"""kehoach progress: record a task's progress, or an indicator's value, in its plan file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import KehoachError
from .common import LangOpt, app, keep_until_exit, report_invalid, without_gc


@app.command()
def progress(
    plan_file: Annotated[Path, typer.Argument(readable=False, help="Tệp kế hoạch.")],
    row_id: Annotated[str | None, typer.Argument(help="Mã nhiệm vụ hoặc mã chỉ tiêu (id).")] = None,
    status: Annotated[str | None, typer.Option(
        "--status",
        help="Nhiệm vụ: chua-thuc-hien, dang-thuc-hien, hoan-thanh (hoặc not-started, in-progress, done).")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="Ngày báo cáo (ngày số liệu): YYYY-MM-DD hoặc dd/mm/yyyy.")] = None,
    percent: Annotated[str | None, typer.Option(
        "--percent", help="Nhiệm vụ: tỷ lệ hoàn thành, 0–100 (viết 40, 40% hoặc 40,5).")] = None,
    value: Annotated[str | None, typer.Option(
        "--value", help="Chỉ tiêu: giá trị thực tế, ví dụ \"65%\", \"12\", \"Đạt\".")] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Chỉ tiêu: kỳ báo cáo như sẽ ghi, ví dụ \"Quý I/2026\".")] = None,
    note: Annotated[str, typer.Option("--note", help="Nội dung đã thực hiện / ghi chú.")] = "",
    evidence: Annotated[str, typer.Option(
        "--evidence", help="Văn bản minh chứng, ví dụ \"Báo cáo số 12/BC-UBND\".")] = "",
    done_on: Annotated[str | None, typer.Option(
        "--done-on", help="Nhiệm vụ: ngày hoàn thành thực tế (mặc định: --date).")] = None,
    nothing: Annotated[bool, typer.Option(
        "--nothing", help="Nhiệm vụ: tháng này không phát sinh nội dung báo cáo.")] = False,
    from_csv: Annotated[Path | None, typer.Option(
        "--from", readable=False, help="Nhập nhiều cập nhật (nhiệm vụ và chỉ tiêu) từ tệp CSV.")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Ngày hiện tại (mặc định hôm nay): YYYY-MM-DD hoặc dd/mm/yyyy.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ hiện thay đổi, không ghi.")] = False,
    lang: LangOpt = "vi",
) -> int:
    """Ghi tiến độ một nhiệm vụ, hoặc giá trị thực tế của một chỉ tiêu (hoặc nhập cả tháng từ CSV)
    vào tệp kế hoạch, an toàn."""
    import datetime as dt

    from ..dates import parse_date
    from ..output import deliver
    from ..progress import (
        Recording,
        Refused,
        RowError,
        Typed,
        apply_updates,
        catalog_near,
        open_plan,
        read_csv,
        reapply,
        typed_update,
        unified_diff,
    )
    from ..yamlio import write

    today = parse_date(as_of) if as_of is not None else dt.date.today()
    name = str(plan_file)
    # As status and rollup read thousands of plans (kehoach.cli.common.without_gc): the plan is
    # read, and later read back, with the cyclic collector off, and what it read is then set
    # aside (frozen): reading makes millions of objects and no reference cycles to collect.
    with without_gc():
        with report_invalid(lang):
            opened = open_plan(plan_file)
        keep_until_exit(opened)
    if from_csv is not None:
        updates, errors = read_csv(from_csv, opened.plan, today, lambda: catalog_near(plan_file))
        where = str(from_csv)
    else:
        if row_id is None or date is None:
            raise KehoachError("progress.need-id-date")
        typed = Typed(date=date, status=status, percent=_percent(percent), value=value, period=period, note=note,
                      evidence=evidence, done_on=done_on, nothing=nothing)
        try:
            updates, errors = [typed_update(opened.plan, row_id, typed, today, lambda: catalog_near(plan_file))], []
        except Refused as e:
            updates, errors = [], [RowError(0, p.key, p.args) for p in e.problems]
        where = ""
    if errors:
        deliver("progress", "text", Recording(name, 0, rejected=tuple(errors), csv=where), lang=lang,
                stream=sys.stderr)
        return 2
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



def _percent(text: str | None) -> float | None:
    from ..progress import parse_percent

    if text is None:
        return None
    try:
        return parse_percent(text)
    except ValueError:
        raise KehoachError("progress.percent", value=text) from None
