"""``python -m kehoach`` and the ``kehoach`` console script."""

import os
import sys

from .cli import main


def run() -> None:
    code = main()
    # os._exit, not sys.exit: nothing is left to do but free memory, and a national run holds
    # millions of objects (kehoach.cli.common.keep_until_exit). Files are closed by then; the
    # standard streams are flushed here.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass  # the reader has gone (kehoach … | head): its loss, not an error
    os._exit(code)


if __name__ == "__main__":
    run()
