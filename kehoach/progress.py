"""Recording progress in a plan file: append dated updates to tasks and dated values to
indicators, safely.

The file is changed by inserting text lines only: every line that was there before stays
byte-identical (comments, quoting, key order, line endings), which a YAML round-trip dump cannot
promise. The result is parsed and checked against the intended change before it replaces the
original, atomically; any failure leaves the original untouched.

Tasks and indicators share one id space in a plan: the id says which kind of row is meant, and
the row's kind says which options fit (``--status``… for a task, ``--value``… for an indicator).
Every check of an update collects every problem it finds (a ``Problem``), so that a row of a
spreadsheet, or a command line, is reported with all that is wrong with it at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from . import model, schema
from .catalog import QUALITATIVE_UNITS, Catalog, find_catalog, load_catalog
from .dates import read_date
from .errors import KehoachError
from .fmt import canonical_data
from .linter import LoadedPlan, load_plan, load_plan_bytes
from .loader import Document, LoadFailure, Path_, decode, file_error, parse, read_bytes
from .model import BudgetItem, Indicator, Task
from .plans import PlansInvalid
from .targets import parse_target
from .text import did_you_mean, norm_key
from .yamlio import Source, source_of

STATES = {
    "chua-thuc-hien": "chưa thực hiện", "dang-thuc-hien": "đang thực hiện", "hoan-thanh": "hoàn thành",
    "not-started": "chưa thực hiện", "in-progress": "đang thực hiện", "done": "hoàn thành",
    "chưa thực hiện": "chưa thực hiện", "đang thực hiện": "đang thực hiện", "hoàn thành": "hoàn thành",
}
NOTHING = ("không phát sinh", "khong-phat-sinh", "nothing")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an update: a message key and its arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


class Refused(KehoachError):
    """An update typed on the command line with one problem or more; the first is the message
    (as any KehoachError), ``problems`` has them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(problems[0].key, **problems[0].args)
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class NewUpdate:
    """A task's new progress record."""

    task_id: str
    date: dt.date
    state: str | None = None          # Vietnamese state as stored, or None for "nothing to report"
    percent: float | None = None
    note: str = ""
    evidence: str = ""
    done_on: dt.date | None = None
    nothing_to_report: bool = False

    key: ClassVar[str] = "progress"   # the list of the row it is appended to

    @property
    def row_id(self) -> str:
        return self.task_id

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


@dataclass(frozen=True, slots=True)
class NewActual:
    """An indicator's new reported value (``actuals`` in the plan format)."""

    indicator_id: str
    date: dt.date
    value: str                        # as the unit reported it ("65%", "12"), checked
    period: str = ""
    note: str = ""
    evidence: str = ""

    key: ClassVar[str] = "actuals"

    @property
    def row_id(self) -> str:
        return self.indicator_id

    def as_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date": self.date.isoformat()}
        if self.period:
            out["period"] = self.period
        out["value"] = self.value
        if self.note:
            out["note"] = self.note
        if self.evidence:
            out["evidence"] = self.evidence
        return out


Change = NewUpdate | NewActual


# --- dates --------------------------------------------------------------------------------------

# read_date and parse_date live in kehoach.dates (every command's --as-of takes them too).


# --- a task's update ------------------------------------------------------------------------------

def check_update(task_id: str, *, status: str | None, date: str, as_of: dt.date, percent: float | None = None,
                 note: str = "", evidence: str = "", nothing: bool = False,
                 done_on: str | None = None) -> tuple[NewUpdate | None, list[Problem]]:
    """One task update as the user typed it, and everything wrong with it (the update is None
    then)."""
    problems = _texts(("--note", note), ("--evidence", evidence), ("--status", status or ""), ("--date", date))
    state = None
    if status:
        state = STATES.get(status.strip().lower())
        if state is None:
            problems.append(Problem("progress.bad-state", {"value": status, "allowed": ", ".join(list(STATES)[:6])}))
    elif not nothing:
        problems.append(Problem("progress.no-state"))
    when = _dated(date, as_of, problems)
    if percent is not None and not 0 <= percent <= 100:
        problems.append(Problem("progress.percent", {"value": _num(percent)}))
    done = None
    if done_on:
        done = read_date(done_on)
        if done is None:
            problems.append(Problem("progress.bad-date", {"value": done_on}))
        elif when is not None and done > when:
            problems.append(Problem("progress.done-after-report", {"value": done_on, "date": date}))
    if problems or when is None:
        return None, problems
    return NewUpdate(task_id, when, state, percent, note.strip(), evidence.strip(), done, nothing), []


