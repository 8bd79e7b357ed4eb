"""kehoach explain deadline|target|unit|rule."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import KehoachError
from ..messages import t
from .common import ExplainFormat, LangOpt, choice, emit, explain_app, lang_of


@explain_app.command("deadline")
def explain_deadline(
    text: Annotated[str, typer.Argument(help="Thời hạn như đã viết, ví dụ \"Quý II/2026\".")],
    year: Annotated[int, typer.Option("--year", help="Năm kế hoạch (điền năm còn thiếu).")] = dt.date.today().year,
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một thời hạn."""
    from ..deadlines import parse_deadline

    lang, fmt = lang_of(lang), choice(format, ("text", "json"))
    d = parse_deadline(text, year)
    data = {"text": d.text, "kind": d.kind, "start": d.start.isoformat() if d.start else None,
            "due": d.due.isoformat() if d.due else None, "recurrence": d.recurrence, "ongoing": d.ongoing,
            "external": d.external, "valid": d.valid}
    if not d.valid:
        data["reason"] = d.reason
    lines = [(k, "—" if v is None else str(v)) for k, v in data.items()]
    if not d.valid:
        lines.append(("", t(f"reason.{d.reason}", lang)))
    emit(data, fmt, lines)
    return 0 if d.valid else 1


@explain_app.command("target")
def explain_target(
    text: Annotated[str, typer.Argument(help="Chỉ tiêu như đã viết, ví dụ \"≥ 60%\".")],
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach đọc một chỉ tiêu."""
    from ..targets import parse_target

    lang_of(lang)
    fmt = choice(format, ("text", "json"))
    tg = parse_target(text)
    data = {"text": tg.text, "kind": tg.kind, "operator": tg.operator, "value": tg.value, "upper": tg.upper,
            "unit": tg.unit, "valid": tg.valid}
    emit(data, fmt, [(k, "—" if v is None else str(v)) for k, v in data.items()])
    return 0 if tg.valid else 1


@explain_app.command("unit")
def explain_unit(
    text: Annotated[str, typer.Argument(help="Tên đơn vị như đã viết.")],
    city: Annotated[str, typer.Option("--city", help="Thư mục thành phố, ví dụ hai-phong.")],
    plans_dir: Annotated[Path, typer.Option("--plans-dir", help="Thư mục chứa các thành phố.")] = Path("plans"),
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Cách kehoach nhận ra một tên đơn vị trong danh mục đơn vị của thành phố."""
    from ..units import REGISTRY_FILE, load_registry

    lang_of(lang)
    fmt = choice(format, ("text", "json"))
    path = plans_dir / city / REGISTRY_FILE
    if not path.is_file():
        raise KehoachError("cli.units-missing", path=str(path))
    m = load_registry(path).lookup(text)
    data = {"text": text, "canonical": m.canonical if m.status not in ("vague", "unknown", "several") else None,
            "status": m.status, "vague": m.status == "vague", "suggestions": list(m.suggestions),
            "parts": [{"text": p.text, "status": p.status, "canonical": p.canonical} for p in m.parts]}
    lines = [(k, "—" if v in (None, [], "") else str(v)) for k, v in data.items() if k not in ("parts", "suggestions")]
    lines.append(("suggestions", ", ".join(m.suggestions) or "—"))
    lines += [("part", f"{p.text} → {p.status} {p.canonical or ''}") for p in m.parts]
    emit(data, fmt, lines)
    return 0 if m.status != "unknown" else 1


@explain_app.command("rule")
def explain_rule(
    name: Annotated[str | None, typer.Argument(help="Tên hoặc mã quy tắc; bỏ trống để liệt kê tất cả.")] = None,
    format: ExplainFormat = "text",
    lang: LangOpt = "vi",
) -> int:
    """Tài liệu của một quy tắc (hoặc danh sách các quy tắc)."""
    from ..rules import REGISTRY, resolve

    lang_of(lang)
    fmt = choice(format, ("text", "json"))
    if name is None:
        rules = list(REGISTRY.values())
        if fmt == "json":
            emit({"rules": [{"name": r.name, "code": r.code, "severity": r.severity.label} for r in rules]}, fmt, [])
        else:
            for r in rules:
                sys.stdout.write(f"{r.code}  {r.name:<24} {r.severity.label:<8} {r.doc().splitlines()[0]}\n")
        return 0
    found = resolve(name)
    if len(found) != 1:
        raise KehoachError("cli.unknown-rule", name=name, known=", ".join(REGISTRY))
    r = found[0]
    if fmt == "json":
        emit({"name": r.name, "code": r.code, "severity": r.severity.label, "doc": r.doc()}, fmt, [])
    else:
        sys.stdout.write(f"{r.code} [{r.name}] ({r.severity.label})\n\n{r.doc()}\n")
    return 0
