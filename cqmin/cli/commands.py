"""The commands: each parses its options, asks views or search for records, and hands them to render.

Everything expensive (loading facts, Rich, csv, sqlite3) is imported inside the
command that needs it, because every run, and every TAB, starts here.
"""

import sys
from enum import Enum
from typing import Annotated

import typer

from cqmin import __version__
from cqmin.cli.group import CqminGroup
from cqmin.cli.options import (
    DATA_PANEL,
    LOOKUP_PANEL,
    TOPIC_PANEL,
    TOPICS,
    ExportFormat,
    Format,
    FormatOption,
    JsonOption,
    Kind,
    KindOption,
    LangOption,
    ReportFormat,
)
from cqmin.cli.session import Defaults, Session, defaults
from cqmin.errors import CqminError, ExitCode

app = typer.Typer(
    cls=CqminGroup,
    name="cqmin",
    help=(
        "Figures from Chongqing's livelihood press conference of 2022-10-19 (重庆“学习二十大 书写新篇章”"
        "系列主题新闻发布会第二场): jobs, pensions, elder care, social assistance, housing, transport, "
        "public health and medical insurance.\n\n"
        "Run a topic for its figures and how they compare with earlier years, 'search' to find a figure, 'show ID' for "
        "its full record and source sentence.\n\n"
        "Example: cqmin pension --lang en"
    ),
    context_settings={"help_option_names": ["--help", "-h"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,  # cqmin's own options below: Typer's print Typer's scripts, and ignore SHELL
)


def _complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin.cli import completion  # only on a TAB

    return completion.fact_ids(ctx, incomplete)


def _complete_topics(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin.cli import completion

    return completion.topic_ids(ctx, incomplete)


def _known_topic(session: Session, name: str, param_hint: str) -> None:
    import difflib

    known = [topic["id"] for topic in session.base.topics]
    if name not in known:
        close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        advice = f". Did you mean {', '.join(map(repr, close))}?" if close else f" (one of {', '.join(known)})"
        raise typer.BadParameter(f"no topic '{name}'{advice}", param_hint=param_hint)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cqmin {__version__}")
        raise typer.Exit()


def _shell_after(ctx: typer.Context, option: str) -> str | None:
    """The SHELL given after an option whose value is optional (`--show-completion zsh`)."""
    args = ctx.meta.get("cqmin.args", [])
    position = args.index(option) + 1 if option in args else len(args)
    following = args[position] if position < len(args) else None
    return following if following is not None and not following.startswith("-") else None


def _show_completion(ctx: typer.Context, value: bool) -> None:
    if value:
        from cqmin.shells import install, scripts

        typer.echo(scripts.script(install.chosen(_shell_after(ctx, "--show-completion"))), nl=False)
        raise typer.Exit()


def _install_completion(ctx: typer.Context, value: bool) -> None:
    if value:
        from cqmin.shells import install

        shell = install.chosen(_shell_after(ctx, "--install-completion"))
        path = install.install(shell)
        typer.echo(f"{shell} completion installed in {path}", err=True)
        typer.echo("It takes effect in a new shell.", err=True)
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    facts: Annotated[
        str | None,
        typer.Option(
            "--facts", envvar="CQMIN_FACTS", metavar="PATH", help="Use this fact base instead of the bundled one."
        ),
    ] = None,
    lang: LangOption = None,
    format_: FormatOption = None,
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
            help="Install TAB completion for SHELL (bash, zsh, fish, powershell; default: the current shell).",
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
            help="Print the completion script for SHELL (default: the current shell), to install it yourself.",
        ),
    ] = False,
) -> None:
    """With no command: the overview of the nine topics."""
    ctx.obj = Defaults(facts, lang, Format.json if json_ else format_)
    if ctx.invoked_subcommand is None:
        _overview(Session(ctx))


def _overview(session: Session) -> None:
    from cqmin import views

    rows = views.overview(session.base)
    session.write(rows, "topics", "topics.overview", rows, session.base.event)


