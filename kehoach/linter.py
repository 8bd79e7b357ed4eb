"""Read one plan file into a usable plan or the findings that say why not, and check it.

bytes → text → nodes with positions → repeated keys → schema → model → rules → suppressions →
configured severity. :func:`load_plan` (a path) and :func:`load_plan_bytes` (bytes already read)
are the one way every command turns a file into a plan: validate and render pass their settings
to get the rules' findings too; the others take the plan, or the problems, as they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import model, schema
from .config import Settings
from .findings import Finding, Span
from .jobs import FileResult
from .loader import YAML11_NUMBER, Document, LoadFailure, collector_paused, decode, parse, read_bytes
from .rules import REGISTRY, Context, Rule
from .units import registry_for

P = TypeVar("P")

# Only what decides whether a plan can be used at all (commands other than validate).
LOAD_ONLY = Settings(rules=("yaml-syntax", "schema", "duplicate-key"), as_of=dt.date(2000, 1, 1))


def _finding(settings: Settings, rule: type[Rule], path: str, span: Span, message: str, **args: object) -> Finding:
    return Finding(rule.name, rule.code, settings.severity(rule.name), path, span, message, dict(args))


def lint_file(path: Path, display: str, settings: Settings) -> FileResult[None]:
    """The runner's per-file work for ``validate``."""
    return load_plan(path, display, settings).result()


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    """One plan file read as far as it goes, with every finding on the way.

    ``plan`` is None when the plan cannot be used: the file is unreadable (``unreadable``: exit 2),
    breaks the schema, or repeats a key. A repeated key makes it unusable because YAML tools
    disagree on which value wins: a command that took the first one would track, roll up, render
    or compare a plan that is not the one its author sees.
    """

    display: str
    data: bytes                     # the file's bytes (b"" when they could not be read)
    doc: Document | None            # None when the file is not YAML kehoach can read
    plan: model.Plan | None
    # What the command reports: the checks the settings select (validate, render), or, without
    # settings, the problems.
    findings: tuple[Finding, ...]
    # Why ``plan`` is None (empty when it is not), in default severities and never suppressed: a
    # plan that cannot be used always says why, whatever rules a configuration selects.
    problems: tuple[Finding, ...]
    unreadable: bool = False
    digest: str = ""
    mtime_ns: int = 0
    size: int = 0

    def result(self, payload: P | None = None) -> FileResult[P]:
        return FileResult(self.display, list(self.findings), self.unreadable, self.digest, self.mtime_ns, self.size,
                          payload)


def load_plan(path: Path, display: str, settings: Settings | None = None, *, keep_nodes: bool = False) -> LoadedPlan:
    """Read a plan file: bytes → text → nodes with positions → repeated keys → schema → model, and
    with ``settings`` also the rules they select (the plan's units registry is the one beside it).
    ``keep_nodes`` keeps libyaml's node graph in the document (``Document.root``)."""
    mtime_ns = size = 0
    try:
        # Before reading: a file changed in between is then read again by the next cached run.
        st = path.stat()
        mtime_ns, size = st.st_mtime_ns, st.st_size
    except OSError:
        pass  # read_bytes says what is wrong
    try:
        data = read_bytes(path)
    except LoadFailure as e:
        return _unreadable(display, b"", "", e, settings, mtime_ns, size)
    return load_plan_bytes(data, display, settings, path=path, mtime_ns=mtime_ns, size=size, keep_nodes=keep_nodes)


