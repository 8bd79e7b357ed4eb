"""One sentence per change, in the reader's language: what the text, markdown and github formats say."""

from __future__ import annotations

from typing import Any

from ..messages import t
from .changes import Change

_LIMIT = 100


def short(text: Any, limit: int = _LIMIT) -> str:
    s = " ".join(str(text).split()) if text is not None else ""
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def units(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "—"
    return short(value) or "—"


def label(c: Change, lang: str) -> str:
    return t(f"diff.kind.{c.kind}", lang)


def sentence(c: Change, lang: str) -> str:
    """What happened, without the word-level detail (reporters show ``details.words`` their own way)."""
    d = c.details
    args: dict[str, Any] = {"old": short(c.old), "new": short(c.new), "old_due": d.get("old_due") or "—",
                            "new_due": d.get("new_due") or "—", "year": d.get("year", "")}
    if c.kind.endswith(("-added", "-removed")) and c.kind.split("-")[0] in ("task", "indicator", "budget"):
        side = "new" if c.kind.endswith("-added") else "old"
        key = "diff.say.row"
        args.update(text=short(c.new if side == "new" else c.old), where=_where(d, side, lang))
    elif c.kind.endswith("-moved"):
        key = "diff.say.moved"
        args.update(old=_where(d, "old", lang), new=_where(d, "new", lang))
    elif c.kind == "deadline-changed":
        key = "diff.say.deadline-" + ("later" if d.get("later") and not d.get("due_removed") else
                                      "removed" if d.get("due_removed") else "earlier" if d.get("earlier") else
                                      "same" if d.get("same_due") else "other")
    elif c.kind in ("target-changed", "milestone-changed", "baseline-changed"):
        key = "diff.say.target-" + ("lowered" if d.get("lowered") else "raised" if d.get("raised") else
                                    "removed" if d.get("removed") else "other")
        if c.kind == "milestone-changed":
            key += "-year"
    elif c.kind in ("lead-changed", "support-changed", "unit-spelling-fixed"):
        key = "diff.say.units-reordered" if d.get("reordered") else "diff.say.units"
        args.update(old=units(c.old), new=units(c.new))
    elif c.kind == "text-changed":
        return t("diff.say.text", lang, field=t(f"diff.field.{d.get('field')}", lang))
    elif c.kind == "paragraph-changed":
        return label(c, lang)
    elif c.kind in ("paragraph-added", "paragraph-removed", "plan-added", "plan-removed"):
        key = "diff.say.quote"
        args["text"] = short(c.new if c.new is not None else c.old)
    elif c.kind.startswith(("progress-", "actual-")):
        key = "diff.say.entry"
        args["entry"] = _entry(c.new if c.new is not None else c.old, lang)
    elif c.kind in ("meta-changed", "appendix-changed", "field-changed"):
        key = "diff.say.field"
        args.update(field=t(f"diff.field.{d.get('field')}", lang), old=_value(c.old), new=_value(c.new))
    else:
        key = "diff.say.change"
    return f"{label(c, lang)}: {t(key, lang, **args)}"


def _where(d: dict[str, Any], side: str, lang: str) -> str:
    group = d.get(f"{side}_group") or ""
    table = d.get(f"{side}_table") or ""
    appendix = (d.get(f"{side}_appendix") or "").rstrip(": ")
    key = "diff.where.group" if group else "diff.where.table"
    return t(key, lang, table=table, group=group, appendix=f"{appendix}, " if appendix else "")


def _value(v: Any) -> str:
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {x}" for k, x in v.items())
    return "—" if v is None or v == "" else short(v)


def _entry(e: Any, lang: str) -> str:
    if not isinstance(e, dict):
        return "—"
    parts = [str(e.get(k)) for k in ("date", "state", "value") if e.get(k) not in (None, "")]
    if e.get("percent") is not None:
        p = e["percent"]
        parts.append(f"{int(p) if float(p).is_integer() else p}%")
    if e.get("nothing_to_report"):
        parts.append(t("diff.nothing-to-report", lang))
    parts += [short(e[k], 60) for k in ("note", "evidence") if e.get(k)]
    return ", ".join(parts)
