"""TSV: tab-separated values without a header, as the az CLI writes them: `v=$(cqmin show ID --fields value -f tsv)`.

A cell's own tabs, line breaks and backslashes are written as \\t, \\n, \\r, \\v,
\\f and \\\\ (the escapes of PostgreSQL's text format), and the other characters a reader
may break a line at as \\x1c, \\x1d, \\x1e, \\u0085, \\u2028 and \\u2029, so that every
record is one line for any reader.
"""

import cqmin.formats.selection as selection
from cqmin import TYPE_CHECKING
from cqmin.results import Result

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

NAME = "tsv"
HELP = "tab-separated values, no header (for shell variables)"
TRAITS = {"extensions": (".tsv",), "takes_fields": True}

_NAMED = {"\n": "\\n", "\r": "\\r", "\v": "\\v", "\f": "\\f"}
_ESCAPES = str.maketrans(
    {"\\": "\\\\", "\t": "\\t"}
    | {char: _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x80 else f"\\u{ord(char):04x}")
       for char in selection.LINE_BREAKS}
)  # fmt: skip


def _rows(result: Result, output) -> "Iterator[str]":
    """One line a row, written row by row."""
    _, rows = selection.table(result, output)
    clean = None
    if output.terminal.is_tty:
        from cqmin.render.safe import clean
    for row in rows:
        cells = [selection.cell(value).translate(_ESCAPES) for value in row]
        yield "\t".join(clean(cell) if clean else cell for cell in cells) + "\n"


RENDERS = {Result: _rows}
