"""cqmin's own commands: each parses its options and calls what does the work (lookups.py for a look-up).

Everything expensive (loading facts, Rich, csv, sqlite3) is imported inside the
command that needs it: a run through Typer builds and runs one command.
"""

from typing import Annotated

import typer

from cqmin import __version__, lookups
from cqmin.cli import options
from cqmin.cli.candidates import EventOption
from cqmin.cli.helptext import FilledHelp
from cqmin.cli.options import (
    DATA_PANEL,
    LOOKUP_PANEL,
    TOPIC_PANEL,
    FieldsOption,
    IdsOption,
    JsonOption,
    KindOption,
    LangOption,
    a_path,
    format_option,
)
from cqmin.cli.session import as_usage, look_up, result_of, run_of, session_for
from cqmin.errors import ExitCode
from cqmin.results import Checks, Problems  # (a look-up's result type is lookups.REGISTRY's: result_of)

# cqmin's own commands: `@own.command(...)` registers one; the group (group.py) builds it when it is run.
own = typer.Typer(add_completion=False)


def _complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin.cli.candidates import fact_ids  # only on a TAB

    return fact_ids(ctx, incomplete)


def _complete_topics(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin.cli.candidates import topic_ids

    return topic_ids(ctx, incomplete)


# ---------------------------------------------------------------- topics


def overview(ctx: typer.Context, format_=None, json_: bool = False, lang=None, fields: str | None = None) -> None:
    """`cqmin` alone and `cqmin topics`: the events and the topics, each with its headline figure."""
    look_up(ctx, "topics", lookups.Asked(), format_, json_, lang, fields)


@own.command(cls=FilledHelp, rich_help_panel=TOPIC_PANEL)
def topics(
    ctx: typer.Context,
    format_: format_option(result_of("topics")) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    fields: FieldsOption = None,
) -> None:
    """List the topics and their headline figures.

    Example: cqmin topics --format markdown
    """
    overview(ctx, format_, json_, lang, fields)


@own.command(cls=FilledHelp, rich_help_panel=TOPIC_PANEL)
def compare(
    ctx: typer.Context,
    topic_names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[TOPIC]...",
            help="Topics to include (all if none).",
            autocompletion=_complete_topics,
            show_default=False,
        ),
    ] = None,
    format_: format_option(result_of("compare")) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    kind: KindOption = "all",
    event: EventOption = None,
    ids: IdsOption = False,
    fields: FieldsOption = None,
) -> None:
    """Show every before-and-now comparison, largest change first.

    Sorted by the size of the change as shown (percent, or points for a share), up or down.

    Example: cqmin compare {topic} {other_topic}
    """
    asked = lookups.Asked(positional=tuple(topic_names or ()), kind=kind, events=tuple(event or ()))
    look_up(ctx, "compare", asked, format_, json_, lang, fields, ids)


# ---------------------------------------------------------------- look-up


@own.command(cls=FilledHelp, rich_help_panel=LOOKUP_PANEL)
def show(
    ctx: typer.Context,
    fact_ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Fact ids.", autocompletion=_complete_fact_ids)
    ],
    format_: format_option(result_of("show")) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    fields: FieldsOption = None,
) -> None:
    """Show facts in full, with their source sentence.

    Figure and qualifier, date, baseline and its derivation, change, the quote, the speaker, the event.

    Example: cqmin show {fact}
    """
    look_up(ctx, "show", lookups.Asked(positional=tuple(fact_ids)), format_, json_, lang, fields)


@own.command(cls=FilledHelp, rich_help_panel=LOOKUP_PANEL)
def cite(
    ctx: typer.Context,
    fact_ids: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Fact ids.", autocompletion=_complete_fact_ids)
    ],
    format_: format_option(result_of("cite"), "--style", "-s") = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    fields: FieldsOption = None,
) -> None:
    """Cite figures: the figure, its verbatim quote, who said it, at which press conference, and when.

    --style text follows GB/T 7714 in Chinese; markdown is a block quote with its
    attribution; bibtex and csl-json are for LaTeX, Zotero and Pandoc.

    Example: cqmin cite {fact} --style bibtex
    """
    look_up(ctx, "cite", lookups.Asked(positional=tuple(fact_ids)), format_, json_, lang, fields)


@own.command(cls=FilledHelp, rich_help_panel=LOOKUP_PANEL)
def search(
    ctx: typer.Context,
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="Words or Chinese characters.")],
    topic_names: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            "-t",
            metavar="TOPIC",
            help="Only this topic (may be given again).",
            autocompletion=_complete_topics,
            show_default=False,
        ),
    ] = None,
    format_: format_option(result_of("search")) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    kind: KindOption = "all",
    event: EventOption = None,
    fields: FieldsOption = None,
) -> None:
    """Find facts by a word, in Chinese or English.

    Searches ids, labels, quotes, topic titles and speaker names; whole words and ids rank first,
    then labels, then quotes. Exits 1 when nothing matches, like grep.

    Example: cqmin search {word}   ·   cqmin search {word} --topic {topic}
    """
    asked = lookups.Asked(
        positional=tuple(query), kind=kind, events=tuple(event or ()), topics=tuple(topic_names or ())
    )
    look_up(ctx, "search", asked, format_, json_, lang, fields)


