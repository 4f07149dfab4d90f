"""What a cache entry is known by, and whether it is of cqmin's code and the fact file as they are now.

An entry's key (key()) names cqmin's version and code (code(): every module's
size and modification time, the rule Python's own bytecode cache applies to its
sources), the cache's layout, and the fact file it was built from: where it was
found, its size and BLAKE2b digest, and its status when it was read (size,
modification and change times, inode, device). An entry is served only for the
very bytes it was built from, and only by the code that built it: an edit of
cqmin, a format or a command added among them, rebuilds it. Reading and hashing a
large base on every look-up would cost more than the look-up, so a file whose
status is the key's is known unchanged without being read (unchanged()), as git
knows its work tree; one changed within two seconds of its reading ("racy") is
checked by its digest until it settles.
"""

import os
import time

from cqmin import __version__
from cqmin.cache import FORMAT
from cqmin.checksum import checksum

_CODE: list[str] = []  # the fingerprint of this process's code, computed once


def code() -> str:
    """A fingerprint of cqmin's own code: the path, size and modification time of every module.

    The rule Python's bytecode cache applies to a source file; an edit, a
    reinstall or a checkout changes it. Costs about 0.3 ms: a stat a module.
    """
    if not _CODE:
        package = os.path.dirname(os.path.abspath(__file__))
        stamps = []
        folders = [package]
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in sorted(entries, key=lambda entry: entry.name):
                    if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                        folders.append(entry.path)
                    elif entry.name.endswith(".py"):
                        status = entry.stat()
                        stamps.append(f"{entry.path}\0{status.st_size}\0{status.st_mtime_ns}\n")
        # A checksum of a text nobody forges (whoever can edit cqmin's code needs no cache to fool), and its
        # length: BLAKE2b's module is only for the fact file's bytes.
        text = "".join(stamps).encode()
        _CODE.append(f"{checksum(text):08x}-{len(text):x}")
    return _CODE[0]


def code_key() -> dict:
    """What an entry that no fact file went into is known by: cqmin, its code, the cache's layout."""
    return {"cqmin": __version__, "code": code(), "format": FORMAT}


def key(content: bytes, status: os.stat_result | None = None, read_at: int | None = None, **where) -> dict:
    """What an entry built from `content` is known by: cqmin, its code, layout, size, checksum, where it was found;
    and the file's status just before `content` was read from it (None where unknown), `read_at` a time (ns)
    taken before that."""
    try:
        from _blake2 import blake2b  # hashlib's own, without the 2.5 ms import of hashlib
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    digest = blake2b(content, digest_size=16).hexdigest()
    known = _status(status)
    # Racy, as git calls it: a file changed within the clock's resolution of its reading could change again
    # with the same status; such an entry is checked by its digest until the file is older (`rekeyed`).
    read_at = time.time_ns() if read_at is None else read_at
    racy = known is None or read_at - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS
    return {
        "cqmin": __version__, "code": code(), "format": FORMAT, "size": len(content), "blake2b": digest, **where,
        "status": known, "racy": racy,
    }  # fmt: skip


RACY_NS = 2_000_000_000  # two seconds: coarser than any file system's time stamps that keep a change time
_STATUS = ("status", "racy")  # the parts of a key that say how it is checked, not what it was built from


def _status(status: os.stat_result | None) -> list[int] | None:
    """What says a file has not changed: its size, modification and change times, inode and device. The change
    time is set by the system at every write, and no program can set it back; Windows has none (st_ctime is
    the creation time there), so there every file is read."""
    if status is None or os.name == "nt":
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


def unchanged(stored: dict, path: str | None) -> bool:
    """Whether the file at `path` is surely the one an entry keyed `stored` was built from, by its status alone."""
    if path is None or stored.get("racy", True) or stored.get("status") is None:
        return False
    if stored.get("cqmin") != __version__ or stored.get("code") != code() or stored.get("format") != FORMAT:
        return False
    try:
        return _status(os.stat(path)) == stored["status"]
    except (OSError, ValueError):
        return False


def same_source(stored: dict, current: dict) -> bool:
    """Whether two keys name the same build (code, layout, file, bytes), however each was checked."""
    return {name: value for name, value in stored.items() if name not in _STATUS} == {
        name: value for name, value in current.items() if name not in _STATUS
    }
