"""Shared fixtures: a CliRunner at a fixed width, the article when it is there, a private cache."""

import os
from pathlib import Path

import pytest
import tomli
from typer.testing import CliRunner

from cqmin import contract, facts
from cqmin.cli import app
from cqmin.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
FACTS_TOML = ROOT / "facts.toml"
ARTICLE = ROOT.parent / "shared" / "source" / "chongqing-minsheng-2022-10-19.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"

# The environment every test starts from: no colour, 80 columns, a known
# locale, and none of the user's own cqmin settings.
CLEAN_ENV = {"COLUMNS": "80", "LANG": "C.UTF-8", "TERM": "xterm", "NO_COLOR": "1"}
USER_VARS = ("CQMIN_LANG", "CQMIN_FACTS", "CQMIN_NO_CACHE", "CQMIN_DEBUG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path_factory):
    for name in USER_VARS:
        monkeypatch.delenv(name, raising=False)
    for name, value in CLEAN_ENV.items():
        monkeypatch.setenv(name, value)
    # A private cache folder per test session: tests never touch ~/.cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


runner = CliRunner()


def run(*args: str, env: dict | None = None, input: str | None = None):
    """Invoke cqmin in-process; stdout and stderr are kept apart."""
    return runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False, prog_name="cqmin")


@pytest.fixture(scope="session")
def base() -> FactBase:
    return facts.load(str(FACTS_TOML))


def records(base: FactBase, facts_: list) -> list[dict]:
    """Facts as the JSON contract writes them."""
    return [contract.fact_record(fact, base) for fact in facts_]


def ok(*args: str, env: dict | None = None) -> str:
    """Run cqmin, expect success and a quiet stderr; return stdout."""
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="session")
def raw() -> dict:
    """facts.toml as parsed TOML, before compiling."""
    with open(FACTS_TOML, "rb") as handle:
        return tomli.load(handle)


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not at {ARTICLE} (CI has it beside the clone)")
    return ARTICLE.read_text(encoding="utf-8")


def write_facts(tmp_path: Path, text: str, name: str = "facts.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def bundled_text() -> str:
    return FACTS_TOML.read_text(encoding="utf-8")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
