"""Everything cqmin relies on in Typer and Click beyond their documented use, behind this one door.

Typer 0.26 vendored Click as `typer._click`, a private module, and builds one
command with undocumented functions of `typer.main`. cqmin relies on these,
and on four behaviours of Click, only here:

1. Commands built when first looked up: `Group.get_command` builds one command
   from its registration with Typer's `get_command_from_info`, as Click's own
   documentation builds commands lazily (list_commands and get_command).
2. The error path: `main(standalone_mode=False)` returns or raises instead of
   exiting, and a ClickException shows itself (`show`) with its usage line.
3. Completion: Click's `_resolve_context` and `_resolve_incomplete` (what its
   `ShellComplete.get_completions` does) find the context and the parameter a TAB
   is for, whose completion then gives the candidates. cqmin reads the request
   itself (cqmin.shells) and prints its own answer; Typer's completion classes,
   scripts and variables are not used.
4. Rich help: `typer.core.HAS_RICH` says whether Typer can draw help with Rich, and a
   command's `rich_markup_mode` of None makes it Click's plain help instead, which
   cqmin asks for wherever Rich would not serve (a pipe, NO_COLOR, a terminal too
   narrow for Rich's boxes, which cut option names). Rich help reads help text as
   markup and shows a command's `short_help` where completion and Click's plain help
   call `get_short_help_str()`: a topic's title is markup in one, text in the other.

tests/test_framework.py checks each, and fails naming what moved.
"""

import sys

import typer
import typer.core
from typer._click.exceptions import ClickException, UsageError
from typer._click.shell_completion import _resolve_context, _resolve_incomplete
from typer._types import TyperChoice as Choice  # Typer 0.28: its own copy of Click 8.3.1's Choice
from typer.main import get_command_from_info, get_command_name
from typer.models import CommandInfo

from cqmin.environment import Environment
from cqmin.errors import CqminError, ExitCode, report_unexpected, show_failure
from cqmin.terminal import ReaderGone

__all__ = [
    "ClickException", "Command", "Group", "NamedChoice", "UsageError", "command_from", "completions", "help_is_markup"
]  # fmt: skip

Command = typer.core.TyperCommand  # the class of cqmin's commands, which may override its documented methods


RICH_HELP_WIDTH = 80  # below, Rich's option panels cut long option names ("--install-complet…")
_rich_help = True  # decided for each run by Group.main (the terminal it writes to)


def help_is_markup() -> bool:
    """Whether this run's help is drawn by Rich, which reads help text as markup (not with TYPER_USE_RICH=0,
    nor in a pipe, with NO_COLOR or on a narrow terminal: Click's plain help, at the output's width)."""
    return bool(typer.core.HAS_RICH) and _rich_help


def option_shapes(function, help_names: tuple[str, ...]) -> list[dict]:
    """The options Typer will make of a command function, as argv.shape gives them, read from its annotations
    without building the command (a run builds only the command it runs). tests/test_framework.py holds this
    to the command Typer builds."""
    import inspect
    import typing

    from typer.models import OptionInfo

    shapes = []
    for name, parameter in inspect.signature(function).parameters.items():  # as written: no implied Optional
        hint = parameter.annotation
        info = next((extra for extra in getattr(hint, "__metadata__", ()) if isinstance(extra, OptionInfo)), None)
        if info is None:
            continue
        # Typer reads Option("--json") in an Annotated hint as a name, though it is the `default` argument
        first = [info.default] if isinstance(info.default, str) and info.default.startswith("-") else []
        declared = [decl for decl in (*first, *(info.param_decls or ())) if decl.startswith("-")]
        names = [part for decl in declared for part in decl.split("/")] or ["--" + name.replace("_", "-")]
        flag = typing.get_args(hint)[0] is bool
        shapes.append({"names": names, "flag": flag, "option": True})
    shapes.append({"names": list(help_names), "flag": True, "option": True})
    return shapes


def _markup_mode():
    return "rich" if help_is_markup() else None


def reflowed(text: str | None) -> str | None:
    """A docstring's paragraphs each on one line, as Rich would otherwise keep the source's line breaks."""
    if not text:
        return text
    return "\n\n".join(" ".join(line.strip() for line in part.splitlines()) for part in text.split("\n\n"))


class NamedChoice(Choice):
    """A choice that also takes other names for its values (`--lang cn` is zh): `find` maps a name to a value
    (or None), `closest` a wrong one to the nearest value. Help and completion offer the values alone."""

    def __init__(self, values: list[str], find, closest) -> None:
        super().__init__(values, case_sensitive=False)
        self._find, self._closest = find, closest

    def convert(self, value, param, ctx):
        found = self._find(value) if isinstance(value, str) else None
        if found is not None:
            return found
        close = self._closest(value) if isinstance(value, str) else None
        choices = ", ".join(repr(choice) for choice in self.choices)
        self.fail(f"{value!r} is not one of {choices}." + (f" Did you mean {close!r}?" if close else ""), param, ctx)


