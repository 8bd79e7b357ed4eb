"""kehoach new."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import LangOpt, app, choice


@app.command()
def new(
    path: Annotated[str, typer.Argument(help="Tệp kế hoạch mới, ví dụ plans/hai-phong/tan-minh.yaml.")],
    commune: Annotated[str, typer.Option("--commune", help="Tên xã/phường/đặc khu, ví dụ \"Tân Minh\".")],
    year: Annotated[int, typer.Option("--year", help="Năm kế hoạch, ví dụ 2026.")],
    kind: Annotated[str, typer.Option("--kind", help="xã, phường hoặc đặc khu.")] = "xã",
    city: Annotated[str | None, typer.Option(
        "--city", help="Tỉnh/thành phố (mặc định: theo units.yaml của thư mục).")] = None,
    lang: LangOpt = "vi",
) -> int:
    """Tạo kế hoạch mới của một xã theo cấu trúc chuẩn, có chú thích hướng dẫn điền."""
    from ..errors import KehoachError
    from ..output import notice
    from ..scaffold.plan import KINDS, new_plan

    kind = choice(kind, KINDS)
    if not 2000 <= year <= 2100:
        raise KehoachError("cli.bad-year", value=year, first=2000, last=2100)
    missing_schema = new_plan(Path(path), commune=commune, kind=kind, year=year, city=city)
    notice("new.created", lang, path=Path(path).as_posix())
    if missing_schema is not None:
        notice("new.no-schema", lang, schema=missing_schema)
    return 0
