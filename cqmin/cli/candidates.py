"""What a TAB offers from the fact base in use: fact ids, topics and events, each described in the user's language;
and the --event option, whose values are the base's. Ids are lowercase and read in any case, so what was typed
is matched in lowercase (`cqmin show PENSION.D` completes)."""

from typing import Annotated

import typer

from cqmin import languages
from cqmin.cli.session import base_of, run_of


def _language(ctx: typer.Context) -> str:
    """The language asked for on this command line, else the environment's."""
    chosen = ctx.params.get("lang") or ctx.find_root().params.get("lang")
    return languages.resolve(getattr(chosen, "value", chosen), run_of(ctx).env.environ)[0].code


def fact_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Ids starting with what was typed, each with its label."""
    try:
        base, language, typed = base_of(ctx), languages.get(_language(ctx)), incomplete.lower()
        return [(fact.id, language.text(fact.label)) for fact in base.facts if fact.id.startswith(typed)]
    except Exception:  # a TAB must never print a traceback into the prompt
        return []


def topic_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        base, code = base_of(ctx), _language(ctx)
        return [
            (topic.id, languages.get(code).text(topic.title))
            for topic in base.topics
            if topic.id.startswith(incomplete.lower())
        ]
    except Exception:
        return []


def described(event, language) -> str:
    """How completion describes an event, on either path (the command table holds it in every language)."""
    return f"{event.date} {language.text(event.title)}"


def event_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    try:
        base, language = base_of(ctx), languages.get(_language(ctx))
        return [(event.id, described(event, language)) for event in base.events
                if event.id.startswith(incomplete.lower())]  # fmt: skip
    except Exception:
        return []


EventOption = Annotated[
    list[str] | None,
    typer.Option(
        "--event", metavar="ID", show_default=False, autocompletion=event_ids,
        help="Only the figures of this press conference (its id: cqmin sources); repeat it for several.",
    ),
]  # fmt: skip
