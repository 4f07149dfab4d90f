"""CSV: RFC 4180 (CRLF, quotes doubled), a header of column names, one row a record."""

import cqmin.formats.selection as selection
from cqmin.results import Result

NAME = "csv"
HELP = "comma-separated values with a header"
TRAITS = {"extensions": (".csv",), "takes_fields": True}


def _rows(result: Result, output) -> str:
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
    writer.writerow([column.name for column in columns])
    writer.writerows([shown(value) for value in row] for row in rows)
    return buffer.getvalue()


RENDERS = {Result: _rows}
