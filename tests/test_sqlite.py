"""`cqmin export --format sqlite`: tables, keys, full-text search, and files that are never half-written."""

import os
import shutil
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import run

from cqmin.contract import FACT_FIELDS
from cqmin.formats import sqlite as sqlite_export

INSURED = "pension.insured"  # the sample's figure in 万 with a derived baseline


def texts_of(fact) -> str:
    """What the full-text index holds of a fact: its labels in every language, and its quote."""
    return " ".join([*fact.label.values(), fact.quote])


@pytest.fixture
def database(tmp_path) -> str:
    path = str(tmp_path / "cqmin.db")
    result = run("export", "--format", "sqlite", "-o", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return path


def test_tables_and_row_counts(database, base):
    with sqlite3.connect(database) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("facts", "topics", "speakers", "events")
        }
        assert counts == {
            "facts": len(base.facts),
            "topics": len(base.topics),
            "speakers": len(base.speakers),
            "events": len(base.events),
        }
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        row = connection.execute(
            "SELECT value, baseline_value, baseline_derived, change_percent, speaker FROM facts WHERE id = ?",
            (INSURED,),
        ).fetchone()
        assert row == (25500000, 20820000, 1, 22.48, base.fact(INSURED).speaker)


def test_columns_are_the_csv_columns(database):
    with sqlite3.connect(database) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(facts)")]
    assert columns == [column.name for column in FACT_FIELDS.columns()]
    assert run("export", "-f", "csv").stdout.splitlines()[0] == ",".join(columns)


def test_foreign_keys_join(database, base):
    spoken = Counter(fact.speaker for fact in base.facts if fact.speaker)  # the infographic's figures join no one
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT s.name_zh, count(*) FROM facts f JOIN speakers s ON f.speaker = s.id GROUP BY s.id ORDER BY 2 DESC"
        ).fetchall()
        assert rows[0] == (base.speaker(spoken.most_common(1)[0][0]).name["zh"], spoken.most_common(1)[0][1])
        assert sorted(rows) == sorted((base.speaker(ident).name["zh"], count) for ident, count in spoken.items())
        fks = connection.execute("PRAGMA foreign_key_list(facts)").fetchall()
        assert {fk[2] for fk in fks} == {"topics", "speakers", "events"}
        event = connection.execute("SELECT e.date FROM facts f JOIN events e ON f.event = e.id LIMIT 1").fetchone()
        assert event == (base.event(base.facts[0].event).date,)


def test_full_text_search_in_chinese_and_english(database, base):
    with sqlite3.connect(database) as connection:
        if not sqlite_export.has_fts5(connection):
            pytest.skip("this SQLite has no FTS5")
        readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
        documented = (
            "SELECT id, stated FROM facts WHERE rowid IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH '养老保险')"
        )
        assert documented in readme
        ids = [row[0] for row in connection.execute(documented)]
        assert INSURED in ids
        assert sorted(ids) == sorted(fact.id for fact in base.facts if "养老保险" in texts_of(fact))
        english = connection.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", ("pension",)).fetchone()
        assert english[0] > 0  # trigrams match without regard to case, as the English labels are written
        assert english[0] == sum(1 for fact in base.facts if "pension" in texts_of(fact).lower())


@pytest.mark.parametrize(("word", "expected"), [("急救", "health.response-time"), ("养老", INSURED),
                                                ("低保", "pension.dibao")])  # fmt: skip
def test_two_character_words_are_found_as_the_readme_says(database, base, word, expected):
    """Trigram tokens need three characters: a two-character word is found with LIKE (README, "Files")."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = "SELECT id, stated FROM facts WHERE label_zh LIKE '%养老%' OR quote LIKE '%养老%'"
    assert documented in readme
    with sqlite3.connect(database) as connection:
        query = documented.replace("'%养老%'", "?")
        ids = [row[0] for row in connection.execute(query, (f"%{word}%", f"%{word}%"))]
    assert expected in ids
    assert sorted(ids) == sorted(fact.id for fact in base.facts if word in fact.label["zh"] + fact.quote)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 client")
def test_the_sqlite3_client_opens_it(database, base):
    result = subprocess.run(
        [
            "sqlite3",
            database,
            "SELECT count(*) FROM facts; SELECT count(*) FROM topics; SELECT count(*) FROM speakers;",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [str(len(base.facts)), str(len(base.topics)), str(len(base.speakers))]


def test_sqlite_needs_a_file():
    result = run("export", "--format", "sqlite")
    assert result.exit_code == 2
    assert "sqlite writes a file: add -o FILE" in result.stderr


def test_no_overwrite_without_force(database):
    before = Path(database).read_bytes()
    result = run("export", "--format", "sqlite", "-o", database)
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert Path(database).read_bytes() == before
    assert run("export", "--format", "sqlite", "-o", database, "--force").exit_code == 0


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_an_interrupted_export_leaves_the_old_file_as_it_was(tmp_path, monkeypatch, failure):
    path = tmp_path / "cqmin.db"
    path.write_bytes(b"the old file")
    real_write = sqlite_export._write

    def write_half_then_fail(result, output, temporary: str) -> None:
        real_write(result, output, temporary)
        raise failure

    monkeypatch.setitem(sqlite_export.RENDERS, sqlite_export.AllFacts, write_half_then_fail)
    result = run("export", "--format", "sqlite", "-o", str(path), "--force")
    assert result.exit_code == (130 if failure is KeyboardInterrupt else 1)
    assert path.read_bytes() == b"the old file"
    assert os.listdir(tmp_path) == ["cqmin.db"]  # no temporary file left behind
    assert "Traceback" not in result.output
    if failure is not KeyboardInterrupt:
        assert "No space left on device" in result.stderr and "unchanged" in result.stderr


def test_an_export_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    assert run("export", "-o", str(path), "--force").exit_code == 0
    assert os.stat(path).st_mode & 0o777 == 0o640
