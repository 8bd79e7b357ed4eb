"""kehoach export."""

from __future__ import annotations

from typing import Annotated

from .common import LangOpt, OutputOpt, PathsArg, app, format_option, report_invalid


@app.command()
def export(
    paths: PathsArg = None,
    format: Annotated[str | None, format_option("export", "json")] = None,
    output: OutputOpt = None,
    lang: LangOpt = "vi",
) -> int:
    """Xuất mọi dòng của mọi bảng (nhiệm vụ, chỉ tiêu, kinh phí) thành bảng phẳng."""
    from ..output import choose, deliver
    from ..plans import load_plans, slug_of
    from ..records import export as exported

    fmt = choose("export", format, output, "json")
    with report_invalid(lang):
        loaded = load_plans(paths or ["plans"], lang)
    deliver("export", fmt, exported((slug_of(item.path), item.plan) for item in loaded), lang=lang, output=output)
    return 0
