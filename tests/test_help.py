"""Help: topics with their titles, an example for every command, one version."""

from importlib.metadata import version

import factbases
import help_reference
import pytest
from conftest import own_commands, run

from cqmin import __version__

SAMPLE_TOPICS = [topic["id"] for topic in factbases.sample().data["topics"]]  # the base the tests run on
COMMANDS = own_commands() + SAMPLE_TOPICS


def test_top_level_help_lists_the_topics_with_their_titles(base):
    result = run("--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for topic in base.topics:
        assert topic.id in result.stdout and topic.title["zh"] in result.stdout and topic.title["en"] in result.stdout


def test_the_commands_below_are_those_help_lists():
    """help_reference.commands() reads the base in use (the sample): the same commands as COMMANDS."""
    assert sorted(help_reference.commands()) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_summary_and_an_example(command):
    result = run(command, "--help", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert f"Example: cqmin {command}" in result.stdout


def test_one_version():
    assert version("cqmin") == __version__
    result = run("--version")
    assert result.stdout == f"cqmin {__version__}\n"
    assert run("-V").stdout == result.stdout


def test_help_and_version_as_commands_do_what_they_say():
    assert run("help").stdout == run("--help").stdout
    assert run("help", "pension").stdout == run("pension", "--help").stdout
    assert run("version").stdout == run("--version").stdout
    result = run("help", "nosuch")
    assert result.exit_code == 2 and "no command 'nosuch'" in result.stderr
