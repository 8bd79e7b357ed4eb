"""The rollup interface (docs/rollup.md): a contract, streamed as UTF-8 bytes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from ...output import Formatter, Out
from ...rollup import CommuneFigure, Rollup
from ._common import _FIGURE_KEYS, commune_record, counts_record, finding_record, head_record, indicator_head


class JsonFormat(Formatter[Rollup]):
    """Streamed, one commune per line, as UTF-8 bytes: the national rollup has 66 × 3,321 commune
    figures, and a pretty-printed document of that size takes longer to write than the rollup
    takes to compute."""

    extensions = (".json",)
    binary = True

    def write(self, result: Rollup, out: Out) -> None:
        out.binary.writelines(_json_chunks(result, out.lang))


def _present(f: CommuneFigure, prefixes: dict[int, bytes]) -> bytes:
    """``commune_record(f)`` as JSON, the plan's keys encoded once per plan rather than per code."""
    g = f.figure
    assert g is not None
    prefix = prefixes.get(id(f.plan))
    if prefix is None:
        p = f.plan
        prefix = prefixes[id(f.plan)] = _dump({"plan": p.slug, "path": p.path, "commune": p.commune,
                                                "present": True})[:-1] + b","
    rest: dict[str, Any] = dict(zip(_FIGURE_KEYS[1:], g[1:], strict=True))   # all but the code
    rest["milestones"] = dict(g.milestones)
    rest["city_target"] = f.city_target.target if f.city_target else None
    return prefix + _dump(rest)[1:]


# orjson, not the json module: the national document is 66 × 3,321 commune records, and the
# standard encoder took half of a warm run writing them. Output is compact UTF-8.
_dump = orjson.dumps


def _absent(f: CommuneFigure, seen: dict[tuple[int, str | None], bytes]) -> bytes:
    """A commune without the code reads the same under every code: serialise it once."""
    key = (id(f.plan), f.city_target.target if f.city_target else None)
    text = seen.get(key)
    if text is None:
        text = seen[key] = _dump(commune_record(f))
    return text


def _json_chunks(r: Rollup, lang: str) -> Iterator[bytes]:
    absent: dict[tuple[int, str | None], bytes] = {}
    prefixes: dict[int, bytes] = {}
    yield b"{\n"
    for key, value in head_record(r, lang).items():
        yield b"  " + _dump(key) + b": " + _dump(value) + b",\n"
    yield b'  "indicators": ['
    for i, ir in enumerate(r.indicators):
        yield (b"," if i else b"") + b"\n    {"
        for key, value in indicator_head(ir, lang).items():
            yield _dump(key) + b": " + _dump(value) + b", "
        yield b'"communes": [\n      '
        yield b",\n      ".join(_present(f, prefixes) if f.figure is not None else _absent(f, absent)
                                 for f in ir.communes)
        yield b"\n    ]}"
    yield b"\n  ],\n"
    tasks = [{"plan": p.plan.slug, "path": p.plan.path, "commune": p.plan.commune, "counted": p.counted,
              **counts_record(p.counts),
              "groups": [{"table": g.group.table, "number": g.group.number, "title": g.group.title,
                          **counts_record(g.counts)} for g in p.groups]} for p in r.tasks]
    yield b'  "tasks": [' + b",".join(b"\n    " + _dump(x) for x in tasks) + b"\n  ],\n"
    units = [{"unit": u.unit, "known": u.known, "tasks": u.tasks, "overdue": u.overdue, "stale": u.stale,
              "done": u.done, "plans": u.plans} for u in r.units]
    yield b'  "units": [' + b",".join(b"\n    " + _dump(x) for x in units) + b"\n  ],\n"
    findings = [finding_record(f, lang) for f in r.findings]
    yield b'  "findings": [' + b",".join(b"\n    " + _dump(x) for x in findings) + b"\n  ]\n}\n"


