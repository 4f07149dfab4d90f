"""CSV: RFC 4180 (CRLF, quotes doubled), a header of column names, one row a record.

A cell with any character a reader may break a line at (U+2028 and U+0085 too, not only CR
and LF) is quoted, so that a reader that splits lines first still finds where a record ends.
"""

import cqmin.formats.selection as selection
from cqmin import TYPE_CHECKING
from cqmin.results import Result

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

NAME = "csv"
HELP = "comma-separated values with a header"
TRAITS = {"extensions": (".csv",), "takes_fields": True}


def _rows(result: Result, output) -> "Iterator[str]":
    """A header, then one record a row, written row by row."""
    import csv
    import io

    columns, rows = selection.table(result, output)
    shown = selection.cell
    if output.terminal.is_tty:  # on a terminal, control characters are shown, not obeyed; in a file, exact
        from cqmin.render.safe import clean

        def shown(value) -> str:
            return clean(selection.cell(value), keep_newlines=True)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    quoted = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)  # (csv quotes CR and LF alone)
    writer.writerow([column.name for column in columns])
    breaks = set(selection.LINE_BREAKS)
    for row in rows:
        cells = [shown(value) for value in row]
        (quoted if any(breaks.intersection(cell) for cell in cells) else writer).writerow(cells)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # the header alone: no rows
        yield buffer.getvalue()


RENDERS = {Result: _rows}
