"""Every row of every table of a plan as one flat record (export, and the base of other views)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .deadlines import parse_deadline
from .model import BudgetItem, Indicator, Plan, Row, Task

KIND = {Task: "task", Indicator: "indicator", BudgetItem: "budget"}

# Column order of the exports, with the Vietnamese titles of the Excel sheets.
COLUMNS: list[tuple[str, str]] = [
    ("plan", "Kế hoạch"), ("kind", "Loại"), ("table", "Phụ lục"), ("table_id", "Mã bảng"), ("group", "Nhóm"),
    ("group_title", "Tên nhóm"), ("number", "STT"), ("id", "Mã"), ("text", "Nội dung"),
    ("directing", "Chủ trì chỉ đạo"), ("lead", "Đơn vị chủ trì"), ("support", "Đơn vị phối hợp"),
    ("output", "Sản phẩm đầu ra"), ("deadline", "Thời gian thực hiện"), ("due", "Hạn (ngày)"),
    ("note", "Ghi chú"), ("nq71", "TT trong NQ 71"), ("related", "Nhiệm vụ tương ứng"), ("unit", "Đơn vị tính"),
    ("baseline", "Kết quả năm trước"), ("target", "Chỉ tiêu"), ("milestones", "Các mốc"),
    ("catalog", "Mã danh mục"), ("amount", "Kinh phí"), ("continues", "Tiếp nối dòng"), ("merged", "Ô gộp"),
    ("line", "Dòng"),
]


def record(plan_slug: str, row: Row, year: int) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "plan": plan_slug,
        "kind": KIND[type(row)],
        "table": row.appendix,
        "table_id": row.table,
        "group": row.groups[-1] if row.groups else "",
        "group_title": row.group_titles[-1] if row.group_titles else "",
        "groups": list(row.groups),
        "number": row.number,
        "id": row.id,
        "text": row.text,
        "directing": row.directing,
        "lead": list(row.lead),
        "support": list(row.support),
        "output": row.output,
        "deadline": row.deadline,
        "note": row.note,
        "line": row.span.line,
    }
    if row.continues:
        rec.update(continues=row.continues, merged=list(row.merged))
    if row.deadline:
        due = parse_deadline(row.deadline, year).due
        rec["due"] = due.isoformat() if due else None
    if isinstance(row, Task):
        rec.update(nq71=row.nq71, related=row.related)
    elif isinstance(row, Indicator):
        rec.update(unit=row.unit, baseline=row.baseline, target=row.target, milestones=dict(row.milestones),
                   catalog=row.catalog or None)
    elif isinstance(row, BudgetItem):
        rec["amount"] = row.amount
    return rec


def records(plan_slug: str, plan: Plan) -> list[dict[str, Any]]:
    return [record(plan_slug, row, plan.meta.year) for row in plan.rows]


def cell(value: Any) -> Any:
    """A record value as a spreadsheet cell: lists joined, mappings written out, None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


@dataclass(frozen=True, slots=True)
class Export:
    """Every row of every table of the plans, as flat records: what ``kehoach export`` writes."""

    rows: list[dict[str, Any]]
