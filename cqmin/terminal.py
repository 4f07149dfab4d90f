"""What the output stream can take: colour, width, characters. One object tests can replace."""

import os
import sys

# Wide enough that a table written to a pipe or file is never wrapped or cut.
UNLIMITED_WIDTH = 1000


class Terminal:
    def __init__(self, stream=None, environ: dict | None = None) -> None:
        environ = os.environ if environ is None else environ
        self.stream = stream if stream is not None else sys.stdout
        try:
            self.is_tty = self.stream.isatty()
        except (AttributeError, ValueError):
            self.is_tty = False
        dumb = environ.get("TERM", "") == "dumb"
        self.color = self.is_tty and not environ.get("NO_COLOR") and not dumb
        self.width = self._width(environ)
        self.encoding = getattr(self.stream, "encoding", None) or "utf-8"

    def _width(self, environ: dict) -> int:
        columns = environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        if self.is_tty:
            try:
                return os.get_terminal_size(self.stream.fileno()).columns or 80
            except (OSError, AttributeError, ValueError):
                return 80
        return UNLIMITED_WIDTH

    def can_encode(self, text: str) -> bool:
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    @property
    def unicode(self) -> bool:
        """Whether Chinese, box drawing and block characters survive this stream."""
        return self.can_encode("中文—→█▏")
