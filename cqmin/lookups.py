"""What each look-up command does, once its options are read: by Typer (cli/) or by the fast path (quick.py).

A command's options arrive as plain values; a `Call` holds what the whole run
decided (the environment, the fact base, the options given before the command).
Nothing here imports Typer: a mistake on the command line is a `Misuse`, which
Typer's path shows as a bad parameter (exit 2) and the fast path leaves to it.
"""

from cqmin import TYPE_CHECKING, formats, languages, results
from cqmin.environment import Environment
from cqmin.errors import CqminError
from cqmin.output import Output
from cqmin.record import Record
from cqmin.terminal import escape_unencodable

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Callable


class Misuse(Exception):
    """A mistake on the command line: what is wrong, and the parameter it is about ("'--format'")."""

    def __init__(self, message: str, param_hint: str) -> None:
        super().__init__(message)
        self.message, self.param_hint = message, param_hint


class Call:
    """One run's choices that every command reads: its environment, the fact base in use (loaded when first
    asked), the format and language given before the command, and, where a cached command table holds them,
    every language's names and locales (languages.resolve: then only the language spoken is imported)."""

    def __init__(
        self, env: Environment, load: "Callable", lang: str | None = None, format_: str | None = None,
        known_languages: tuple[dict, dict] | None = None,
    ) -> None:  # fmt: skip
        self.env, self._load, self.lang, self.format = env, load, lang, format_
        self.known_languages = known_languages
        self._base = None

    @property
    def base(self):
        if self._base is None:
            self._base = self._load()
        return self._base


def value_of(choice):
    """The plain value of a choice: an Enum Typer made of it, or the value itself (None stays None)."""
    return getattr(choice, "value", choice)


def unencodable(encoding: str, fmt: str) -> CqminError:
    return CqminError(
        f"the output's encoding ({encoding}) cannot hold Chinese, and {fmt.upper()} has no way to escape it",
        hint="set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), use --format json, or export with -o FILE",
    )


def chosen_fields(text: str | None, result_type: type) -> list[str] | None:
    """The dot paths of --fields, each one a field of this kind of result (else a Misuse)."""
    if text is None:
        return None
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    known = result_type.fields.paths()
    unknown = [path for path in chosen if path not in known]
    if not chosen or unknown:
        what = f"no field '{unknown[0]}'" if unknown else "no fields given"
        raise Misuse(f"{what}; the fields are: {', '.join(known)}", "'--fields'")
    return chosen


def choose_format(call: Call, result_type: type, format_, json_: bool, fields: bool, command: str) -> formats.Format:
    """The command's own --format or --json, else the one given before the command, else its default.

    Only the format chosen is imported (formats.named); the others, only to say what a mistake could choose.
    """
    own = value_of(format_)
    if json_ and own not in (None, "json"):
        raise Misuse(f"--json means --format json, not {own}", "'--json'")
    name = "json" if json_ else own or value_of(call.format)
    if name is None:
        tsv = formats.named("tsv") if fields else None
        return tsv if tsv is not None and tsv.renderer(result_type) else formats.default_for(result_type)
    name = name.lower()
    fmt = formats.named(name)
    if fmt is None or fmt.renderer(result_type) is None:
        offered = ", ".join(fmt.name for fmt in formats.for_result(result_type))
        raise Misuse(f"{command} writes {offered}, not {name}", "'--format'")
    if fields and not fmt.takes_fields:
        takers = ", ".join(fmt.name for fmt in formats.for_result(result_type) if fmt.takes_fields)
        raise Misuse(f"--fields picks the columns of {takers}, not of {name}", "'--fields'")
    return fmt


