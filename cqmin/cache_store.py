"""Storing entries of the cache (cache.py: their layout, and reading them): written to a fresh temporary file
(O_EXCL, random name) and renamed into place, so that readers never see half of one, and an interrupted write
leaves nothing behind. A run whose answer the cache holds imports this module only to re-key an entry (a file
touched, or no longer racy: facts.keep_current)."""

import marshal
import os

from cqmin.cache import MAGIC, Parts, file_of
from cqmin.checksum import checksum as sum_of


def write(kind: str, name: str, entry_key: dict, parts: dict) -> None:
    """Store an entry: written to a fresh temporary file and renamed, so readers never see half of one."""
    _write(kind, name, entry_key, {part: marshal.dumps(value) for part, value in parts.items()})


def rekeyed(kind: str, name: str, entry_key: dict, parts: Parts) -> None:
    """Store an entry's parts as read under another key: a file found unchanged by its digest, whose status
    changed (touched, copied back) or is no longer racy."""
    packed = parts.hold()
    if packed is not None:
        _write(kind, name, entry_key, packed)


def _write(kind: str, name: str, entry_key: dict, packed: dict[str, bytes]) -> None:
    path = file_of(kind, name)
    temporary = None
    try:
        contents, offset = {}, 0
        for part, data in packed.items():
            contents[part] = (offset, len(data), sum_of(data))
            offset += len(data)
        header = marshal.dumps((entry_key, contents))
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".facts-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + len(header).to_bytes(4, "big") + sum_of(header).to_bytes(4, "big") + header)
            for data in packed.values():
                out.write(data)
        os.replace(temporary, path)
        temporary = None
    except (OSError, ValueError):
        pass  # no cache, then: the run goes on
    finally:  # failed, or stopped by Ctrl-C or SIGTERM mid-write: no temporary file left behind
        _remove(temporary)


def drop(kind: str, name: str) -> None:
    """Remove an entry found damaged, so that the next run writes it anew."""
    _remove(file_of(kind, name))


def _remove(path: str | None) -> None:
    if path is not None:
        try:  # (not contextlib.suppress: its import costs a look-up half a millisecond)
            os.unlink(path)
        except OSError:
            return  # gone already
