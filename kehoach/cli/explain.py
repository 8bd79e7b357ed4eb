"""kehoach explain deadline|target|unit|rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .common import LangOpt, explain_app, format_option

if TYPE_CHECKING:
    from ..explain import Explanation

FormatOpt = Annotated[str, format_option("explain", "text")]


def _show(result: Explanation, fmt: str, lang: str) -> int:
    from ..output import choose, deliver

    deliver("explain", choose("explain", fmt, None, "text"), result, lang=lang)
    return 0 if result.ok else 1


@explain_app.command("deadline")
def explain_deadline(
    text: Annotated[str, typer.Argument(help="Thời hạn như đã viết, ví dụ \"Quý II/2026\".")],
    year: Annotated[int, typer.Option("--year", help="Năm kế hoạch (điền năm còn thiếu).")] = dt.date.today().year,
    format: FormatOpt = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một thời hạn."""
    from .. import explain

    return _show(explain.deadline(text, year, lang), format, lang)


@explain_app.command("target")
def explain_target(
    text: Annotated[str, typer.Argument(help="Chỉ tiêu như đã viết, ví dụ \"≥ 60%\".")],
    format: FormatOpt = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một chỉ tiêu."""
    from .. import explain

    return _show(explain.target(text, lang), format, lang)


@explain_app.command("unit")
def explain_unit(
    text: Annotated[str, typer.Argument(help="Tên đơn vị như đã viết.")],
    city: Annotated[str, typer.Option("--city", help="Thư mục thành phố, ví dụ hai-phong.")],
    plans_dir: Annotated[Path, typer.Option(
        "--plans-dir", readable=False, help="Thư mục chứa các thành phố.")] = Path("plans"),
    format: FormatOpt = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach nhận ra một tên đơn vị trong danh mục đơn vị của thành phố."""
    from .. import explain
    from ..units import REGISTRY_FILE

    return _show(explain.unit(text, plans_dir / city / REGISTRY_FILE, lang), format, lang)


@explain_app.command("rule")
def explain_rule(
    name: Annotated[str | None, typer.Argument(help="Tên hoặc mã quy tắc; bỏ trống để liệt kê tất cả.")] = None,
    format: FormatOpt = "text",
    lang: LangOpt = "vi",
) -> int:
    """Tài liệu của một quy tắc (hoặc danh sách các quy tắc)."""
    from .. import explain

    return _show(explain.rules(lang) if name is None else explain.rule(name, lang), format, lang)
