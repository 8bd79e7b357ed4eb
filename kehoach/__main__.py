"""``python -m kehoach`` and the ``kehoach`` console script."""

import contextlib
import os
import sys

from . import i18n
from .cli import main, output_problem
from .messages import t


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
    except OSError as e:
        # Output to a file is buffered: a full disk is often only met here, at the last flush.
        lang = i18n.current()
        with contextlib.suppress(OSError):
            sys.stderr.write(f"kehoach: {t('cli.output-failed', lang, detail=output_problem(e))}\n")
            sys.stderr.flush()
        code = 2
    os._exit(code)


if __name__ == "__main__":
    run()