class Session:
    """One command's run: its format and output decided from its options, its base loaded when first asked."""

    def __init__(
        self,
        call: Call,
        result_type: type,
        command: str,
        format_=None,
        json_: bool = False,
        lang=None,
        fields: str | None = None,
        ids: bool = False,
    ) -> None:
        self.call = call
        self.env = call.env
        self.format = choose_format(call, result_type, format_, json_, fields is not None, command)
        chosen_fields_ = chosen_fields(fields, result_type)
        chosen = value_of(lang) or value_of(call.lang)
        language, warning = languages.resolve(chosen, self.env.environ, call.known_languages)
        if warning:
            self.env.warning(warning)
        terminal = self.env.stdout
        if not terminal.unicode:
            language = self._degrade(terminal, language, explicit=chosen is not None and chosen != languages.AUTO)
        elif self.format.for_people and not terminal.holds_everything:
            escape_unencodable(terminal.stream)  # GBK holds Chinese, but not "−": a table shows it as \u2212
        self.output = Output(terminal, language, chosen_fields_, ids, self.env.today())

    @property
    def base(self):
        return self.call.base

    def write(self, result, no_match: str | None = None) -> None:
        """Write the result; if it is empty and `no_match` says why, that is a failure (exit 1), as for grep.

        An empty data listing is still written ("[]", a CSV header), so a script reads valid data.
        """
        empty = no_match is not None and len(result) == 0
        if not (empty and self.format.for_people):
            try:
                self.output.terminal.write_pieces(formats.render(result, self.format, self.output))
            except UnicodeEncodeError as error:  # GBK holds Chinese but not "²"; nothing is written then
                char = error.object[error.start]
                raise CqminError(
                    f"the output's encoding ({error.encoding}) cannot hold {char!r} (U+{ord(char):04X})",
                    hint="set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), or export with -o FILE",
                ) from None
        if empty:
            raise CqminError(no_match)

    def _degrade(self, terminal, language, explicit: bool):
        """An output that cannot hold Chinese (PYTHONIOENCODING=ascii): keep working, say what is lost.

        JSON and NDJSON fall back to \\u escapes and lose nothing; tables switch to a
        language the output can show (English), even if Chinese was asked for, and
        ASCII drawing; what is left (a figure as the article states it) is written as
        \\u escapes, exact. CSV, TSV and Markdown have no escapes, and data must not
        change silently: refused.
        """
        if self.format.escapes:
            return language
        if not self.format.for_people:
            raise unencodable(terminal.encoding, self.format.name)
        escape_unencodable(terminal.stream)
        fitting = [other for other in languages.REGISTRY.values() if terminal.can_encode(other.word("none"))]
        shown = fitting[0] if fitting else language
        instead = ""
        if explicit and shown is not language:
            instead = f", so this is in {shown.name} (not --lang {language.code})"
        self.env.note(
            f"the output's encoding ({terminal.encoding}) cannot show Chinese{instead}; "
            "set PYTHONIOENCODING=utf-8 or a UTF-8 locale for the full text."
        )
        return shown


# ---------------------------------------------------------------- what the command line names


def filters(call: Call, kind, events: list[str] | None):
    """What --kind and --event keep; a Misuse, with the closest, for an event the base lacks."""
    from cqmin import views
    from cqmin.domain import Kind

    known = [item.id for item in call.base.events] if events else []
    wanted = []
    for event in events or ():
        ident = event.strip().lower()
        if ident not in known:
            import difflib

            close = difflib.get_close_matches(ident, known, n=1, cutoff=0.5)
            advice = f"; did you mean '{close[0]}'?" if close else f" ({len(known)} in this base: cqmin sources)"
            raise Misuse(f"no press conference '{event}'{advice}", "'--event'")
        wanted.append(ident)
    value = value_of(kind)
    return views.Filters(None if value in (None, ALL_KINDS) else Kind(value), tuple(dict.fromkeys(wanted)))


ALL_KINDS = "all"  # --kind all: every figure, achieved or a target


def known_topic(call: Call, name: str, param_hint: str) -> str:
    """A topic named on the command line, in any case; a Misuse with "did you mean" if the base has none."""
    import difflib

    known = [topic.id for topic in call.base.topics]
    wanted = name.strip().lower()
    if wanted not in known:
        close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
        advice = f". Did you mean {', '.join(map(repr, close))}?" if close else f" (one of {', '.join(known)})"
        raise Misuse(f"no topic '{name}'{advice}", param_hint)
    return wanted


def known_facts(call: Call, typed: list[str]) -> list[str]:
    """The ids asked for, in any case, each once (a BibTeX file cannot hold one key twice); all of them,
    or an error naming the first unknown (a script never gets half its answer)."""
    wanted = [fact_id.strip().lower() for fact_id in typed]
    if not all(wanted):  # `cqmin show "$ID"` with ID unset: a mistake on the command line, as an empty search
        raise Misuse("an empty id", "'ID...'")
    for asked, fact_id in zip(typed, wanted, strict=True):
        if call.base.fact(fact_id) is None:
            from cqmin import suggest

            raise CqminError(f"no fact '{asked}'", hint=suggest.hint(call.base, asked))
    return list(dict.fromkeys(wanted))


