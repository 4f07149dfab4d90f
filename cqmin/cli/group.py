"""The one error path: every failure becomes a short message on stderr and an exit code.

Expected failures (CqminError) exit 1 with what went wrong and what to do;
usage errors exit 2 with Click's usage line and a "did you mean"; Ctrl-C exits
130; an output that cannot be written exits 1 with the reason (quietly when the
reader closed the pipe); anything else is a bug, reported in one line, with
CQMIN_DEBUG=1 for the traceback.
"""

import contextlib
import os
import sys

import typer
from typer.core import TyperGroup

from cqmin.cli.typer_private import ClickException
from cqmin.errors import CqminError, ExitCode


class CqminGroup(TyperGroup):
    """Typer's group, run so that no failure ever prints a traceback."""

    def parse_args(self, ctx, args):
        # Kept for options whose value is optional (--show-completion [SHELL]),
        # which the parser cannot express: their callbacks look here.
        ctx.meta["cqmin.args"] = list(args)
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        program = (prog_name or self.name or "cqmin").replace("-", "_").upper()
        if os.environ.get(complete_var or f"_{program}_COMPLETE"):  # a TAB: Typer answers it inside main()
            from cqmin.cli import completion

            completion.use_cqmin_answers()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        _escape_what_stdout_cannot_hold()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            _suggest_choice(error)
            error.show(file=sys.stderr)
            sys.exit(error.exit_code)
        except CqminError as error:
            _print_error(error)
            sys.exit(ExitCode.FAILURE)
        except (KeyboardInterrupt, typer.Abort):
            sys.stderr.write("\n")
            sys.exit(ExitCode.INTERRUPTED)
        except OSError as error:
            if error.filename is not None:  # a file of ours: not an output failure, so a bug
                _unexpected(error)
            from cqmin.terminal import report_write_error

            sys.exit(report_write_error(error))  # writing the output failed: disk full, stream closed
        except Exception as error:
            _unexpected(error)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _escape_what_stdout_cannot_hold() -> None:
    """On an output that cannot hold Chinese (PYTHONIOENCODING=ascii), write \\u escapes, not a crash.

    Commands that draw tables choose English and plain replacement instead (Session).
    """
    try:
        "中".encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(errors="backslashreplace")


def _suggest_choice(error: ClickException) -> None:
    """Add "Did you mean 'json'?" to a bad choice, as Click already does for options and commands."""
    import difflib
    import re

    choices = getattr(getattr(getattr(error, "param", None), "type", None), "choices", None)
    typed = re.match(r"'(.*)' is not one of", error.message)
    if choices and typed:
        names = [getattr(choice, "value", choice) for choice in choices]
        close = difflib.get_close_matches(typed.group(1), names, n=1, cutoff=0.5)
        if close:
            error.message += f" Did you mean '{close[0]}'?"


def _print_error(error: CqminError) -> None:
    from cqmin.render.safe import clean

    sys.stderr.write(f"Error: {clean(error.message)}\n")
    for problem in getattr(error, "problems", [])[:20]:
        sys.stderr.write(f"  {clean(problem)}\n")
    if error.hint:
        sys.stderr.write(f"Hint: {clean(error.hint)}\n")


def _unexpected(error: Exception) -> None:
    """A bug: one line and a way to see more, never a traceback unasked."""
    if os.environ.get("CQMIN_DEBUG"):
        raise error
    from cqmin.render.safe import clean

    sys.stderr.write(f"Error: unexpected {type(error).__name__}: {clean(str(error))}\n")
    sys.stderr.write("Hint: run again with CQMIN_DEBUG=1 for the traceback, and report it.\n")
    sys.exit(ExitCode.FAILURE)
