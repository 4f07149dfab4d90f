"""Topic commands, made from the data: every topic of the fact base in use is a command of one shape."""

import typer

from cqmin import lookups
from cqmin.cli import framework
from cqmin.cli.candidates import EventOption
from cqmin.cli.options import TOPIC_PANEL, FieldsOption, IdsOption, JsonOption, KindOption, LangOption, format_option
from cqmin.cli.session import look_up, result_of


def in_order(own: list[str], topics: list[str]) -> list[str]:
    """The commands as help lists them: the overview, the topics, then the rest."""
    return own[:1] + topics + own[1:]


def _topic(
    ctx: typer.Context,
    format_: format_option(result_of(lookups.TOPIC)) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    kind: KindOption = "all",
    event: EventOption = None,
    ids: IdsOption = False,
    fields: FieldsOption = None,
) -> None:
    """The body of every topic command: the topic is the command's name."""
    asked = lookups.Asked(ctx.command.name, kind=kind, events=tuple(event or ()))
    look_up(ctx, lookups.TOPIC, asked, format_, json_, lang, fields, ids)


def option_shapes(help_names: tuple[str, ...]) -> list[dict]:
    """The options every topic command has (as argv.shape gives them), for what needs them before a base is
    loaded and without building a command."""
    return framework.option_shapes(_topic, help_names)


def command(topic):
    """The command of one topic: named by its id, its title its help."""
    from cqmin.cli import helptext
    from cqmin.render.safe import clean

    titles = helptext.in_every_language(topic.title)
    shown = helptext.shown(titles)
    text = (
        f"{shown}\n\nIts figures, how they compare with earlier years, and the targets ahead.\n\n"
        f"Example: cqmin {topic.id} --lang en --kind achieved"
    )
    return framework.command_from(
        _topic,
        name=topic.id,
        help=text,
        short_help=shown,
        described=clean(titles),
        rich_help_panel=TOPIC_PANEL,
    )