def load_plan_bytes(data: bytes, display: str, settings: Settings | None = None, *, path: Path | None = None,
                    mtime_ns: int = 0, size: int = 0, keep_nodes: bool = False) -> LoadedPlan:
    """The same for bytes already read (a version from git); ``path`` places the units registry
    for the rules (default: ``display``)."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    with collector_paused():    # the schema check and the model make as many objects as the parse
        try:
            doc = parse(decode(data), display, keep_nodes=keep_nodes)
        except LoadFailure as e:
            return _unreadable(display, data, digest, e, settings, mtime_ns, size)
        problems = _problems(doc)
        plan = None if problems else model.build(doc)
        findings = problems if settings is None else _check(doc, plan, problems, path or Path(display), settings)
    return LoadedPlan(display, data, doc, plan, tuple(findings), tuple(problems), False, digest, mtime_ns, size)


def _unreadable(display: str, data: bytes, digest: str, e: LoadFailure, settings: Settings | None, mtime_ns: int,
                size: int) -> LoadedPlan:
    rule = REGISTRY["yaml-syntax"]
    problem = _finding(LOAD_ONLY, rule, display, e.span, e.key, **e.args_)
    # Unreadable input is always reported, whatever the selection: the run exits 2.
    finding = problem if settings is None else problem._replace(severity=settings.severity(rule.name))
    return LoadedPlan(display, data, None, None, (finding,), (problem,), True, digest, mtime_ns, size)


def _problems(doc: Document) -> list[Finding]:
    """Every repeated key and every schema error, each at its line: what makes a plan unusable."""
    out: list[Finding] = []
    if doc.duplicate_keys:
        rule = REGISTRY["duplicate-key"]
        for key, span, first in doc.duplicate_keys:
            # ``name``, not ``key``: a finding's arguments are passed on to messages.t(key, …).
            out.append(_finding(LOAD_ONLY, rule, doc.path, span, "rule.duplicate-key", name=key, first=first.line))
    errors = schema.validate(doc, "plan")
    if errors:
        rule = REGISTRY["schema"]
        for err in errors:
            key = f"schema.{err.kind}" if f"schema.{err.kind}" in _SCHEMA_KEYS else "schema.other"
            span = doc.key_span(err.key_path) if err.key_path else doc.span(err.path)
            key, detail = _plainer(doc, err, key)
            out.append(_finding(LOAD_ONLY, rule, doc.path, span, key, **detail))
    return out


def _plainer(doc: Document, err: schema.SchemaError, key: str) -> tuple[str, dict[str, object]]:
    """The message for a schema error that says more than the schema can: a file that is not a
    mapping at all (its text is not shown: it may be anything a link points to), and values YAML
    1.1 reads as something else than they look (``yes`` is true, ``0x7EA`` is not 2026)."""
    if err.kind != "type":
        return key, err.detail
    if not err.path:
        return schema.message_of(err)
    raw = doc.raw.get(err.path)
    if raw is not None and isinstance(_at(doc.data, err.path), bool):
        return "schema.type-yaml11", {**err.detail, "value": raw, "read": err.detail.get("value", "")}
    value = _at(doc.data, err.path)
    if isinstance(value, str) and YAML11_NUMBER.match(value):
        return "schema.number-yaml11", err.detail
    return key, err.detail


def _at(data: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


def _check(doc: Document, plan: model.Plan | None, problems: list[Finding], path: Path,
           settings: Settings) -> list[Finding]:
    """The findings ``settings`` select: the problems in their configured severity, then the rules
    (only on a usable plan), then the suppressions."""
    selected = set(settings.rules)
    out = [f._replace(severity=settings.severity(f.rule)) for f in problems if f.rule in selected]
    if plan is not None:
        ctx = Context(plan=plan, registry=registry_for(path), as_of=settings.as_of, doc=doc)
        for name in settings.rules:
            rule = REGISTRY[name]
            if rule.phase != "plan":
                continue
            for hit in rule().check(ctx):
                out.append(_finding(settings, rule, doc.path, hit.span, hit.message, **hit.args))
    return _suppress(doc, out, settings)


def _suppress(doc: Document, findings: list[Finding], settings: Settings) -> list[Finding]:
    if not doc.suppressions:
        return findings
    by_line: dict[int, list[tuple[int, str]]] = {}
    for i, s in enumerate(doc.suppressions):
        for name in s.names:
            by_line.setdefault(s.line, []).append((i, name))
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for f in findings:
        hits = [(i, n) for i, n in by_line.get(f.span.line, []) if n in (f.rule, f.code) or n.upper() == f.code]
        if hits:
            used.update(hits)
        else:
            kept.append(f)
    if "unused-suppression" in settings.rules:
        rule = REGISTRY["unused-suppression"]
        for i, s in enumerate(doc.suppressions):
            for name in sorted(s.names):
                if (i, name) in used:
                    continue
                known = name in REGISTRY or any(r.code == name.upper() for r in REGISTRY.values())
                key = "rule.unused-suppression" if known else "rule.unknown-suppression"
                kept.append(_finding(settings, rule, doc.path, s.span, key, name=name))
    return kept


_SCHEMA_KEYS = {
    "schema.required", "schema.additionalProperties", "schema.type", "schema.enum", "schema.const",
    "schema.pattern", "schema.format", "schema.minimum", "schema.maximum", "schema.minItems",
    "schema.propertyNames", "schema.any-of",
}