def make_update(task_id: str, *, status: str | None, date: str, as_of: dt.date, percent: float | None = None,
                note: str = "", evidence: str = "", nothing: bool = False, done_on: str | None = None) -> NewUpdate:
    """``check_update``, raising ``Refused`` with every problem."""
    update, problems = check_update(task_id, status=status, date=date, as_of=as_of, percent=percent, note=note,
                                    evidence=evidence, nothing=nothing, done_on=done_on)
    if update is None:
        raise Refused(problems)
    return update


def _texts(*options: tuple[str, str]) -> list[Problem]:
    """Bytes on the command line that are not UTF-8 arrive as lone surrogates, which no file can
    hold: refused with the option named, before anything is written."""
    problems = []
    for option, text in options:
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as e:
                problems.append(Problem("progress.bad-text", {"option": option, "position": e.start + 1}))
    return problems


def _dated(date: str, as_of: dt.date, problems: list[Problem]) -> dt.date | None:
    when = read_date(date)
    if when is None:
        problems.append(Problem("progress.bad-date", {"value": date}))
    elif when > as_of:
        problems.append(Problem("progress.future", {"value": date, "as_of": as_of.isoformat()}))
    return when


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


# --- an indicator's value -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class UnitRule:
    """A unit a value must be in, and where it comes from: the indicator's ``unit`` (code ""),
    the catalog entry its ``catalog`` names, or (neither given) its target as written."""

    unit: str
    qualitative: bool
    code: str = ""             # the catalog code, when the unit is the catalog's
    catalog: str = ""          # the catalog file


def unit_rules(indicator: Indicator, catalog: Catalog | None) -> tuple[UnitRule, ...]:
    """What the indicator's values are checked against: its own unit and its catalog entry's
    (rollup reads values by the catalog's); when it names neither, the unit its target, a
    milestone or its baseline is written in; none at all: any figure."""
    rules: list[UnitRule] = []
    if indicator.unit.strip():
        rules.append(UnitRule(indicator.unit.strip(), norm_key(indicator.unit) in QUALITATIVE_UNITS))
    entry = catalog.get(indicator.catalog) if catalog is not None and indicator.catalog else None
    if entry is not None and not any(norm_key(r.unit) == norm_key(entry.unit) for r in rules):
        rules.append(UnitRule(entry.unit, entry.qualitative, entry.code, catalog.path if catalog else ""))
    if not rules:
        for text in (indicator.target, *(v for _, v in indicator.milestones), indicator.baseline):
            unit = parse_target(text).unit
            if unit:
                rules.append(UnitRule(unit, False))
                break
    return tuple(rules)


def check_actual(indicator: Indicator, *, value: str, date: str, as_of: dt.date, plan: model.Plan,
                 rules: Sequence[UnitRule], period: str = "", note: str = "",
                 evidence: str = "") -> tuple[NewActual | None, list[Problem]]:
    """One indicator value as the user typed it, and everything wrong with it: the value read by
    the target parser and checked against the indicator's unit(s), the date within the plan's
    period and not after ``as_of``."""
    problems = _texts(("--value", value), ("--period", period), ("--note", note), ("--evidence", evidence),
                      ("--date", date))
    ident = indicator.id
    if not value.strip():
        problems.append(Problem("progress.need-value", {"id": ident}))
    else:
        problems += _value_problems(ident, value.strip(), rules)
    when = read_date(date)
    if when is None:
        problems.append(Problem("progress.bad-date", {"value": date}))
    elif when > as_of:
        problems.append(Problem("progress.value-future", {"id": ident, "value": date, "as_of": as_of.isoformat()}))
    elif not plan.meta.period_start <= when <= plan.meta.period_end:
        problems.append(Problem("progress.value-outside-period", {
            "id": ident, "value": date, "start": plan.meta.period_start.isoformat(),
            "end": plan.meta.period_end.isoformat()}))
    if problems or when is None:
        return None, problems
    return NewActual(ident, when, value.strip(), period.strip(), note.strip(), evidence.strip()), []


