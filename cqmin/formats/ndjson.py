"""NDJSON (JSON Lines): one compact record a line, for streaming into jq or a database."""

import cqmin.formats.selection as selection
from cqmin.formats.json import dumps
from cqmin.results import Result

NAME = "ndjson"
HELP = "one JSON object a line"
TRAITS = {"extensions": (".ndjson", ".jsonl"), "takes_fields": True, "escapes": True}


def _records(result: Result, output) -> str:
    return "".join(
        dumps(record, output.ascii_only, separators=(",", ":")) + "\n" for record in selection.records(result, output)
    )


RENDERS = {Result: _records}
