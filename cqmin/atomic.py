"""Writing a user's file all at once or not at all.

An export goes to a temporary file in the target's folder and is moved to the
target only when complete, so an interrupted (Ctrl-C, SIGTERM) or failed export
never leaves half a file, nor a temporary one, and never damages the file that
was there. Without --force it is hard-linked into place, which fails if anything
appeared at the target while the export was being built.
"""

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable

from cqmin.errors import CqminError


def _mode_for(path: str) -> int:
    """The permissions the file would get from a plain open(): the old file's, else 0666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _failure(path: str, error: OSError) -> CqminError:
    reason = error.strerror or str(error)
    return CqminError(f"cannot write {path}: {reason}", hint="nothing was written; the old file, if any, is unchanged")


def _what(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    kinds = [
        (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
    ]  # fmt: skip
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _check_target(path: str, force: bool) -> None:
    """Refuse to replace anything but a regular file, and that only with --force."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise _failure(path, error) from None
    what = _what(mode)
    if what == "a folder":
        raise CqminError(f"{path} is a folder", hint="give a file name with -o")
    if what is not None:
        # Replacing it would swap a device, a pipe or a link for a file (as root, even /dev/null).
        hint = "export writes only regular files; leave out -o to write to standard output"
        raise CqminError(f"{path} is {what}, not a regular file", hint=hint)
    if not force:
        raise CqminError(f"{path} already exists", hint="add --force to replace it")


def write(path: str, build: Callable[[str], None], force: bool = False) -> None:
    """Have `build(temporary_path)` write the content, then move it into place at `path`.

    `force` allows replacing a regular file; nothing else is ever replaced.
    """
    _check_target(path, force)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise CqminError(f"cannot write {path}: no folder {folder}", hint="create the folder first")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".cqmin-", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise _failure(path, error) from None
    try:
        build(temporary)
        os.chmod(temporary, _mode_for(path))
        _place(temporary, path, force)
    except OSError as error:
        _remove(temporary)
        raise _failure(path, error) from None
    except BaseException:
        _remove(temporary)
        raise


def _place(temporary: str, path: str, force: bool) -> None:
    """Move the finished file to `path`, judging what is there now, not what was there before it was built."""
    if not force:
        try:  # a link, unlike a rename, fails if anything (a file, a symbolic link) appeared meanwhile
            os.link(temporary, path)
        except FileExistsError:
            raise CqminError(f"{path} already exists", hint="add --force to replace it") from None
        except OSError:  # a file system without hard links: check again, then rename
            _check_target(path, force)
            os.replace(temporary, path)
        else:
            _remove(temporary)  # the export stays, under its own name
        return
    _check_target(path, force)  # again: it may have become a link or a device while the export was built
    os.replace(temporary, path)


def write_text(path: str, text: "str | Iterable[str]", force: bool = False) -> None:
    """Write text, or its pieces in turn (formats.render), as UTF-8 to the file at `path`, whole or not at all."""

    def build(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.writelines((text,) if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())

    write(path, build, force)


def _remove(path: str) -> None:
    # With the file, whatever SQLite may have put beside it while it was being written.
    for leftover in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        with contextlib.suppress(OSError):
            os.unlink(leftover)
