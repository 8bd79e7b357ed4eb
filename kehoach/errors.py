"""The one domain error type: turned into a clean message and exit code 2 at the CLI edge."""

from __future__ import annotations

from typing import Any


class KehoachError(Exception):
    """A usage, configuration or input problem the user must fix; never shown as a traceback.

    The message is a catalogue key plus arguments, so the CLI can say it in the user's language.
    """

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args

    def __reduce__(self) -> tuple[object, ...]:
        # Raised in worker processes: keep the arguments across pickling.
        return (_rebuild, (self.key, self.args_))


def _rebuild(key: str, args: dict[str, Any]) -> KehoachError:
    return KehoachError(key, **args)
