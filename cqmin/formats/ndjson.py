"""NDJSON (JSON Lines): one compact record a line, for streaming into jq or a database."""

import cqmin.formats.selection as selection
from cqmin import TYPE_CHECKING
from cqmin.formats.json import dumps
from cqmin.results import Result

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

NAME = "ndjson"
HELP = "one JSON object a line"
TRAITS = {"extensions": (".ndjson", ".jsonl"), "takes_fields": True, "escapes": True}


def _records(result: Result, output) -> "Iterator[str]":
    return (dumps(record, output, separators=(",", ":")) + "\n" for record in selection.records(result, output))


RENDERS = {Result: _records}
