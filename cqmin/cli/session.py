"""What one command works with: the environment, the fact base, the format, and the output.

The root context's `obj` is the run (`Run`): the environment (streams, variables)
and the options given before the command (`cqmin --lang en pension`), which
serve as defaults for the command's own.
"""

import contextlib

import typer

from cqmin import formats, languages
from cqmin.cli.options import value_of
from cqmin.environment import Environment
from cqmin.errors import CqminError
from cqmin.output import Output


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


def filters(ctx: typer.Context, kind, events: list[str] | None):
    """What --kind and --event keep; a usage error, with the closest, for an event the base lacks."""
    from cqmin import views
    from cqmin.cli.options import kind_of

    known = [item.id for item in base_of(ctx).events] if events else []
    wanted = []
    for event in events or ():
        ident = event.strip().lower()
        if ident not in known:
            import difflib

            close = difflib.get_close_matches(ident, known, n=1, cutoff=0.5)
            advice = f"; did you mean '{close[0]}'?" if close else f" ({len(known)} in this base: cqmin sources)"
            raise typer.BadParameter(f"no press conference '{event}'{advice}", param_hint="'--event'")
        wanted.append(ident)
    return views.Filters(kind_of(kind), tuple(dict.fromkeys(wanted)))


def base_of(ctx: typer.Context):
    """The fact base in use (--facts, else CQMIN_FACTS, else the bundled one), loaded once per run."""
    root = ctx.find_root()
    if "cqmin.base" not in root.meta:
        from cqmin import facts

        root.meta["cqmin.base"] = facts.load(root.params.get("facts_path"), reserved(ctx))
    return root.meta["cqmin.base"]


def unencodable(encoding: str, fmt: str) -> CqminError:
    return CqminError(
        f"the output's encoding ({encoding}) cannot hold Chinese, and {fmt.upper()} has no way to escape it",
        hint="set PYTHONIOENCODING=utf-8 (or a UTF-8 locale), use --format json, or export with -o FILE",
    )


def _fields(text: str | None, result_type: type) -> list[str] | None:
    """The dot paths of --fields, each one a field of this kind of result (else a usage error)."""
    if text is None:
        return None
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    known = result_type.fields.paths()
    unknown = [path for path in chosen if path not in known]
    if not chosen or unknown:
        what = f"no field '{unknown[0]}'" if unknown else "no fields given"
        raise typer.BadParameter(f"{what}; the fields are: {', '.join(known)}", param_hint="'--fields'")
    return chosen


def choose_format(ctx: typer.Context, result_type: type, format_, json_: bool, fields: bool) -> formats.Format:
    """The command's own --format or --json, else the one given before the command, else its default."""
    offered = {fmt.name: fmt for fmt in formats.for_result(result_type)}
    own = value_of(format_)
    if json_ and own not in (None, "json"):
        raise typer.BadParameter(f"--json means --format json, not {own}", param_hint="'--json'")
    name = "json" if json_ else own or value_of(run_of(ctx).format)
    if name is None:
        return offered["tsv"] if fields and "tsv" in offered else formats.default_for(result_type)
    name = name.lower()
    if name not in offered:
        command = ctx.command_path
        raise typer.BadParameter(f"{command} writes {', '.join(offered)}, not {name}", param_hint="'--format'")
    if fields and not offered[name].takes_fields:
        takers = ", ".join(fmt.name for fmt in offered.values() if fmt.takes_fields)
        raise typer.BadParameter(f"--fields picks the columns of {takers}, not of {name}", param_hint="'--fields'")
    return offered[name]


class Session:
    """One command's run: its format and output decided from its options, its base loaded when first asked."""

    def __init__(
        self,
        ctx: typer.Context,
        result_type: type,
        format_=None,
        json_: bool = False,
        lang=None,
        fields: str | None = None,
        ids: bool = False,
    ) -> None:
        self.ctx = ctx
        self.env = run_of(ctx).env
        self.format = choose_format(ctx, result_type, format_, json_, fields is not None)
        chosen = value_of(lang) or value_of(run_of(ctx).lang)
        language, warning = languages.resolve(chosen, self.env.environ)
        if warning:
            self.env.warning(warning)
        terminal = self.env.stdout
        if not terminal.unicode:
            language = self._degrade(terminal, language, explicit=chosen is not None and chosen != languages.AUTO)
        self.output = Output(terminal, language, _fields(fields, result_type), ids, self.env.today())

    @property
    def base(self):
        return base_of(self.ctx)

    def write(self, result, no_match: str | None = None) -> None:
        """Write the result; if it is empty and `no_match` says why, that is a failure (exit 1), as for grep.

        An empty data listing is still written ("[]", a CSV header), so a script reads valid data.
        """
        empty = no_match is not None and len(result) == 0
        if not (empty and self.format.for_people):
            self.output.terminal.write(formats.render(result, self.format, self.output))
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
        with contextlib.suppress(AttributeError, ValueError):
            terminal.stream.reconfigure(errors="backslashreplace")
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
