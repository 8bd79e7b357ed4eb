"""JSON Schema validation; every error is mapped to the file:line:col of the offending node.

The compiled fastjsonschema validator answers the common question (is this plan valid?) fast;
only for an invalid file does jsonschema walk it again to list every error with its path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema

from .loader import Document, Path_


@cache
def schema_text(name: str) -> str:
    """The schema as installed (``kehoach.schemas`` is the repository's ``schema/`` folder), or,
    in a source checkout or an editable install, ``schema/`` beside the package."""
    filename = f"{name}.schema.json"
    try:
        return resources.files("kehoach.schemas").joinpath(filename).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        source = Path(__file__).resolve().parent.parent / "schema" / filename
        return source.read_text(encoding="utf-8")


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


@cache
def _fast(name: str) -> Callable[[Any], Any]:
    # The schema keeps to keywords that draft-07 shares with 2020-12, so the draft-07 compiler
    # of fastjsonschema evaluates it the same way.
    s = dict(schema(name))
    s["$schema"] = "http://json-schema.org/draft-07/schema#"
    s.pop("$id", None)
    return fastjsonschema.compile(s)


@cache
def _slow(name: str) -> Any:
    import jsonschema  # only an invalid file needs the full explanation: keep it out of start-up

    cls = jsonschema.validators.validator_for(schema(name))
    return cls(schema(name), format_checker=cls.FORMAT_CHECKER)


@dataclass(frozen=True, slots=True)
class SchemaError:
    path: Path_
    key_path: Path_ | None  # set when the error is about a key (unknown property)
    kind: str                # jsonschema validator name: required, type, enum, additionalProperties …
    detail: dict[str, Any]


def validate(doc: Document, name: str = "plan") -> list[SchemaError]:
    try:
        _fast(name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaValueException:
        pass
    return sorted(_explain(doc.data, name), key=lambda e: doc.key_span(e.key_path) if e.key_path else doc.span(e.path))


def _explain(data: Any, name: str) -> Iterator[SchemaError]:
    for err in _slow(name).iter_errors(data):
        yield from _leaves(err)


def _leaves(err: Any) -> Iterator[SchemaError]:
    """The most specific errors: if/then/else and anyOf wrap the one the user must fix."""
    if err.validator in ("anyOf", "oneOf") and err.context:
        # Prefer the branch that got furthest into the data: it is the one the user meant.
        deepest = max(len(e.absolute_path) for e in err.context)
        best = [e for e in err.context if len(e.absolute_path) == deepest]
        if deepest > len(err.absolute_path):
            for e in best:
                yield from _leaves(e)
            return
        yield _convert(err)
        return
    yield _convert(err)


def _convert(err: Any) -> SchemaError:
    path = tuple(err.absolute_path)
    v = err.validator
    detail: dict[str, Any] = {}
    key_path = None
    if v == "required":
        detail["field"] = err.message.split("'")[1] if "'" in err.message else ""
    elif v == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        detail["field"] = extra[0] if extra else ""
        if extra:
            key_path = (*path, extra[0])
    elif v == "type":
        detail["expected"] = err.validator_value if isinstance(err.validator_value, str) else \
            "/".join(err.validator_value)
        detail["value"] = _short(err.instance)
    elif v in ("enum", "const"):
        allowed = err.validator_value if v == "enum" else [err.validator_value]
        detail["allowed"] = ", ".join(str(a) for a in allowed)
        detail["value"] = _short(err.instance)
    elif v in ("pattern", "format"):
        detail["value"] = _short(err.instance)
        detail["expected"] = err.validator_value
    elif v in ("minimum", "maximum", "minItems"):
        detail["value"] = _short(err.instance)
        detail["limit"] = err.validator_value
    elif v == "propertyNames":
        detail["value"] = _short(err.instance)
    elif v in ("anyOf", "oneOf") and (forms := _types(err.validator_value)):
        # The forms allowed, in words ("một đoạn văn bản hoặc một danh sách"), not "(anyOf)".
        v = "any-of"
        detail["value"] = _short(err.instance)
        detail["expected"] = "/".join(forms)
    else:
        detail["value"] = _short(err.instance)
        detail["expected"] = v
    return SchemaError(path, key_path, v, detail)


def _types(forms: Any) -> list[str]:
    """The JSON types of an anyOf/oneOf whose every form names one; empty when some form does
    not (an enum, a pattern), which is said the general way."""
    if not isinstance(forms, list) or not all(isinstance(f, dict) and isinstance(f.get("type"), str) for f in forms):
        return []
    return list(dict.fromkeys(f["type"] for f in forms))


def message_of(err: SchemaError) -> tuple[str, dict[str, Any]]:
    """The message key and arguments for a schema error. A file that is not a mapping at all says
    so without its text: it may be anything a link points to (a credentials file)."""
    if err.kind == "type" and not err.path:
        return "schema.root", {}
    return f"schema.{err.kind}", err.detail


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"
