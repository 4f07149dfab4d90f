"""JSON: the records of the JSON contract (README), UTF-8, in the contract's key order."""

import cqmin.formats.selection as selection
from cqmin import TYPE_CHECKING
from cqmin.results import Result

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

NAME = "json"
HELP = "a JSON array, UTF-8"
TRAITS = {"extensions": (".json",), "takes_fields": True, "escapes": True}


def dumps(value, output, **layout) -> str:
    """JSON text for `output`: that no terminal will obey (controls, bidi marks and separators as \\u escapes),
    and that its encoding holds.

    allow_nan=False: NaN and Infinity are not JSON; the contract never holds them, and must not start to.
    """
    from cqmin import json_text

    return _fitted(json_text.dumps(value, output.ascii_only, **layout), output)


def _fitted(dumped: str, output) -> str:
    """JSON text with what must not reach a terminal, and what the output's encoding cannot hold, as \\u escapes:
    JSON escapes any character (outside strings JSON text is ASCII), so it is never refused. An output that cannot
    hold Chinese has had it all escaped (ascii_only); GBK holds Chinese but not "²" or "−", which alone are
    escaped, so that the text stays readable, and a reader of the output's encoding reads the same data."""
    if output.ascii_only:
        return dumped
    from cqmin.render.safe import json_escape, json_escaped

    escaped = json_escaped(dumped)
    terminal = output.terminal
    if terminal.holds_everything or terminal.can_encode(escaped):
        return escaped
    return "".join(char if char.isascii() or terminal.can_encode(char) else json_escape(char) for char in escaped)


def _records(result: Result, output) -> "Iterator[str]":
    """The records as a JSON array, written record by record."""
    from cqmin import json_text

    for chunk in json_text.array(selection.records(result, output), output.ascii_only, indent=2):
        yield _fitted(chunk, output)
    yield "\n"


RENDERS = {Result: _records}
