"""The whole fact base as a SQLite database, for sqlite3, Datasette and sqlite-utils (`export -o FILE`).

Tables: `facts` (the CSV columns, keyed by id), `topics`, `speakers` and
`events`, joined by foreign keys; and `facts_fts`, a full-text index over
labels and quotes where SQLite has FTS5. Its trigram tokens match any three
characters or more; a shorter Chinese word (医保, 养老) is found with LIKE,
which the same index also serves (README, "Files").
"""

from cqmin import languages
from cqmin.results import AllFacts

NAME = "sqlite"
HELP = "a SQLite database (export -o FILE only)"
TRAITS = {"extensions": (".db", ".sqlite", ".sqlite3"), "to_file": True}

# How SQLite should hold the contract's columns (contract.FACT_FIELDS): types where
# they are not text, and the keys that join the tables.
_TYPES = {
    "value": "NUMERIC NOT NULL", "high": "NUMERIC", "baseline_value": "NUMERIC", "baseline_derived": "INTEGER",
    "change_absolute": "NUMERIC", "change_percent": "REAL", "annual_percent": "REAL",
    "id": "TEXT PRIMARY KEY", "topic": "TEXT NOT NULL REFERENCES topics(id)",
    "speaker": "TEXT REFERENCES speakers(id)", "event": "TEXT NOT NULL REFERENCES events(id)",
    "stated": "TEXT NOT NULL", "qualifier": "TEXT NOT NULL", "kind": "TEXT NOT NULL", "quote": "TEXT NOT NULL",
}  # fmt: skip


def _translated(*names: str, required: bool = True) -> list[str]:
    null = " NOT NULL" if required else ""
    return [f"{name}_{code} TEXT{null}" for name in names for code in languages.codes()]


def _schema(fact_columns: list[str]) -> str:
    tables = {
        "events": ["id TEXT PRIMARY KEY", *_translated("title"), *_translated("organizer", required=False),
                   "date TEXT NOT NULL", *_translated("place"), *_translated("article", required=False)],
        "topics": ["id TEXT PRIMARY KEY", *_translated("title", "summary"),
                   "headline TEXT REFERENCES facts(id) DEFERRABLE INITIALLY DEFERRED"],
        "speakers": ["id TEXT PRIMARY KEY", "event TEXT NOT NULL REFERENCES events(id)",
                     *_translated("name", "role", "department")],
        "facts": [f"{name} {_TYPES.get(name, 'TEXT')}" for name in fact_columns],
    }  # fmt: skip
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


def _texts(text: dict | None) -> list:
    return [text[code] if text else None for code in languages.codes()]


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
            connection.executemany(
                f"INSERT INTO events VALUES ({', '.join('?' * (2 + 4 * len(languages.codes())))})",
                [[e.id, *_texts(e.title), *_texts(e.organizer), e.date, *_texts(e.place), *_texts(e.article)]
                 for e in base.events],
            )  # fmt: skip
            connection.executemany(
                f"INSERT INTO speakers VALUES ({', '.join('?' * (2 + 3 * len(languages.codes())))})",
                [[s.id, s.event, *_texts(s.name), *_texts(s.role), *_texts(s.department)] for s in base.speakers],
            )
            connection.executemany(
                f"INSERT INTO topics VALUES ({', '.join('?' * (2 + 2 * len(languages.codes())))})",
                [[t.id, *_texts(t.title), *_texts(t.summary), t.headline] for t in base.topics],
            )
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
