"""The whole fact base as a SQLite database, for sqlite3, Datasette and sqlite-utils (`export -o FILE`).

Tables: `facts` (the CSV columns, keyed by id), `topics`, `speakers` and
`events`, joined by foreign keys; and `facts_fts`, a full-text index over
labels and quotes where SQLite has FTS5. Its trigram tokens match any three
characters or more; a shorter Chinese word (医保, 养老) is found with LIKE,
which the same index also serves (README, "Files").
"""

from cqmin import languages, model
from cqmin.model import Event, Fact, Speaker, Text, Topic
from cqmin.results import AllFacts

NAME = "sqlite"
HELP = "a SQLite database (export -o FILE only)"
TRAITS = {"extensions": (".db", ".sqlite", ".sqlite3"), "to_file": True}

# How SQLite holds the contract's fact columns (contract.FACT_FIELDS): types where they are not text.
_TYPES = {
    "value": "NUMERIC NOT NULL", "high": "NUMERIC", "baseline_value": "NUMERIC", "baseline_derived": "INTEGER",
    "change_absolute": "NUMERIC", "change_percent": "REAL", "annual_percent": "REAL",
}  # fmt: skip
# The keys that join the tables: a record's id, and the fields that name another table's record.
_KEYS = {
    "id": "PRIMARY KEY", "topic": "REFERENCES topics(id)", "speaker": "REFERENCES speakers(id)",
    "event": "REFERENCES events(id)", "headline": "REFERENCES facts(id) DEFERRABLE INITIALLY DEFERRED",
}  # fmt: skip
# The tables besides `facts`, each of a record of model.py, its columns its fields.
_TABLES = {"events": Event, "topics": Topic, "speakers": Speaker}


def _column(name: str, kind, optional: bool) -> str:
    """A column of a field: its SQLite type, the key it is, and NOT NULL unless the field may be None."""
    sql = {int: "INTEGER", float: "NUMERIC", bool: "INTEGER"}.get(kind, "TEXT")
    return " ".join(part for part in (name, sql, _KEYS.get(name, ""), "" if optional else "NOT NULL") if part)


def _record_columns(record: type) -> list[str]:
    """A record's fields as columns: text in every language, each its own column (a base may lack one)."""
    columns = []
    for name, (kind, optional) in model.field_types(record).items():
        if kind == Text:
            columns += [f"{name}_{code} TEXT" for code in languages.codes()]
        else:
            columns.append(_column(name, kind, optional or name == "headline"))
    return columns


def _schema(fact_columns: list[str]) -> str:
    """The tables; the facts table has the contract's columns, whose fields are those of model.Fact."""
    fact_types = model.field_types(Fact)
    facts = [
        f"{name} {_TYPES[name]}" if name in _TYPES else _column(name, str, fact_types.get(name, (str, True))[1])
        for name in fact_columns
    ]
    tables = {**{name: _record_columns(record) for name, record in _TABLES.items()}, "facts": facts}
    statements = [f"CREATE TABLE {name} (\n    " + ",\n    ".join(columns) + "\n);" for name, columns in tables.items()]
    statements += ["CREATE INDEX facts_topic ON facts(topic);", "CREATE INDEX facts_speaker ON facts(speaker);"]
    return "\n".join(statements)


def has_fts5(connection) -> bool:
    import sqlite3

    try:
        connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
        connection.execute("DROP TABLE temp.probe")
        return True
    except sqlite3.OperationalError:
        return False


def _row(item) -> list:
    """A record's fields as a table's row: a text in each language, in the order of _record_columns."""
    row = []
    for value, (kind, _) in zip(item, model.field_types(type(item)).values(), strict=True):
        row += [value.get(code) if value else None for code in languages.codes()] if kind == Text else [value]
    return row


def _write(result: AllFacts, output, path: str) -> None:
    """Write the base of `result` (its facts as selected) to a new database file at `path`."""
    import sqlite3

    from cqmin.contract import pick

    base = result.base
    columns = result.fields.columns()  # always the contract's columns: a database is not a selection
    names = [column.name for column in columns]
    rows = [[pick(row, column.path) for column in columns] for row in result.rows()]
    connection = sqlite3.connect(path)
    try:
        # The file is a fresh temporary one, renamed into place only when whole (atomic.py):
        # a rollback journal beside it would protect nothing, and could be left behind.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(_schema(names))
        with connection:
            for name, record in _TABLES.items():
                width = len(_record_columns(record))
                items = [_row(item) for item in getattr(base, name)]
                connection.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * width)})", items)
            connection.executemany(
                f"INSERT INTO facts ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [[int(value) if isinstance(value, bool) else value for value in row] for row in rows],
            )
        if has_fts5(connection):
            texts = [name for name in names if name.startswith("label_")] + ["quote"]
            with connection:
                connection.executescript(
                    f"CREATE VIRTUAL TABLE facts_fts USING fts5({', '.join(texts)}, content='facts', "
                    "content_rowid='rowid', tokenize='trigram');\n"
                    "INSERT INTO facts_fts(facts_fts) VALUES ('rebuild');"
                )
    finally:
        connection.close()


RENDERS = {AllFacts: _write}
