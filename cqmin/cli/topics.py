"""Topic commands, made from the data: one template command, copied for each topic of the fact base in use."""

import copy

import typer

from cqmin import languages
from cqmin.cli.options import TOPIC_PANEL, FieldsOption, IdsOption, JsonOption, KindOption, LangOption, format_option
from cqmin.results import TopicFacts


class TopicCommand(typer.core.TyperCommand):
    """A topic's command, named and described by the topic's record.

    Its help is made when asked for (--help, the list of commands): Typer reads
    it as Rich markup, so the fact base's text is escaped, which a lookup need
    not pay for. A shell's completion shows the title as written.
    """

    topic_id = ""
    title = ""  # its titles in every language, " · " between

    @property
    def help(self) -> str:
        return (
            f"{self.short_help}\n\n"
            "Its figures, how they compare with earlier years, and the targets ahead.\n\n"
            f"Example: cqmin {self.topic_id} --lang en --kind achieved"
        )

    @help.setter
    def help(self, value) -> None:
        pass  # the template's, from Click's __init__: a topic's own is made from its record

    @property
    def short_help(self) -> str:
        from cqmin.render.safe import clean, markup_escaped

        # Rich markup only where Typer draws help with Rich: TYPER_USE_RICH=0 prints it as it is
        return markup_escaped(clean(self.title)) if typer.core.HAS_RICH else clean(self.title)

    @short_help.setter
    def short_help(self, value) -> None:
        pass

    def get_short_help_str(self, limit: int = 45) -> str:
        from cqmin.render.safe import clean

        return clean(self.title)  # whole (completion shows it), and safe for Click's plain help


_template_app = typer.Typer(add_completion=False)


@_template_app.command(cls=TopicCommand)
def topic(
    ctx: typer.Context,
    format_: format_option(TopicFacts) = None,
    json_: JsonOption = False,
    lang: LangOption = None,
    kind: KindOption = "all",
    ids: IdsOption = False,
    fields: FieldsOption = None,
) -> None:
    from cqmin.cli import commands

    commands.topic(ctx, ctx.command.topic_id, format_, json_, lang, kind, ids, fields)


_template = None


def command(topic_record):
    """The command of one topic: the template under the topic's name, with its title as its help."""
    global _template
    if _template is None:
        _template = typer.main.get_command(_template_app)
    made = copy.copy(_template)
    made.name = topic_record.id
    made.topic_id = topic_record.id
    made.title = " · ".join(topic_record.title[code] for code in languages.codes())
    made.rich_help_panel = TOPIC_PANEL
    return made
