"""The whole fact base as a SQLite database, for sqlite3, Datasette and sqlite-utils.

Tables: `facts` (the CSV columns, keyed by id), `topics` and `speakers`, joined
by foreign keys; and `facts_fts`, a full-text index over labels and quotes
where SQLite has FTS5 (trigram tokens, so Chinese matches as substrings).
"""

import sqlite3

from cqmin.render.columns import FACT_CSV, fact_csv_row

_SCHEMA = """
CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    summary_zh TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    headline TEXT REFERENCES facts(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    role_zh TEXT NOT NULL,
    role_en TEXT NOT NULL,
    department_zh TEXT NOT NULL,
    department_en TEXT NOT NULL
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    topic TEXT NOT NULL REFERENCES topics(id),
    label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL,
    value NUMERIC NOT NULL,
    high NUMERIC,
    unit_zh TEXT NOT NULL,
    unit_en TEXT NOT NULL,
    stated TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    kind TEXT NOT NULL,
    as_of TEXT,
    baseline_value NUMERIC,
    baseline_as_of TEXT,
    baseline_derived INTEGER,
    change_absolute NUMERIC,
    change_percent REAL,
    annual_percent REAL,
    speaker TEXT REFERENCES speakers(id),
    quote TEXT NOT NULL
);
CREATE INDEX facts_topic ON facts(topic);
CREATE INDEX facts_speaker ON facts(speaker);
"""

_FTS = """
CREATE VIRTUAL TABLE facts_fts USING fts5(
    label_zh, label_en, quote, content='facts', content_rowid='rowid', tokenize='trigram'
);
INSERT INTO facts_fts(facts_fts) VALUES ('rebuild');
"""


def has_fts5(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='trigram')")
        connection.execute("DROP TABLE temp.probe")
        return True
    except sqlite3.OperationalError:
        return False


def write(path: str, base) -> None:
    """Write `base` (a FactBase) to a new database file at `path`."""
    connection = sqlite3.connect(path)
    try:
        # The file is a fresh temporary one, renamed into place only when whole (atomic.py):
        # a rollback journal beside it would protect nothing, and could be left behind.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(_SCHEMA)
        with connection:
            connection.executemany(
                "INSERT INTO speakers VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (s["id"], s["name"]["zh"], s["name"]["en"], s["role"]["zh"], s["role"]["en"],
                     s["department"]["zh"], s["department"]["en"])
                    for s in base.speakers
                ],
            )  # fmt: skip
            connection.executemany(
                "INSERT INTO topics VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (t["id"], t["title"]["zh"], t["title"]["en"], t["summary"]["zh"], t["summary"]["en"], t["headline"])
                    for t in base.topics
                ],
            )
            placeholders = ", ".join("?" for _ in FACT_CSV)
            connection.executemany(
                f"INSERT INTO facts ({', '.join(FACT_CSV)}) VALUES ({placeholders})",
                [_sql_row(fact) for fact in base.facts],
            )
        if has_fts5(connection):
            with connection:
                connection.executescript(_FTS)
    finally:
        connection.close()


def _sql_row(fact: dict) -> list:
    row = fact_csv_row(fact)
    derived = FACT_CSV.index("baseline_derived")
    if row[derived] is not None:
        row[derived] = int(row[derived])
    return row