@own.command(cls=FilledHelp, rich_help_panel=LOOKUP_PANEL)
def check(
    ctx: typer.Context,
    claim: Annotated[
        list[str], typer.Argument(metavar="CLAIM...", help="A sentence with figures, Chinese or English.")
    ],
    format_: format_option(Checks) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    fields: FieldsOption = None,
) -> None:
    """Check a claim: is each figure in it what a fact of the base says?

    Each figure is supported (a fact agrees in value, bound, date and kind), contradicted (the fact it is about
    says otherwise: another number, a bound, a year, a plan claimed as done) or not found. Exits 0 only when
    every figure is supported.

    Example: cqmin check "{claim}"
    """
    from cqmin import views
    from cqmin.claims import MAX_CLAIM, SUPPORTED

    text = " ".join(claim).strip()
    if not text or len(text) > MAX_CLAIM:
        said = "an empty claim" if not text else f"a claim of {len(text)} characters (at most {MAX_CLAIM})"
        raise typer.BadParameter(f"{said} has no figure to check", param_hint="'CLAIM...'")
    session = session_for(ctx, Checks, format_, json_, lang, fields)
    result = views.checks(session.base, text)
    session.write(result, no_match="no figure in the claim to check")
    if any(judged.verdict != SUPPORTED for judged in result.judged):
        raise typer.Exit(ExitCode.FAILURE)


@own.command(cls=FilledHelp, rich_help_panel=LOOKUP_PANEL)
def sources(
    ctx: typer.Context,
    format_: format_option(result_of("sources")) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    fields: FieldsOption = None,
) -> None:
    """Show the press conferences and their speakers.

    Example: cqmin sources --lang en
    """
    look_up(ctx, "sources", lookups.Asked(), format_, json_, lang, fields)


# ---------------------------------------------------------------- data


@own.command(cls=FilledHelp, rich_help_panel=DATA_PANEL)
def export(
    ctx: typer.Context,
    format_: format_option(result_of("export")) = None,
    json_: JsonOption = False,
    output_path: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            callback=a_path,
            help="Write to FILE (its extension picks the format) instead of stdout ('-').",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it is a file that exists.")] = False,
    kind: KindOption = "all",
    event: EventOption = None,
    fields: FieldsOption = None,
) -> None:
    """Export every fact: {formats}.

    Writes to stdout, or with -o to a file, atomically; an existing file needs --force.

    Example: cqmin export -o cqmin.db
    """
    from cqmin.cli import exporting

    output_path = None if output_path == "-" else output_path
    format_ = exporting.format_for(ctx, format_, json_, output_path)
    if output_path is None:
        look_up(ctx, "export", lookups.Asked(kind=kind, events=tuple(event or ())), format_, False, None, fields)
        return
    session = session_for(ctx, result_of("export"), format_, False, None, fields)
    with as_usage():
        result = lookups.everything(session, kind, event)
    exporting.export(session, result, output_path, force)


# The formats export writes, as the registry has them (its help is its docstring, read when it is built).
export.__doc__ = export.__doc__.replace("{formats}", options.phrase(options.format_names(result_of("export"))))


@own.command(cls=FilledHelp, rich_help_panel=DATA_PANEL)
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]",
            help="Fact base to check (else --facts, CQMIN_FACTS, or the bundled one).",
            show_default=False,
        ),
    ] = None,
    articles: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            metavar="[EVENT=]FILE",
            help="Check that every quote (or EVENT's) is verbatim in this text file; may be given for each event.",
        ),
    ] = None,
    format_: format_option(Problems) = None,
    json_: JsonOption = False,
    fields: FieldsOption = None,
) -> None:
    """Check a fact base and list every problem.

    Each problem names its file, line, fact and field.

    Exit 0 and a one-line summary when the base is sound; 1 and the problems when not.

    Example: cqmin validate my-facts.toml
    """
    from cqmin.cli import checking

    session = session_for(ctx, Problems, format_, json_, None, fields)
    result = checking.check(ctx, path or run_of(ctx).facts, articles or [])
    session.write(result)
    if result.problems:
        raise typer.Exit(ExitCode.FAILURE)


@own.command(cls=FilledHelp, rich_help_panel=DATA_PANEL)
def draft(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="The report of a press conference: UTF-8 text.")],
    date: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD", help="The day of the press conference.")],
    event: Annotated[
        str | None, typer.Option("--event", metavar="ID", help="Its id (default: event-YYYY-MM-DD).")
    ] = None,
    output_path: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", callback=a_path, help="Write to FILE instead of stdout."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it is a file that exists.")] = False,
) -> None:
    """Draft a fact base from an article: every figure of it, for you to review.

    Each figure becomes a fact with draft = true: its value and bound, unit, kind, date and baseline as the
    text says, and its sentence; labels and the topic are for you to write. validate lists what to review.

    Example: cqmin draft report.txt --date 2024-04-18 -o draft.toml
    """
    from cqmin.cli import drafts

    drafts.write(run_of(ctx).env, article, date, event, output_path, force)


# ---------------------------------------------------------------- what people type anyway


@own.command(name="help", hidden=True)
def help_(
    ctx: typer.Context,
    command: Annotated[list[str] | None, typer.Argument(help="A command.")] = None,
) -> None:
    """Show the help of cqmin, or of a command: the same as --help."""
    root = ctx.find_root()
    target, name = root.command, "cqmin"
    if command:
        target = root.command.get_command(root, command[0])
        if target is None:
            raise typer.BadParameter(f"no command '{command[0]}'", param_hint="'COMMAND'")
        name = target.name
    target.make_context(name, ["--help"], parent=None if target is root.command else root)


@own.command(hidden=True)
def version(ctx: typer.Context) -> None:
    """Print the version: the same as --version."""
    run_of(ctx).env.stdout.write(f"cqmin {__version__}\n")
