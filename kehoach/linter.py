"""Check one plan file: load → schema → model → rules → suppressions → configured severity."""

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
from .loader import Document, LoadFailure, decode, parse, read_bytes
from .rules import REGISTRY, Context, Rule
from .units import registry_for

P = TypeVar("P")

# Only what decides whether a plan can be used at all (commands other than validate).
LOAD_ONLY = Settings(rules=("yaml-syntax", "schema", "duplicate-key"), as_of=dt.date(2000, 1, 1))


def _finding(settings: Settings, rule: type[Rule], path: str, span: Span, message: str, **args: object) -> Finding:
    return Finding(rule.name, rule.code, settings.severity(rule.name), path, span, message, dict(args))


def lint_file(path: Path, display: str, settings: Settings) -> FileResult[None]:
    result: FileResult[None] = FileResult(display)
    try:
        st = path.stat()
        result.mtime_ns, result.size = st.st_mtime_ns, st.st_size
    except OSError:
        pass  # read_bytes says what is wrong
    try:
        data = read_bytes(path)
        result.digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        doc = parse(decode(data), display)
    except LoadFailure as e:
        result.unreadable = True
        rule = REGISTRY["yaml-syntax"]
        # Unreadable input is always reported, whatever the selection: the run exits 2.
        result.findings = [_finding(settings, rule, display, e.span, e.key, **e.args_)]
        return result
    result.findings = lint_document(doc, path, settings)
    return result


def lint_document(doc: Document, path: Path, settings: Settings) -> list[Finding]:
    selected = set(settings.rules)
    out: list[Finding] = []
    if "duplicate-key" in selected:
        rule = REGISTRY["duplicate-key"]
        for key, span, first in doc.duplicate_keys:
            out.append(_finding(settings, rule, doc.path, span, "rule.duplicate-key", key=key, first=first.line))
    errors = schema.validate(doc, "plan")
    if errors and "schema" in selected:
        rule = REGISTRY["schema"]
        for err in errors:
            key = f"schema.{err.kind}" if f"schema.{err.kind}" in _SCHEMA_KEYS else "schema.other"
            span = doc.key_span(err.key_path) if err.key_path else doc.span(err.path)
            out.append(_finding(settings, rule, doc.path, span, key, **err.detail))
    if not errors:
        plan = model.build(doc)
        ctx = Context(plan=plan, registry=registry_for(path), as_of=settings.as_of)
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
    "schema.propertyNames",
}


@dataclass(frozen=True, slots=True)
class Usable:
    """A plan ready for the commands that need a model, with what the cache keys on."""

    plan: model.Plan
    digest: str
    mtime_ns: int
    size: int

    def result(self, display: str, payload: P) -> FileResult[P]:
        return FileResult(display, [], False, self.digest, self.mtime_ns, self.size, payload)


def load_usable(path: Path, display: str) -> Usable | FileResult[None]:
    """The plan, or the findings that say why it cannot be used (``unreadable`` means exit 2)."""
    try:
        data = read_bytes(path)
        doc = parse(decode(data), display)
    except LoadFailure:
        result = lint_file(path, display, LOAD_ONLY)
        result.unreadable = True
        return result
    if schema.validate(doc):
        return lint_file(path, display, LOAD_ONLY)
    st = path.stat()
    return Usable(model.build(doc), hashlib.blake2b(data, digest_size=16).hexdigest(), st.st_mtime_ns, st.st_size)
