"""Shared helpers: a minimal plan template that the rule cases and crafted tests fill in."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
ROWS_INDENT = 12

COLUMNS = {
    "tasks": ["number: TT", "text: Nội dung", "lead: Chủ trì", "support: Phối hợp", "deadline: Thời gian"],
    "indicators": ["number: TT", "text: Chỉ tiêu", "unit: Đơn vị tính", "baseline: Kết quả 2025",
                   "target: Năm 2026"],
    "budget": ["number: TT", "text: Nội dung", "lead: Đơn vị thực hiện"],
}

HEAD = """\
# yaml-language-server: $schema=../../schema/plan.schema.json
kehoach: 1
meta:
  city: Hải Phòng
  commune: Thử Nghiệm
  commune_kind: xã
  year: 2026
  number: ""
  symbol: KH-UBND
  place: Thử Nghiệm
  date: ""
  doc_type: KẾ HOẠCH
  title: Kế hoạch thử nghiệm
body: []
signature:
  titles: [TM. ỦY BAN NHÂN DÂN]
  name: Nguyễn Văn A
appendices:
  - label: Phụ lục
    content:
      - table:
          id: pl
          kind: {kind}
          columns:
{columns}
          {items_key}:
"""


def plan_text(rows: str, kind: str = "tasks", items_key: str = "rows") -> tuple[str, int]:
    """A whole plan with ``rows`` (YAML text) as the appendix table's rows; also the line number
    (0-based offset) at which the rows start."""
    columns = "\n".join(
        f"            - {{field: {c.split(': ')[0]}, heading: {c.split(': ')[1]}}}" for c in COLUMNS[kind]
    )
    head = HEAD.replace("{kind}", kind).replace("{columns}", columns).replace("{items_key}", items_key)
    body = textwrap.indent(textwrap.dedent(rows), " " * ROWS_INDENT)
    return head + body, head.count("\n")


@pytest.fixture
def as_of() -> dt.date:
    return dt.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def _vietnamese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests speak kehoach's default language whatever the machine's locale: the language comes
    from --lang, KEHOACH_LANG, then LANGUAGE/LC_ALL/LC_MESSAGES/LANG (kehoach.i18n.language)."""
    for name in ("KEHOACH_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
