"""JSON: the records of the JSON contract (README), UTF-8, in the contract's key order."""

import cqmin.formats.selection as selection
from cqmin.results import Result

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: type checkers read the name

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

NAME = "json"
HELP = "a JSON array, UTF-8"
TRAITS = {"extensions": (".json",), "takes_fields": True, "escapes": True}


def dumps(value, ascii_only: bool, **layout) -> str:
    """JSON text that no terminal will obey: controls, bidi marks and separators as \\u escapes.

    allow_nan=False: NaN and Infinity are not JSON; the contract never holds them, and must not start to.
    """
    from cqmin import json_text

    return _safe(json_text.dumps(value, ascii_only, **layout), ascii_only)


def _safe(dumped: str, ascii_only: bool) -> str:
    if ascii_only:
        return dumped
    from cqmin.render.safe import json_escaped

    return json_escaped(dumped)


def _records(result: Result, output) -> "Iterator[str]":
    """The records as a JSON array, written record by record."""
    from cqmin import json_text

    for chunk in json_text.array(selection.records(result, output), output.ascii_only, indent=2):
        yield _safe(chunk, output.ascii_only)
    yield "\n"


RENDERS = {Result: _records}
