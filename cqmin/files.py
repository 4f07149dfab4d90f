"""Reading a file the user named, as untrusted input: a regular file, within a size limit, or a clear error.

A FIFO, a device such as /dev/zero, or a folder given where a file belongs would
otherwise hang cqmin or read until memory runs out.
"""

import os
import stat

from cqmin.errors import CqminError

MAX_BYTES = 16 * 1024 * 1024  # far above the bundled base (~60 KB) and the article (~18 KB)


def open_regular(path: str, follow: bool = True) -> int | None:
    """A descriptor open for reading on `path` if it is a regular file, else None; OSError if it cannot be opened.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_BINARY keeps Windows
    from reading the file as text;
    `follow=False` refuses a symbolic link (for files cqmin itself writes).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        return descriptor
    os.close(descriptor)
    return None


def read_limited(descriptor: int, limit: int) -> bytes | None:
    """All of an open file, or None if it holds more than `limit` bytes. Closes the descriptor."""
    with os.fdopen(descriptor, "rb") as handle:
        content = handle.read(limit + 1)
    return content if len(content) <= limit else None


def read_user_file(path: str, what: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file the user named (`what` says what it should be: "a fact base", "the article")."""
    return read_user_file_status(path, what, limit)[0]


def read_user_file_status(path: str, what: str, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """read_user_file, and the file's status as it was just before it was read (of the very file read)."""
    try:
        if os.path.isdir(path):
            raise CqminError(f"{path}: is a folder, not {what}", hint="give the path of a file")
        descriptor = open_regular(path)
    except FileNotFoundError:
        raise CqminError(f"{path}: no such file", hint="check the path") from None
    except PermissionError:
        raise CqminError(f"{path}: permission denied") from None
    except OSError as error:
        raise CqminError(f"{path}: cannot read ({error.strerror or error})") from None
    except ValueError:  # a NUL in the path: no file has that name
        raise CqminError(f"{path!r}: no such file (a path holds no NUL)") from None
    if descriptor is None:
        raise CqminError(f"{path}: not a regular file (a pipe or a device?), so not {what}")
    try:
        status = os.fstat(descriptor)
        content = read_limited(descriptor, limit)
    except OSError as error:
        raise CqminError(f"{path}: cannot read ({error.strerror or error})") from None
    if content is None:
        raise CqminError(f"{path}: over the {limit // 2**20} MiB limit for {what}")
    return content, status
