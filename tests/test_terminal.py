"""Colour only on a terminal; width from the terminal or COLUMNS; nothing but results on stdout."""

import io
import os
import pty
import subprocess
import sys

import pytest

from cqmin.terminal import MAX_WIDTH, MIN_WIDTH, PIPE_WIDTH, Terminal


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("no file")


@pytest.mark.parametrize(
    ("tty", "environ", "color"),
    [
        (True, {}, True),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"NO_COLOR": ""}, True),  # NO_COLOR counts only when set and not empty
        (True, {"TERM": "dumb"}, False),
        (False, {}, False),
    ],
)
def test_colour(tty, environ, color):
    stream = FakeTTY() if tty else io.StringIO()
    assert Terminal(stream, environ).color is color


def test_width():
    assert Terminal(io.StringIO(), {"COLUMNS": "33"}).width == 33
    assert Terminal(io.StringIO(), {}).width == PIPE_WIDTH == 80  # a pipe: laid out as a terminal would be
    assert Terminal(FakeTTY(), {}).width == 80  # a terminal whose size cannot be read
    assert Terminal(io.StringIO(), {"COLUMNS": "10000000"}).width == MAX_WIDTH
    assert Terminal(io.StringIO(), {"COLUMNS": "8"}).width == MIN_WIDTH
    assert Terminal(io.StringIO(), {"COLUMNS": "٣٣"}).width == PIPE_WIDTH  # not ASCII digits: not a width


def _in_a_terminal(*args: str, **env: str) -> bytes:
    """Run cqmin with its stdout on a pseudo-terminal; return what it drew."""
    leader, follower = pty.openpty()
    environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    environ.pop("NO_COLOR", None)  # the tests' default; a case may set it again
    environ.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "cqmin", *args], stdout=follower, stderr=subprocess.PIPE, env=environ
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(leader)
    assert process.returncode == 0
    return b"".join(chunks)


def test_a_real_terminal_gets_colour_and_no_color_turns_it_off(base):
    topic = base.topics[0].id
    assert b"\x1b[" in _in_a_terminal(topic)
    assert b"\x1b[" not in _in_a_terminal(topic, NO_COLOR="1")
    assert b"\x1b[" not in _in_a_terminal(topic, TERM="dumb")


def test_json_on_a_terminal_has_no_colour(base):
    out = _in_a_terminal(base.topics[0].id, "--json")
    assert b"\x1b[" not in out and base.topics[0].headline.encode() in out  # the sample base's figures


def test_a_pipe_gets_no_colour(base):
    command = [sys.executable, "-m", "cqmin", base.topics[0].id]
    result = subprocess.run(command, capture_output=True, env={**os.environ})  # CQMIN_FACTS: the sample base
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout
