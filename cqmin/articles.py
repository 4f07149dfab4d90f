"""The articles that validate checks quotes against: each event's own text, or the ones given on the command line.

An event's `source` names a file in the fact base's folder (or below it: a base
is untrusted, and must not make validate read, and tell of, any file it
likes); `--source EVENT=FILE` gives (or replaces) one event's, and a plain
`--source FILE` one for every other event, in place of their own. Each is read
as any file cqmin reads from a user: a regular file, within the size limit, in
UTF-8, and once, however many events name it.
"""

import os

from cqmin.errors import CqminError
from cqmin.files import read_user_file
from cqmin.record import Record

EVERY_EVENT = None  # the key of an article given for every event


class Article(Record):
    name: str  # the file, as the user wrote it
    text: str | None  # None if it could not be read
    problem: str | None  # why not
    from_base: bool  # named by the event's `source` key (a problem of the base), not on the command line


class SourceOptions(ValueError):
    """--source options that contradict each other: a usage error."""


def read(path: str) -> str:
    """An article's text; CqminError, saying why, if it is not a readable UTF-8 text file."""
    content = read_user_file(path, "an article")
    try:
        return content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise CqminError(f"{path}: not UTF-8 text (byte {error.start}), so not an article") from None


def events(data) -> list[dict]:
    """A parsed base's event tables, each with its id: schema 1's one [event] is LEGACY_EVENT."""
    from cqmin.model import LEGACY_EVENT

    if not isinstance(data, dict):
        return []
    if isinstance(data.get("event"), dict) and "events" not in data:
        return [{**data["event"], "id": LEGACY_EVENT}]
    found = data.get("events")
    return [event for event in found if isinstance(event, dict)] if isinstance(found, list) else []


def event_ids(data) -> list[str]:
    return [event["id"] for event in events(data) if isinstance(event.get("id"), str)]


def given(options: list[str], ids: list[str]) -> dict[str | None, str]:
    """The --source options as event id (or EVERY_EVENT) -> file; SourceOptions for a second plain one.

    "EVENT=FILE" names an event only where EVENT is one of the base's ids (in any case): a file named
    "a=b.txt" is a file.
    """
    found: dict[str | None, str] = {}
    for option in options:
        event, equals, path = option.partition("=")
        event = event.strip().lower()
        if not (equals and event in ids):
            event, path = EVERY_EVENT, option
        if not path:
            raise SourceOptions(f"--source {option}: no file named")
        if event in found:
            what = "a plain --source" if event is EVERY_EVENT else f"--source {event}=…"
            raise SourceOptions(f"{what} is given twice; give each event's as --source EVENT=FILE")
        found[event] = path
    return found


def _inside(folder: str, path: str) -> bool:
    """Whether `path`, links resolved, is `folder` or below it."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def gather(data: dict, folder: str, base_file: str | None, options: dict[str | None, str]) -> dict[str | None, Article]:
    """Event id -> its article: given on the command line, else named by the event's `source` (in the fact base's
    `folder`); EVERY_EVENT -> the plain --source, which replaces the events' own. Events with none are not checked.

    A file given on the command line that cannot be read is an error (CqminError); an event's own, a problem
    of the base, reported with the rest (Article.problem).
    """
    texts: dict[str, str | Exception] = {}

    def text_of(path: str):
        key = os.path.realpath(path)
        if key not in texts:
            try:
                texts[key] = read(path)
            except CqminError as error:
                texts[key] = error
        return texts[key]

    articles = {}
    for event, path in options.items():
        found = text_of(path)
        if isinstance(found, Exception):
            raise found
        articles[event] = Article(path, found, None, False)
    for event in events(data) if EVERY_EVENT not in options else ():
        ident, source = event.get("id"), event.get("source")
        if not (isinstance(ident, str) and isinstance(source, str) and source) or ident in articles:
            continue
        path = os.path.join(folder, source)
        if "\0" in source or not _inside(folder, path):
            articles[ident] = Article(source, None, "not in the fact base's folder (or one below it)", True)
        elif base_file is not None and os.path.realpath(path) == os.path.realpath(base_file):
            articles[ident] = Article(source, None, "is the fact base itself, not the article", True)
        else:
            found = text_of(path)
            problem = found.message.removeprefix(f"{path}: ") if isinstance(found, Exception) else None
            articles[ident] = Article(source, None if problem else found, problem, True)
    return articles
