"""kehoach init."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import LangOpt, app


@app.command()
def init(
    folder: Annotated[str, typer.Argument(help="Thư mục của kho kế hoạch (mặc định: thư mục hiện tại).")] = ".",
    city: Annotated[str | None, typer.Option("--city", help="Tên tỉnh/thành phố, ví dụ \"Hải Phòng\".")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Ghi đè các tệp đã có bằng bản mẫu.")] = False,
    update: Annotated[bool, typer.Option(
        "--update",
        help="Cập nhật schema/ theo kehoach đang cài (và tạo các tệp còn thiếu); giữ nguyên tệp khác.")] = False,
    requirement: Annotated[str | None, typer.Option(
        "--kehoach-requirement",
        help="Dòng pip cài kehoach cho CI, ví dụ \"kehoach @ git+https://…/kehoach@<commit>\".")] = None,
    lang: LangOpt = "vi",
) -> int:
    """Tạo (hoặc bổ sung) kho kế hoạch của một thành phố: danh mục, định dạng, kiểm tra tự động, hướng dẫn."""
    from ..output import deliver
    from ..scaffold.repo import init_repository

    report = init_repository(Path(folder), city, overwrite=overwrite, update=update, pinned=requirement)
    deliver("init", "text", report, lang=lang)
    return 0
