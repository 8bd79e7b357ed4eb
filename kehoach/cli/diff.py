"""kehoach diff."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KehoachError
from .common import LangOpt, OutputOpt, app, format_option


@app.command()
def diff(
    paths: Annotated[list[str] | None, typer.Argument(
        help="OLD NEW: hai tệp hoặc hai thư mục kế hoạch. Với --git: các đường dẫn giới hạn phạm vi.")] = None,
    git: Annotated[str | None, typer.Option(
        "--git", help="So theo git: BASE..HEAD (hai phiên bản) hoặc BASE (với thư mục làm việc).")] = None,
    format: Annotated[str | None, format_option("diff", "text")] = None,
    output: OutputOpt = None,
    fail_on: Annotated[list[str] | None, typer.Option(
        "--fail-on", help="Mã thoát 1 khi có các thay đổi này, ví dụ lowered-target,deadline-later,task-removed.")
    ] = None,
    lang: LangOpt = "vi",
) -> int:
    """So sánh hai phiên bản kế hoạch theo nội dung: nhiệm vụ, đơn vị, thời hạn, chỉ tiêu, tiến độ."""
    from ..diff import diff_git, diff_paths
    from ..diff.changes import parse_classes
    from ..output import choose, deliver

    fmt = choose("diff", format, output, "text")
    classes = parse_classes(fail_on)
    if git is not None:
        result = diff_git(git, paths or [], Path.cwd())
    elif paths is None or len(paths) != 2:
        raise KehoachError("diff.need-two")
    else:
        result = diff_paths(paths[0], paths[1])
    result = result.failing(classes)
    deliver("diff", fmt, result, lang=lang, output=output)
    return 1 if any(c.severity == "error" for c in result.changes) else 0
