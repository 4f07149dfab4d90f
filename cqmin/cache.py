"""A cache of validated fact bases, so that a lookup (or a TAB) skips TOML and validation.

The cache is a JSON file per fact base in $XDG_CACHE_HOME/cqmin (else
~/.cache/cqmin). Its key holds two checksums and the size of the fact file's
bytes, and the cqmin version, so a changed file or a new cqmin can never be
served stale data. The cache is invisible when it cannot help: any problem
reading or writing it (no folder, no permission, a corrupt or truncated file)
means "no cache", never an error or a message. CQMIN_NO_CACHE=1 turns it off.
"""

import contextlib
import json
import os
import zlib

from cqmin import __version__


def enabled() -> bool:
    return os.environ.get("CQMIN_NO_CACHE", "") in ("", "0")


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cqmin")


def key(content: bytes) -> dict:
    """What a cached base must have been built from; zlib is already imported by Typer."""
    return {
        "cqmin": __version__,
        "size": len(content),
        "crc32": zlib.crc32(content),
        "adler32": zlib.adler32(content),
    }


def _file(name: str) -> str:
    # One cache file per fact base, named by its location, so that switching
    # between fact bases does not evict the other's cache.
    return os.path.join(folder(), f"facts-{zlib.crc32(name.encode('utf-8', 'replace')):08x}.json")


def read(name: str, expected_key: dict) -> dict | None:
    """The cached base built from the same bytes, or None."""
    try:
        with open(_file(name), encoding="utf-8") as handle:
            stored = json.load(handle)
        if stored.get("key") == expected_key and isinstance(stored.get("base"), dict):
            return stored["base"]
    except (OSError, ValueError, AttributeError, RecursionError):
        pass
    return None


def write(name: str, cache_key: dict, base: dict) -> None:
    """Store a validated base; write to a temporary file and rename, so readers never see half a file."""
    path = _file(name)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"key": cache_key, "base": base}, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
