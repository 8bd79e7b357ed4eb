"""kehoach report: the periodic progress report of a plan, or of a city's plans, for a period."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import (
    CACHE_DIR,
    AsOfOpt,
    CacheDirOpt,
    JobsOpt,
    LangOpt,
    NoCacheOpt,
    OutputOpt,
    PathsArg,
    app,
    date_of,
    format_option,
    keep_until_exit,
    read_valid,
    without_gc,
)

if TYPE_CHECKING:
    from ..catalog import Catalog


@app.command()
def report(
    paths: PathsArg = None,
    period: Annotated[str, typer.Option(
        "--period", help="Kỳ báo cáo: 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm).")] = "",
    as_of: AsOfOpt = None,
    notes: Annotated[Path | None, typer.Option(
        "--notes", readable=False,
        help="Nội dung mục IV (đề xuất, kiến nghị) lấy từ tệp văn bản hoặc Markdown UTF-8.")] = None,
    issuer: Annotated[list[str] | None, typer.Option(
        "--issuer", help="Báo cáo tổng hợp: tên cơ quan ban hành, mỗi lần một dòng (mặc định: Ủy ban nhân dân "
                         "thành phố ghi trong các kế hoạch).")] = None,
    signer: Annotated[str, typer.Option(
        "--signer", help="Họ tên người ký ghi dưới chữ ký (báo cáo tổng hợp: mặc định để trống để ghi tay; báo cáo "
                         "của một kế hoạch: thay cho người ký ghi trong kế hoạch).")] = "",
    catalog: Annotated[Path | None, typer.Option(
        "--catalog", readable=False,
        help="Danh mục chỉ tiêu (mặc định: catalog.yaml ở thư mục kế hoạch hoặc thư mục cha).")] = None,
    format: Annotated[str | None, format_option("report", "md")] = None,
    output: OutputOpt = None,
    lang: LangOpt = "vi",
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = CACHE_DIR,
    jobs: JobsOpt = None,
) -> int:
    """Báo cáo kết quả thực hiện kế hoạch theo kỳ (số liệu chốt theo Nghị định 09/2019/NĐ-CP, hoặc theo
    tháng dương lịch nếu kehoach.toml đặt [report] periods = "calendar")."""
    from ..config import report_settings
    from ..discovery import discover
    from ..output import choose, deliver
    from ..report import build, parse_period, report_job
    from ..report.build import NO_CATALOG
    from ..report.notes import read_notes

    fmt = choose("report", format, output, "md")
    chosen = parse_period(period, calendar=report_settings(Path.cwd()).calendar)
    when = date_of(as_of)
    text = read_notes(notes) if notes is not None else ""
    files = discover(paths or ["plans"], lang)
    cat = _catalog(files, catalog)
    with without_gc():
        results = read_valid(files, report_job(cat or NO_CATALOG), cache_dir=None if no_cache else cache_dir,
                             jobs=jobs, lang=lang, show_progress=fmt == "md")
        result = build(chosen, when, files, results, catalog=cat, notes=text, issuer=issuer or (),
                       signer=signer.strip())
        deliver("report", fmt, result, lang=lang, output=output)
        keep_until_exit(results, result)
    return 0


def _catalog(files: list[tuple[Path, str]], explicit: Path | None) -> Catalog | None:
    """The indicator catalog, as ``rollup`` finds it; none when the plans' folders have none (the
    report then reads each row's own target); a broken one stops the command, as in rollup."""
    from ..catalog import catalog_for
    from ..errors import KehoachError

    try:
        return catalog_for([p for p, _ in files], explicit)
    except KehoachError as e:
        if e.key == "rollup.catalog-missing":
            return None
        raise