class _Described(typer.core.TyperCommand):
    """A command whose description in a shell's completion differs from its short help, which Rich reads as markup."""

    described = ""

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.described  # whole: completion shows it, and Click's plain help (TYPER_USE_RICH=0) too


def command_from(callback, *, name: str, help: str, short_help: str, described: str, rich_help_panel=None):
    """A Click command made by Typer from a function, under `name`, with this help; `described` is how
    completion and Click's plain help describe it, `short_help` how Typer's Rich help does."""
    info = CommandInfo(
        name=name, cls=_Described, callback=callback, help=help, short_help=short_help, rich_help_panel=rich_help_panel
    )
    command = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=_markup_mode())
    command.described = described
    return command


class Group(typer.core.TyperGroup):
    """Typer's group, with commands of a registry built only when looked up, and errors raised, not printed.

    `registry` is a Typer app whose commands are registered (`@registry.command()`)
    but not built: Typer would build all of them at every start.
    """

    registry: typer.Typer

    def _registered(self) -> dict:
        return {
            info.name or get_command_name(info.callback.__name__): info for info in self.registry.registered_commands
        }

    def registered_names(self) -> list[str]:
        """The commands in the order they were registered (then any Typer built), whichever were built since."""
        registered = list(self._registered())
        return registered + [name for name in self.commands if name not in registered]

    def list_commands(self, ctx) -> list[str]:
        return self.registered_names()

    def get_command(self, ctx, name: str):
        if name not in self.commands:
            info = self._registered().get(name)
            if info is None:
                return None
            command = get_command_from_info(info, pretty_exceptions_short=True, rich_markup_mode=_markup_mode())
            command.help = reflowed(command.help)
            self.commands[name] = command
        return self.commands[name]

    @staticmethod
    def environment(extra: dict) -> Environment:
        """The run's environment, passed as the context's `obj` (a test runner passes none: one is made)."""
        if not isinstance(extra.get("obj"), Environment):
            extra["obj"] = Environment()
        return extra["obj"]

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run, and turn every failure into a message on stderr and an exit code; never a traceback.

        Expected failures (CqminError) exit 1 with what went wrong and what to do;
        usage errors exit 2 with Click's usage line; Ctrl-C exits 130; an output that
        cannot be written exits 1 with the reason (quietly when the reader closed the
        pipe); anything else is a bug, reported in one line (CQMIN_DEBUG=1: the traceback).
        """
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        env = self.environment(extra)
        env.escape_unencodable_stdout()
        global _rich_help
        _rich_help = env.stdout.color and env.stdout.width >= RICH_HELP_WIDTH  # else Click's plain help
        self.rich_markup_mode = _markup_mode()
        try:
            code = super().main(args, prog_name or "cqmin", complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            from cqmin.render.safe import clean

            self.explain(error)
            error.message = clean(error.message)  # it may quote the command line, which may hold anything
            error.show(file=env.stderr)
            code = error.exit_code
        except CqminError as error:
            code = show_failure(error, env)
        except ReaderGone:  # `cqmin export | head -1`: the reader had what it wanted
            code = ExitCode.OK
        except (KeyboardInterrupt, typer.Abort):
            env.message("")
            code = ExitCode.INTERRUPTED
        except OSError as error:  # writing the output failed (disk full, stream closed), or a file of ours: a bug
            code = report_unexpected(error, env) if error.filename is not None else env.report_write_error(error)
        except Exception as error:
            code = report_unexpected(error, env)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def explain(self, error: ClickException) -> None:
        """Add to a usage error's message before it is shown (a subclass's "did you mean")."""


def completions(group: Group, args: list[str], incomplete: str, **extra) -> tuple[list[tuple[str, str | None]], object]:
    """The candidates Click finds for `incomplete` after `args` ((value, description), plain values only),
    and the root context the line made (its --facts names the fact base the candidates came from)."""
    context = _resolve_context(group, extra, "cqmin", args)
    found, incomplete = _resolve_incomplete(context, args, incomplete)
    if not hasattr(found, "get_params"):  # a parameter's value: cqmin's ids and choices are lowercase, read in
        incomplete = incomplete.lower()  # any case (Typer filters a completion by the case typed)
    items = found.shell_complete(context, incomplete)
    return [(item.value, item.help) for item in items if item.type == "plain"], context.find_root()
