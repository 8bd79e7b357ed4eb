"""kehoach import."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .common import JobsOpt, LangOpt, app, date_of, format_option, show_findings


@app.command(name="import")
def import_(
    sources: Annotated[list[Path], typer.Argument(
        help="Văn bản kế hoạch (.docx; .doc/.odt qua LibreOffice), hoặc thư mục văn bản, "
             "kể cả thư mục con (nhập song song).")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Tệp kế hoạch YAML sẽ ghi.")] = None,
    into: Annotated[str | None, typer.Option(
        "--into", help="Thư mục kế hoạch của thành phố (plans/<city>/): ghi <tên-xã>.yaml vào đó.")] = None,
    city: Annotated[str | None, typer.Option("--city", help="Tên (hoặc mã) thành phố cho meta.city.")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help="Năm kế hoạch (mặc định: năm trong dòng ngày tháng).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Ghi đè tệp kết quả đã có.")] = False,
    format: Annotated[str | None, format_option("import", "text")] = None,
    jobs: JobsOpt = None,
    lang: LangOpt = "vi",
) -> int:
    """Nhập kế hoạch từ văn bản Word thành tệp kế hoạch YAML (cần đọc soát lại)."""
    from ..errors import KehoachError
    from ..output import choose

    # -o names the plan written, not the report: the report's format is --format alone.
    fmt = choose("import", format, None, "text")
    if output and into:
        raise KehoachError("import.both-targets")
    if len(sources) == 1 and not sources[0].is_dir():
        return _one(sources[0], output, Path(into) if into else None, city, year, overwrite, fmt, lang)
    return _many(sources, output, into, city, year, overwrite, jobs, fmt, lang)


def _one(source: Path, output: str | None, folder: Path | None, city: str | None, year: int | None,
         overwrite: bool, fmt: str, lang: str) -> int:
    from ..config import build_settings
    from ..importer.batch import Batch, outcome_of
    from ..importer.run import import_document
    from ..importer.target import city_name, target_path, write_new
    from ..output import deliver, notice
    from ..text import slug
    from ..validation import validate

    result = import_document(source, city=city_name(city, folder), year=year,
                             target=Path(output) if output else (folder / "x.yaml" if folder else None))
    target = target_path(output, folder, slug(result.commune) or source.stem)
    outcome = outcome_of(result)
    if target is None:
        if fmt == "text":
            sys.stdout.write(result.text)      # the plan on standard output, the report on standard error
        findings = None
    else:
        write_new(target, result.text, overwrite=overwrite)
        outcome.target, outcome.text = str(target), ""
        settings = build_settings(select=None, ignore=None, fail_on=None, as_of=date_of(None), cwd=Path.cwd())
        findings = validate([(target, str(target))], settings, cache_dir=None, jobs=1)
    broken = findings is not None and (findings.unreadable or any(
        f.code == "KH002" for r in findings.files for f in r.findings))
    if findings is not None:
        outcome.findings = sum(len(r.findings) for r in findings.files)
        if broken:
            outcome.review.append(("import.schema-errors", {"path": str(target)}))
    if fmt == "text":
        deliver("import", "text", (result, str(target) if target else None), lang=lang,
                stream=sys.stderr if target is None else None)
    else:
        # One record of the same shape as a folder's: the plan itself inside it when not written.
        deliver("import", fmt, Batch([outcome]), lang=lang)
    if findings is not None:
        show_findings(findings.files, lang)
        if broken:
            notice("import.schema-errors", lang, path=str(target))
    return outcome.code


def _many(sources: list[Path], output: str | None, into: str | None, city: str | None, year: int | None,
          overwrite: bool, jobs: int | None, fmt: str, lang: str) -> int:
    """Several documents, or a folder of them: read in parallel, one summary, the worst exit code."""
    from ..errors import KehoachError
    from ..importer.batch import Batch, check_all, documents, read_all, write_all
    from ..importer.target import city_name
    from ..output import ProgressBar, deliver, notice

    paths = documents(sources)
    if output:
        raise KehoachError("import.many-to-one", count=len(paths))
    if not into:
        raise KehoachError("import.many-needs-into", count=len(paths))
    folder = Path(into)
    with ProgressBar("kehoach import", at_least=2, enabled=fmt == "text") as bar:
        outcomes = read_all(paths, city=city_name(city, folder), year=year, folder=folder, jobs=jobs, progress=bar)
    write_all(outcomes, folder, overwrite=overwrite)
    broken = check_all(outcomes, jobs=jobs)
    if broken:
        show_findings(broken, lang)
    batch = Batch(outcomes)
    deliver("import", fmt, batch, lang=lang)
    if any(o.findings for o in outcomes):
        notice("import.batch.validate-hint", lang, path=str(folder))
    return batch.code
