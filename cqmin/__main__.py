"""The console script and `python -m cqmin`: the guard around every run.

Whatever happens after this function starts, the user sees a line, not a
traceback: a Ctrl-C exits 130, whether it lands while Typer is imported, while
a command runs or while the output is flushed; a SIGTERM cleans up (no
temporary file is left) and then ends the process as SIGTERM does; an output
that is closed or full is reported as such.
"""

import sys


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that `finally` and clean-up run as for Ctrl-C."""


def main() -> None:
    try:
        code = _run()
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = _interrupted()
    except Terminated:
        _die_of_sigterm()
    except Exception as error:  # a bug outside the CLI's own error path: still one line, never a traceback
        from cqmin.errors import report_unexpected

        code = report_unexpected(error)
    _finish(code)


def _run() -> int:
    import os
    import signal

    signal.signal(signal.SIGTERM, _raise_terminated)
    _replace_closed_streams()
    from cqmin.terminal import tame_environment

    tame_environment(os.environ)
    if os.environ.get("_CQMIN_COMPLETE") and _complete_fast():
        return 0
    from cqmin.cli import main as run

    run()
    return 0


def _complete_fast() -> bool:
    """Answer a TAB from the cache, without Typer; False if only Typer can (no cache, an unusual line)."""
    import os

    from cqmin.shells import fast

    try:
        text = fast.answer(os.environ)
    except Exception:  # anything amiss: Typer answers instead, as it would have anyway
        return False
    if text is None:
        return False
    sys.stdout.write(text + "\n")
    return True


def _raise_terminated(signum, frame) -> None:
    raise Terminated


def _die_of_sigterm() -> None:
    import os
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def _interrupted() -> int:
    import contextlib

    from cqmin.errors import ExitCode

    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write("\n")
    return ExitCode.INTERRUPTED


def _replace_closed_streams() -> None:
    """`cqmin pension >&-`: Python gives None for a closed stream; make writing to it a clear failure."""
    from cqmin.terminal import ClosedStream

    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = ClosedStream("standard error", silent=True)


def _finish(code) -> None:
    """Flush the output here, where a failure can still be reported, then exit without being interrupted."""
    import signal

    try:
        try:
            sys.stdout.flush()
        except OSError as error:
            from cqmin.terminal import report_write_error

            code = report_write_error(error)
        # From here on, a Ctrl-C would only interrupt Python's own shut-down, which prints it as a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        code = _interrupted()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    main()
