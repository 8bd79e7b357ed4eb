"""The semantic diff of two versions of one plan: what a reviewer must see, keyed by id, not by line.

Rows (tasks, indicators, budget items) are matched by ``id``, so renumbering, moving a row to
another group or reformatting the file never shows as "removed and added". Units are compared
after normalisation through the city's registry: a spelling fix is not a reassignment.
Deadlines and targets are compared as the parsers read them: a deadline that moves later and a
target that becomes less ambitious are warnings. Nothing here reads files or prints.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import Any

from ..deadlines import parse_deadline
from ..loader import Path_
from ..model import Actual, BudgetItem, Indicator, Row, Task, Update
from ..targets import parse_target
from ..text import norm_key
from .changes import KINDS, Change
from .sources import Context, Version
from .words import similarity, word_diff

_KIND = {Task: "task", Indicator: "indicator", BudgetItem: "budget"}
_META = ("city", "commune", "commune_kind", "year", "period", "issuer", "number", "symbol", "place", "date",
         "doc_type", "title")
_TEXT_FIELDS = {"task": ("text", "directing", "output", "note", "related"),
                "indicator": ("text", "directing", "output", "note", "unit"),
                "budget": ("text", "directing", "output", "note")}
_OTHER_FIELDS = {"task": ("nq71", "continues"), "indicator": ("catalog", "continues"),
                 "budget": ("amount", "continues")}
_NUMERIC = ("number", "range")
_PARTS = ("legal_bases", "intro", "closing", "recipients")
_PAIR_SIMILARITY = 0.5    # two paragraphs at the same place are "one edited" when half their words stay


def _shared(a: Row, b: Row, name: str) -> bool:
    """A merged cell in both versions: its change is reported once, on the row that holds it."""
    return a.inherits(name) and b.inherits(name)


def diff_versions(old: Version | None, new: Version | None, plan: str, context: Context | None = None) -> list[Change]:
    """Every change from ``old`` to ``new`` (either may be None: a plan added or removed)."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        shown = new or old
        assert shown is not None
        kind = "plan-added" if old is None else "plan-removed"
        title = shown.plan.meta.title
        return [Change(kind, plan, shown.path, "", None if old is None else title, title if old is None else None,
                       KINDS[kind], 1 if new is not None else None,
                       {"commune": shown.plan.meta.commune, "year": shown.plan.meta.year})]
    differ = _Differ(old, new, plan, context or Context())
    differ.meta()
    differ.paragraphs()
    differ.appendices()
    differ.rows()
    return sorted(differ.changes, key=Change.sort_key)


