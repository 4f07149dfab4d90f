"""Help: topics with their Chinese titles, an example for every command, one version, README in step."""

from importlib.metadata import version

import help_reference
import pytest
from conftest import run

from cqmin import __version__


def test_top_level_help_lists_the_topics_with_their_titles(base):
    result = run("--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for topic in base.topics:
        assert topic.id in result.stdout and topic.title["zh"] in result.stdout and topic.title["en"] in result.stdout


@pytest.mark.parametrize("command", help_reference.commands())
def test_every_command_has_a_summary_and_an_example(command):
    result = run(command, "--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert f"Example: cqmin {command}" in result.stdout


def test_one_version():
    assert version("cqmin") == __version__
    result = run("--version")
    assert result.stdout == f"cqmin {__version__}\n"
    assert run("-V").stdout == result.stdout


def test_readme_reference_is_generated_from_help():
    assert help_reference.current() == help_reference.reference(), "run: python tests/help_reference.py"


def test_help_and_version_as_commands_do_what_they_say():
    assert run("help").stdout == run("--help").stdout
    assert run("help", "pension").stdout == run("pension", "--help").stdout
    assert run("version").stdout == run("--version").stdout
    result = run("help", "nosuch")
    assert result.exit_code == 2 and "no command 'nosuch'" in result.stderr
