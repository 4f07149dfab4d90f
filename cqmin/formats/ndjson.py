"""NDJSON (JSON Lines): one compact record a line, for streaming into jq or a database."""

from collections.abc import Iterator

import cqmin.formats.selection as selection
from cqmin.formats.json import dumps
from cqmin.results import Result

NAME = "ndjson"
HELP = "one JSON object a line"
TRAITS = {"extensions": (".ndjson", ".jsonl"), "takes_fields": True, "escapes": True}


def _records(result: Result, output) -> Iterator[str]:
    return (
        dumps(record, output.ascii_only, separators=(",", ":")) + "\n" for record in selection.records(result, output)
    )


RENDERS = {Result: _records}
