"""A cache of validated fact bases, so that a lookup (or a TAB) skips TOML and validation.

One file per fact base in $XDG_CACHE_HOME/cqmin (else ~/.cache/cqmin), holding
a key and the compiled base, in marshal format: it loads in well under a
millisecond and needs no import. The key says what the base was built from:
the cqmin version and the fact file's location, size and modification time
(plus a checksum of its bytes, where they were read), so a changed file or a
new cqmin can never be served stale data.

The cache is invisible when it cannot help: any problem reading or writing it
(no folder, no permission, a corrupt or truncated file) means "no cache",
never an error or a message. CQMIN_NO_CACHE=1 turns it off.
"""

import contextlib
import marshal
import os
import zlib

from cqmin import __version__

# Bumped when the layout of a compiled base changes.
FORMAT = 1


def enabled() -> bool:
    return os.environ.get("CQMIN_NO_CACHE", "") in ("", "0")


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cqmin")


def _file(name: str) -> str:
    # One cache file per fact base, named by its location, so that switching
    # between fact bases does not evict the other's cache.
    return os.path.join(folder(), f"facts-{zlib.crc32(name.encode('utf-8', 'replace')):08x}.marshal")


def stamp(path: str | None) -> dict | None:
    """The version, size and modification time that identify a file's state, or None."""
    if path is None:
        return None
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return {"cqmin": __version__, "format": FORMAT, "path": path, "size": status.st_size, "mtime": status.st_mtime_ns}


def _usable(stored) -> bool:
    if not (isinstance(stored, dict) and isinstance(stored.get("key"), dict)):
        return False
    base = stored.get("base")
    return isinstance(base, dict) and all(isinstance(base.get(part), list) for part in ("facts", "topics", "speakers"))


def read(name: str) -> tuple[dict, dict] | None:
    """(key, compiled base) as stored for `name`, or None."""
    try:
        with open(_file(name), "rb") as handle:
            # loads() on the whole file: load() on a file reads object by object, ~6x slower.
            stored = marshal.loads(handle.read())
    except (OSError, ValueError, EOFError, TypeError, MemoryError, RecursionError):
        return None
    return (stored["key"], stored["base"]) if _usable(stored) else None


def write(name: str, key: dict, base: dict) -> None:
    """Store a validated base; write to a temporary file and rename, so readers never see half a file."""
    path = _file(name)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump({"key": key, "base": base}, handle)
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
