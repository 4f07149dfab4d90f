"""The command table in the cache: written by the full command line, read by the fast paths (a TAB, a look-up).

The table (built in cli/table.py) is the command line's shape, compiled from
the Typer app, with the names of one fact base (its topics and fact ids). It is
cached on its own, keyed by cqmin's code and that fact file as its base was read
(freshness.key), so that a changed fact base, or a format or command added to
cqmin, is never answered from an old table. The fact cache (facts.py) knows
nothing of it.

Beside each base's table, one grammar: the root's options, cqmin's own commands and
a topic's options, which are the same whatever the base. It is keyed by cqmin's code
alone, and tells a fast path which base a line names (`--facts`) before that
base's table is read (argv.with_table).
"""

from cqmin import cache, facts, freshness
from cqmin.errors import CqminError

KIND = "commands"
FORMAT = 6  # the table's own layout (cli/table.py)


def read(path: str | None) -> dict | None:
    """The table for the fact base at `path` (else CQMIN_FACTS, else the bundled one), if it is current."""
    if not cache.enabled():
        return None
    source = facts.Source(path)
    stored = cache.read(KIND, source.cache_name)
    if stored is None:
        return None
    try:
        fresh, _, key = facts.current(source, stored[0])
    except CqminError:  # the file cannot be read: the full path says why
        return None
    table = cache.part(stored[1], "table") if fresh else None
    if not (isinstance(table, dict) and table.get("format") == FORMAT):
        return None
    facts.keep_current(KIND, source, stored, key)
    return Table(table, stored[1], source.cache_name)


IDS = "ids:"  # the fact ids of a topic, with their labels, are the part IDS + the topic's id


class Table(dict):
    """A command table as read from the cache, its fact ids read topic by topic as a TAB asks for them (a base
    of thousands of facts has thousands of ids; a TAB wants those under what was typed)."""

    def __init__(self, table: dict, parts, name: str) -> None:
        super().__init__(table)
        self._parts, self._name = parts, name

    def fact_ids(self, typed: str) -> list[tuple[str, dict[str, str]]]:
        """The ids that start with `typed`, in the base's order, each with its label in every language."""
        found = []
        for topic, _ in self["topics"]:  # a fact's id starts with its topic's and a dot
            start = topic + "."
            if start.startswith(typed) or typed.startswith(start):
                found += [entry for entry in self._ids(IDS + topic) if entry[1].startswith(typed)]
        return [(ident, label) for _, ident, label in sorted(found)]

    def _ids(self, name: str) -> list:
        """A topic's ids ([] for a topic without facts); a damaged part is no answer (Typer's path answers, and
        writes the table anew: the entry is dropped)."""
        ids = cache.part(self._parts, name) if self._parts.has(name) else []
        if not isinstance(ids, list):
            cache.drop(KIND, self._name)
            raise ValueError(f"the command table's {name} is damaged")
        return ids


def write(path: str | None, table: dict, read_as: dict | None) -> None:
    """Store the table of the fact base at `path`, and the grammar. The table is keyed as the base it was built
    from was read (`read_as`, the base's key), not as the file is now: a file changed since is not its file."""
    if not cache.enabled():
        return
    source = facts.Source(path)
    if read_as is not None:
        key = {**read_as, "reserved": []}  # (the table's own key reserves no names)
        ids: dict[str, list] = {}
        for place, (ident, label) in enumerate(table["facts"]):
            ids.setdefault(IDS + ident.partition(".")[0], []).append((place, ident, label))
        plain = {name: value for name, value in table.items() if name != "facts"}
        cache.write(KIND, source.cache_name, key, {"table": plain, **ids})
    found = _grammar_of(table)
    if found is not None and grammar() is None:
        cache.write(GRAMMAR, GRAMMAR, freshness.code_key(), {"grammar": found})


GRAMMAR = "grammar"  # its kind, and its name, in the cache


def grammar() -> dict | None:
    """The grammar of cqmin's command line (see above), if the cache holds it for this code."""
    if not cache.enabled():
        return None
    stored = cache.read(GRAMMAR, GRAMMAR)
    if stored is None or stored[0] != freshness.code_key():  # (no fact file goes into it)
        return None
    found = cache.part(stored[1], "grammar")
    return found if isinstance(found, dict) and found.get("format") == FORMAT else None


def _grammar_of(table: dict) -> dict | None:
    """The grammar in a base's table; None for a base without topics, whose table shows no topic's options."""
    own = set(table["reserved"])
    topic = next((node for name, node in table["commands"].items() if name not in own), None)
    if topic is None:
        return None
    commands = {name: node for name, node in table["commands"].items() if name in own}
    return {"format": FORMAT, "root": table["root"], "commands": commands, "topics": [], "topic": topic}
