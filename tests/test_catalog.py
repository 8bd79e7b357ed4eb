"""The indicator catalog: valid, codes unique, and every indicator of every plan points into it."""

from __future__ import annotations

from kehoach import model
from kehoach.loader import load
from kehoach.schema import validate

from .conftest import PLANS


def test_catalog_is_valid_and_every_indicator_has_a_known_code() -> None:
    doc = load(PLANS / "catalog.yaml")
    assert validate(doc, "catalog") == []
    entries = doc.data["indicators"]
    codes = [e["code"] for e in entries]
    assert len(codes) == len(set(codes))
    assert all(e["direction"] in ("higher", "lower") and e["aggregation"] in ("point", "cumulative") for e in entries)
    used: set[str] = set()
    for path in sorted((PLANS / "hai-phong").glob("*.yaml")):
        if path.name == "units.yaml":
            continue
        plan = model.build(load(path))
        for ind in plan.indicators:
            assert ind.catalog in codes, (path.name, ind.id, ind.catalog)
            used.add(ind.catalog)
    assert used == set(codes), f"catalog codes no plan uses: {sorted(set(codes) - used)}"


def test_same_indicator_shares_a_code_across_plans() -> None:
    by_code: dict[str, set[str]] = {}
    for path in sorted((PLANS / "hai-phong").glob("*.yaml")):
        if path.name == "units.yaml":
            continue
        for ind in model.build(load(path)).indicators:
            by_code.setdefault(ind.catalog, set()).add(path.stem)
    assert by_code["ht.5g"] == {"vinh-hai", "hai-an", "an-lao", "vinh-lai"}
    assert by_code["ht.5g-do-thi"] == {"hai-an"}   # "trong khu đô thị": another scope, another code
    assert by_code["ktxh.vneid"] >= {"vinh-hai", "hai-an", "an-lao"}
    assert by_code["cds.dvctt-toan-trinh"] == {"vinh-hai", "thai-tan", "hai-an", "an-lao", "vinh-lai"}
