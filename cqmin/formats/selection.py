"""What the data formats write of a result: its records, or with --fields the chosen paths of its rows."""

from cqmin import TYPE_CHECKING
from cqmin.contract import Column, pick

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterator

# Every character a line-splitting reader may break a line at (str.splitlines' set, which holds the others'):
# the data formats that are a record a line keep them inside a record.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def records(result, output) -> "Iterator[dict]":
    """JSON's records, one at a time: the contract's objects, or flat objects of the chosen paths."""
    if output.fields is None:
        return result.records()
    return ({path: pick(row, path) for path in output.fields} for row in result.rows())


def columns(result, output) -> list[Column]:
    """The columns of a table of rows: the result's own, or the chosen paths (named as written)."""
    if output.fields is None:
        return result.fields.columns()
    return [Column(path, path) for path in output.fields]


def table(result, output) -> tuple[list[Column], "Iterator[list]"]:
    """The columns, and the rows' cells, one row at a time."""
    chosen = columns(result, output)
    return chosen, ([pick(row, column.path) for column in chosen] for row in result.rows())


def cell(value) -> str:
    """A value as text in a cell: nulls empty, true/false, objects and lists as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        from cqmin import json_text

        return json_text.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True)  # (json's default)
    if isinstance(value, float):  # 0.000001, not 1e-06: a spreadsheet or `read` takes it as written
        from cqmin.languages.base import plain

        return plain(value)
    return str(value)
