"""JSON: the records of the JSON contract (README), UTF-8, in the contract's key order."""

import cqmin.formats.selection as selection
from cqmin.results import Result

NAME = "json"
HELP = "a JSON array, UTF-8"
TRAITS = {"extensions": (".json",), "takes_fields": True, "escapes": True}


def dumps(value, ascii_only: bool, **layout) -> str:
    """JSON text that no terminal will obey: controls, bidi marks and separators as \\u escapes.

    allow_nan=False: NaN and Infinity are not JSON; the contract never holds them, and must not start to.
    """
    import json

    dumped = json.dumps(value, ensure_ascii=ascii_only, allow_nan=False, **layout)
    if ascii_only:
        return dumped
    from cqmin.render.safe import json_escaped

    return json_escaped(dumped)


def _records(result: Result, output) -> str:
    return dumps(selection.records(result, output), output.ascii_only, indent=2) + "\n"


RENDERS = {Result: _records}
