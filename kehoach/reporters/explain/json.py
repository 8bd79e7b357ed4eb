"""The explanation's fields (docs/interfaces.md): a contract."""

from __future__ import annotations

from ...explain import Explanation
from ...output import Formatter, Out
from .._json import document


class JsonFormat(Formatter[Explanation]):
    extensions = (".json",)

    def write(self, result: Explanation, out: Out) -> None:
        out.text.write(document(result.data))
