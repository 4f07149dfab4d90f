"""Shared fixtures: a CliRunner at a fixed width, the tests' own fact base in use, a private cache.

Every test runs with CQMIN_FACTS set to the sample base of tests/factbases.py, so
a test never reads the bundled facts.toml unless it asks: only test_factbase.py,
which is about the bundled data, does (`bundled` fixture).
"""

import os
from pathlib import Path

import factbases
import pytest
from typer.testing import CliRunner

from cqmin import contract, facts
from cqmin.cli.app import app
from cqmin.model import FactBase

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

# The environment every test starts from: no colour, 80 columns, a known
# locale, and none of the user's own cqmin settings.
CLEAN_ENV = {"COLUMNS": "80", "LANG": "C.UTF-8", "TERM": "xterm", "NO_COLOR": "1"}
USER_VARS = ("CQMIN_LANG", "CQMIN_FACTS", "CQMIN_NO_CACHE", "CQMIN_DEBUG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """A private cache folder for the whole session, set before any fixture loads a base: tests never
    touch ~/.cache, nor read what the user's own runs cached."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
        for name in USER_VARS:
            patch.delenv(name, raising=False)
        yield


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory) -> tuple[str, str]:
    """The sample base and its article, written once a session: (facts path, article path)."""
    folder = tmp_path_factory.mktemp("sample")
    sample = factbases.sample()
    return sample.write(folder), sample.write_article(folder)


@pytest.fixture(scope="session")
def sample_path(sample_files) -> str:
    return sample_files[0]


@pytest.fixture(scope="session")
def article_path(sample_files) -> str:
    """A source text holding every quote of the sample base (for validate --source)."""
    return sample_files[1]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path_factory, sample_path):
    for name in USER_VARS:
        monkeypatch.delenv(name, raising=False)
    for name, value in CLEAN_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(facts.ENV_VAR, sample_path)
    # A private cache folder per test session: tests never touch ~/.cache.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def sample() -> factbases.Base:
    """A fresh copy of the sample base, to change and write (`sample.write(tmp_path)`)."""
    return factbases.sample()


runner = CliRunner()


def run(*args: str, env: dict | None = None, input: str | None = None):
    """Invoke cqmin in-process; stdout and stderr are kept apart. The line is put to the fast path too."""
    result = runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False, prog_name="cqmin")
    if input is None:
        same_on_the_fast_path(list(args), env or {}, result)
    return result


def same_on_the_fast_path(args: list[str], env: dict, result) -> None:
    """Every line a test runs through Typer is put to the fast path (quick.py) too, which must answer exactly
    as Typer did, or decline: the whole suite, hostile input and all, is a differential test of the two."""
    import io

    from cqmin import quick
    from cqmin.environment import Environment

    if env.get("_CQMIN_COMPLETE"):
        return  # a TAB: shells/fast.py, held to Typer's in test_completion
    saved = dict(os.environ)
    try:
        for name, value in env.items():  # as CliRunner sets them for the run
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        out, err = io.StringIO(), io.StringIO()
        code = quick.answer(Environment(stdout=out, stderr=err, environ=os.environ), args)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if code is not None:
        fast = (code, out.getvalue(), err.getvalue())
        assert fast == (result.exit_code, result.stdout_bytes.decode(), result.stderr_bytes.decode()), args


@pytest.fixture(scope="session")
def base(sample_path) -> FactBase:
    """The sample base as cqmin loads it: expected values come from here."""
    return facts.load(sample_path)


def records(base: FactBase, facts_: list) -> list[dict]:
    """Facts as the JSON contract writes them."""
    return [contract.fact_record(fact, base) for fact in facts_]


def ok(*args: str, env: dict | None = None) -> str:
    """Run cqmin, expect success and a quiet stderr; return stdout."""
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def assert_golden(name: str, out: str) -> None:
    """`out` is the text file tests/golden/NAME; CQMIN_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("CQMIN_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def write_facts(tmp_path: Path, text: str, name: str = "facts.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def own_commands() -> list[str]:
    """cqmin's own commands as help lists them, hidden ones left out (the topics of a base are commands too)."""
    from typer.main import get_command

    group = get_command(app)
    context = group.make_context("cqmin", [], resilient_parsing=True)
    return [name for name in group.registered_names() if not group.get_command(context, name).hidden]


def unspoken_language() -> str:
    """A language name no registered language answers to: a copy may register a toy language under any code
    (test_extending's is "xx"), so the name is looked up, not assumed."""
    from cqmin import languages

    return next(name for name in ("xx", "qq", "zz") if languages.find(name) is None)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