@app.command(rich_help_panel=TOPIC_PANEL)
def topics(
    ctx: typer.Context, format_: FormatOption = None, json_: JsonOption = False, lang: LangOption = None
) -> None:
    """List the nine topics and their headline figures.

    Example: cqmin topics --format markdown
    """
    _overview(Session(ctx, format_, json_, lang))


def _topic_command(topic_id: str, title_zh: str, title_en: str):
    def command(
        ctx: typer.Context,
        format_: FormatOption = None,
        json_: JsonOption = False,
        lang: LangOption = None,
        kind: KindOption = Kind.all,
    ) -> None:
        from cqmin import views

        session = Session(ctx, format_, json_, lang)
        view = views.topic_view(session.base, topic_id, kind.value)
        session.write(view["facts"], "facts", "topics.topic", view)

    command.__name__ = topic_id
    command.__doc__ = (
        f"{title_zh} · {title_en}\n\n"
        "Its figures, how they compare with earlier years, and the targets ahead.\n\n"
        f"Example: cqmin {topic_id} --lang en --kind achieved"
    )
    return command


for _id, _zh, _en in TOPICS:
    app.command(name=_id, rich_help_panel=TOPIC_PANEL)(_topic_command(_id, _zh, _en))


@app.command(rich_help_panel=TOPIC_PANEL)
def compare(
    ctx: typer.Context,
    topic: Annotated[
        list[str] | None,
        typer.Argument(help="Topics to include (all if none).", autocompletion=_complete_topics, show_default=False),
    ] = None,
    format_: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show every before-and-now comparison, largest change first.

    Sorted by the size of the percent change, up or down; give topics to narrow it down.

    Example: cqmin compare pension welfare
    """
    from cqmin import views

    session = Session(ctx, format_, json_, lang)
    for name in topic or []:
        _known_topic(session, name, "'TOPIC'")
    chosen = topic or [item["id"] for item in session.base.topics]
    facts = views.by_change([fact for fact in session.base.facts if fact["topic"] in chosen])
    session.write(facts, "facts", "topics.compare", facts)


@app.command(rich_help_panel=LOOKUP_PANEL)
def show(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Fact ids.", autocompletion=_complete_fact_ids)],
    format_: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show facts in full, with their source sentence.

    Figure and qualifier, date, baseline and its derivation, change, the quote, the speaker.

    Example: cqmin show pension.pension-insured
    """
    session = Session(ctx, format_, json_, lang)
    base = session.base
    for fact_id in ids:
        if base.fact(fact_id) is None:  # all or nothing: a script never gets half its answer
            from cqmin import suggest

            raise CqminError(f"no fact '{fact_id}'", hint=suggest.hint(base, fact_id))
    found = [base.fact(fact_id) for fact_id in ids]
    session.write(found, "facts", "records.show", found, base.speakers_by_id)


@app.command(rich_help_panel=LOOKUP_PANEL)
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words or Chinese characters.")],
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only this topic.", autocompletion=_complete_topics)
    ] = None,
    format_: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Find facts by a word, in Chinese or English.

    Searches ids, labels, quotes, topic titles and speaker names; ids and labels rank first.

    Example: cqmin search 养老   ·   cqmin search pension --topic pension
    """
    from cqmin import search as searching

    session = Session(ctx, format_, json_, lang)
    base = session.base
    if topic is not None:
        _known_topic(session, topic, "'--topic'")
    text = " ".join(query)
    hits = searching.search(base.facts_of(topic) if topic else base.facts, text, base.topics_by_id, base.speakers_by_id)
    if hits or session.format in ("json", "csv", "markdown"):  # an empty listing is still a listing
        session.write(hits, "facts", "records.fact_list", hits)
    if not hits:
        raise CqminError(f"no fact matches '{text}'", hint="try fewer words, or Chinese ('养老') as well as English")


@app.command(rich_help_panel=LOOKUP_PANEL)
def sources(
    ctx: typer.Context, format_: FormatOption = None, json_: JsonOption = False, lang: LangOption = None
) -> None:
    """Show the press conference and its six speakers.

    Example: cqmin sources --lang en
    """
    from cqmin import views

    session = Session(ctx, format_, json_, lang)
    rows = views.sources(session.base)
    session.write(rows, "speakers", "records.sources", session.base.event, rows)


@app.command(rich_help_panel=DATA_PANEL)
def export(
    ctx: typer.Context,
    format_: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="json (the default), ndjson, csv or sqlite.", show_default=False
        ),
    ] = None,
    output_path: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout ('-').")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Export every fact: JSON, NDJSON, CSV or SQLite.

    Writes to stdout, or with -o to a file, atomically; an existing file needs --force.

    Example: cqmin export --format sqlite -o cqmin.db
    """
    from cqmin import atomic, facts

    fmt = _inherited(ctx, format_, {"json", "ndjson", "csv"}, "json", "export writes json, ndjson, csv or sqlite")
    output_path = None if output_path == "-" else output_path
    if fmt == "sqlite" and output_path is None:
        raise typer.BadParameter("a SQLite database needs a file: add -o FILE", param_hint="'--format sqlite'")
    base = facts.load(defaults(ctx).facts)
    if fmt == "sqlite":
        from cqmin.render import sqlite

        atomic.write(output_path, lambda temporary: sqlite.write(temporary, base), force)
        return
    from cqmin.render import data

    if output_path is not None:
        atomic.write_text(output_path, data.export(base.facts, fmt), force)
        return
    from cqmin.terminal import Terminal

    term = Terminal()
    if fmt == "csv" and not term.unicode:
        from cqmin.cli.session import raise_unencodable

        raise_unencodable(sys.stdout.encoding, fmt)
    term.write(data.export(base.facts, fmt, ascii_only=not term.unicode, terminal=term.is_tty))


