"""The one domain error and the exit codes the command line promises."""


class ExitCode:
    """The exit codes, as ints (an IntEnum would import enum, which a look-up otherwise does without)."""

    OK = 0
    FAILURE = 1  # the command ran and could not do what was asked
    USAGE = 2  # the command line itself was wrong
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class CqminError(Exception):
    """An expected failure: cli.py prints it as one line on stderr and exits 1.

    `hint` is an optional second line telling the user what to do next.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def show_failure(error: CqminError, env) -> int:
    """An expected failure as every path of cqmin reports it: the message, its problems (twenty at most), the
    hint, each printed literally (a message may quote a fact base or the command line)."""
    from cqmin.render.safe import clean

    details = [clean(problem.format()) for problem in getattr(error, "problems", [])[:20]]
    env.error(clean(error.message), clean(error.hint) if error.hint else None, details)
    return ExitCode.FAILURE


def report_unexpected(error: Exception, env) -> int:
    """A bug: one line and a way to see more, never a traceback unasked (CQMIN_DEBUG=1 re-raises)."""
    if env.environ.get("CQMIN_DEBUG"):
        raise error
    from cqmin.render.safe import clean

    env.error(
        f"unexpected {type(error).__name__}: {clean(str(error))}",
        hint="run again with CQMIN_DEBUG=1 for the traceback, and report it.",
    )
    return ExitCode.FAILURE
