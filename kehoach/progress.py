"""Recording progress in a plan file: append dated updates to tasks, safely.

The file is changed by inserting text lines only: every line that was there before stays
byte-identical (comments, quoting, key order, line endings), which a YAML round-trip dump cannot
promise. The result is parsed and checked against the intended change before it replaces the
original, atomically; any failure leaves the original untouched.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import model, schema
from .errors import KehoachError
from .fmt import canonical_data
from .linter import LoadedPlan, load_plan, load_plan_bytes
from .loader import Document, LoadFailure, Path_, decode, file_error, parse, read_bytes
from .model import Task
from .plans import PlansInvalid
from .text import did_you_mean
from .yamlio import Source, source_of

STATES = {
    "chua-thuc-hien": "chưa thực hiện", "dang-thuc-hien": "đang thực hiện", "hoan-thanh": "hoàn thành",
    "not-started": "chưa thực hiện", "in-progress": "đang thực hiện", "done": "hoàn thành",
    "chưa thực hiện": "chưa thực hiện", "đang thực hiện": "đang thực hiện", "hoàn thành": "hoàn thành",
}


@dataclass(frozen=True, slots=True)
class NewUpdate:
    task_id: str
    date: dt.date
    state: str | None = None          # Vietnamese state as stored, or None for "nothing to report"
    percent: float | None = None
    note: str = ""
    evidence: str = ""
    done_on: dt.date | None = None
    nothing_to_report: bool = False

    def as_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date": self.date.isoformat()}
        if self.state:
            out["state"] = self.state
        if self.state == "hoàn thành":
            out["done_on"] = (self.done_on or self.date).isoformat()
        if self.percent is not None:
            out["percent"] = int(self.percent) if float(self.percent).is_integer() else self.percent
        if self.nothing_to_report:
            out["nothing_to_report"] = True
        if self.note:
            out["note"] = self.note
        if self.evidence:
            out["evidence"] = self.evidence
        return out


def make_update(task_id: str, *, status: str | None, date: str, as_of: dt.date, percent: float | None = None,
                note: str = "", evidence: str = "", nothing: bool = False, done_on: str | None = None) -> NewUpdate:
    """Check one update as the user typed it; raises KehoachError with a message naming the value."""
    for option, text in (("--note", note), ("--evidence", evidence), ("--status", status or ""), ("--date", date)):
        _check_text(option, text)
    state = None
    if status:
        state = STATES.get(status.strip().lower())
        if state is None:
            raise KehoachError("progress.bad-state", value=status, allowed=", ".join(list(STATES)[:6]))
    elif not nothing:
        raise KehoachError("progress.no-state")
    when = _iso(date)
    if when > as_of:
        raise KehoachError("progress.future", value=date, as_of=as_of.isoformat())
    if percent is not None and not 0 <= percent <= 100:
        raise KehoachError("progress.percent", value=_num(percent))
    done = _iso(done_on) if done_on else None
    if done and done > when:
        raise KehoachError("progress.done-after-report", value=done_on, date=date)
    return NewUpdate(task_id, when, state, percent, note.strip(), evidence.strip(), done, nothing)


def _check_text(option: str, text: str) -> None:
    """Bytes on the command line that are not UTF-8 arrive as lone surrogates, which no file can
    hold: refused with the option named, before anything is written."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise KehoachError("progress.bad-text", option=option, position=e.start + 1) from None


