"""For people: each file reformatted (or to be), a summary; in diff mode the unified diffs."""

from __future__ import annotations

from ...fmt import Formatting
from ...messages import t
from ...output import Formatter, Out


class TextFormat(Formatter[Formatting]):
    extensions = (".txt",)

    def write(self, result: Formatting, out: Out) -> None:
        if result.mode == "diff":
            out.text.writelines(result.diffs)
            return
        key = "fmt.would-reformat" if result.mode == "check" else "fmt.reformatted"
        for o in result.changed:
            out.text.write(t(key, out.lang, path=o.display) + "\n")
        out.text.write(t(f"fmt.summary-{result.mode}", out.lang, changed=len(result.changed),
                         unchanged=result.unchanged) + "\n")
