"""``kehoach explain``: how kehoach reads a deadline, a target, a unit name, and what a rule is.

Each function returns an :class:`Explanation`: the fields of the JSON interface, and the lines a
person reads (the same fields, with what needs words in the user's language), or for a rule its
documentation in the user's language (Markdown, which the text format renders for the terminal).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import KehoachError
from .messages import M, t


@dataclass(frozen=True, slots=True)
class Explanation:
    data: dict[str, Any]                                 # the JSON interface
    lines: list[tuple[str, str]] = field(default_factory=list)   # name, value: for people
    prose: str | None = None                             # instead of lines: a document in Markdown
    ok: bool = True                                      # read as valid (exit 0) or not (exit 1)


def _shown(value: Any) -> str:
    return "—" if value in (None, [], "") else str(value)


# The fields whose value is said in words, explain.<field>.<value> (the JSON keeps the value); a
# "kind" is looked up by what it is the kind of (explain.deadline.<kind>, explain.target.<kind>).
_VALUE_WORDS = frozenset({"operator", "status", "rule", "source", "recurrence"})


def _day(iso: str, lang: str) -> str:
    from .report.words import day  # not at the top: the report package is heavy to import

    return day(iso, lang)


def _line(name: str, value: Any, lang: str, kind_group: str | None = None) -> tuple[str, str]:
    """A field for people: its name and its value in words — có/không, a kind, a state, an
    operator — in ``lang``; a value without words (a date, a text as written) as it is."""
    label = t(f"explain.field.{name}", lang) if f"explain.field.{name}" in M else name
    if isinstance(value, bool):
        return label, t("explain.yes" if value else "explain.no", lang)
    if name in ("start", "due") and isinstance(value, str):
        return label, _day(value, lang)          # 30/06/2026 in Vietnamese
    group = kind_group if name == "kind" else name if name in _VALUE_WORDS else None
    if group is not None and isinstance(value, str) and f"explain.{group}.{value}" in M:
        return label, t(f"explain.{group}.{value}", lang)
    return label, _shown(value)


def deadline(text: str, year: int, lang: str) -> Explanation:
    from .deadlines import parse_deadline

    d = parse_deadline(text, year)
    data: dict[str, Any] = {"text": d.text, "kind": d.kind, "start": d.start.isoformat() if d.start else None,
            "due": d.due.isoformat() if d.due else None, "recurrence": d.recurrence, "ongoing": d.ongoing,
            "external": d.external, "valid": d.valid}
    if not d.valid:
        data["reason"] = d.reason
    # Added keys (docs/interfaces.md): what was left unread after the period, and each due date of a
    # recurring deadline in the plan year (its last is "due").
    data["note"] = d.note
    data["occurrences"] = [day.isoformat() for day in d.occurrences]
    lines: list[tuple[str, str]] = []
    for k, v in data.items():
        if k == "occurrences":
            if v:
                lines.append(_line(k, ", ".join(_day(x, lang) for x in v), lang))
            continue
        if k == "reason":
            lines.append(_line(k, t(f"reason.{d.reason}", lang), lang))
            continue
        lines.append(_line(k, v, lang, "deadline"))
    return Explanation(data, lines, ok=d.valid)


def target(text: str, lang: str = "vi") -> Explanation:
    from .targets import parse_target

    tg = parse_target(text)
    data = {"text": tg.text, "kind": tg.kind, "operator": tg.operator, "value": tg.value, "upper": tg.upper,
            "unit": tg.unit, "valid": tg.valid}
    return Explanation(data, [_line(k, v, lang, "target") for k, v in data.items()], ok=tg.valid)


def unit(text: str, registry_path: Path, lang: str = "vi") -> Explanation:
    from .units import load_registry

    if not registry_path.is_file():
        raise KehoachError("cli.units-missing", path=str(registry_path))
    registry = load_registry(registry_path)
    m = registry.lookup(text)
    data = {"text": text, "canonical": m.canonical if m.status not in ("vague", "unknown", "several") else None,
            "status": m.status, "vague": m.status == "vague", "suggestions": list(m.suggestions),
            "parts": [{"text": p.text, "status": p.status, "canonical": p.canonical, "rule": p.rule}
                      for p in m.parts]}
    # Added keys (docs/interfaces.md): which reading matched, and whether the unit comes from the city's
    # units.yaml ("city") or from the national model it extends ("national").
    data["rule"] = m.rule
    data["source"] = registry.origin.get(m.canonical) if m.canonical else None
    lines = [_line(k, v, lang) for k, v in data.items() if k not in ("parts", "suggestions")]
    lines.append(_line("suggestions", ", ".join(m.suggestions), lang))
    lines += [_line("part", f"{p.text} → {_line('status', p.status, lang)[1]} {p.canonical or ''} "
                            f"({_line('rule', p.rule, lang)[1]})", lang) for p in m.parts]
    return Explanation(data, lines, ok=m.status != "unknown")


def rules(lang: str) -> Explanation:
    from .messages import severity_label
    from .rules import REGISTRY

    listed = list(REGISTRY.values())
    # Added key (docs/interfaces.md): each rule's "summary", in the --lang language.
    data = {"rules": [{"name": r.name, "code": r.code, "severity": r.severity.label, "summary": r.summary(lang)}
                      for r in listed]}
    width = max(len(severity_label(r.severity.label, lang)) for r in listed)
    prose = "\n".join(f"- {r.code}  {r.name:<24} {severity_label(r.severity.label, lang):<{width}}  {r.summary(lang)}"
                      for r in listed)
    return Explanation(data, prose=prose)


def rule(name: str, lang: str) -> Explanation:
    from .messages import severity_label
    from .rules import REGISTRY, resolve

    found = resolve(name)
    if len(found) != 1:
        raise KehoachError("cli.unknown-rule", name=name, known=", ".join(REGISTRY))
    r = found[0]
    # "doc" is the documentation in the --lang language; added key: "summary", its first sentence.
    data = {"name": r.name, "code": r.code, "severity": r.severity.label, "doc": r.doc(lang),
            "summary": r.summary(lang)}
    head = f"**{r.code}** [{r.name}] ({severity_label(r.severity.label, lang)})"
    return Explanation(data, prose=f"{head}\n\n{r.doc(lang)}")
