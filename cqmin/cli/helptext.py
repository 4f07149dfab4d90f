"""Help that describes the fact base in use: its press conferences and topics, and examples from its own facts.

Help is text Typer reads as Rich markup, and a fact base may come from anyone:
what comes from it is escaped (render.safe). Where no base can be loaded, help
still shows, in general words.
"""

from cqmin import languages
from cqmin.cli import framework
from cqmin.cli.session import base_of
from cqmin.errors import CqminError

GENERIC = {"topic": "TOPIC", "other_topic": "TOPIC", "fact": "ID", "word": "WORD", "claim": "CLAIM"}


def shown(text: str) -> str:
    """A fact base's text in help: literal, and escaped where Typer reads help as Rich markup."""
    from cqmin.render.markup import markup_escaped
    from cqmin.render.safe import clean

    return markup_escaped(clean(text)) if framework.help_is_markup() else clean(text)


def _base(ctx):
    try:
        return base_of(ctx)
    except CqminError:
        return None


def names(ctx) -> dict[str, str]:
    """What examples name: a topic, another, a fact (the first topic's headline) and a word of its label."""
    base = _base(ctx)
    if base is None or not base.topics or not base.facts:
        return dict(GENERIC)
    first = base.topics[0]
    fact = (base.fact(first.headline) if first.headline else None) or next(iter(base.facts_of(first.id)), None)
    fact = fact or base.facts[0]
    word = languages.get(languages.FALLBACK).text(fact.label).split()[0].lower()
    claim = shown(f"{languages.get('zh').text(fact.label)}{fact.stated}")  # what a reporter writes of it
    return {"topic": first.id, "other_topic": base.topics[-1].id, "fact": fact.id, "word": shown(word), "claim": claim}


def in_every_language(text: dict) -> str:
    """A title in every language cqmin speaks, " · " between (once, where they are the same)."""
    shown = dict.fromkeys(language.text(text) for language in languages.REGISTRY.values())
    return " · ".join(shown)


def _lowered(title: str) -> str:
    """A title inside a sentence: "Elder care" as "elder care", but "SQLite" as it is."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


def summary(ctx) -> str:
    """The root's help: which press conferences and topics the base in use holds, and how to read them."""
    base = _base(ctx)
    english = languages.get(languages.FALLBACK)
    if base is None or not base.events:
        what = "Figures announced at press conferences, from a fact base"
    elif len(base.events) == 1:
        event = base.events[0]
        what = f"Figures from the press conference of {event.date}, {shown(in_every_language(event.title))}"
    else:
        dates = sorted(event.date for event in base.events)
        what = f"Figures from {len(base.events)} press conferences, {dates[0]} to {dates[-1]}"
    topics = [shown(_lowered(english.text(topic.title))) for topic in base.topics] if base else []
    listed = f": {', '.join(topics[:-1])} and {topics[-1]}" if len(topics) > 1 else f": {topics[0]}" if topics else ""
    example = names(ctx)["topic"]
    return (
        f"{what}{listed}.\n\n"
        "Run a topic for its figures and how they compare with earlier years, 'search' to find a figure, "
        "'show ID' for its full record and source sentence.\n\n"
        f"Example: cqmin {example} --lang en"
    )


class FilledHelp(framework.Command):
    """A command whose help names the fact base's own topics and facts ({topic}, {fact}, {word}), when shown."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.template = framework.reflowed(self.help) or ""

    def get_help(self, ctx) -> str:
        self.help = self.template.format(**names(ctx))
        return super().get_help(ctx)
