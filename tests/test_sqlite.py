"""`cqmin export --format sqlite`: tables, keys, full-text search, and files that are never half-written."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import run

from cqmin.contract import FACT_FIELDS
from cqmin.formats import sqlite as sqlite_export


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
        assert counts == {"facts": len(base.facts), "topics": 9, "speakers": 6, "events": 1}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        row = connection.execute(
            "SELECT value, baseline_value, baseline_derived, change_percent, speaker FROM facts WHERE id = ?",
            ("pension.pension-insured",),
        ).fetchone()
        assert row == (25500000, 20820000, 1, 22.48, "li-yong")


def test_columns_are_the_csv_columns(database):
    with sqlite3.connect(database) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(facts)")]
    assert columns == [column.name for column in FACT_FIELDS.columns()]
    assert run("export", "-f", "csv").stdout.splitlines()[0] == ",".join(columns)


def test_foreign_keys_join(database):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT s.name_zh, count(*) FROM facts f JOIN speakers s ON f.speaker = s.id GROUP BY s.id ORDER BY 2 DESC"
        ).fetchall()
        assert rows[0] == ("郭唐勇", 23)
        fks = connection.execute("PRAGMA foreign_key_list(facts)").fetchall()
        assert {fk[2] for fk in fks} == {"topics", "speakers", "events"}
        event = connection.execute("SELECT e.date FROM facts f JOIN events e ON f.event = e.id LIMIT 1").fetchone()
        assert event == ("2022-10-19",)


def test_full_text_search_in_chinese_and_english(database):
    with sqlite3.connect(database) as connection:
        if not sqlite_export.has_fts5(connection):
            pytest.skip("this SQLite has no FTS5")
        readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
        documented = (
            "SELECT id, stated FROM facts WHERE rowid IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH '养老保险')"
        )
        assert documented in readme
        ids = [row[0] for row in connection.execute(documented)]
        assert "pension.pension-insured" in ids
        english = connection.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", ("pension",)).fetchone()
        assert english[0] > 0


@pytest.mark.parametrize(("word", "expected"), [("医保", "insurance.insured"), ("养老", "pension.pension-insured"),
                                                ("低保", "welfare.dibao-recipients")])  # fmt: skip
def test_two_character_words_are_found_as_the_readme_says(database, word, expected):
    """Trigram tokens need three characters: a two-character word is found with LIKE (README, "Files")."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    documented = "SELECT id, stated FROM facts WHERE label_zh LIKE '%养老%' OR quote LIKE '%养老%'"
    assert documented in readme
    with sqlite3.connect(database) as connection:
        query = documented.replace("'%养老%'", "?")
        ids = [row[0] for row in connection.execute(query, (f"%{word}%", f"%{word}%"))]
    assert expected in ids


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
    assert result.stdout.split() == [str(len(base.facts)), "9", "6"]


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