def _value_problems(ident: str, value: str, rules: Sequence[UnitRule]) -> list[Problem]:
    """Read as kehoach.rollup.values reads an actual, with its own judgement of units and
    verdicts, so that what is recorded is what rollup counts: a verdict for a qualitative
    indicator, else one figure (no operator, no range) in the unit."""
    # Imported here: only indicator values need it, and the rollup package is not small.
    from .rollup.values import NOT_REACHED, unit_fits

    if any(r.qualitative for r in rules):
        if norm_key(value) in NOT_REACHED or parse_target(value).kind == "qualitative":
            return []
        return [Problem("progress.value-qualitative", {"id": ident, "value": value})]
    read = parse_target(value)
    if read.kind in ("number", "range") and read.operator != "eq":
        return [Problem("progress.value-not-a-figure", {"id": ident, "value": value})]
    if read.kind != "number" or read.value is None:
        return [Problem("progress.value-unreadable", {"id": ident, "value": value})]
    problems = []
    for rule in rules:
        if not unit_fits(rule.unit, read.unit):
            key = "progress.value-unit-catalog" if rule.code else "progress.value-unit"
            problems.append(Problem(key, {"id": ident, "value": value, "have": read.unit, "unit": rule.unit,
                                          "code": rule.code, "catalog": rule.catalog}))
            break
    percent = read.unit == "%" or (read.unit is None and any(r.unit.startswith("%") for r in rules))
    if percent and read.value > 100:
        problems.append(Problem("progress.value-percent", {"id": ident, "value": value}))
    return problems


def catalog_near(plan_file: Path) -> Catalog | None:
    """The catalog the plan's folder leads to (as rollup finds it), or None when there is none."""
    path = find_catalog(plan_file.parent)
    return load_catalog(path) if path is not None else None


# --- one update typed on the command line -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Typed:
    """What the command line says about one update; which options apply depends on the row."""

    date: str
    status: str | None = None
    percent: float | None = None
    value: str | None = None
    period: str | None = None
    note: str = ""
    evidence: str = ""
    done_on: str | None = None
    nothing: bool = False


def typed_update(plan: model.Plan, row_id: str, typed: Typed, as_of: dt.date,
                 catalog: Callable[[], Catalog | None]) -> Change:
    """The update for the task or indicator ``row_id`` names; options of the other kind of row
    are refused, saying which fit; every problem of the update is raised at once (``Refused``)."""
    row = find_row(plan, row_id)
    if isinstance(row, Indicator):
        given = [o for o, v in (("--status", typed.status), ("--percent", typed.percent),
                                ("--done-on", typed.done_on), ("--nothing", typed.nothing or None)) if v is not None]
        if given:
            raise KehoachError("progress.indicator-options", id=row_id, given=", ".join(given))
        actual, problems = check_actual(row, value=typed.value or "", date=typed.date, as_of=as_of, plan=plan,
                                        rules=unit_rules(row, catalog() if row.catalog else None),
                                        period=typed.period or "", note=typed.note, evidence=typed.evidence)
        if actual is None:
            raise Refused(problems)
        return actual
    given = [o for o, v in (("--value", typed.value), ("--period", typed.period)) if v is not None]
    if given:
        raise KehoachError("progress.task-options", id=row_id, given=", ".join(given))
    return make_update(row_id, status=typed.status, date=typed.date, as_of=as_of, percent=typed.percent,
                       note=typed.note, evidence=typed.evidence, nothing=typed.nothing, done_on=typed.done_on)


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


Row = Task | Indicator


def find_row(plan: model.Plan, row_id: str) -> Row:
    """The task or indicator with this id (one id space in a plan); a budget item, an id used
    twice, or no such id is refused, with a did-you-mean over tasks and indicators."""
    found = [r for r in plan.rows if r.id == row_id]
    if len(found) > 1:
        raise KehoachError("progress.ambiguous-id", id=row_id, lines=", ".join(str(r.span.line) for r in found))
    if found and isinstance(found[0], Task | Indicator):
        return found[0]
    if found and isinstance(found[0], BudgetItem):
        raise KehoachError("progress.budget-row", id=row_id)
    close = did_you_mean(row_id, [r.id for r in plan.rows if isinstance(r, Task | Indicator)])
    raise KehoachError("progress.unknown-row", id=row_id, suggestions=", ".join(close))


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


def _item_lines(update: Change, dash_col: int) -> list[str]:
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


