"""One place that turns a listing into the chosen format and writes it to the output stream."""

from collections.abc import Callable

from cqmin.render import data
from cqmin.terminal import Terminal

FORMATS = ("table", "json", "ndjson", "csv", "markdown")


def write(
    term: Terminal,
    fmt: str,
    records: list,
    csv: tuple[list[str], Callable[[dict], list]],
    markdown: Callable[[list, str], tuple],
    lang: str,
    table: Callable[[], None],
) -> None:
    """Write `records` as `fmt`; `table` draws the human view, the others are data.

    csv is (header, row function); markdown builds (header, rows, alignment) in a language.
    """
    ascii_only = not term.unicode
    if fmt == "json":
        term.stream.write(data.to_json(records, ascii_only))
    elif fmt == "ndjson":
        term.stream.write(data.to_ndjson(records, ascii_only))
    elif fmt == "csv":
        header, row = csv
        term.stream.write(data.to_csv(header, [row(record) for record in records]))
    elif fmt == "markdown":
        term.stream.write(data.to_markdown(*markdown(records, lang)))
    else:
        table()
