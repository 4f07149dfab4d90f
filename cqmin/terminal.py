"""What the output stream can take: colour, width, characters. One object tests can replace."""

import os
import sys

from cqmin import TYPE_CHECKING

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterable

# Tables are laid out for at least MIN_WIDTH columns (a narrower terminal wraps their
# lines itself, losing nothing) and at most MAX_WIDTH: COLUMNS=10000000 must not make
# Rich pad ten million spaces a line. A pipe or a file gets COLUMNS, else PIPE_WIDTH:
# `cqmin insurance | less` should read like the terminal, not run 146 columns wide.
MIN_WIDTH = 20
MAX_WIDTH = 1000
PIPE_WIDTH = 80
WRITTEN_AT_ONCE = 8 * 1024  # bytes of output gathered into one write (one system call); a pipe holds 64 KiB


def columns(environ) -> int | None:
    """COLUMNS as a usable width: ASCII digits only, clamped to MIN_WIDTH..MAX_WIDTH; else None."""
    value = environ.get("COLUMNS", "").strip()
    if not (value.isascii() and value.isdigit()) or int(value) == 0:
        return None
    return max(MIN_WIDTH, min(MAX_WIDTH, int(value)))


def tame_environment(environ) -> None:
    """Make COLUMNS sane for everything that reads it (Rich and Click draw help from it)."""
    if "COLUMNS" not in environ:
        return
    width = columns(environ)
    if width is None:
        del environ["COLUMNS"]
    else:
        environ["COLUMNS"] = str(width)


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
        width = columns(environ)
        if width is not None:
            return width
        if self.is_tty:
            try:
                size = os.get_terminal_size(self.stream.fileno()).columns or 80
            except (OSError, AttributeError, ValueError):
                return 80
            return max(MIN_WIDTH, min(MAX_WIDTH, size))
        return PIPE_WIDTH

    def write(self, text: str) -> None:
        """Write all of `text` to the stream, or raise OSError (see write_pieces)."""
        self.write_pieces((text,))

    def write_pieces(self, pieces: "Iterable[str]") -> None:
        """Write text given in pieces (formats.render), or raise OSError; or UnicodeEncodeError, for a character
        the output's encoding lacks, before anything is written. In an encoding that holds every character (the
        UTF family), a few KiB are held at a time: each piece is encoded as it comes, and written once
        WRITTEN_AT_ONCE bytes have gathered. In any other (GBK, Latin-1), the whole text is encoded first, so that
        a character it lacks leaves no half of a file behind.

        Goes around the text layer to the file descriptor where there is one:
        with PYTHONUNBUFFERED=1, TextIOWrapper.write drops what a partial write
        left over (a pipe whose reader went away), where this loop writes on or
        raises BrokenPipeError.
        """
        import codecs  # (loaded at start-up: the standard streams' encoders)

        if not self.holds_everything:
            pieces = ("".join(pieces),)
        try:
            descriptor = self.stream.fileno()
        except (OSError, AttributeError, ValueError):  # io.UnsupportedOperation is both
            for piece in pieces:
                self.stream.write(piece)
            return
        self.stream.flush()
        # Incremental: an encoding that begins with a byte-order mark (utf-16) writes it once, not for each piece.
        encoder = codecs.getincrementalencoder(self.encoding)(getattr(self.stream, "errors", None) or "strict")
        gathered = bytearray()
        for piece in pieces:
            gathered += encoder.encode(piece)
            if len(gathered) >= WRITTEN_AT_ONCE:
                _send(descriptor, bytes(gathered))
                gathered.clear()
        _send(descriptor, bytes(gathered + encoder.encode("", final=True)))

    @property
    def holds_everything(self) -> bool:
        """Whether the encoding holds every character: the UTF family (not GBK, Latin-1 or ASCII)."""
        import codecs

        return codecs.lookup(self.encoding).name.startswith("utf")

    def can_encode(self, text: str) -> bool:
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    @property
    def unicode(self) -> bool:
        """Whether Chinese, box drawing and block characters survive this stream. 养 is simplified Chinese alone:
        Big5 holds 中文, but not the simplified characters the articles are written in."""
        return self.can_encode("中文养—→█▏")


def _send(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        silence_stdout()
        raise ReaderGone from None


class ReaderGone(Exception):
    """The reader of the output went away (`| head -1`) having read what it wanted: not an error.

    Not an OSError, which Click would turn into exit 1 before cqmin sees it.
    """


class ClosedStream:
    """Stands for a stream the shell closed (`>&-`): writing to it fails as writing to a closed fd does."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name: str, silent: bool = False) -> None:
        self.name = name
        self.silent = silent  # stderr: nowhere to complain, so its messages are dropped

    def write(self, text: str) -> int:
        if self.silent:
            return len(text)
        import errno

        raise OSError(errno.EBADF, "it is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import errno

        raise OSError(errno.EBADF, "it is closed")


def silence_stdout() -> None:
    """Send whatever Python still wants to flush at exit to /dev/null, so that it cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    if isinstance(sys.stdout, ClosedStream) or not hasattr(sys.stdout, "fileno"):
        return
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return  # nothing more to do for an output that is gone


def escape_unencodable(stream) -> None:
    """Have a stream write what its encoding cannot hold as \\u escapes, where it can be told to.

    (try/except, not contextlib.suppress: contextlib costs a look-up half a millisecond to import.)"""
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        return  # not a text stream of io's, or already written to