def _inherited(ctx: typer.Context, own: Enum | None, allowed: set, default: str, refusal: str) -> str:
    """A command's own --format, else the one given before the command if this command has it."""
    if own is not None:
        return own.value
    before = defaults(ctx).format
    if before is None or before == Format.table:
        return default
    if before.value not in allowed:
        raise typer.BadParameter(f"{refusal}, not {before.value}", param_hint="'--format'")
    return before.value


@app.command(rich_help_panel=DATA_PANEL)
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Fact base to check (else --facts, CQMIN_FACTS, or the bundled one).")
    ] = None,
    article: Annotated[
        str | None,
        typer.Option("--source", metavar="ARTICLE", help="Also check that every quote is verbatim in this text file."),
    ] = None,
    format_: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="text (the default) or json.", show_default=False),
    ] = None,
) -> None:
    """Check a fact base and list every problem.

    Exit 0 and a one-line summary when it is sound, 1 and the problems when not.

    Example: cqmin validate my-facts.toml
    """
    from cqmin import facts
    from cqmin.render import report

    fmt = _inherited(ctx, format_, {"json"}, "text", "validate reports as text or json")
    source = facts.Source(path or defaults(ctx).facts)
    article_text = None
    if article is not None:
        from cqmin.files import read_user_file

        try:
            article_text = read_user_file(article, "the article").decode("utf-8")
        except UnicodeDecodeError:
            raise CqminError(f"{article}: not UTF-8 text, so not the article") from None
    try:
        data, problems = facts.check(source.read(), source.label, article_text)
    except facts.InvalidFactBase as error:
        data, problems = {}, error.problems
    from cqmin.terminal import Terminal

    Terminal().write(report.as_json(problems) if fmt == "json" else report.text(problems, source.label, data))
    if problems:
        raise typer.Exit(ExitCode.FAILURE)


def main() -> None:
    """The console script."""
    app(prog_name="cqmin")
