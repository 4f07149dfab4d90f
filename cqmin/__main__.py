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
    env = None
    try:
        env = _prepare()
        code = _run(env)
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = _interrupted(env)
    except Terminated:
        _die_of_sigterm()
    except Exception as error:  # a bug outside the CLI's own error path: still one line, never a traceback
        from cqmin.errors import report_unexpected

        code = report_unexpected(error, env or _environment())
    _finish(code, env or _environment())


def _signals():
    """CPython's signal functions without the `signal` module's enums (which cost a TAB a sixth of its time)."""
    try:
        import _signal as signals
    except ImportError:  # another Python
        import signal as signals
    return signals


def _prepare():
    """The run's environment, once signals and closed streams are taken care of."""
    signal = _signals()
    signal.signal(signal.SIGTERM, _raise_terminated)
    _replace_closed_streams()
    from cqmin.environment import Environment
    from cqmin.terminal import tame_environment

    env = Environment()
    tame_environment(env.environ)
    return env


def _run(env) -> int:
    from cqmin.shells import COMPLETE_VAR

    if env.environ.get(COMPLETE_VAR):
        if _complete_fast(env):
            return 0
    else:
        code = _look_up_fast(env)
        if code is not None:
            return code
    from cqmin.cli.app import main as run

    run(env)
    return 0


def _complete_fast(env) -> bool:
    """Answer a TAB from the cache, without Typer; False if only Typer can (no cache, an unusual line)."""
    from cqmin.shells import fast

    try:
        text = fast.answer(env.environ)
    except Exception:  # anything amiss: Typer answers instead, as it would have anyway
        return False
    if text is None:
        return False
    env.stdout.write(text + "\n")
    return True


def _look_up_fast(env) -> int | None:
    """Answer a look-up from the cache, without Typer (cqmin.quick); None if only Typer can."""
    from cqmin import quick
    from cqmin.terminal import ReaderGone

    try:
        return quick.answer(env, sys.argv[1:])
    except ReaderGone:  # `cqmin export | head -1`: the reader had what it wanted
        return 0
    except OSError as error:  # the output could not be written (closed, full): as the full path says it
        return env.report_write_error(error)


def _environment():
    from cqmin.environment import Environment

    return Environment()


def _raise_terminated(signum, frame) -> None:
    raise Terminated


def _die_of_sigterm() -> None:
    import os

    signal = _signals()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def _interrupted(env) -> int:
    from cqmin.errors import ExitCode

    (env or _environment()).message("")
    return ExitCode.INTERRUPTED


def _replace_closed_streams() -> None:
    """`cqmin pension >&-`: Python gives None for a closed stream; make writing to it a clear failure."""
    from cqmin.terminal import ClosedStream

    if sys.stdout is None:
        sys.stdout = ClosedStream("standard output")
    if sys.stderr is None:
        sys.stderr = ClosedStream("standard error", silent=True)


def _finish(code, env) -> None:
    """Flush the output here, where a failure can still be reported, then exit without being interrupted."""
    signal = _signals()

    try:
        try:
            sys.stdout.flush()
        except OSError as error:
            code = env.report_write_error(error)
        # From here on, a Ctrl-C would only interrupt Python's own shut-down, which prints it as a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        code = _interrupted(env)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


if __name__ == "__main__":
    main()
