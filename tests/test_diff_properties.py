"""Properties of the semantic diff: a plan against itself is no change, and so is a plan against its
reformatted self, whatever the plan (generated from the test template in many YAML styles)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from kehoach.diff import diff_versions
from kehoach.diff.sources import read_version
from kehoach.fmt import format_text

from .test_fmt_properties import plans


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_a_plan_against_itself_and_its_formatted_self_is_no_change(plan: tuple[str, list[str]]) -> None:
    text, _ = plan
    version = read_version(text.encode("utf-8"), "p.yaml", "old")
    assert version is not None
    assert diff_versions(version, version, "p") == []
    formatted = read_version((format_text(text) or "").encode("utf-8"), "p.yaml", "new")
    assert diff_versions(version, formatted, "p") == []
    assert diff_versions(formatted, version, "p") == []
