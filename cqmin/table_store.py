"""The command table in the cache: written by the full command line, read by the fast paths (a TAB, a look-up).

The table (built in cli/table.py) is the command line's shape, compiled from
the Typer app, with the names of one fact base (its topics and fact ids). It is
cached on its own, keyed by cqmin's code and that fact file as its base was read
(freshness.key), so that a changed fact base, or a format or command added to
cqmin, is never answered from an old table. The fact cache (facts.py) knows
nothing of it.

Beside each base's table, one grammar: the root's options, cqmin's own commands and
a topic's options, which are the same whatever the base. It is keyed by cqmin's code
alone, and tells a fast path which base a line that names one (`--facts`) names,
before that base's table is read (argv.with_table; a line that names no base is
read with the table of the base in use alone).
"""

from cqmin import cache, facts, freshness
from cqmin.errors import CqminError

KIND = "commands"
FORMAT = 7  # the table's own layout (cli/table.py), and how it is stored in parts (below)


def read(path: str | None) -> "Table | None":
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
    table = _table(stored[1], source.cache_name, KIND) if fresh else None
    if table is not None:
        facts.keep_current(KIND, source, stored, key)
    return table


IDS = "ids:"  # the fact ids of a topic, with their labels, are the part IDS + the topic's id
PARAMS = "params:"  # a command's parameters are the part PARAMS + its name


def _table(parts, name: str, kind: str) -> "Table | None":
    head = cache.part(parts, "table")
    if not (isinstance(head, dict) and head.get("format") == FORMAT and isinstance(head.get("commands"), dict)):
        return None
    return Table(head, parts, name, kind)


class Table(dict):
    """A command table as read from the cache. What a line needs is read as it asks: a command's parameters when
    the line names the command (a look-up reads its own command's, not twenty), a topic's fact ids under what a
    TAB typed (a base of thousands of facts has thousands of ids)."""

    def __init__(self, head: dict, parts, name: str, kind: str) -> None:
        super().__init__(head)
        self._parts, self._name, self._kind = parts, name, kind
        self["commands"] = Commands(head["commands"], self._part)

    def _part(self, name: str, default=None):
        """A part (`default` for one the entry lacks); a damaged one is no answer (Typer's path answers, and
        writes the table anew: the entry is dropped)."""
        found = cache.part(self._parts, name) if self._parts.has(name) else default
        if not isinstance(found, list):
            from cqmin import cache_store

            cache_store.drop(self._kind, self._name)
            raise ValueError(f"the command table's {name} is damaged")
        return found

    def fact_ids(self, typed: str) -> list[tuple[str, dict[str, str]]]:
        """The ids that start with `typed`, in the base's order, each with its label in every language."""
        found = []
        for topic, _ in self["topics"]:  # a fact's id starts with its topic's and a dot
            start = topic + "."
            if start.startswith(typed) or typed.startswith(start):
                found += [entry for entry in self._part(IDS + topic, []) if entry[1].startswith(typed)]
        return [(ident, label) for _, ident, label in sorted(found)]


class Commands:
    """A table's commands by name: each one's help and whether it is hidden, and its node (with its parameters,
    read from their part) when a line names it."""

    def __init__(self, summaries: dict[str, dict], part) -> None:
        self._summaries, self._part, self._nodes = summaries, part, {}

    def __contains__(self, name: str) -> bool:
        return name in self._summaries

    def __getitem__(self, name: str) -> dict:
        if name not in self._nodes:
            self._nodes[name] = {**self._summaries[name], "params": self._part(PARAMS + name)}
        return self._nodes[name]

    def get(self, name: str) -> dict | None:
        return self[name] if name in self._summaries else None

    def summary(self, name: str) -> dict:
        """A command's help and whether it is hidden, without its parameters (what a TAB on a command shows)."""
        return self._summaries[name]


def _parts_of(table: dict) -> dict:
    """A table as stored: a head (all but its commands' parameters and the fact ids), then each command's
    parameters as a part of their own."""
    commands = table["commands"]
    head = {name: value for name, value in table.items() if name != "facts"}
    head["commands"] = {name: {"help": node["help"], "hidden": node["hidden"]} for name, node in commands.items()}
    return {"table": head, **{PARAMS + name: node["params"] for name, node in commands.items()}}


def write(path: str | None, table: dict, read_as: dict | None) -> None:
    """Store the table of the fact base at `path`, and the grammar. The table is keyed as the base it was built
    from was read (`read_as`, the base's key), not as the file is now: a file changed since is not its file."""
    from cqmin import cache_store  # (a run that writes a table is one that Typer answered)

    if not cache.enabled():
        return
    source = facts.Source(path)
    if read_as is not None:
        key = {**read_as, "reserved": []}  # (the table's own key reserves no names)
        ids: dict[str, list] = {}
        for place, (ident, label) in enumerate(table["facts"]):
            ids.setdefault(IDS + ident.partition(".")[0], []).append((place, ident, label))
        cache_store.write(KIND, source.cache_name, key, {**_parts_of(table), **ids})
    found = _grammar_of(table)
    if found is not None and grammar() is None:
        cache_store.write(GRAMMAR, GRAMMAR, freshness.code_key(), _parts_of(found))


GRAMMAR = "grammar"  # its kind, and its name, in the cache


def grammar() -> "Table | None":
    """The grammar of cqmin's command line (see above), if the cache holds it for this code."""
    if not cache.enabled():
        return None
    stored = cache.read(GRAMMAR, GRAMMAR)
    if stored is None or stored[0] != freshness.code_key():  # (no fact file goes into it)
        return None
    return _table(stored[1], GRAMMAR, GRAMMAR)


def _grammar_of(table: dict) -> dict | None:
    """The grammar in a base's table; None for a base without topics, whose table shows no topic's options."""
    own = set(table["reserved"])
    topic = next((node for name, node in table["commands"].items() if name not in own), None)
    if topic is None:
        return None
    commands = {name: node for name, node in table["commands"].items() if name in own}
    return {"format": FORMAT, "root": table["root"], "commands": commands, "topics": [], "topic": topic}
