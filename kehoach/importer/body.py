"""The numbered body: sections (I., 1., 1.1., a)), paragraphs, tables, and tasks written in the
narrative ("- task" followed by "+ Đơn vị chủ trì: …" lines).

Nesting follows the order in which numbering kinds first appear, as a reader would: in a plan
that goes I. → 1. → 1.1. → a), each kind sits under the one before it; a heading of a kind
already open closes the deeper ones.
"""

from __future__ import annotations

import re
from typing import Any

from .headings import map_heading
from .narrative import indicator_of, sentence_target, under_targets
from .tables import TableReport, convert
from .tree import Block, Para

_KINDS = (
    ("roman", re.compile(r"^(?P<n>[IVXLC]+\.)\s*(?P<t>\S.*)$", re.S)),
    ("dotted3", re.compile(r"^(?P<n>\d+\.\d+\.\d+\.?)\s+(?P<t>\S.*)$", re.S)),
    ("dotted", re.compile(r"^(?P<n>\d+\.\d+\.?)\s+(?P<t>\S.*)$", re.S)),
    ("arabic", re.compile(r"^(?P<n>\d+\.)\s+(?P<t>\S.*)$", re.S)),
    ("letter", re.compile(r"^(?P<n>[a-zđ]\))\s*(?P<t>\S.*)$", re.S)),
)
_FIELD_LINE = re.compile(r"^\+\s*(?P<label>[^:]{3,40}):\s*(?P<value>.*)$", re.S)
_TASK_FIELDS = ("directing", "lead", "support", "output", "deadline", "note")


def heading_of(text: str) -> tuple[str, str, str] | None:
    for kind, rx in _KINDS:
        m = rx.match(text)
        if m:
            return kind, m.group("n"), m.group("t").strip()
    return None


def body_blocks(blocks: list[Block], year: int) -> tuple[list[Any], list[str], list[str], list[TableReport],
                                                        list[tuple[str, dict[str, object]]]]:
    """The body's sections, the intro and closing paragraphs, the reports of its tables, and the
    narrative indicators read with a guess (message id, {id, line as written, target})."""
    reports: list[TableReport] = []
    closing: list[str] = []
    items = [b for b in blocks if not (isinstance(b, Para) and not b.text)]
    # The closing: the last paragraph when it ends the document ("…/."), and "Trên đây …" before it.
    while items and isinstance(items[-1], Para) and heading_of(items[-1].text) is None and (
            items[-1].text.endswith("/.") or items[-1].text.startswith("Trên đây")) and not closing:
        closing.insert(0, items.pop().text)  # type: ignore[union-attr]
    while items and isinstance(items[-1], Para) and items[-1].text.startswith("Trên đây") and closing:
        closing.insert(0, items.pop().text)  # type: ignore[union-attr]
    intro: list[str] = []
    while items and isinstance(items[0], Para) and heading_of(items[0].text) is None:
        intro.append(items.pop(0).text)  # type: ignore[union-attr]
    root: list[Any] = []
    stack: list[tuple[str, list[Any]]] = []     # (kind, content list of the open section)
    heads: list[str] = []                         # the open sections' headings, outermost first
    guessed: list[tuple[str, dict[str, object]]] = []
    tasks = 0
    indicators = 0
    tables = 0
    k = 0

    def here() -> list[Any]:
        return stack[-1][1] if stack else root

    while k < len(items):
        b = items[k]
        k += 1
        if not isinstance(b, Para):
            tables += 1
            table, report = convert(b, f"bang{tables}", year)
            here().append({"table": table})
            reports.append(report)
            continue
        h = heading_of(b.text)
        if h is not None:
            kind, number, text = h
            kinds = [s[0] for s in stack]
            if kind in kinds:
                del heads[kinds.index(kind):]
                del stack[kinds.index(kind):]
            section: dict[str, Any] = {"number": number, "heading": text, "content": []}
            here().append(section)
            stack.append((kind, section["content"]))
            heads.append(text)
            continue
        fields: dict[str, str] = {}
        while b.text.startswith(("-", "–")) and k < len(items) and isinstance(items[k], Para):
            m = _FIELD_LINE.match(items[k].text)  # type: ignore[union-attr]
            f = map_heading(m.group("label"), year).field if m else None
            if m is None or f not in _TASK_FIELDS or f in fields:
                break
            fields[f] = m.group("value").strip()
            k += 1
        if fields:
            tasks += 1
            task = {"id": f"nv.{tasks}", "text": re.sub(r"^[-–]\s*", "", b.text)}
            task.update({f: fields[f] for f in ("directing", "lead", "support", "output", "deadline", "note")
                         if f in fields})
            here().append({"task": task})
            continue
        found = indicator_of(b.text, heads)
        if found is None:
            here().append(b.text)
            # Outside the targets, a target inside a task's sentence ("…, bảo đảm ≥ 80% hồ sơ …") is
            # pointed out, not made an indicator: whether the plan tracks it is the commune's call
            # (the bundled plans decide both ways), and the sentence stays as written.
            in_sentence = None if under_targets(heads) else sentence_target(b.text)
            if in_sentence is not None:
                guessed.append(("import.unsure.task-target", {"line": b.text, "target": in_sentence["target"],
                                                              "text": in_sentence["text"]}))
            continue
        indicators += 1
        indicator, sure = found
        rid = f"ctvb.{indicators}"
        here().append({"indicator": {"id": rid, **indicator}, "line": b.text})
        if not sure:
            guessed.append(("import.unsure.narrative-indicator",
                            {"id": rid, "line": b.text, "target": indicator["target"]}))
    _drop_empty(root)
    return root, intro, closing, reports, guessed


def _drop_empty(blocks: list[Any]) -> None:
    # A numbered line with nothing under it is a numbered paragraph: {number, heading} alone.
    for b in blocks:
        if isinstance(b, dict) and "content" in b:
            if b["content"]:
                _drop_empty(b["content"])
            else:
                del b["content"]