# ---------------------------------------------------------------- the commands, one registry for both paths


class Asked(Record):
    """What a look-up was given besides how to write it, the same whichever path read the command line."""

    command: str = ""  # its name (a topic command's is its topic)
    positional: tuple[str, ...] = ()  # ids, topics or the words of a query
    kind: str | None = None  # --kind; None is "all"
    events: tuple[str, ...] = ()  # --event
    topics: tuple[str, ...] = ()  # --topic (search)


class LookUp(Record):
    result: type  # what it returns: its formats and its --fields (results.py)
    run: "Callable"  # run(session, asked)


# The look-up commands, by name: what Typer's commands (cli/) call, and what the fast path (quick.py) answers.
# TOPIC stands for every topic command; "" for `cqmin` alone.
TOPIC = "topic"
REGISTRY: dict[str, LookUp] = {}


def _looks_up(*commands: str, result: type):
    def register(run: "Callable") -> "Callable":
        for command in commands:
            REGISTRY[command] = LookUp(result, run)
        return run

    return register


@_looks_up("", "topics", result=results.TopicList)
def overview(session: Session, asked: Asked) -> None:
    """`cqmin` alone and `cqmin topics`: the events and the topics, each with its headline figure."""
    from cqmin import views

    session.write(views.overview(session.base))


@_looks_up(TOPIC, result=results.TopicFacts)
def topic(session: Session, asked: Asked) -> None:
    from cqmin import views

    result = views.topic(session.base, asked.command, filters(session.call, asked.kind, asked.events))
    session.write(result, no_match=result.empty)


@_looks_up("compare", result=results.Comparisons)
def compare(session: Session, asked: Asked) -> None:
    from cqmin import views

    names = [known_topic(session.call, name, "'TOPIC'") for name in asked.positional]
    result = views.compare(session.base, names, filters(session.call, asked.kind, asked.events))
    session.write(result, no_match=result.empty)


@_looks_up("show", result=results.FactDetails)
def show(session: Session, asked: Asked) -> None:
    from cqmin import views

    session.write(views.details(session.base, known_facts(session.call, list(asked.positional))))


@_looks_up("cite", result=results.Citations)
def cite(session: Session, asked: Asked) -> None:
    from cqmin import views

    session.write(views.citations(session.base, known_facts(session.call, list(asked.positional))))


def search_text(query) -> str:
    """The words of a search, as one query; a Misuse for none, or for more than a memory of a figure."""
    from cqmin import search as searching

    text = " ".join(query).strip()
    if not text:
        raise Misuse("an empty query would match everything; give a word", "'QUERY...'")
    if len(text) > searching.MAX_QUERY:
        raise Misuse(f"a query of {len(text)} characters is too long", "'QUERY...'")
    return text


@_looks_up("search", result=results.SearchHits)
def search(session: Session, asked: Asked) -> None:
    from cqmin import views

    text = search_text(asked.positional)
    names = [known_topic(session.call, name, "'--topic'") for name in asked.topics]
    result = views.search(session.base, text, names, filters(session.call, asked.kind, asked.events))
    session.write(result, no_match=result.empty)


@_looks_up("sources", result=results.Sources)
def sources(session: Session, asked: Asked) -> None:
    from cqmin import views

    session.write(views.sources(session.base))


def everything(session: Session, kind, events):
    """Every fact the filters keep (`cqmin export`); a failure, saying which filter emptied it, for none."""
    from cqmin import views

    result = views.everything(session.base, filters(session.call, kind, events))
    if result.empty is not None:
        raise CqminError(result.empty)
    return result


@_looks_up("export", result=results.AllFacts)
def export(session: Session, asked: Asked) -> None:
    """`cqmin export` to stdout: a format that writes a file (sqlite) needs -o FILE."""
    if session.format.to_file:
        name = session.format.name
        raise Misuse(f"{name} writes a file: add -o FILE", f"'--format {name}'")
    session.write(everything(session, asked.kind, asked.events))
