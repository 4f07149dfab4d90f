"""The command line. Typer commands only: options -> query -> render; errors -> stderr + exit code.

Everything expensive (loading facts, Rich, csv, sqlite3) is imported inside the
command that needs it, because every run, and every TAB, starts here.
"""

import os
import sys
from enum import Enum
from typing import Annotated

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from cqmin import __version__
from cqmin.errors import CqminError, ExitCode

# The bundled topics, one command each (facts.toml holds the same ids and titles;
# a test keeps the two in step). Help needs them before any fact is loaded.
TOPICS = (
    ("services", "基本公共服务", "Basic public services"),
    ("jobs", "就业与收入", "Jobs and income"),
    ("pension", "社会保障", "Pensions and social insurance"),
    ("eldercare", "养老服务", "Elder care"),
    ("welfare", "社会救助", "Social assistance"),
    ("housing", "老旧小区改造", "Old residential compound renewal"),
    ("transport", "城市交通建设", "Urban transport construction"),
    ("health", "公共卫生", "Public health"),
    ("insurance", "医疗保障", "Medical insurance"),
)

TOPIC_PANEL = "Topics 主题"
LOOKUP_PANEL = "Look-up 查询"
DATA_PANEL = "Data 数据"


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    markdown = "markdown"


class ExportFormat(str, Enum):
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    sqlite = "sqlite"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


class Kind(str, Enum):
    achieved = "achieved"
    target = "target"
    all = "all"