def _iso(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise KehoachError("cli.bad-date", value=text) from None


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


# --- reading the file ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PlanFile:
    """A plan as read to record progress in it: the file (to write back in its own encoding and
    line endings), its plan, and its document with the node graph (where the new lines go, and
    what the new text must read back as)."""

    source: Source
    plan: model.Plan
    doc: Document


def open_plan(path: Path) -> PlanFile:
    """The plan file, read once; raises ``PlansInvalid`` with every finding when the plan cannot
    be used, as the other commands do."""
    loaded = load_plan(path, path.as_posix(), keep_nodes=True)
    return _plan_file(loaded, lambda: source_of(path, loaded.data))


def _plan_file(loaded: LoadedPlan, source: Callable[[], Source]) -> PlanFile:
    # The source only once the plan is known to be usable: bytes that do not decode are a
    # finding, not an error of decoding them again.
    if loaded.plan is None or loaded.doc is None:
        raise PlansInvalid(list(loaded.problems), loaded.unreadable)
    return PlanFile(source(), loaded.plan, loaded.doc)


def find_task(plan: model.Plan, task_id: str) -> Task:
    for t in plan.tasks:
        if t.id == task_id:
            return t
    close = did_you_mean(task_id, [t.id for t in plan.tasks])
    raise KehoachError("progress.unknown-task", id=task_id, suggestions=", ".join(close))


# --- inserting ----------------------------------------------------------------------------

def _node_at(root: yaml.Node, path: tuple[str | int, ...]) -> yaml.Node:
    node = root
    for step in path:
        if isinstance(step, int):
            assert isinstance(node, yaml.SequenceNode)
            node = node.value[step]
        else:
            assert isinstance(node, yaml.MappingNode)
            node = next(v for k, v in node.value if k.value == step)
    return node


def _last_line(node: yaml.Node) -> int:
    """0-based index of the last line that holds this node's content (not trailing comments)."""
    if isinstance(node, yaml.ScalarNode):
        end = node.end_mark
        # A block scalar (| or >) ends at the start of the line after its text.
        return end.line - 1 if node.style in ("|", ">") and end.column == 0 else end.line
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
        if node.flow_style:
            return node.end_mark.line
        children = [v for _, v in node.value] if isinstance(node, yaml.MappingNode) else list(node.value)
        if not children:
            return node.end_mark.line
        return _last_line(children[-1])
    return node.end_mark.line


def _item_lines(update: NewUpdate, dash_col: int) -> list[str]:
    """The update as YAML lines; strings in double quotes (JSON strings are valid YAML)."""
    lines = []
    for i, (key, value) in enumerate(update.as_mapping().items()):
        if isinstance(value, str) and key not in ("state",):
            rendered = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            rendered = "true" if value else "false"
        else:
            rendered = str(value)
        prefix = " " * dash_col + ("- " if i == 0 else "  ")
        lines.append(f"{prefix}{key}: {rendered}")
    return lines


def _block(root: yaml.Node, task: Task, updates: Sequence[NewUpdate], newline: str,
           lines: list[str]) -> tuple[int, str]:
    """Where a task's new updates go (the index of the line they follow) and their text. An empty
    ``progress: []`` (which fmt keeps, as written) becomes ``progress:`` in ``lines``: the one line
    that recording progress may change."""
    mapping = _node_at(root, task.path)
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style:
        raise KehoachError("progress.flow-style", id=task.id, line=task.span.line)
    key_col = mapping.value[0][0].start_mark.column
    existing = next((v for k, v in mapping.value if k.value == "progress"), None)
    if isinstance(existing, yaml.SequenceNode) and not existing.value and existing.flow_style \
            and existing.start_mark.line == existing.end_mark.line:
        at, line = existing.start_mark.line, lines[existing.start_mark.line]
        body = line.rstrip("\r\n")
        lines[at] = body[:existing.start_mark.column].rstrip() + body[existing.end_mark.column:] + line[len(body):]
        dash_col = next(k for k, v in mapping.value if v is existing).start_mark.column + 2
        return at, "".join(line + newline for u in updates for line in _item_lines(u, dash_col))
    if existing is not None:
        if not isinstance(existing, yaml.SequenceNode) or existing.flow_style or not existing.value:
            raise KehoachError("progress.flow-style", id=task.id, line=task.span.line)
        dash_col = existing.value[0].start_mark.column - 2
        after = _last_line(existing)
        new_lines = [line for u in updates for line in _item_lines(u, dash_col)]
    else:
        after = _last_line(mapping)
        new_lines = [" " * key_col + "progress:", *(line for u in updates for line in _item_lines(u, key_col + 2))]
    return after, "".join(line + newline for line in new_lines)


def apply_updates(opened: PlanFile, updates: Sequence[NewUpdate]) -> str:
    """The new text with every update appended to its task, checked by reading it again.

    The places come from the node graph the plan was read with, and the new text is read back
    once, whatever the number of updates: a month of a commune's updates from a CSV on a big plan
    was one full read per update, then three per run; now one more parse."""
    source, plan = opened.source, opened.plan
    root = opened.doc.root
    assert root is not None, "open_plan keeps the node graph"
    by_task: dict[str, list[NewUpdate]] = {}
    for update in sorted(updates, key=lambda u: u.date):
        by_task.setdefault(update.task_id, []).append(update)
    tasks = {task_id: find_task(plan, task_id) for task_id in by_task}
    lines = source.text.splitlines(keepends=True)
    blocks = sorted((_block(root, tasks[task_id], mine, source.newline, lines) for task_id, mine in by_task.items()),
                    key=lambda b: b[0], reverse=True)
    kept = "".join(lines)   # the text as it was, but for an empty ``progress: []`` opened up
    if blocks and lines and not lines[-1].endswith(("\n", "\r")) and blocks[0][0] >= len(lines) - 1:
        lines[-1] += source.newline
    for after, block in blocks:   # from the bottom up: the line numbers above stay right
        lines.insert(after + 1, block)
    text = "".join(lines)
    _check_only_inserted(kept, text)
    added = {tasks[task_id].path: [u.as_mapping() for u in mine] for task_id, mine in by_task.items()}
    _check_reads_back(opened, text, added, ", ".join(by_task))
    return text


def _check_reads_back(opened: PlanFile, text: str, added: dict[Path_, list[dict[str, Any]]], ids: str) -> None:
    """The new bytes, read as every command will read them, hold the plan's data and the new
    updates, each appended to its task's ``progress``, and nothing else (compared as JSON, which
    tells ``1`` from ``true`` and from ``1.0``; numbers as written too); no key is repeated and
    the schema still holds. The plan's model is not built again: the data decides it.

    What this guards against is a place or an indentation got wrong, on a layout ``_block`` did
    not foresee: the lines would then belong to another task, or end a block text early. The
    original lines are known to be intact (``_check_only_inserted``); their meaning is what is
    checked here."""
    old = opened.doc
    try:
        new = parse(decode(opened.source.encode(text)), old.path, positions=False)
    except LoadFailure:
        raise KehoachError("progress.internal", id=ids) from None
    if (new.duplicate_keys or canonical_data(new.data) != canonical_data(_appended(old.data, added))
            or any(new.raw.get(p) != raw for p, raw in old.raw.items()) or schema.validate(new, "plan")):
        raise KehoachError("progress.internal", id=ids)


def _appended(data: Any, added: dict[Path_, list[dict[str, Any]]]) -> Any:
    """``data`` with the new updates at the end of each task's ``progress``. Only the lists and
    mappings on the way to each task are copied: a deep copy of a big plan takes seconds."""
    for path, items in added.items():
        data = _append_at(data, path, items)
    return data


def _append_at(node: Any, path: Path_, items: list[dict[str, Any]]) -> Any:
    if not path:
        return {**node, "progress": [*(node.get("progress") or []), *items]}
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[path[0]] = _append_at(node[path[0]], path[1:], items)   # type: ignore[index]
    return copy


def reapply(updates: Sequence[NewUpdate]) -> Callable[[Source], str]:
    """How ``write`` records ``updates`` again when the plan changed after it was read (another
    ``kehoach progress`` wrote first): on the current file, under the lock, so both land."""

    def redo(current: Source) -> str:
        loaded = load_plan_bytes(current.raw, current.path.as_posix(), keep_nodes=True)
        return apply_updates(_plan_file(loaded, lambda: current), updates)

    return redo


def _check_only_inserted(old: str, new: str) -> None:
    """Belt and braces: every original line is still there, in order, unchanged: the old lines
    are a subsequence of the new ones. Checked in one pass (a line diff was quadratic: 168 s on a
    plan of 20,000 rows whose rows repeat the same lines), each line looked for from where the
    previous one was found."""
    lines = new.splitlines(keepends=True)
    at = 0
    try:
        for line in old.splitlines(keepends=True):
            at = lines.index(line, at) + 1
    except ValueError:
        raise KehoachError("progress.internal", id="") from None


# --- importing a month of updates from a spreadsheet ---------------------------------------------

HEADERS = {
    "task_id": ("task_id", "task", "id", "mã", "mã nhiệm vụ", "ma nhiem vu"),
    "state": ("state", "status", "tình trạng", "trạng thái", "tinh trang"),
    "date": ("date", "ngày", "ngày báo cáo", "ngay"),
    "percent": ("percent", "%", "tỷ lệ", "tỉ lệ", "tiến độ", "ty le"),
    "note": ("note", "ghi chú", "nội dung", "ghi chu"),
    "evidence": ("evidence", "minh chứng", "văn bản", "minh chung"),
}


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    key: str
    args: dict[str, Any]


def read_csv(path: Path, plan: model.Plan, as_of: dt.date) -> tuple[list[NewUpdate], list[RowError]]:
    """Every row checked; all bad rows are returned, so that nothing is written unless all are good."""
    try:
        raw = read_bytes(path)
    except LoadFailure as e:
        raise file_error(path, e) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise KehoachError("progress.csv-encoding", path=str(path), line=line) from None
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        rows = list(reader)
    except csv.Error as e:
        # A field over csv's limit (128 KB), a NUL: the row is named, not an unexpected error.
        if "field larger than field limit" in str(e):
            raise KehoachError("progress.csv-field", path=str(path), line=reader.line_num,
                               limit=csv.field_size_limit()) from None
        raise KehoachError("progress.csv-broken", path=str(path), line=reader.line_num) from None
    if not rows:
        raise KehoachError("progress.csv-empty", path=str(path))
    header = [h.strip().lower() for h in rows[0]]
    index: dict[str, int] = {}
    for field_, names in HEADERS.items():
        for i, h in enumerate(header):
            if h in names:
                index[field_] = i
                break
    missing = [f for f in ("task_id", "date") if f not in index]
    if "state" not in index:
        missing.append("state")
    if missing:
        raise KehoachError("progress.csv-columns", path=str(path), missing=", ".join(missing),
                           found=", ".join(rows[0]))
    ids = {t.id for t in plan.tasks}
    updates: list[NewUpdate] = []
    errors: list[RowError] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def get(name: str, row: list[str] = row) -> str:
            i = index.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        task_id = get("task_id")
        if task_id not in ids:
            close = did_you_mean(task_id, sorted(ids))
            errors.append(RowError(n, "progress.unknown-task", {"id": task_id, "suggestions": ", ".join(close)}))
            continue
        state = get("state")
        nothing = state.strip().lower() in ("không phát sinh", "khong-phat-sinh", "nothing")
        pct_text = get("percent").rstrip("%").replace(",", ".")
        try:
            percent = float(pct_text) if pct_text else None
            updates.append(make_update(task_id, status=None if nothing else state, date=get("date"), as_of=as_of,
                                       percent=percent, note=get("note"), evidence=get("evidence"),
                                       nothing=nothing))
        except ValueError:
            errors.append(RowError(n, "progress.percent", {"value": get("percent")}))
        except KehoachError as e:
            errors.append(RowError(n, e.key, e.args_))
    return updates, errors


@dataclass(frozen=True, slots=True)
class Recording:
    """What ``kehoach progress`` did, or would do, to a plan file."""

    plan: str                              # the plan file as the user named it
    updates: int
    diff: str | None = None                # --dry-run: the change, as a unified diff; nothing written
    rejected: tuple[RowError, ...] = ()    # --from: every bad row; nothing written
    csv: str = ""                          # --from: the CSV file


def unified_diff(source: Source, text: str, name: str) -> str:
    """The change as difflib's unified diff. Only the lines between the part both texts start
    with and the part they end with are compared, with the three lines of context on each side:
    difflib over a whole plan of 40,000 rows took as long as reading it, for a few new lines."""
    old, new = source.text.splitlines(keepends=True), text.splitlines(keepends=True)
    same = min(len(old), len(new))
    head = next((i for i in range(same) if old[i] != new[i]), same)
    tail = next((i for i in range(same - head) if old[-1 - i] != new[-1 - i]), same - head)
    start = max(head - _CONTEXT, 0)
    diff = difflib.unified_diff(old[start:len(old) - max(tail - _CONTEXT, 0)],
                                new[start:len(new) - max(tail - _CONTEXT, 0)], name, name, n=_CONTEXT)
    return "".join(_shifted(line, start) if line.startswith("@@ ") else line for line in diff)


_CONTEXT = 3
_HUNK = re.compile(r"@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@")


def _shifted(header: str, by: int) -> str:
    """A hunk header of a diff of the lines from ``by`` on, numbered as in the whole file."""
    return _HUNK.sub(lambda m: f"@@ -{int(m[1]) + by}{m[2]} +{int(m[3]) + by}{m[4]} @@", header)
