"""Data for scripts and documents: JSON, NDJSON, CSV and Markdown, as text.

JSON is UTF-8 with the records' own key order (the README's contract); when the
output cannot hold Chinese (PYTHONIOENCODING=ascii) the caller asks for ASCII
and gets \\u escapes instead. CSV follows RFC 4180 (CRLF, quotes doubled).
"""

import json


def _dumps(value, ascii_only: bool, **layout) -> str:
    # allow_nan=False: NaN and Infinity are not JSON; the contract never holds them, and must not start to.
    dumped = json.dumps(value, ensure_ascii=ascii_only, allow_nan=False, **layout)
    if ascii_only:
        return dumped
    from cqmin.render.safe import json_escaped

    return json_escaped(dumped)


def to_json(records: list, ascii_only: bool = False) -> str:
    return _dumps(records, ascii_only, indent=2) + "\n"


def to_ndjson(records: list, ascii_only: bool = False) -> str:
    return "".join(_dumps(record, ascii_only, separators=(",", ":")) + "\n" for record in records)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(header: list[str], rows: list[list], terminal: bool = False) -> str:
    """RFC 4180; on a terminal, control characters in cells are shown as escapes rather than obeyed."""
    import csv
    import io

    cell = _cell
    if terminal:
        from cqmin.render.safe import clean

        def cell(value) -> str:
            return clean(_cell(value), keep_newlines=True)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _markdown_cell(value) -> str:
    from cqmin.render.safe import clean

    # A pipe ends a cell and a newline ends a row; both must stay inside one.
    return clean(_cell(value)).replace("\\", "\\\\").replace("|", "\\|").strip()


def to_markdown(header: list[str], rows: list[list], align: list[str] | None = None) -> str:
    """A GitHub table; `align` gives "l" or "r" for each column."""
    align = align or ["l"] * len(header)
    lines = [
        "| " + " | ".join(_markdown_cell(title) for title in header) + " |",
        "|" + "|".join(" ---: " if side == "r" else " --- " for side in align) + "|",
    ]
    lines += ["| " + " | ".join(_markdown_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def export(facts: list[dict], fmt: str, ascii_only: bool = False, terminal: bool = False) -> str:
    """Every fact as JSON, NDJSON or CSV (the contract's columns)."""
    if fmt == "json":
        return to_json(facts, ascii_only)
    if fmt == "ndjson":
        return to_ndjson(facts, ascii_only)
    from cqmin.render.columns import FACT_CSV, fact_csv_row

    return to_csv(FACT_CSV, [fact_csv_row(fact) for fact in facts], terminal)
