"""Where one run writes, and what it runs in: standard output, standard error, the environment variables.

As httpie's Environment: one object, handed to whatever writes, that tests can
replace. Results go to `stdout` (a Terminal: width, colour, encoding, written
whole); messages go to standard error through `message` and the helpers on it,
and no other module of cqmin writes to sys.stderr.
"""

import os
import sys

from cqmin.terminal import Terminal, escape_unencodable


class Environment:
    def __init__(self, stdout=None, stderr=None, environ=None, today: str | None = None) -> None:
        self.environ = os.environ if environ is None else environ
        self._stdout_stream = stdout
        self._stderr = stderr
        self._stdout: Terminal | None = None
        self._today = today

    def today(self) -> str:
        """The day of this run, YYYY-MM-DD (a citation's access date)."""
        if self._today is None:
            import time  # (built in: datetime would cost every run 1.5 ms for a citation's date)

            self._today = time.strftime("%Y-%m-%d")
        return self._today

    @property
    def stdout(self) -> Terminal:
        """The output of results: the stream given, else sys.stdout as it is when first written to."""
        if self._stdout is None:
            self._stdout = Terminal(self._stdout_stream, self.environ)
        return self._stdout

    @property
    def stderr(self):
        """The stream of messages: the one given, else sys.stderr as it is now (a test runner swaps it)."""
        return self._stderr if self._stderr is not None else sys.stderr

    def stderr_is_tty(self) -> bool:
        try:
            return bool(self.stderr.isatty())
        except (AttributeError, ValueError):
            return False

    def message(self, text: str) -> None:
        """A line on standard error. Never fails: a closed or broken stderr has nobody to tell."""
        try:
            self.stderr.write(text + "\n")
            self.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass

    def note(self, text: str) -> None:
        self.message(f"Note: {text}")

    def warning(self, text: str) -> None:
        self.message(f"Warning: {text}")

    def error(self, text: str, hint: str | None = None, details: list[str] = ()) -> None:
        """An error as cqmin reports every one: "Error: …", indented details, then "Hint: …"."""
        self.message(f"Error: {text}")
        for detail in details:
            self.message(f"  {detail}")
        if hint:
            self.message(f"Hint: {hint}")

    def with_messages_to(self, stream) -> "Environment":
        """The same run (its output, variables and day) with its messages written to `stream`: the fast
        look-up holds them until it knows it answers, so that a line it leaves to Typer is said once."""
        other = Environment(self._stdout_stream, stream, self.environ, self._today)
        other._stdout = self._stdout
        return other

    def escape_unencodable_stdout(self) -> None:
        """On an output that cannot hold Chinese (PYTHONIOENCODING=ascii), write \\u escapes, not a crash.

        Commands that draw tables choose English and plain replacement instead (lookups.Session).
        """
        stream = self._stdout_stream if self._stdout_stream is not None else sys.stdout
        try:
            "中".encode(getattr(stream, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            escape_unencodable(stream)

    def report_write_error(self, error: OSError) -> int:
        """Say that standard output could not be written (full disk, closed stream), and stop trying to."""
        from cqmin.terminal import silence_stdout

        if not isinstance(error, BrokenPipeError):  # a reader gone (`| head -1`) has nothing to be told
            self.message(f"Error: cannot write to standard output: {error.strerror or error}")
        silence_stdout()
        return 1
