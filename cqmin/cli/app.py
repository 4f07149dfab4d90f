"""The Typer app: its root options (fact base, language, format, version, completion) and what it does alone."""

from typing import Annotated

import typer

from cqmin import __version__, facts
from cqmin.cli.group import CqminGroup
from cqmin.cli.options import JsonOption, LangOption, RootFormatOption, a_path
from cqmin.cli.session import run_of
from cqmin.environment import Environment

app = typer.Typer(
    cls=CqminGroup,
    name="cqmin",
    help="Figures announced at press conferences, from a fact base.",  # made for the base in use (helptext.py)
    context_settings={"help_option_names": ["--help", "-h"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,  # cqmin's own options below: Typer's print Typer's scripts, and ignore SHELL
)


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # not while a TAB is being answered
        run_of(ctx).env.stdout.write(f"cqmin {__version__}\n")
        raise typer.Exit()


def _shell_after(ctx: typer.Context, option: str) -> str | None:
    """The SHELL given after an option whose value is optional (`--show-completion zsh`)."""
    args = ctx.meta.get("cqmin.args", [])
    position = args.index(option) + 1 if option in args else len(args)
    following = args[position] if position < len(args) else None
    return following if following is not None and not following.startswith("-") else None


def _shell(ctx: typer.Context, option: str) -> str:
    """The shell an option names, or the current one; a usage error if cqmin has no script for it."""
    from cqmin.shells import install

    try:
        return install.chosen(_shell_after(ctx, option))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint=f"'{option}'") from None


def _show_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from cqmin.shells import scripts

        run_of(ctx).env.stdout.write(scripts.script(_shell(ctx, "--show-completion")))
        raise typer.Exit()


def _install_completion(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from cqmin.shells import install

        shell = _shell(ctx, "--install-completion")
        path = install.install(shell)
        env = run_of(ctx).env
        env.message(f"{shell} completion installed in {path}")
        env.message("It takes effect in a new shell.")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    facts_path: Annotated[
        str | None,
        typer.Option(
            "--facts",
            envvar=facts.ENV_VAR,
            metavar="PATH",
            is_eager=True,  # read before --help, which lists the topics of this base
            callback=a_path,
            help="Use this fact base instead of the bundled one.",
        ),
    ] = None,
    lang: LangOption = None,
    format_: RootFormatOption = None,
    json_: JsonOption = False,
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install TAB completion: --install-completion [SHELL], SHELL one of bash, zsh, fish, "
            "powershell (default: the current shell).",
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script: --show-completion [SHELL] (default: the current shell), "
            "to install it yourself.",
        ),
    ] = False,
) -> None:
    """With no command: the overview of the topics."""
    run = run_of(ctx)
    run.facts, run.lang, run.format = facts_path, lang, "json" if json_ else format_
    ctx.call_on_close(lambda: _refresh_table(ctx))
    if ctx.invoked_subcommand is None:
        from cqmin.cli import commands

        commands.overview(ctx)


def _refresh_table(ctx: typer.Context) -> None:
    from cqmin.cli import table  # after the command: the table of the base it loaded, if the cache lacks it

    table.refresh(ctx)


def main(env: Environment | None = None) -> None:
    """The console script: the app, run in `env` (the streams and variables of this process)."""
    app(prog_name="cqmin", obj=env if env is not None else Environment())
