"""The completion table: the command line's shape and the fact base's names, as plain data for the fast path.

Compiled from the Click command Typer builds (commands, options, choices, help
as completion shows them) and from the fact base (topics, fact ids, their
labels in every language), and cached beside the base (facts.load, `extras`),
so that a TAB is answered from it without importing Typer (cqmin.shells.fast).
"""

from cqmin import languages
from cqmin.model import FactBase

# Parameters whose values complete from the fact base, by their name in commands.py.
COMPLETES = {"fact_ids": "facts", "topic_names": "topics"}
FORMAT = 1


def _param(param) -> dict:
    choices = getattr(param.type, "choices", None)
    return {
        "name": param.name,
        "option": param.param_type_name == "option",
        "names": [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])],
        "help": getattr(param, "help", None),
        "flag": bool(getattr(param, "is_flag", False)),
        "eager": bool(param.is_eager),
        "multiple": bool(getattr(param, "multiple", False)),
        "nargs": param.nargs,
        "hidden": bool(getattr(param, "hidden", False)),
        "choices": [str(getattr(choice, "value", choice)) for choice in choices] if choices else None,
        "case_sensitive": bool(getattr(param.type, "case_sensitive", True)),
        "complete": COMPLETES.get(param.name),
    }


def _node(command, ctx) -> dict:
    return {
        "help": command.get_short_help_str(),
        "hidden": bool(command.hidden),
        "params": [_param(param) for param in command.get_params(ctx)],
    }


def build(root_ctx, base: FactBase) -> dict:
    """The table for the command line of `root_ctx` (the root context of a run) and this fact base."""
    from cqmin.cli import topics
    from cqmin.cli.group import in_order

    group = root_ctx.command  # its own commands; the topics are this base's, not the one being loaded
    commands = {name: _node(command, root_ctx) for name, command in group.commands.items()}
    commands.update({topic.id: _node(topics.command(topic), root_ctx) for topic in base.topics})
    names = in_order(list(group.commands), [topic.id for topic in base.topics])
    return {
        "format": FORMAT,
        "root": _node(group, root_ctx),
        "order": names,
        "commands": commands,
        "languages": {code: list(language.locales) for code, language in languages.REGISTRY.items()},
        "default_language": languages.DEFAULT,
        "facts": [(fact.id, fact.label) for fact in base.facts],
        "topics": [(topic.id, topic.title) for topic in base.topics],
    }
