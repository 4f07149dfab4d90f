"""What one command works with: the environment, the fact base, the format, and the output.

The root context's `obj` is the run (`Run`): the environment (streams, variables)
and the options given before the command (`cqmin --lang en pension`), which
serve as defaults for the command's own.
"""

import contextlib

import typer

from cqmin import lookups
from cqmin.environment import Environment
from cqmin.lookups import Call, Misuse, value_of


class Run:
    """One run of cqmin: its environment, and the options given before the command."""

    def __init__(self, env: Environment, facts: str | None = None, lang=None, format_: str | None = None) -> None:
        self.env = env
        self.facts = facts
        self.lang = lang
        self.format = format_


def run_of(ctx: typer.Context) -> Run:
    """The run of this context; a fresh one where none was made (a test runner's invocation, a TAB)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Run):
        root.obj = Run(root.obj if isinstance(root.obj, Environment) else Environment())
    return root.obj


def reserved(ctx: typer.Context) -> frozenset:
    """The names a topic may not take: cqmin's own commands, which it could never be run in place of."""
    return frozenset(ctx.find_root().command.registered_names())


@contextlib.contextmanager
def as_usage():
    """A Misuse of lookups.py raised inside a command, shown as Click shows a bad parameter (exit 2)."""
    try:
        yield
    except Misuse as error:
        raise typer.BadParameter(error.message, param_hint=error.param_hint) from None


def call_of(ctx: typer.Context) -> Call:
    """What the run decided, for lookups.py: the environment, the base in use, the options before the command."""
    run = run_of(ctx)
    return Call(run.env, lambda: base_of(ctx), value_of(run.lang), value_of(run.format))


def filters(ctx: typer.Context, kind, events: list[str] | None):
    """What --kind and --event keep (lookups.filters)."""
    with as_usage():
        return lookups.filters(call_of(ctx), kind, events)


def base_of(ctx: typer.Context):
    """The fact base in use (--facts, else CQMIN_FACTS, else the bundled one), loaded once per run."""
    root = ctx.find_root()
    if "cqmin.base" not in root.meta:
        from cqmin import facts

        root.meta["cqmin.base"] = facts.load(root.params.get("facts_path"), reserved(ctx))
    return root.meta["cqmin.base"]


def session_for(ctx: typer.Context, result_type: type, format_=None, json_: bool = False, lang=None, fields=None,
                ids: bool = False) -> lookups.Session:  # fmt: skip
    """A command's session (lookups.Session), with a mistake in its options shown as a bad parameter."""
    with as_usage():
        return lookups.Session(call_of(ctx), result_type, ctx.command_path, format_, json_, lang, fields, ids)


def result_of(command: str) -> type:
    """The kind of result a look-up writes, as lookups.REGISTRY has it: what its -f offers."""
    return lookups.REGISTRY[command].result


def look_up(ctx: typer.Context, command: str, asked: lookups.Asked, format_=None, json_: bool = False, lang=None,
            fields=None, ids: bool = False) -> None:  # fmt: skip
    """Run the look-up `command` of lookups.REGISTRY, as the fast path runs it, with its options' mistakes shown
    as bad parameters."""
    looked_up = lookups.REGISTRY[command]
    with as_usage():
        looked_up.run(session_for(ctx, looked_up.result, format_, json_, lang, fields, ids), asked)
