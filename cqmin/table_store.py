"""The command table in the cache: written by the full command line, read by the fast path of a TAB.

The table (built in cli/table.py) is the command line's shape, compiled from
the Typer app, with the names of one fact base (its topics and fact ids). It is
cached on its own, keyed by cqmin's code and that fact file's bytes (cache.key),
so that a changed fact base, or a format or command added to cqmin, is never
answered from an old table. The fact cache (facts.py) knows nothing of it.
"""

from cqmin import cache, facts

KIND = "commands"
FORMAT = 5  # the table's own layout (cli/table.py)


def read(path: str | None) -> dict | None:
    """The table for the fact base at `path` (else CQMIN_FACTS, else the bundled one), if it is current."""
    if not cache.enabled():
        return None
    source = facts.Source(path)
    stored = cache.read(KIND, source.cache_name)
    if stored is None or stored[0] != facts.current_key(source, stored[0]):
        return None
    table = cache.part(stored[1], "table")
    return table if isinstance(table, dict) and table.get("format") == FORMAT else None


def write(path: str | None, table: dict) -> None:
    """Store the table of the fact base at `path`, keyed by that file as it is now."""
    if not cache.enabled():
        return
    source = facts.Source(path)
    key = facts.current_key(source, None)
    if key is not None:
        cache.write(KIND, source.cache_name, key, {"table": table})
