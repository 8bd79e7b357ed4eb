"""kehoach export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..plans import load_plans, slug_of
from ..records import COLUMNS, records
from ..writers import atomic_write, to_csv, to_json, to_xlsx
from .common import LangOpt, app, choice, lang_of, report_invalid

SHEETS = (("task", "Nhiệm vụ"), ("indicator", "Chỉ tiêu"), ("budget", "Kinh phí"))


@app.command()
def export(
    paths: Annotated[list[str] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans).")] = None,
    format: Annotated[str, typer.Option("--format", help="json, csv hoặc xlsx.")] = "json",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Tệp kết quả (bắt buộc với xlsx).")] = None,
    lang: LangOpt = "vi",
) -> int:
    """Xuất mọi dòng của mọi bảng (nhiệm vụ, chỉ tiêu, kinh phí) thành bảng phẳng."""
    lang = lang_of(lang)
    fmt = choice(format, ("json", "csv", "xlsx"))
    with report_invalid(lang):
        loaded = load_plans(paths or ["plans"])
    rows = [r for item in loaded for r in records(slug_of(item.path), item.plan)]
    if fmt == "json":
        data = to_json(rows)
    elif fmt == "csv":
        data = to_csv(COLUMNS, rows)
    else:
        if output is None:
            raise typer.BadParameter("xlsx cần -o TỆP.xlsx", param_hint="-o")
        data = to_xlsx([(title, COLUMNS, [r for r in rows if r["kind"] == kind]) for kind, title in SHEETS])
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(output, data)
    return 0
