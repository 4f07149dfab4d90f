"""The group: how a command is found (cqmin's own, or a topic of the fact base in use), and what a TAB gets.

Topic commands come from the data: every topic of the base is a command
(topics.py), so a base with other topics has other commands. cqmin's own
commands register with `commands.own` and are built when first looked up
(framework.Group): a run builds the command it runs and no other.
"""

import sys

from cqmin import argv, shells
from cqmin.cli import framework, topics
from cqmin.cli.commands import own
from cqmin.cli.session import base_of
from cqmin.errors import CqminError

_OPTIONAL_VALUE = ("--install-completion=", "--show-completion=")


def _split_optional_value(arg: str) -> list[str]:
    """`--show-completion=zsh` as `--show-completion zsh`: the flag, then the value its callback reads."""
    if arg.startswith(_OPTIONAL_VALUE):
        flag, _, value = arg.partition("=")
        return [flag, value]
    return [arg]


class CqminGroup(framework.Group):
    registry = own

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if standalone_mode:
            env = self.environment(extra)
            if env.environ.get(shells.COMPLETE_VAR):  # a TAB the fast path left to us, or a script asked for
                from cqmin.cli import completion

                env.escape_unencodable_stdout()
                completion.respond(self, env, extra)
                sys.exit(0)
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def get_help(self, ctx) -> str:
        from cqmin.cli import helptext  # the fact base in use, its events and topics

        self.help = helptext.summary(ctx)
        return super().get_help(ctx)

    def parse_args(self, ctx, args):
        # Kept for options whose value is optional (--show-completion [SHELL]),
        # which the parser cannot express: their callbacks look here.
        args = [part for arg in args for part in _split_optional_value(arg)]
        # A root option after the command (`cqmin pension --facts my.toml`) is the root's (argv.py).
        root = [argv.shape(param) for param in self.get_params(ctx)]
        args = argv.lift(args, root, lambda name: self._shape(ctx, name), completing=ctx.resilient_parsing)
        ctx.meta["cqmin.args"] = list(args)
        return super().parse_args(ctx, args)

    def _shape(self, ctx, name: str) -> list[dict]:
        """The options of a command, as argv.lift reads them: cqmin's own, or those every topic has (a name
        cqmin lacks is looked up after the line is parsed, with the base the line names)."""
        if name not in self.registered_names():
            return topics.option_shapes(tuple(ctx.help_option_names))
        return [argv.shape(param) for param in self.get_command(ctx, name).get_params(ctx)]

    def shell_complete(self, ctx, incomplete: str):
        """Command names as typed in any case (`cqmin PENS`): they are read so; option names are not."""
        return super().shell_complete(ctx, incomplete if incomplete.startswith("-") else incomplete.lower())

    def _topics(self, ctx) -> list:
        """The topics of the fact base in use; none (the error kept for get_command) if it cannot be loaded."""
        try:
            return base_of(ctx).topics
        except CqminError as error:
            ctx.meta["cqmin.base_error"] = error
            return []

    def list_commands(self, ctx) -> list[str]:
        return topics.in_order(super().list_commands(ctx), [topic.id for topic in self._topics(ctx)])

    def explain(self, error: framework.ClickException) -> None:
        """Add "Did you mean 'json'?" to a bad choice, as Click already does for options and commands."""
        import difflib
        import re

        choices = getattr(getattr(getattr(error, "param", None), "type", None), "choices", None)
        typed = re.match(r"'(.*)' is not one of", error.message)
        if choices and typed and "Did you mean" not in error.message:  # (a NamedChoice says its own)
            names = [getattr(choice, "value", choice) for choice in choices]
            close = difflib.get_close_matches(typed.group(1), names, n=1, cutoff=0.5)
            if close:
                error.message += f" Did you mean '{close[0]}'?"

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except framework.UsageError as error:
            if args and error.message.startswith("No such command"):
                error.message = self._no_such_command(ctx, args[0])
            raise

    def _no_such_command(self, ctx, typed: str) -> str:
        """What to say of a command cqmin lacks: the closest it has; the base in use, if the user named one;
        and, where nothing is close, that a word is what `search` finds (Typer suggests hidden commands too)."""
        import difflib
        import re
        import shlex

        visible = [name for name in self.list_commands(ctx) if not self._hidden(ctx, name)]
        close = difflib.get_close_matches(typed.lower(), visible)
        if close:
            return f"No such command {typed!r}. Did you mean {', '.join(map(repr, close))}?"
        message = f"No such command {typed!r}"
        base = ctx.meta.get("cqmin.base")
        if base is not None and ctx.params.get("facts_path"):  # a base of the user's: its commands are its topics
            topics = [topic.id for topic in base.topics]
            listed = ", ".join(topics[:10]) + (f" and {len(topics) - 10} more" if len(topics) > 10 else "")
            message += f" in the fact base {base.label}; its topics are {listed or 'none'}"
        word = typed if re.fullmatch(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~=%]+", typed) else shlex.quote(typed)
        return f"{message}. To find figures by a word: cqmin search {word}"

    def _hidden(self, ctx, name: str) -> bool:
        command = self.get_command(ctx, name) if name in self.registered_names() else None
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
        return topics.command(topic)
