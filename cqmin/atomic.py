"""Writing a user's file all at once or not at all.

An export goes to a temporary file in the target's folder and is renamed over
the target only when complete, so an interrupted or failed export never leaves
half a file and never damages the file that was there.
"""

import contextlib
import os
import tempfile
from collections.abc import Callable

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


def write(path: str, build: Callable[[str], None], force: bool = False) -> None:
    """Have `build(temporary_path)` write the content, then move it into place at `path`."""
    if os.path.isdir(path):
        raise CqminError(f"{path} is a folder", hint="give a file name with -o")
    if os.path.lexists(path) and not force:
        raise CqminError(f"{path} already exists", hint="add --force to replace it")
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
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise _failure(path, error) from None
    except BaseException:
        _remove(temporary)
        raise


def write_text(path: str, text: str, force: bool = False) -> None:
    def build(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())

    write(path, build, force)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
