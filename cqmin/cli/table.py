"""The command table: the command line's shape and the fact base's names, as plain data for the fast path.

Compiled from the Click commands Typer builds (commands, options, choices, help
as completion shows them) and from the fact base (topics, fact ids, their
labels in every language), and cached on its own (table_store), so that a TAB
is answered from it without importing Typer (cqmin.shells.fast).
"""

from cqmin import argv, languages, table_store
from cqmin.cli import candidates, topics
from cqmin.model import FactBase

# Parameters whose values complete from the fact base, by their name in commands.py.
COMPLETES = {"fact_ids": "facts", "topic_names": "topics", "event": "events"}


def _param(param) -> dict:
    choices = getattr(param.type, "choices", None)
    return {
        **argv.shape(param),  # names, flag, option: what argv.lift reads, here as in the full path
        "name": param.name,
        "help": getattr(param, "help", None),
        "eager": bool(param.is_eager),
        "multiple": bool(getattr(param, "multiple", False)),
        "nargs": param.nargs,
        "required": bool(param.required),
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


def _texts(text: dict) -> dict[str, str]:
    """A text in every language cqmin speaks, falling back as the language does where the base lacks it."""
    return {code: language.text(text) for code, language in languages.REGISTRY.items()}


def _dated(event) -> dict[str, str]:
    """An event as completion describes it (candidates.described), in every language."""
    return {code: candidates.described(event, language) for code, language in languages.REGISTRY.items()}


def build(root_ctx, base: FactBase) -> dict:
    """The table for the command line of `root_ctx` (the root context of a run) and this fact base."""
    group = root_ctx.command
    own = group.registered_names()
    commands = {name: _node(group.get_command(root_ctx, name), root_ctx) for name in own}
    commands.update({topic.id: _node(topics.command(topic), root_ctx) for topic in base.topics})
    return {
        "format": table_store.FORMAT,
        "root": _node(group, root_ctx),
        "order": topics.in_order(own, [topic.id for topic in base.topics]),
        "reserved": list(own),  # the names a topic may not take, which key the fact cache (session.reserved)
        "commands": commands,
        "languages": languages.locales(),  # (spoken.py chooses from these, on either path)
        "language_names": languages.names(),
        "default_language": languages.DEFAULT,
        "facts": [(fact.id, _texts(fact.label)) for fact in base.facts],
        "topics": [(topic.id, _texts(topic.title)) for topic in base.topics],
        "events": [(event.id, _dated(event)) for event in base.events],
    }


def refresh(root_ctx) -> None:
    """Write the table for the base this run used, unless the cache already holds it. Never fails a run."""
    base = root_ctx.meta.get("cqmin.base")
    if base is None:  # the run loaded no base (help, an error before it): nothing to build a table of
        return
    path = root_ctx.params.get("facts_path")
    try:
        if table_store.read(path) is None or table_store.grammar() is None:
            table_store.write(path, build(root_ctx, base), base.read_as)
    except Exception:  # the cache is a help, never a failure: the next TAB asks the full path again
        pass