def _block(root: yaml.Node, row: Row, updates: Sequence[Change], newline: str,
           lines: list[str]) -> tuple[int, str]:
    """Where a row's new updates go (the index of the line they follow) and their text: a task's
    under ``progress``, an indicator's under ``actuals``. An empty ``progress: []`` (which fmt
    keeps, as written) becomes ``progress:`` in ``lines``: the one line that recording progress
    may change."""
    key = updates[0].key
    mapping = _node_at(root, row.path)
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style:
        raise _flow_style(row)
    key_col = mapping.value[0][0].start_mark.column
    existing = next((v for k, v in mapping.value if k.value == key), None)
    if isinstance(existing, yaml.SequenceNode) and not existing.value and existing.flow_style \
            and existing.start_mark.line == existing.end_mark.line:
        at, line = existing.start_mark.line, lines[existing.start_mark.line]
        body = line.rstrip("\r\n")
        lines[at] = body[:existing.start_mark.column].rstrip() + body[existing.end_mark.column:] + line[len(body):]
        dash_col = next(k for k, v in mapping.value if v is existing).start_mark.column + 2
        return at, "".join(line + newline for u in updates for line in _item_lines(u, dash_col))
    if existing is not None:
        if not isinstance(existing, yaml.SequenceNode) or existing.flow_style or not existing.value:
            raise _flow_style(row)
        dash_col = existing.value[0].start_mark.column - 2
        after = _last_line(existing)
        new_lines = [line for u in updates for line in _item_lines(u, dash_col)]
    else:
        after = _last_line(mapping)
        new_lines = [" " * key_col + f"{key}:", *(line for u in updates for line in _item_lines(u, key_col + 2))]
    return after, "".join(line + newline for line in new_lines)


def _flow_style(row: Row) -> KehoachError:
    key = "progress.flow-style" if isinstance(row, Task) else "progress.flow-style-indicator"
    return KehoachError(key, id=row.id, line=row.span.line)


def apply_updates(opened: PlanFile, updates: Sequence[Change]) -> str:
    """The new text with every update appended to its task (every value to its indicator),
    checked by reading it again.

    The places come from the node graph the plan was read with, and the new text is read back
    once, whatever the number of updates: a month of a commune's updates from a CSV on a big plan
    was one full read per update, then three per run; now one more parse."""
    source, plan = opened.source, opened.plan
    root = opened.doc.root
    assert root is not None, "open_plan keeps the node graph"
    by_task: dict[str, list[Change]] = {}
    for update in sorted(updates, key=lambda u: u.date):
        by_task.setdefault(update.row_id, []).append(update)
    tasks = {task_id: find_row(plan, task_id) for task_id in by_task}
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
    added = {tasks[task_id].path: (mine[0].key, [u.as_mapping() for u in mine]) for task_id, mine in by_task.items()}
    _check_reads_back(opened, text, added, ", ".join(by_task))
    return text


Added = dict[Path_, tuple[str, list[dict[str, Any]]]]   # a row's path → its list's key, the new items


