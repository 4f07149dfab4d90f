"""A cache of validated fact bases, so that a lookup (or a TAB) skips TOML and validation.

One file per fact base in $XDG_CACHE_HOME/cqmin (else ~/.cache/cqmin): a magic
line, a CRC-32 of the body, and the body in marshal format (it loads in about a
millisecond and needs no import). The body holds a key, saying what the entry
was built from (the cqmin version, the layout, the fact file's location, size
and CRC-32), and the compiled base. The caller reads the fact file and compares
its size and checksum with the key, so an entry is served only for the very
bytes it was built from.

The cache is untrusted too, and invisible when it cannot help: an entry that is
not a regular file (a FIFO, a link to /dev/zero), too large, corrupt or of
another layout means "no cache", never an error, a hang or a message. Entries
are written to a fresh temporary file (O_EXCL, random name) and renamed into
place. CQMIN_NO_CACHE=1 turns the cache off.
"""

import contextlib
import marshal
import os
import zlib

from cqmin import __version__
from cqmin.files import open_regular, read_limited

# Bumped when the layout of an entry changes.
FORMAT = 3
_MAGIC = b"cqmin-cache %d\n" % FORMAT
MAX_BYTES = 256 * 1024 * 1024  # a 16 MiB fact base compiles to far less


def enabled() -> bool:
    return os.environ.get("CQMIN_NO_CACHE", "") in ("", "0")


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cqmin")


def _file(name: str) -> str:
    # One cache file per fact base, named by its location, so that switching
    # between fact bases does not evict the other's cache.
    return os.path.join(folder(), f"facts-{zlib.crc32(name.encode('utf-8', 'replace')):08x}.marshal")


def key(content: bytes, **where) -> dict:
    """What an entry built from `content` is known by: cqmin, layout, size, checksum, and where it was found."""
    return {"cqmin": __version__, "format": FORMAT, "size": len(content), "crc32": zlib.crc32(content), **where}


def read(name: str) -> tuple[dict, dict] | None:
    """(key, parts) as stored for `name`, or None if there is no sound entry. See part()."""
    try:
        descriptor = open_regular(_file(name), follow=False)
        stored = read_limited(descriptor, MAX_BYTES) if descriptor is not None else None
    except (OSError, ValueError):
        return None
    if stored is None or not stored.startswith(_MAGIC):
        return None
    checksum, body = stored[len(_MAGIC) : len(_MAGIC) + 4], stored[len(_MAGIC) + 4 :]
    if checksum != zlib.crc32(body).to_bytes(4, "big"):
        return None  # corrupt, truncated or edited
    entry = _loads(body)
    if not (isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(part, dict) for part in entry)):
        return None
    if entry[0].get("cqmin") != __version__ or entry[0].get("format") != FORMAT:
        return None
    return entry


def part(parts: dict, name: str):
    """One part of an entry ("base", "extras"), unpacked; None if absent or unreadable.

    Parts are marshalled one by one, so a TAB unpacks only the completion table
    and a lookup only the base.
    """
    packed = parts.get(name)
    return _loads(packed) if isinstance(packed, bytes) else None


def _loads(data: bytes):
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError, MemoryError, RecursionError):
        return None


def write(name: str, entry_key: dict, parts: dict) -> None:
    """Store an entry: written to a fresh temporary file and renamed, so readers never see half of one."""
    path = _file(name)
    temporary = None
    try:
        body = marshal.dumps((entry_key, {part: marshal.dumps(value) for part, value in parts.items()}))
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".facts-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(temporary, path)
    except (OSError, ValueError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
