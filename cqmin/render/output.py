"""One place that turns a listing into the chosen format and writes it to the output stream."""

from cqmin.terminal import Terminal

FORMATS = ("table", "json", "ndjson", "csv", "markdown")


def _columns(listing: str):
    """(CSV header, CSV row function, Markdown builder) of a kind of listing."""
    from cqmin.render import columns

    return {
        "facts": (columns.FACT_CSV, columns.fact_csv_row, columns.fact_markdown),
        "topics": (columns.TOPIC_CSV, columns.topic_csv_row, columns.topic_markdown),
        "speakers": (columns.SPEAKER_CSV, columns.speaker_csv_row, columns.speaker_markdown),
    }[listing]


def write(term: Terminal, fmt: str, records: list, listing: str, lang: str, draw: str, args: tuple) -> None:
    """Write `records` (a listing of "facts", "topics" or "speakers") as `fmt`.

    The data formats are built here; a table is drawn by `draw`, a function of
    the render package named as "module.function" and imported only now (Rich
    is the slowest import cqmin has), called with `args`, `lang` and `term`.
    """
    if fmt == "table":
        from importlib import import_module

        module, function = draw.split(".")
        getattr(import_module(f"cqmin.render.{module}"), function)(*args, lang, term)
        return
    from cqmin.render import data

    ascii_only = not term.unicode
    if fmt == "json":
        term.write(data.to_json(records, ascii_only))
    elif fmt == "ndjson":
        term.write(data.to_ndjson(records, ascii_only))
    elif fmt == "csv":
        header, row, _ = _columns(listing)
        term.write(data.to_csv(header, [row(record) for record in records], term.is_tty))
    else:
        _, _, markdown = _columns(listing)
        term.write(data.to_markdown(*markdown(records, lang)))