FormatOption = Annotated[
    Format | None, typer.Option("--format", "-f", help="Output format; a table unless given.", show_default=False)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
LangOption = Annotated[
    Lang | None, typer.Option("--lang", help="Language; auto reads CQMIN_LANG, then the locale.", show_default=False)
]


class CqminGroup(TyperGroup):
    """Typer's group with cqmin's one error path: every failure is a short message on stderr."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        program = (prog_name or self.name or "cqmin").replace("-", "_").upper()
        if os.environ.get(complete_var or f"_{program}_COMPLETE"):  # a TAB: Typer answers it inside main()
            from cqmin import completion

            completion.use_plain_descriptions()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:  # usage errors: exit 2, with Click's usage line and hint
            _suggest_choice(error)
            error.show(file=sys.stderr)
            sys.exit(error.exit_code)
        except CqminError as error:
            _print_error(error)
            sys.exit(ExitCode.FAILURE)
        except (KeyboardInterrupt, typer.Abort):
            sys.stderr.write("\n")
            sys.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(ExitCode.FAILURE)
        except Exception as error:  # a bug: say so briefly; CQMIN_DEBUG=1 shows the traceback
            if os.environ.get("CQMIN_DEBUG"):
                raise
            sys.stderr.write(f"Error: unexpected {type(error).__name__}: {error}\n")
            sys.stderr.write("Hint: run again with CQMIN_DEBUG=1 for the traceback, and report it.\n")
            sys.exit(ExitCode.FAILURE)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


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


def _silence_stdout() -> None:
    # The reader went away (`cqmin export | head -1`): send whatever Python still
    # wants to flush at exit to /dev/null, so that it cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=CqminGroup,
    name="cqmin",
    help=(
        "Figures from Chongqing's livelihood press conference of 2022-10-19 (重庆“学习二十大 书写新篇章”"
        "系列主题新闻发布会第二场): jobs, pensions, elder care, social assistance, housing, transport, "
        "public health and medical insurance.\n\n"
        "Run a topic for its figures and five-year comparisons, 'search' to find a figure, 'show ID' for "
        "its full record and source sentence.\n\n"
        "Example: cqmin pension --lang en"
    ),
    context_settings={"help_option_names": ["--help", "-h"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _complete_fact_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin import completion  # only on a TAB

    return completion.fact_ids(ctx, incomplete)


def _complete_topics(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from cqmin import completion

    return completion.topic_ids(ctx, incomplete)


class Settings:
    """The options given before the command, which every command inherits."""

    def __init__(self, facts: str | None, lang: Lang | None, format_: Format | None) -> None:
        self.facts = facts
        self.lang = lang
        self.format = format_


def _settings(ctx: typer.Context) -> Settings:
    return ctx.find_root().obj or Settings(None, None, None)


def _choose_format(ctx: typer.Context, format_: Format | None, json_: bool) -> str:
    if json_ and format_ not in (None, Format.json):
        raise typer.BadParameter(f"--json means --format json, not {format_.value}", param_hint="'--json'")
    chosen = Format.json if json_ else format_ or _settings(ctx).format or Format.table
    return chosen.value


def _output(ctx: typer.Context, format_: Format | None, json_: bool, lang: Lang | None):
    """The format, language and terminal a command writes with."""
    from cqmin import lang as languages
    from cqmin.terminal import Terminal

    fmt = _choose_format(ctx, format_, json_)
    explicit = lang or _settings(ctx).lang
    term = Terminal()
    chosen = languages.resolve(explicit.value if explicit else None)
    if not term.unicode:
        _degrade(term, fmt)
        if chosen == "zh" and explicit != Lang.zh:
            chosen = "en"  # an output that cannot hold Chinese gets English rather than question marks
    return fmt, chosen, term


def _degrade(term, fmt: str) -> None:
    """An output that cannot hold Chinese (PYTHONIOENCODING=ascii): keep working, say what is lost.

    JSON and NDJSON fall back to \\u escapes and lose nothing; tables switch to
    English and ASCII drawing; whatever is left is replaced by '?'.
    """
    if fmt in ("json", "ndjson"):
        return
    import contextlib

    with contextlib.suppress(AttributeError, ValueError):
        term.stream.reconfigure(errors="replace")
    sys.stderr.write(
        f"Note: the output's encoding ({term.encoding}) cannot show Chinese; "
        "set PYTHONIOENCODING=utf-8 or a UTF-8 locale for the full text.\n"
    )


def _load(ctx: typer.Context):
    from cqmin import facts

    return facts.load(_settings(ctx).facts)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cqmin {__version__}")
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
) -> None:
    """With no command: the overview of the nine topics."""
    ctx.obj = Settings(facts, lang, Format.json if json_ else format_)
    if ctx.invoked_subcommand is None:
        _overview(ctx, None, False, None)


def _overview(ctx: typer.Context, format_: Format | None, json_: bool, lang: Lang | None) -> None:
    from cqmin import views
    from cqmin.render import output

    fmt, chosen, term = _output(ctx, format_, json_, lang)
    base = _load(ctx)
    rows = views.overview(base)

    def table() -> None:
        from cqmin.render import topics as drawn

        drawn.overview(rows, base.event, chosen, term)

    output.write(term, fmt, rows, "topics", chosen, table)


@app.command(rich_help_panel=TOPIC_PANEL)
def topics(
    ctx: typer.Context, format_: FormatOption = None, json_: JsonOption = False, lang: LangOption = None
) -> None:
    """List the nine topics and their headline figures.

    Example: cqmin topics --format markdown
    """
    _overview(ctx, format_, json_, lang)


def _topic_command(topic_id: str, title_zh: str, title_en: str):
    def command(
        ctx: typer.Context,
        format_: FormatOption = None,
        json_: JsonOption = False,
        lang: LangOption = None,
        kind: Annotated[Kind, typer.Option("--kind", help="Which facts to list.")] = Kind.all,
    ) -> None:
        from cqmin import views
        from cqmin.render import output

        fmt, chosen, term = _output(ctx, format_, json_, lang)
        base = _load(ctx)
        view = views.topic_view(base, topic_id, kind.value)

        def table() -> None:
            from cqmin.render import topics as drawn

            drawn.topic(view, chosen, term)

        output.write(term, fmt, view["facts"], "facts", chosen, table)

    command.__name__ = topic_id
    command.__doc__ = (
        f"{title_zh} · {title_en}\n\n"
        "Its figures, their five-year comparisons, and the targets ahead.\n\n"
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
        typer.Argument(help="Topics to include [default: all].", autocompletion=_complete_topics, show_default=False),
    ] = None,
    format_: FormatOption = None,
    json_: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show every five-year comparison, largest first.

    Sorted by percent change; give topics to narrow it down.

    Example: cqmin compare pension welfare
    """
    from cqmin import views
    from cqmin.render import output

    fmt, chosen, term = _output(ctx, format_, json_, lang)
    base = _load(ctx)
    chosen_topics = topic or [item["id"] for item in base.topics]
    known = [item["id"] for item in base.topics]
    for name in chosen_topics:
        if name not in known:
            raise typer.BadParameter(_did_you_mean(f"no topic '{name}'", name, known), param_hint="'TOPIC'")
    facts = views.by_change([fact for fact in base.facts if fact["topic"] in chosen_topics])

    def table() -> None:
        from cqmin.render import topics as drawn

        drawn.compare(facts, chosen, term)

    output.write(term, fmt, facts, "facts", chosen, table)


def _did_you_mean(message: str, typed: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(typed, choices, n=3, cutoff=0.5)
    if close:
        return f"{message}. Did you mean {', '.join(repr(item) for item in close)}?"
    return f"{message} (one of {', '.join(choices)})"


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
    from cqmin.render import output

    fmt, chosen, term = _output(ctx, format_, json_, lang)
    base = _load(ctx)
    found = []
    for fact_id in ids:
        fact = base.fact(fact_id)
        if fact is None:
            from cqmin import suggest

            topics = {item["id"]: item for item in base.topics}
            speakers = {item["id"]: item for item in base.speakers}
            spelled = suggest.by_spelling(fact_id, [item["id"] for item in base.facts])
            labelled = [i for i in suggest.by_label(fact_id, base.facts, topics, speakers) if i not in spelled]
            hints = []
            if spelled:
                hints.append("spelled alike: " + ", ".join(spelled))
            if labelled:
                hints.append("about the same: " + ", ".join(labelled))
            hint = "; ".join(hints) if hints else "'cqmin search WORD' finds facts by what they say"
            raise CqminError(f"no fact '{fact_id}'", hint=hint)
        found.append(fact)

    def table() -> None:
        from cqmin.render import records

        speakers = {item["id"]: item for item in base.speakers}
        records.show(found, speakers, chosen, term)

    output.write(term, fmt, found, "facts", chosen, table)


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
    from cqmin.render import output

    fmt, chosen, term = _output(ctx, format_, json_, lang)
    base = _load(ctx)
    facts = base.facts
    if topic is not None:
        known = [item["id"] for item in base.topics]
        if topic not in known:
            raise typer.BadParameter(_did_you_mean(f"no topic '{topic}'", topic, known), param_hint="'--topic'")
        facts = base.facts_of(topic)
    text = " ".join(query)
    topics = {item["id"]: item for item in base.topics}
    speakers = {item["id"]: item for item in base.speakers}
    hits = searching.search(facts, text, topics, speakers)

    def table() -> None:
        from cqmin.render import records

        records.fact_list(hits, chosen, term)

    if hits or fmt in ("json", "csv", "markdown"):
        output.write(term, fmt, hits, "facts", chosen, table)
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
    from cqmin.render import output

    fmt, chosen, term = _output(ctx, format_, json_, lang)
    base = _load(ctx)
    rows = views.sources(base)

    def table() -> None:
        from cqmin.render import records

        records.sources(base.event, rows, chosen, term)

    output.write(term, fmt, rows, "speakers", chosen, table)


@app.command(rich_help_panel=DATA_PANEL)
def export(
    ctx: typer.Context,
    format_: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.json,
    output_path: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Export every fact: JSON, NDJSON, CSV or SQLite.

    Writes to stdout, or with -o to a file, atomically; an existing file needs --force.

    Example: cqmin export --format sqlite -o cqmin.db
    """
    from cqmin import atomic
    from cqmin.render import columns, data
    from cqmin.terminal import Terminal

    if format_ == ExportFormat.sqlite and output_path is None:
        raise typer.BadParameter("a SQLite database needs a file: add -o FILE", param_hint="'--format sqlite'")
    base = _load(ctx)
    if format_ == ExportFormat.sqlite:
        from cqmin.render import sqlite

        atomic.write(output_path, lambda temporary: sqlite.write(temporary, base), force)
        return
    ascii_only = output_path is None and not Terminal().unicode
    if format_ == ExportFormat.json:
        text = data.to_json(base.facts, ascii_only)
    elif format_ == ExportFormat.ndjson:
        text = data.to_ndjson(base.facts, ascii_only)
    else:
        text = data.to_csv(columns.FACT_CSV, [columns.fact_csv_row(fact) for fact in base.facts])
    if output_path is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(output_path, text, force)


@app.command(rich_help_panel=DATA_PANEL)
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(help="Fact base to check [default: --facts, CQMIN_FACTS, else the bundled one].")
    ] = None,
    article: Annotated[
        str | None,
        typer.Option("--source", metavar="ARTICLE", help="Also check that every quote is verbatim in this text file."),
    ] = None,
    format_: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
) -> None:
    """Check a fact base and list every problem.

    Exit 0 and a one-line summary when it is sound, 1 and the problems when not.

    Example: cqmin validate my-facts.toml
    """
    import json

    from cqmin import facts

    source = facts.Source(path or _settings(ctx).facts)
    article_text = None
    if article is not None:
        try:
            with open(article, encoding="utf-8") as handle:
                article_text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CqminError(
                f"cannot read the article {article}: {getattr(error, 'strerror', None) or error}"
            ) from None
    try:
        data, problems = facts.check(source.read(), source.label, article_text)
    except facts.InvalidFactBase as error:
        data, problems = {}, error.problems
    if format_ == ReportFormat.json:
        sys.stdout.write(json.dumps(problems, ensure_ascii=False, indent=2) + "\n")
    elif problems:
        from cqmin.render.safe import clean

        sys.stdout.write("".join(clean(problem) + "\n" for problem in problems))
        count = len(problems)
        sys.stdout.write(f"{count} problem{'s' if count != 1 else ''} in {clean(source.label)}\n")
    else:
        sys.stdout.write(
            f"{source.label}: {len(data['facts'])} facts, {len(data['topics'])} topics, "
            f"{len(data['speakers'])} speakers: no problems\n"
        )
    if problems:
        raise typer.Exit(ExitCode.FAILURE)


def main() -> None:
    """The console script."""
    app(prog_name="cqmin")