def _check_reads_back(opened: PlanFile, text: str, added: Added, ids: str) -> None:
    """The new bytes, read as every command will read them, hold the plan's data and the new
    updates, each appended to its row's ``progress`` or ``actuals``, and nothing else (compared as JSON, which
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


def _appended(data: Any, added: Added) -> Any:
    """``data`` with the new updates at the end of each row's ``progress`` (``actuals``). Only the
    lists and mappings on the way to each row are copied: a deep copy of a big plan takes seconds."""
    for path, (key, items) in added.items():
        data = _append_at(data, path, key, items)
    return data


def _append_at(node: Any, path: Path_, key: str, items: list[dict[str, Any]]) -> Any:
    if not path:
        return {**node, key: [*(node.get(key) or []), *items]}
    copy = list(node) if isinstance(node, list) else dict(node)
    copy[path[0]] = _append_at(node[path[0]], path[1:], key, items)   # type: ignore[index]
    return copy


def reapply(updates: Sequence[Change]) -> Callable[[Source], str]:
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
    "id": ("task_id", "task", "id", "mã", "mã nhiệm vụ", "ma nhiem vu", "indicator_id", "indicator",
           "mã chỉ tiêu", "ma chi tieu"),
    "state": ("state", "status", "tình trạng", "trạng thái", "tinh trang"),
    "date": ("date", "ngày", "ngày báo cáo", "ngay"),
    "percent": ("percent", "%", "tỷ lệ", "tỉ lệ", "tiến độ", "ty le"),
    "done_on": ("done_on", "ngày hoàn thành", "ngay hoan thanh"),
    "value": ("value", "giá trị", "gia tri", "kết quả", "ket qua", "số liệu", "so lieu"),
    "period": ("period", "kỳ", "kỳ báo cáo", "ky", "ky bao cao"),
    "note": ("note", "ghi chú", "nội dung", "ghi chu"),
    "evidence": ("evidence", "minh chứng", "văn bản", "minh chung"),
}
TASK_COLUMNS = ("state", "percent", "done_on")


def parse_percent(text: str) -> float:
    """A percent as people write it: "40", "40%", "40,5" (the Vietnamese decimal comma), "40.5".
    ValueError for anything else."""
    cleaned = text.strip().removesuffix("%").strip().replace(",", ".")
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):   # "nan", "inf" are not percents
        raise ValueError(text)
    return value
INDICATOR_COLUMNS = ("value", "period")


@dataclass(frozen=True, slots=True)
class RowError:
    line: int                  # the CSV line; 0 for the command line
    key: str
    args: dict[str, Any]


def read_csv(path: Path, plan: model.Plan, as_of: dt.date,
             catalog: Callable[[], Catalog | None] = lambda: None) -> tuple[list[Change], list[RowError]]:
    """Every row checked, task and indicator rows alike, and every problem of every row returned,
    so that nothing is written unless all are good. ``catalog`` is asked for (once) only when an
    indicator row names a catalog code."""
    rows = _csv_rows(path)
    index = _columns(path, rows[0])
    get_catalog = functools.cache(catalog)
    changes: list[Change] = []
    errors: list[RowError] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in index.items()}
        change, problems = csv_row(cells, plan, as_of, get_catalog)
        if change is not None:
            changes.append(change)
        errors += (RowError(n, p.key, p.args) for p in problems)
    return changes, errors


def csv_row(cells: dict[str, str], plan: model.Plan, as_of: dt.date,
            catalog: Callable[[], Catalog | None]) -> tuple[Change | None, list[Problem]]:
    """One row of the spreadsheet: a task's update or an indicator's value, by the row its id
    names, with every problem found in it."""
    def get(name: str) -> str:
        return cells.get(name, "")

    try:
        row = find_row(plan, get("id"))
    except KehoachError as e:
        # Which options fit is not known; the date still is checked, so that one pass shows all.
        problems = [Problem(e.key, e.args_)]
        if read_date(get("date")) is None:
            problems.append(Problem("progress.bad-date", {"value": get("date")}))
        return None, problems
    if isinstance(row, Indicator):
        problems = _misplaced(row.id, "progress.csv-indicator-columns", [c for c in TASK_COLUMNS if get(c)])
        rules = unit_rules(row, catalog() if row.catalog else None)
        actual, found = check_actual(row, value=get("value"), date=get("date"), as_of=as_of, plan=plan, rules=rules,
                                     period=get("period"), note=get("note"), evidence=get("evidence"))
        problems += found
        return (actual if not problems else None), problems
    problems = _misplaced(row.id, "progress.csv-task-columns", [c for c in INDICATOR_COLUMNS if get(c)])
    state = get("state")
    nothing = state.lower() in NOTHING
    percent: float | None = None
    if get("percent"):
        try:
            percent = parse_percent(get("percent"))
        except ValueError:
            problems.append(Problem("progress.percent", {"value": get("percent")}))
    update, found = check_update(row.id, status=None if nothing else state, date=get("date"), as_of=as_of,
                                 percent=percent, note=get("note"), evidence=get("evidence"), nothing=nothing,
                                 done_on=get("done_on") or None)
    # In a spreadsheet the state is a column, not --status.
    problems += (Problem("progress.csv-no-state", {"id": row.id}) if p.key == "progress.no-state" else p
                 for p in found)
    return (update if not problems else None), problems


def _misplaced(ident: str, key: str, columns: list[str]) -> list[Problem]:
    return [Problem(key, {"id": ident, "columns": ", ".join(columns)})] if columns else []


def _csv_rows(path: Path) -> list[list[str]]:
    """The rows of the CSV file (comma, semicolon or tab; UTF-8, with or without a BOM), the
    header first; a file that cannot be read as such is refused as a whole."""
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
    return rows


def _columns(path: Path, header: list[str]) -> dict[str, int]:
    """Which column holds what, by the header's names (English, or Vietnamese as units write
    them); the id, the date and a state or a value are required."""
    names = [unicodedata.normalize("NFC", h).strip().lower() for h in header]
    index: dict[str, int] = {}
    for field_, aliases in HEADERS.items():
        i = next((i for i, h in enumerate(names) if h in aliases), None)
        if i is not None:
            index[field_] = i
    missing = [f for f in ("id", "date") if f not in index]
    if "state" not in index and "value" not in index:
        missing.append("state | value")
    if missing:
        raise KehoachError("progress.csv-columns", path=str(path), missing=", ".join(missing),
                           found=", ".join(header))
    return index


@dataclass(frozen=True, slots=True)
class Recording:
    """What ``kehoach progress`` did, or would do, to a plan file."""

    plan: str                              # the plan file as the user named it
    updates: int
    diff: str | None = None                # --dry-run: the change, as a unified diff; nothing written
    rejected: tuple[RowError, ...] = ()    # every problem of every bad row (--from) or of the command line
    csv: str = ""                          # --from: the CSV file; "" for the command line


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
