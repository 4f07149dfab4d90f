"""Find a fact base, and load it into the typed records every command shows: from the cache, or from its file.

The bundled base is read through importlib.resources, so it is found in a wheel
or a zip alike; in an editable install or a checkout, it is the top-level
facts.toml, read in place. `--facts PATH` or CQMIN_FACTS replaces it. A fact
base is untrusted input: it is size-limited, decoded strictly, parsed,
validated, and only then built into records, which are cached (fact_file.py:
what a run whose cache serves never imports).
"""

import os
import time

from cqmin import cache, freshness
from cqmin.errors import CqminError
from cqmin.files import MAX_BYTES, open_regular, read_limited, read_user_file_status

ENV_VAR = "CQMIN_FACTS"
KIND = "facts"  # its entries in the cache
BUNDLED_LABEL = "facts.toml (bundled)"


class Source:
    """Where a fact base comes from: a path the user gave, or the bundled file."""

    def __init__(self, path: str | None) -> None:
        chosen = path or os.environ.get(ENV_VAR) or None
        self.bundled = chosen is None
        self.path = chosen
        self.label = chosen if chosen else BUNDLED_LABEL
        # Each installed cqmin has its own bundled base; a user's file is known by its full path.
        self.cache_name = f"bundled:{_package()}" if self.bundled else os.path.abspath(chosen)
        self._resource: str | None = None  # where the bundled file was found, if on disk
        self._status: tuple | None = None  # (the file's status as it was last read, a time before that), if known

    def folder(self) -> str:
        """The folder a fact base's relative paths (an event's source) start from."""
        if self.bundled:
            return os.path.dirname(self._resource or _package())
        return os.path.dirname(os.path.abspath(self.path))

    def validate_command(self) -> str:
        """The command that lists this base's problems, as a shell would run it."""
        if self.bundled:
            return "cqmin validate"
        import shlex

        return f"cqmin validate {shlex.quote(self.path)}"

    def read(self) -> bytes:
        if not self.bundled:
            return self._read_file(self.path, "a fact base")
        resource = _bundled_resource()
        if isinstance(resource, os.PathLike):  # a real file, not a member of a zip
            self._resource = os.fspath(resource)
            return self._read_file(self._resource, "the bundled fact base")
        return resource.read_bytes()

    def _read_file(self, path: str, what: str) -> bytes:
        """A file's bytes, its status kept with a time taken before it (freshness.key: is it racy?)."""
        when = time.time_ns()
        content, status = read_user_file_status(path, what)
        self._status = status, when
        return content

    def _where(self, reserved: frozenset, resource: str | None) -> dict:
        """The parts of a key that say which file, and for which names a topic may not take (cqmin's commands:
        validation depends on them). cqmin's code, languages included, is in every key (freshness.code)."""
        where = {"package": _package(), "path": resource} if self.bundled else {"path": os.path.abspath(self.path)}
        return {"reserved": sorted(reserved), **where}

    def cache_key(self, content: bytes, reserved: frozenset = frozenset()) -> dict:
        """What a cached base must have been built from, for content just read from this source."""
        status, when = self._status or (None, None)
        return freshness.key(content, status, when, **self._where(reserved, self._resource))

    def unchanged(self, stored: dict, reserved: frozenset) -> bool:
        """Whether an entry keyed `stored` is of this file as it is now, told by the file's status alone."""
        path = stored.get("path") if self.bundled else self.path  # (the bundled file where the entry found it)
        expected = self._where(reserved, path)
        if any(stored.get(name) != value for name, value in expected.items()) or not freshness.unchanged(stored, path):
            return False
        if self.bundled:
            self._resource = path
        return True

    def cached_content(self, key: dict) -> bytes | None:
        """The bundled file's bytes, read from where the cached entry says it was, if that is still this cqmin's.

        Saves importing importlib.resources on a lookup; the caller still compares
        size and checksum, so an edit of any kind is noticed.
        """
        if not (self.bundled and key.get("package") == _package() and key.get("path")):
            return None
        try:  # the entry says where: a regular file only, and no more than a fact base holds
            when = time.time_ns()
            descriptor = open_regular(key["path"])
            status = os.fstat(descriptor) if descriptor is not None else None
            content = read_limited(descriptor, MAX_BYTES) if descriptor is not None else None
        except (OSError, TypeError, ValueError):
            return None
        if content is not None:
            self._resource, self._status = key["path"], (status, when)
        return content

    def content(self, stored_key: dict | None) -> bytes:
        """The fact file's bytes: read once, for the checksum and, if that differs, for parsing."""
        content = self.cached_content(stored_key) if stored_key is not None else None
        return content if content is not None else self.read()


def current(source: Source, stored: dict | None, reserved: frozenset = frozenset()):
    """Whether an entry keyed `stored` is of the fact file as it is now, and the file's bytes and key where they
    had to be read to tell: (True, None, None) where its status told, without reading it (a look-up in a large
    base would otherwise cost more in reading and hashing than in answering)."""
    if stored is not None and source.unchanged(stored, reserved):
        return True, None, None
    content = source.content(stored)  # (CqminError where it cannot be read)
    key = source.cache_key(content, reserved)
    return stored is not None and freshness.same_source(stored, key), content, key


def keep_current(kind: str, source: Source, stored: tuple[dict, dict], key: dict | None) -> None:
    """Store an entry found current by its digest under the key the file has now (a new status, or no longer
    racy), so that the next run knows it by the status alone."""
    if key is not None and key != stored[0]:
        from cqmin import cache_store

        cache_store.rekeyed(kind, source.cache_name, key, stored[1])


def _package() -> str:
    """This cqmin's own location: only a name for its cache, so two installs never share one."""
    return os.path.dirname(os.path.abspath(__file__))


def _bundled_resource():
    """The bundled facts.toml: in the installed package, else (editable, checkout) the top-level file."""
    from importlib.resources import files

    resource = files("cqmin").joinpath("facts.toml")
    if resource.is_file():
        return resource
    from pathlib import Path

    checkout = Path(_package()).parent / "facts.toml"
    if checkout.is_file():
        return checkout
    raise CqminError("this cqmin has lost its bundled facts.toml", hint="reinstall cqmin, or give one with --facts")


def load(path: str | None = None, reserved: frozenset = frozenset()):
    """The fact base at `path` (else CQMIN_FACTS, else the bundled one), validated, from cache if possible.

    `reserved` are names a topic may not take (cqmin's commands). From the cache, the base's facts are read as
    a command asks for them (packed.py).
    """
    from cqmin import packed

    source = Source(path)
    use_cache = cache.enabled()
    stored = cache.read(KIND, source.cache_name) if use_cache else None
    fresh, content, key = current(source, stored[0] if stored else None, reserved)
    if fresh:
        parts = stored[1]
        try:
            base = packed.unpack(lambda name: cache.part(parts, name), source.label, lambda: _rebuilt(source, reserved))
        except packed.DAMAGED:
            base = None  # an entry of the right key but the wrong shape: rebuild it
        if base is not None:
            keep_current(KIND, source, stored, key)
            base.read_as = key or stored[0]
            return base
    return _rebuilt(source, reserved, content, key)


def _rebuilt(source: Source, reserved: frozenset, content: bytes | None = None, key: dict | None = None):
    from cqmin import fact_file  # only where the cache cannot serve

    return fact_file.built(source, KIND, reserved, content, key)
