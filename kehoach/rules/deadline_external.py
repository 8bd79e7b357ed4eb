"""The deadline-external rule: its documentation is the class docstring (Vietnamese) and doc_en (English)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Severity
from . import Context, Hit, Rule
from ._common import deadline


class DeadlineExternal(Rule):
    """Thời hạn dẫn chiếu lịch của văn bản khác thay vì ghi ngày.

    **Tác dụng.** Nêu lưu ý khi bộ đọc thời hạn coi thời hạn là *dẫn chiếu bên ngoài*: thời hạn do
    văn bản hoặc lịch của cơ quan khác quy định, như `Theo thời gian tại các Nghị quyết, Quyết định,
    Kế hoạch đã phê duyệt`, `Theo Dự án được thành phố phê duyệt`, `Theo hướng dẫn của cấp trên`,
    `Theo lộ trình của tỉnh` hoặc `Khi có hướng dẫn …`. Một mốc thời gian kèm dẫn chiếu như vậy
    (`Quý II/2026 (theo hướng dẫn của Sở)`) đã có ngày và không bị báo.

    **Vì sao quan trọng.** Nhiệm vụ không có ngày, nên `kehoach status` không bao giờ xác định được
    là chậm, cũng không nhắc trước khi đến hạn: nhiệm vụ được hiện là không có thời hạn. "Rõ thời
    gian" đòi hỏi một mốc thời gian để yêu cầu đơn vị thực hiện; thường thì ngày đó có sẵn trong văn
    bản mà ô dẫn chiếu.

    **Ví dụ.** `deadline: Theo hướng dẫn của cấp trên`.

    **Cách sửa.** Ghi ngày theo văn bản được dẫn chiếu (`Quý III/2026`), có thể giữ dẫn chiếu phía
    sau nếu cần (`Quý III/2026 (theo Kế hoạch số 12/KH-UBND)`); hoặc `Thường xuyên` nếu nhiệm vụ
    thực hiện thường xuyên. Giữ nguyên nếu thật sự chưa biết ngày.
    """

    doc_en = """A deadline points to another document's schedule instead of a date.

    **What it does.** Notes a deadline that the grammar reads as *external*: one fixed by another
    body's document or schedule, such as `Theo thời gian tại các Nghị quyết, Quyết định, Kế hoạch
    đã phê duyệt`, `Theo Dự án được thành phố phê duyệt`, `Theo hướng dẫn của cấp trên`,
    `Theo lộ trình của tỉnh` or `Khi có hướng dẫn …`. A period followed by such a reference
    (`Quý II/2026 (theo hướng dẫn của Sở)`) has a date and is not reported.

    **Why it matters.** The task has no date, so `kehoach status` can never call it late or warn
    before it is due: it is shown as having no deadline. "Rõ thời gian" asks for a time the unit can
    be held to; the date usually exists, in the document the cell points to.

    **Example.** `deadline: Theo hướng dẫn của cấp trên`.

    **Fix.** Write the date from the document referred to (`Quý III/2026`), keeping the reference
    after it if useful (`Quý III/2026 (theo Kế hoạch số 12/KH-UBND)`); or `Thường xuyên` if the
    task is ongoing. Leave it as it is when the date really is not known yet.
    """

    name = "deadline-external"
    code = "KH205"
    severity = Severity.INFO
    message = ('Thời hạn "{value}" dẫn chiếu lịch của văn bản khác, không có ngày cụ thể: '
               'không theo dõi được đúng hạn hay quá hạn.')

    def check(self, ctx: Context) -> Iterator[Hit]:
        for row in ctx.plan.rows:
            if row.deadline:
                d = deadline(row.deadline, ctx.plan.meta.year)
                if d.valid and d.external:
                    yield self.hit(row.at("deadline"), value=row.deadline)