class _Differ:
    def __init__(self, old: Version, new: Version, plan: str, context: Context) -> None:
        self.old, self.new, self.plan, self.context = old, new, plan, context
        self.changes: list[Change] = []

    def add(self, kind: str, id: str, old: Any, new: Any, line: int | None, severity: str | None = None,
            **details: Any) -> None:
        self.changes.append(Change(kind, self.plan, self.new.path, id, old, new, severity or KINDS[kind], line,
                                   details))

    def line(self, path: Path_) -> int:
        return self.new.doc.span(path).line

    # --- the document around the tables ----------------------------------------------------------

    def meta(self) -> None:
        a, b = self.old.doc.data, self.new.doc.data
        for name in _META:
            self._value("meta-changed", a["meta"].get(name), b["meta"].get(name), ("meta", name), f"meta.{name}")
        for name in ("titles", "name"):
            self._value("meta-changed", a["signature"].get(name), b["signature"].get(name), ("signature", name),
                        f"signature.{name}")

    def _value(self, kind: str, old: Any, new: Any, path: Path_, name: str, id: str = "") -> None:
        if _same(old, new):
            return
        where = path if self._has(path) else path[:-1]
        self.add(kind, id, old, new, self.line(where), field=name)

    def _has(self, path: Path_) -> bool:
        node: Any = self.new.doc.data
        for step in path:
            if isinstance(node, dict) and step in node:
                node = node[step]
            else:
                return False
        return True

    def paragraphs(self) -> None:
        olds, news = list(_paragraphs(self.old.doc.data)), list(_paragraphs(self.new.doc.data))
        keys_a, keys_b = [(p, t) for p, _, t, _ in olds], [(p, t) for p, _, t, _ in news]
        for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            a, b = olds[i1:i2], news[j1:j2]
            while a and b and a[0][0] == b[0][0] and similarity(a[0][2], b[0][2]) >= _PAIR_SIMILARITY:
                (part, _, old_text, _), (_, where, new_text, path) = a.pop(0), b.pop(0)
                self.add("paragraph-changed", where, old_text, new_text, self.line(path), part=part,
                         words=_words(old_text, new_text), cosmetic=norm_key(old_text) == norm_key(new_text))
            for part, where, text, path in b:
                self.add("paragraph-added", where, None, text, self.line(path), part=part)
            after = news[j2] if j2 < len(news) else None
            for part, where, text, _ in a:
                self.add("paragraph-removed", where, text, None, self.line(after[3]) if after else None, part=part)

    def appendices(self) -> None:
        a = self.old.doc.data.get("appendices") or []
        b = self.new.doc.data.get("appendices") or []
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            for name in ("label", "title", "subtitle", "attachment"):
                self._value("appendix-changed", x.get(name), y.get(name), ("appendices", i, name), name,
                            id=str(y.get("label", "")))

    # --- rows ---------------------------------------------------------------------------------------

    def rows(self) -> None:
        olds, news = _by_id(self.old.plan.rows), _by_id(self.new.plan.rows)
        old_lines, new_lines = _narrative_lines(self.old), _narrative_lines(self.new)
        for key, row in news.items():
            before = olds.get(key)
            if before is None or _KIND[type(before)] != _KIND[type(row)]:
                self.add(f"{_KIND[type(row)]}-added", row.id, None, row.text, self.line(row.path),
                         **_where(row, "new"))
            else:
                self.row(before, row, old_lines.get(key), new_lines.get(key))
        for key, row in olds.items():
            after = news.get(key)
            if after is None or _KIND[type(after)] != _KIND[type(row)]:
                table = next((t for t in self.new.plan.tables if t.id == row.table), None)
                self.add(f"{_KIND[type(row)]}-removed", row.id, row.text, None, table.span.line if table else None,
                         old_line=self.old.doc.span(row.path).line, **_where(row, "old"))

    def row(self, a: Row, b: Row, line_a: str | None, line_b: str | None) -> None:
        kind = _KIND[type(b)]
        if (a.table, a.groups, a.appendix) != (b.table, b.groups, b.appendix):
            self.add(f"{kind}-moved", b.id, _location(a), _location(b), self.line(b.path),
                     **_where(a, "old"), **_where(b, "new"))
        if a.number != b.number and not _shared(a, b, "number"):
            self.add("number-changed", b.id, a.number, b.number, self.line((*b.path, "number")))
        for name in _TEXT_FIELDS[kind]:
            if not _shared(a, b, name):
                self.text(b, name, getattr(a, name), getattr(b, name))
        if line_a is not None and line_b is not None:
            self.text(b, "line", line_a, line_b, (*b.path[:-1], "line"))
        for role in ("lead", "support"):
            if not _shared(a, b, role):
                self.units(a, b, role)
        if a.deadline != b.deadline and not _shared(a, b, "deadline"):
            self.deadline(a, b)
        for name in _OTHER_FIELDS[kind]:
            old, new = getattr(a, name), getattr(b, name)
            if old != new:
                self.add("field-changed", b.id, old, new, self.line((*b.path, name)), field=name)
        if isinstance(a, Indicator) and isinstance(b, Indicator):
            self.indicator(a, b)
        if isinstance(a, Task) and isinstance(b, Task):
            self.history("progress", b, [_update(u) for u in a.progress], [_update(u) for u in b.progress])

    def text(self, row: Row, name: str, old: str, new: str, path: Path_ | None = None) -> None:
        if old == new:
            return
        self.add("text-changed", row.id, old, new, self.line(path or (*row.path, name)), field=name,
                 words=_words(old, new), cosmetic=norm_key(old) == norm_key(new))

    def units(self, a: Row, b: Row, role: str) -> None:
        old, new = list(getattr(a, role)), list(getattr(b, role))
        if old == new:
            return
        ca, cb = self.canonical(old), self.canonical(new)
        line = self.line((*b.path, role))
        if ca == cb:
            self.add("unit-spelling-fixed", b.id, old, new, line, field=role, canonical=cb)
            return
        added = [u for u in cb if u not in ca]
        removed = [u for u in ca if u not in cb]
        reordered = not added and not removed
        kind = f"{role}-changed"
        severity = "info" if reordered or role == "support" else None
        self.add(kind, b.id, old, new, line, severity, added=added, removed=removed, reordered=reordered)

    def canonical(self, units: Sequence[str]) -> list[str]:
        out: list[str] = []
        for unit in units:
            if self.context.registry is None:
                out.append(norm_key(unit))
                continue
            out += [m.canonical or norm_key(m.text) for m in self.context.registry.lookup(unit).leaves()]
        return out

    def deadline(self, a: Row, b: Row) -> None:
        da = parse_deadline(a.deadline, self.old.plan.meta.year)
        db = parse_deadline(b.deadline, self.new.plan.meta.year)
        details: dict[str, Any] = {"old_due": _iso(da.due), "new_due": _iso(db.due), "later": False,
                                   "earlier": False}
        if da.due and db.due:
            details["later"], details["earlier"] = db.due > da.due, db.due < da.due
            details["same_due"] = db.due == da.due
        elif da.due and not db.due:
            # No due date any more (ongoing, external, empty or unreadable): it can never be late.
            details["later"] = details["due_removed"] = True
        elif db.due and not da.due:
            details["due_added"] = True
        self.add("deadline-changed", b.id, a.deadline, b.deadline, self.line((*b.path, "deadline")),
                 "warning" if details["later"] else None, **details)

    def indicator(self, a: Indicator, b: Indicator) -> None:
        direction = self.context.directions.get(b.catalog or a.catalog, "higher")
        if a.target != b.target:
            details = _targets(a.target, b.target, direction)
            self.add("target-changed", b.id, a.target, b.target, self.line((*b.path, "target")),
                     _target_severity(details), **details)
        if a.baseline != b.baseline:
            self.add("baseline-changed", b.id, a.baseline, b.baseline, self.line((*b.path, "baseline")),
                     **_targets(a.baseline, b.baseline, direction))
        ma, mb = dict(a.milestones), dict(b.milestones)
        for year in sorted(ma.keys() | mb.keys()):
            old, new = ma.get(year, ""), mb.get(year, "")
            if old != new:
                details = _targets(old, new, direction)
                self.add("milestone-changed", b.id, old or None, new or None,
                         self.line((*b.path, "milestones", year)), _target_severity(details), year=year, **details)
        self.history("actual", b, [_actual(x) for x in a.actuals], [_actual(x) for x in b.actuals])

    def history(self, what: str, row: Row, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> None:
        """Entries appended are news; entries edited or deleted rewrite what was reported."""
        key = "progress" if what == "progress" else "actuals"
        if new[:len(old)] == old:
            for i in range(len(old), len(new)):
                self.add(f"{what}-added", row.id, None, new[i], self.line((*row.path, key, i)), **_entry(new[i]))
            return
        unmatched = [e for e in new if e not in old]
        for e in old:
            if e in new:
                continue
            twin = next((n for n in unmatched if n["date"] == e["date"]), None)
            if twin is not None:
                unmatched.remove(twin)
                self.add(f"{what}-changed", row.id, e, twin, self.line((*row.path, key, new.index(twin))),
                         **_entry(twin))
            else:
                self.add(f"{what}-removed", row.id, e, None, self.line((*row.path, key)), **_entry(e))
        for e in unmatched:
            self.add(f"{what}-added", row.id, None, e, self.line((*row.path, key, new.index(e))), **_entry(e))


# --- helpers ----------------------------------------------------------------------------------------

def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


def _words(old: str, new: str) -> list[list[str]]:
    return [[op, text] for op, text in word_diff(old, new)]


def _by_id(rows: Sequence[Row]) -> dict[str, Row]:
    """Rows by id; a repeated id (a plan with a duplicate-id finding) is told apart by its rank."""
    out: dict[str, Row] = {}
    for row in rows:
        key, n = row.id, 1
        while key in out:
            n += 1
            key = f"{row.id}#{n}"
        out[key] = row
    return out


def _narrative_lines(version: Version) -> dict[str, str]:
    """The sentence as written of each narrative indicator (its ``line``), by id."""
    out: dict[str, str] = {}
    for row in version.plan.indicators:
        if row.narrative:
            parent: Any = version.doc.data
            for step in row.path[:-1]:
                parent = parent[step]
            out.setdefault(row.id, str(parent.get("line", "")))
    return out


def _location(row: Row) -> str:
    groups = " › ".join(g for g in row.groups if g)
    return f"{row.table} › {groups}" if groups else row.table


def _where(row: Row, side: str) -> dict[str, Any]:
    return {f"{side}_table": row.table, f"{side}_group": " › ".join(row.groups),
            f"{side}_group_title": row.group_titles[-1] if row.group_titles else "",
            f"{side}_appendix": row.appendix}


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def _targets(old: str, new: str, direction: str) -> dict[str, Any]:
    ta, tb = parse_target(old), parse_target(new)
    details: dict[str, Any] = {"direction": direction, "old_value": ta.value, "new_value": tb.value,
                               "unit": tb.unit or ta.unit, "lowered": False, "raised": False}
    if ta.kind in _NUMERIC and tb.kind in _NUMERIC and (ta.unit == tb.unit or not ta.unit or not tb.unit):
        assert ta.value is not None and tb.value is not None
        delta = tb.value - ta.value
        if delta == 0 and ta.upper is not None and tb.upper is not None:
            delta = tb.upper - ta.upper
        gain = delta if direction != "lower" else -delta
        details.update(comparable=True, lowered=gain < 0, raised=gain > 0)
    else:
        details["comparable"] = False
        if ta.kind in (*_NUMERIC, "qualitative") and tb.kind == "none":
            details["removed"] = True
        elif tb.kind in (*_NUMERIC, "qualitative") and ta.kind == "none":
            details["added"] = True
    return details


def _target_severity(details: dict[str, Any]) -> str | None:
    return "warning" if details.get("lowered") or details.get("removed") else None


def _update(u: Update) -> dict[str, Any]:
    return {k: v for k, v in (("date", u.date), ("state", u.state), ("done_on", u.done_on), ("percent", u.percent),
                              ("nothing_to_report", u.nothing_to_report or None), ("note", u.note),
                              ("evidence", u.evidence)) if v not in (None, "")}


def _actual(a: Actual) -> dict[str, Any]:
    return {k: v for k, v in (("date", a.date), ("period", a.period), ("value", a.value), ("note", a.note),
                              ("evidence", a.evidence)) if v not in (None, "")}


def _entry(e: dict[str, Any]) -> dict[str, Any]:
    return {"date": e.get("date")}


def _paragraphs(data: Any) -> Iterator[tuple[str, str, str, Path_]]:
    """(part, where, text, path) of every paragraph and section heading outside the tables."""
    for part in _PARTS:
        for i, text in enumerate(data.get(part) or []):
            if isinstance(text, str):
                yield part, part, text, (part, i)
    yield from _blocks(data.get("body") or [], ("body",), "body", ())
    for i, appendix in enumerate(data.get("appendices") or []):
        label = str(appendix.get("label", ""))
        yield from _blocks(appendix.get("content") or [], ("appendices", i, "content"), "appendix", (label,))


def _blocks(blocks: list[Any], path: Path_, part: str, where: tuple[str, ...]) -> Iterator[tuple[str, str, str, Path_]]:
    for i, block in enumerate(blocks):
        here = (*path, i)
        if isinstance(block, str):
            yield part, " › ".join(where) or part, block, here
        elif isinstance(block, dict) and "heading" in block:
            inner = (*where, str(block.get("number", "")).strip() or "—")
            yield part, " › ".join(inner), str(block["heading"]), (*here, "heading")
            yield from _blocks(block.get("content") or [], (*here, "content"), part, inner)
