"""The broken-continuation rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..findings import Severity
from ..model import Group, Row, Table
from . import Context, Hit, Rule


class BrokenContinuation(Rule):
    """Dòng tiếp nối không tiếp nối dòng phía trên nó.

    **Tác dụng.** Kiểm tra mọi dòng có `continues` (dòng có các ô ghi trong `merged` là một ô gộp
    với dòng trên, như gộp ô theo chiều dọc trong Word): dòng được nêu phải ở cùng bảng, ngay phía
    trên, hoặc phía trên các dòng tiếp nối khác của chính dòng đó; mỗi cột gộp phải là một cột của
    bảng; dòng phía trên phải có cùng ô gộp; và dòng tiếp nối không được tự ghi giá trị cho ô đã
    gộp.

    **Vì sao quan trọng.** kehoach gán cho dòng tiếp nối các ô gộp của dòng mà nó tiếp nối:
    `status`, `export` và `diff` hiện các ô đó, và văn bản kết xuất vẽ thành một ô cao. Dòng tiếp
    nối trỏ sai chỗ sẽ in ô gộp lên những dòng không đúng, và gán sai tên cho nhiệm vụ.

    **Ví dụ.** `continues: pl3.I.1-3` ở một dòng nằm sau `pl3.I.4`.

    **Cách sửa.** Chuyển dòng xuống ngay dưới dòng mà nó tiếp nối, hoặc sửa `continues`; xóa giá trị
    đã ghi cho ô gộp, hoặc bỏ cột đó khỏi `merged`.
    """

    doc_en = """A continuation row does not continue the row above it.

    **What it does.** Checks every row with `continues` (a row whose cells in `merged` are one
    merged cell with the row above, as Word's vertical merge): the row it names must be in the
    same table, directly above it or above other continuations of the same row; each merged
    column must be a column of the table; the row above must hold the same merged cell; and the
    row must not write its own value for a merged cell.

    **Why it matters.** kehoach gives a continuation row the merged cells of the row it
    continues: `status`, `export` and `diff` show them, and the document draws one tall cell.
    A continuation that points elsewhere would print a merged cell over the wrong rows, and give
    a task the wrong name.

    **Example.** `continues: pl3.I.1-3` on a row that comes after `pl3.I.4`.

    **Fix.** Move the row under the row it continues, or correct `continues`; remove a value
    written for a merged cell, or remove that column from `merged`.
    """

    name = "broken-continuation"
    code = "KH009"
    severity = Severity.ERROR
    message = 'Dòng "{id}" tiếp nối dòng "{parent}", nhưng phía trên nó trong bảng không có dòng nào mã đó.'
    messages: ClassVar[dict[str, str]] = {
        "continuation-not-adjacent": 'Dòng "{id}" tiếp nối dòng "{parent}" nên phải đứng ngay sau dòng đó '
                                     '(hoặc sau một dòng tiếp nối khác của nó); dòng phía trên là "{above}".',
        "continuation-after-group": 'Dòng "{id}" tiếp nối dòng "{parent}", nhưng giữa hai dòng có một dòng '
                                    'nhóm: ô gộp chỉ nối các dòng liền nhau.',
        "continuation-no-column": 'Dòng "{id}" gộp ô "{field}", nhưng bảng không có cột "{field}".',
        "continuation-own-value": 'Dòng "{id}" gộp ô "{field}" với dòng trên nhưng lại ghi giá trị riêng '
                                  '"{value}": bỏ giá trị này, hoặc bỏ "{field}" khỏi "merged".',
        "continuation-gap": 'Dòng "{id}" gộp ô "{field}" với dòng trên "{above}", nhưng ô đó của dòng trên '
                            'không thuộc ô gộp.',
        "continuation-outside-table": 'Dòng "{id}" không nằm trong bảng nên không có ô nào để gộp.',
    }

    def check(self, ctx: Context) -> Iterator[Hit]:
        for table in ctx.plan.tables:
            yield from self._items(table, table.items, {})
        tabled = {id(r) for t in ctx.plan.tables for r in t.all_rows()}
        for row in ctx.plan.rows:
            if row.continues and id(row) not in tabled:
                yield self.hit(row.at("continues"), variant="continuation-outside-table", id=row.id)

    def _items(self, table: Table, items: Sequence[Row | Group], seen: dict[str, Row]) -> Iterator[Hit]:
        above: Row | None = None
        for item in items:
            if isinstance(item, Group):
                yield from self._items(table, item.items, seen)
                above = None      # a group row between two rows breaks any merged cell
                continue
            if item.continues:
                yield from self._row(table, item, above, seen)
            seen.setdefault(item.id, item)
            above = item

    def _row(self, table: Table, row: Row, above: Row | None, seen: dict[str, Row]) -> Iterator[Hit]:
        parent = seen.get(row.continues)
        if parent is None:
            yield self.hit(row.at("continues"), id=row.id, parent=row.continues)
            return
        if above is None:
            yield self.hit(row.at("continues"), variant="continuation-after-group", id=row.id, parent=row.continues)
            return
        if above.id != row.continues and above.continues != row.continues:
            yield self.hit(row.at("continues"), variant="continuation-not-adjacent", id=row.id,
                           parent=row.continues, above=above.id)
            return
        for name in row.merged:
            if not table.has_field(name):
                yield self.hit(row.at("merged"), variant="continuation-no-column", id=row.id, field=name)
            elif getattr(row, name, None) != getattr(parent, name, None):
                yield self.hit(row.at(name), variant="continuation-own-value", id=row.id, field=name,
                               value=_shown(getattr(row, name, "")))
            elif above is not parent and not above.inherits(name):
                yield self.hit(row.at("merged"), variant="continuation-gap", id=row.id, field=name,
                               above=above.id)


def _shown(value: object) -> str:
    return "; ".join(value) if isinstance(value, tuple) else str(value)
