"""Find, read, check and load a fact base into the records every command shows.

The bundled base is read through importlib.resources, so it is found in a wheel,
an editable install or a zip alike. `--facts PATH` or CQMIN_FACTS replaces it.
A fact base is untrusted input: it is size-limited, decoded strictly, parsed,
validated, and only then compiled into the records of the JSON contract (see
the README), which are cached.
"""

import os

from cqmin import cache
from cqmin.errors import CqminError
from cqmin.files import MAX_BYTES, read_user_file

ENV_VAR = "CQMIN_FACTS"


class InvalidFactBase(CqminError):
    """A fact base that cannot be used; `problems` are formatted lines, file and line first."""

    def __init__(self, label: str, problems: list[str]) -> None:
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(f"{label}: {count}", hint=f"run 'cqmin validate {label}' for the full list")
        self.problems = problems


class Source:
    """Where a fact base comes from: a path the user gave, or the bundled file."""

    def __init__(self, path: str | None) -> None:
        chosen = path or os.environ.get(ENV_VAR) or None
        self.bundled = chosen is None
        self.path = chosen
        self.label = chosen if chosen else "facts.toml (bundled)"
        # Each installed cqmin has its own bundled base; a user's file is known by its full path.
        self.cache_name = f"bundled:{_package()}" if self.bundled else os.path.abspath(chosen)
        self._resource: str | None = None  # where importlib.resources found the bundled file, if on disk

    def read(self) -> bytes:
        if not self.bundled:
            return read_user_file(self.path, "a fact base")
        from importlib.resources import files

        resource = files("cqmin").joinpath("facts.toml")
        if isinstance(resource, os.PathLike):  # a real file, not a member of a zip
            self._resource = os.fspath(resource)
        return resource.read_bytes()

    def cache_key(self, content: bytes) -> dict:
        """What a cached base must have been built from, for content just read from this source."""
        if self.bundled:
            return cache.key(content, package=_package(), path=self._resource)
        return cache.key(content, path=os.path.abspath(self.path))

    def cached_content(self, key: dict) -> bytes | None:
        """The bundled file's bytes, read from where the cached entry says it was, if that is still this cqmin's.

        Saves importing importlib.resources on a lookup; the caller still compares
        size and checksum, so an edit of any kind is noticed.
        """
        if not (self.bundled and key.get("package") == _package() and key.get("path")):
            return None
        try:
            with open(key["path"], "rb") as handle:
                content = handle.read(MAX_BYTES + 1)
        except OSError:
            return None
        self._resource = key["path"]
        return content


def _package() -> str:
    """This cqmin's own location: only a name for its cache, so two installs never share one.

    (The fact base itself is always read through importlib.resources.)
    """
    return os.path.dirname(os.path.abspath(__file__))


def parse(content: bytes, label: str) -> tuple[dict, str]:
    """Decode and parse TOML; raise InvalidFactBase with the line and column of the fault."""
    if not content.strip():
        raise InvalidFactBase(label, [f"{label}: the file is empty"])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise InvalidFactBase(label, [f"{label}:{line}: not UTF-8 text (byte {error.start})"]) from None
    import tomli

    try:
        return tomli.loads(text), text
    except tomli.TOMLDecodeError as error:
        where = f"{label}:{error.lineno}:{error.colno}" if getattr(error, "lineno", None) else label
        raise InvalidFactBase(label, [f"{where}: TOML syntax: {getattr(error, 'msg', error)}"]) from None
    except RecursionError:
        raise InvalidFactBase(label, [f"{label}: nested too deeply to be a fact base"]) from None
    except ValueError as error:  # an integer of more digits than Python converts (sys.int_info)
        raise InvalidFactBase(label, [f"{label}: {error}"]) from None


def check(content: bytes, label: str, article: str | None = None) -> tuple[dict, list[str]]:
    """Parse and validate; return the data and the formatted problems (empty when sound)."""
    from cqmin import validate

    data, text = parse(content, label)
    problems = validate.check(data, text)
    if article is not None:
        problems += validate.check_quotes(data, text, article)
    problems.sort(key=lambda problem: problem.line or 0)
    return data, [problem.format(label) for problem in problems]


def load(path: str | None = None) -> "FactBase":
    """The fact base at `path` (else CQMIN_FACTS, else the bundled one), validated, from cache if possible."""
    source = Source(path)
    use_cache = cache.enabled()
    stored = cache.read(source.cache_name) if use_cache else None
    content = source.cached_content(stored[0]) if stored is not None else None
    if content is None:
        content = source.read()  # read once, for the checksum and, if that differs, for parsing
    key = source.cache_key(content)
    if stored is not None and stored[0] == key:
        return FactBase(stored[1], source.label)
    data, problems = check(content, source.label)
    if problems:
        raise InvalidFactBase(source.label, problems)
    from cqmin import contract  # only when the cache cannot serve

    compiled = contract.compile_base(data)
    if use_cache:
        cache.write(source.cache_name, key, compiled)
    return FactBase(compiled, source.label)


class FactBase:
    """The loaded records, with the look-ups commands need."""

    def __init__(self, compiled: dict, label: str) -> None:
        self.label = label
        self.event: dict = compiled["event"]
        self.speakers: list[dict] = compiled["speakers"]
        self.topics: list[dict] = compiled["topics"]
        self.facts: list[dict] = compiled["facts"]
        self._facts = {fact["id"]: fact for fact in self.facts}
        self.topics_by_id: dict[str, dict] = {topic["id"]: topic for topic in self.topics}
        self.speakers_by_id: dict[str, dict] = {speaker["id"]: speaker for speaker in self.speakers}

    def fact(self, fact_id: str) -> dict | None:
        return self._facts.get(fact_id)

    def topic(self, topic_id: str) -> dict | None:
        return self.topics_by_id.get(topic_id)

    def speaker(self, speaker_id: str | None) -> dict | None:
        return self.speakers_by_id.get(speaker_id) if speaker_id else None

    def facts_of(self, topic_id: str) -> list[dict]:
        return [fact for fact in self.facts if fact["topic"] == topic_id]
