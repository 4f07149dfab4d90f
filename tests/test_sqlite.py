"""`cqmin export --format sqlite`: tables, keys, full-text search, and files that are never half-written."""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import run

from cqmin.render import sqlite as sqlite_export


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
            for table in ("facts", "topics", "speakers")
        }
        assert counts == {"facts": len(base.facts), "topics": 9, "speakers": 6}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        row = connection.execute(
            "SELECT value, baseline_value, baseline_derived, change_percent, speaker FROM facts WHERE id = ?",
            ("pension.pension-insured",),
        ).fetchone()
        assert row == (25500000, 20820000, 1, 22.48, "li-yong")


def test_columns_are_the_csv_columns(database):
    from cqmin.render.columns import FACT_CSV

    with sqlite3.connect(database) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(facts)")]
    assert columns == FACT_CSV


def test_foreign_keys_join(database):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT s.name_zh, count(*) FROM facts f JOIN speakers s ON f.speaker = s.id GROUP BY s.id ORDER BY 2 DESC"
        ).fetchall()
        assert rows[0] == ("郭唐勇", 23)
        fks = connection.execute("PRAGMA foreign_key_list(facts)").fetchall()
        assert {fk[2] for fk in fks} == {"topics", "speakers"}


def test_full_text_search_in_chinese_and_english(database):
    with sqlite3.connect(database) as connection:
        if not sqlite_export.has_fts5(connection):
            pytest.skip("this SQLite has no FTS5")
        query = "SELECT f.id FROM facts_fts JOIN facts f ON f.rowid = facts_fts.rowid WHERE facts_fts MATCH ?"
        ids = [row[0] for row in connection.execute(query, ("养老保险",))]
        assert "pension.pension-insured" in ids
        english = connection.execute("SELECT count(*) FROM facts_fts WHERE facts_fts MATCH ?", ("pension",)).fetchone()
        assert english[0] > 0


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
    assert "needs a file" in result.stderr


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
    real_write = sqlite_export.write

    def write_half_then_fail(temporary: str, base) -> None:
        real_write(temporary, base)
        raise failure

    monkeypatch.setattr(sqlite_export, "write", write_half_then_fail)
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
