"""Colour only on a terminal; width from the terminal or COLUMNS; nothing but results on stdout."""

import io
import os
import pty
import re
import subprocess
import sys

import pytest

from cqmin.terminal import MAX_WIDTH, MIN_WIDTH, PIPE_WIDTH, WRITTEN_AT_ONCE, Terminal


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


# ---------------------------------------------------------------- help: Rich on a wide terminal, plain elsewhere


@pytest.mark.parametrize("command", [[], ["check"], ["export"], ["pension"]])
def test_help_is_plain_text_in_a_pipe(command):
    result = subprocess.run([sys.executable, "-m", "cqmin", *command, "--help"], capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "COLUMNS"})  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("Usage: cqmin")
    assert not set("╭│╰─") & set(result.stdout) and "<str>" not in result.stdout  # no boxes, no type names
    assert max(len(line) for line in result.stdout.splitlines()) <= 80  # the pipe's width: 80, unknown


@pytest.mark.parametrize("columns", ["40", "60", "79"])
def test_help_on_a_narrow_terminal_cuts_no_option_name(columns):
    drawn = _in_a_terminal("--help", COLUMNS=columns).decode()
    for name in ("--install-completion", "--show-completion", "--facts", "--version"):
        assert name in drawn, (columns, name)
    assert "…" not in drawn


def test_help_on_a_wide_terminal_is_rich_and_keeps_paragraphs_whole():
    drawn = _in_a_terminal("check", "--help", COLUMNS="120").decode()
    assert "╭" in drawn  # Rich's panels
    text = re.sub(r"\x1b\[[0-9;]*m", "", drawn)
    (line,) = [line for line in text.splitlines() if "Each figure is supported" in line]
    assert "contradicted (the fact it is about says" in line  # the docstring's line breaks are not the help's
    assert b"\x1b[" not in _in_a_terminal("check", "--help", COLUMNS="120", NO_COLOR="1")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_text_written_in_pieces_is_the_text_written_whole(tmp_path, encoding):
    """Pieces are encoded as they come and written a few KiB at a time: the bytes are the whole text's, a
    byte-order mark once, however the pieces fall against the writes."""
    pieces = ["养老保险参保人数\n", "x" * (WRITTEN_AT_ONCE - 3), "中文" * 5000, "", "end\n"]
    path = tmp_path / "out"
    with open(path, "w", encoding=encoding) as stream:
        Terminal(stream).write_pieces(iter(pieces))
    assert path.read_bytes() == "".join(pieces).encode(encoding)


def test_a_character_the_encoding_lacks_leaves_nothing_written(tmp_path):
    """GBK holds Chinese but not "²": the whole text is encoded before a byte goes out, so `> out.csv` is empty,
    not 8 KiB of a file, when the output cannot hold it."""
    path = tmp_path / "out"
    with open(path, "w", encoding="gbk") as stream, pytest.raises(UnicodeEncodeError):
        Terminal(stream).write_pieces(iter(["养老" * WRITTEN_AT_ONCE, "km²"]))
    assert path.read_bytes() == b""
