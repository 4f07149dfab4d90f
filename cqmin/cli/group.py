"""The group: how a command is found (cqmin's own, or a topic of the fact base in use) and the one error path.

Topic commands come from the data: every topic of the base is a command, made
from one template (cli/topics.py) when it is asked for, so a base with other
topics has other commands. cqmin's own commands register with `own`
(commands.py) and are likewise built when first looked up: a run builds the
command it runs and no other (Typer would build all ten, some 3 ms a run).

Every failure becomes a short message on stderr and an exit code. Expected
failures (CqminError) exit 1 with what went wrong and what to do;
usage errors exit 2 with Click's usage line and a "did you mean"; Ctrl-C exits
130; an output that cannot be written exits 1 with the reason (quietly when the
reader closed the pipe); anything else is a bug, reported in one line, with
CQMIN_DEBUG=1 for the traceback.
"""

import contextlib
import os
import sys
from collections.abc import Iterator, MutableMapping

import typer
from typer.core import TyperGroup

from cqmin.cli.typer_private import ClickException, UsageError, get_command_from_info, get_command_name
from cqmin.errors import CqminError, ExitCode, report_unexpected
from cqmin.terminal import ReaderGone

_OPTIONAL_VALUE = ("--install-completion=", "--show-completion=")


def _split_optional_value(arg: str) -> list[str]:
    """`--show-completion=zsh` as `--show-completion zsh`: the flag, then the value its callback reads."""
    if arg.startswith(_OPTIONAL_VALUE):
        flag, _, value = arg.partition("=")
        return [flag, value]
    return [arg]


def in_order(fixed: list[str], topics: list[str]) -> list[str]:
    """The commands as help lists them: the overview, the topics, then the rest."""
    return fixed[:1] + topics + fixed[1:]


# cqmin's own commands: `@own.command(...)` registers one (commands.py); CqminGroup builds it when needed.
own = typer.Typer(add_completion=False)


class _OwnCommands(MutableMapping):
    """The group's commands by name, each built from its registration the first time it is looked up."""

    def __init__(self, registered: list, rich_markup_mode) -> None:
        self._registered = {info.name or get_command_name(info.callback.__name__): info for info in registered}
        self._built: dict = {}
        self._markup = rich_markup_mode  # the group's, as Typer would give each command it builds

    def __getitem__(self, name: str):
        if name not in self._built:
            info = self._registered[name]  # KeyError: not a command of cqmin's
            self._built[name] = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=self._markup)
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        self._built[name] = command
        self._registered.setdefault(name, None)

    def __delitem__(self, name: str) -> None:
        del self._registered[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._registered)

    def __len__(self) -> int:
        return len(self._registered)


class CqminGroup(TyperGroup):
    """Typer's group, run so that no failure ever prints a traceback."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        built_by_typer = self.commands  # any registered on the app itself rather than on `own`
        self.commands = _OwnCommands(own.registered_commands, self.rich_markup_mode)
        self.commands.update(built_by_typer)

    def parse_args(self, ctx, args):
        # Kept for options whose value is optional (--show-completion [SHELL]),
        # which the parser cannot express: their callbacks look here.
        args = [part for arg in args for part in _split_optional_value(arg)]
        ctx.meta["cqmin.args"] = list(args)
        return super().parse_args(ctx, args)

    def _topics(self, ctx) -> list:
        """The topics of the fact base in use; none (the error kept for get_command) if it cannot be loaded."""
        from cqmin.cli import session

        try:
            return session.base_of(ctx).topics
        except CqminError as error:
            ctx.meta["cqmin.base_error"] = error
            return []

    def list_commands(self, ctx) -> list[str]:
        return in_order(super().list_commands(ctx), [topic.id for topic in self._topics(ctx)])

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            # Typer suggests among cqmin's own commands, hidden ones too: suggest among what help lists.
            if args and error.message.startswith("No such command"):
                import difflib

                visible = [name for name in self.list_commands(ctx) if not self._hidden(ctx, name)]
                close = difflib.get_close_matches(args[0].lower(), visible)
                error.message = f"No such command {args[0]!r}."
                if close:
                    error.message += f" Did you mean {', '.join(map(repr, close))}?"
            raise

    def _hidden(self, ctx, name: str) -> bool:
        command = self.commands.get(name)
        return bool(command and command.hidden)

    def get_command(self, ctx, name: str):
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        wanted = name.lower()  # topic names are case-insensitive: `cqmin PENSION`
        topic = next((topic for topic in self._topics(ctx) if topic.id == wanted), None)
        if topic is None:
            error = ctx.meta.get("cqmin.base_error")
            if error is not None and not ctx.resilient_parsing:  # (not on a TAB, which must stay quiet)
                raise error  # not a command of cqmin's, and the base that might have it is broken: say why
            return None
        from cqmin.cli import topics

        return topics.command(topic)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        program = (prog_name or self.name or "cqmin").replace("-", "_").upper()
        completing = bool(os.environ.get(complete_var or f"_{program}_COMPLETE"))
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        _escape_what_stdout_cannot_hold()
        try:
            if completing:  # a TAB: Typer answers it inside main(), in cqmin's formats
                from cqmin.cli import completion

                completion.use_cqmin_answers()
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            _suggest_choice(error)
            from cqmin.render.safe import clean

            error.message = clean(error.message)  # it may quote the command line, which may hold anything
            error.show(file=sys.stderr)
            sys.exit(error.exit_code)
        except CqminError as error:
            _print_error(error)
            sys.exit(ExitCode.FAILURE)
        except ReaderGone:  # `cqmin export | head -1`: the reader had what it wanted
            sys.exit(ExitCode.OK)
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
        sys.stderr.write(f"  {clean(problem.format())}\n")
    if error.hint:
        sys.stderr.write(f"Hint: {clean(error.hint)}\n")


def _unexpected(error: Exception) -> None:
    sys.exit(report_unexpected(error))
