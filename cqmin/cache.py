"""A cache of what cqmin compiles, so that a lookup (or a TAB) skips TOML, validation and the framework.

Three kinds of entry, in $XDG_CACHE_HOME/cqmin (else ~/.cache/cqmin): one file
per fact base of "facts", the validated base (facts.py), and of "commands", the
command table that the fast paths read a line with (cli/table.py); and one
"grammar", the options of cqmin and of a topic, the same for every base
(table_store.py). A file holds a magic line; a header, with its length and
checksum (against truncation and corruption; checksum.py), holding a key, saying what
the entry was built from, and where each part lies, with the part's own checksum; then the
parts, in marshal format (it loads fast and needs no import). A reader reads the
header, and then only the parts it needs: the topic a look-up prints, the ids a
TAB completes. What the key says, and how an entry is known to be of cqmin's
code and the fact file as they are now (its digest, or its status alone), is
freshness.py's; this module reads entries, and says how they are laid out;
cache_store.py writes them (a look-up that the cache serves imports it only to
re-key an entry whose file's status changed).

An entry is trusted as the user's own files are: one that another user could
have written (owned by someone else, or writable by group or others, as in a
shared XDG_CACHE_HOME) is ignored. And the cache is invisible when it cannot
help: an entry that is not a regular file (a FIFO, a link to /dev/zero), too
large, corrupt or of another layout means "no cache", never an error, a hang or
a message. CQMIN_NO_CACHE=1 turns the cache off.
"""

import marshal
import os
import stat

from cqmin.checksum import checksum as sum_of
from cqmin.files import open_regular

# Bumped when the layout of an entry changes.
FORMAT = 7
MAGIC = b"cqmin-cache %d\n" % FORMAT
MAX_BYTES = 256 * 1024 * 1024  # a 16 MiB fact base compiles to far less


def enabled() -> bool:
    return os.environ.get("CQMIN_NO_CACHE", "") in ("", "0")


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cqmin")


def file_of(kind: str, name: str) -> str:
    # One cache file per kind and fact base, named by its location, so that switching
    # between fact bases does not evict the other's cache.
    return os.path.join(folder(), f"{kind}-{sum_of(name.encode('utf-8', 'replace')):08x}.marshal")


def read(kind: str, name: str) -> "tuple[dict, Parts] | None":
    """(key, parts) as stored for `name`, or None if there is no sound entry. Only the key and the table of
    contents are read here; each part when it is asked for (part())."""
    path = file_of(kind, name)
    try:
        descriptor = open_regular(path, follow=False)
    except (OSError, ValueError):
        return None
    if descriptor is None:
        return None
    try:
        parts = _header(descriptor, path)
    except (OSError, ValueError, OverflowError, MemoryError):
        parts = None
    finally:
        os.close(descriptor)
    if parts is None or parts.key.get("format") != FORMAT:
        return None  # (of another layout; whether it is of this code and this file: freshness.py)
    return parts.key, parts


def _header(descriptor: int, path: str) -> "Parts | None":
    """The entry in an open file: its key and where each part is, if the file is this user's and sound."""
    status = os.fstat(descriptor)
    if not _own(status) or status.st_size > MAX_BYTES:
        return None
    head = _read_at(descriptor, 0, len(MAGIC) + 8)
    if len(head) != len(MAGIC) + 8 or not head.startswith(MAGIC):
        return None
    length, checksum = int.from_bytes(head[-8:-4], "big"), int.from_bytes(head[-4:], "big")
    header = _read_at(descriptor, len(head), length) if length <= status.st_size else b""
    if len(header) != length or sum_of(header) != checksum:
        return None  # corrupt, truncated or edited
    entry = _loads(header)
    if not (isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(item, dict) for item in entry)):
        return None
    key, contents = entry
    start = len(head) + length
    for where in contents.values():  # each part within the file
        if not (isinstance(where, tuple) and [type(number) for number in where] == [int] * 3):
            return None
        if where[0] < 0 or where[1] < 0 or start + where[0] + where[1] > status.st_size:
            return None
    return Parts(path, _identity(status), start, key, contents)


def _identity(status: os.stat_result) -> tuple:
    return status.st_ino, status.st_dev, status.st_size, status.st_mtime_ns


def _read_at(descriptor: int, offset: int, length: int) -> bytes:
    os.lseek(descriptor, offset, os.SEEK_SET)
    chunks = []
    while length > 0:
        chunk = os.read(descriptor, length)
        if not chunk:
            break
        chunks.append(chunk)
        length -= len(chunk)
    return b"".join(chunks)


class Parts:
    """The parts of an entry, each read from its file when it is first asked for and checked by its own checksum:
    a look-up in a large base reads the topic it prints, not the base. The file is opened for each part, and
    must still be the one whose header was read (replaced since, by a run that rebuilt it: no part)."""

    def __init__(self, path: str, identity: tuple, start: int, key: dict, contents: dict) -> None:
        self.key, self._path, self._identity, self._start, self._contents = key, path, identity, start, contents
        self._held: dict[str, bytes] = {}  # parts read whole (hold()), whose file is about to be replaced

    def hold(self) -> dict[str, bytes] | None:
        """Every part's bytes, read now and kept, for this process reads on from them once the file is replaced
        (cache_store.rekeyed); None if a part is damaged."""
        packed = {part: self.raw(part) for part in self.names()}
        if any(data is None for data in packed.values()):
            return None
        self._held = packed
        return packed

    def names(self) -> list[str]:
        return list(self._contents)

    def has(self, name: str) -> bool:
        """Whether the entry has this part (raw() may still find it damaged)."""
        return name in self._contents

    def raw(self, name: str) -> bytes | None:
        """A part's bytes as stored, or None if it is absent or damaged."""
        where = self._contents.get(name)
        if where is None or name in self._held:
            return self._held.get(name)
        offset, length, checksum = where
        try:
            descriptor = open_regular(self._path, follow=False)
            if descriptor is None:
                return None
            try:
                status = os.fstat(descriptor)
                same = _identity(status) == self._identity and _own(status)
                data = _read_at(descriptor, self._start + offset, length) if same else b""
            finally:
                os.close(descriptor)
        except (OSError, ValueError, OverflowError, MemoryError):
            return None
        return data if len(data) == length and sum_of(data) == checksum else None


def _own(status: os.stat_result) -> bool:
    """Whether only this user could have written a file."""
    getuid = getattr(os, "geteuid", None)
    if getuid is None:  # Windows: no owners or group bits (every file reads 0o666); the folder's ACL decides
        return True
    return status.st_uid == getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def part(parts: "Parts", name: str):
    """One part of an entry, unpacked; None if absent or unreadable."""
    packed = parts.raw(name)
    return _loads(packed) if packed is not None else None


def _loads(data: bytes):
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError, MemoryError, RecursionError):
        return None
