"""The articles that validate checks quotes against: each event's own text, or the ones given on the command line.

An event's `source` names a file relative to the fact base's folder; `--source
EVENT=FILE` gives (or replaces) one event's, and a plain `--source FILE` one for
every event that has none given so. Each is read as any file cqmin reads from a
user: a regular file, within the size limit, in UTF-8.
"""

import os
from typing import NamedTuple

from cqmin.errors import CqminError
from cqmin.files import read_user_file

EVERY_EVENT = None  # the key of an article given for every event


class Article(NamedTuple):
    name: str  # the file, as the user wrote it
    text: str | None  # None if it could not be read
    problem: str | None  # why not
    from_base: bool  # named by the event's `source` key (a problem of the base), not on the command line


def read(path: str) -> str:
    """An article's text; CqminError, saying why, if it is not a readable UTF-8 text file."""
    content = read_user_file(path, "an article")
    try:
        return content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise CqminError(f"{path}: not UTF-8 text (byte {error.start}), so not an article") from None


def _article(name: str, path: str, from_base: bool) -> Article:
    try:
        return Article(name, read(path), None, from_base)
    except CqminError as error:
        return Article(name, None, error.message.removeprefix(f"{path}: "), from_base)


def event_ids(data) -> list[str]:
    """The ids of a parsed fact base's events, as far as it has any (schema 1: the one, LEGACY_EVENT)."""
    from cqmin.model import LEGACY_EVENT

    if not isinstance(data, dict):
        return []
    if "event" in data and "events" not in data:
        return [LEGACY_EVENT]
    events = data.get("events")
    return (
        [event["id"] for event in events if isinstance(event, dict) and isinstance(event.get("id"), str)]
        if (isinstance(events, list))
        else []
    )


def given(options: list[str], event_ids: list[str]) -> dict[str | None, str]:
    """The --source options as event id (or EVERY_EVENT) -> file; ValueError for a second plain one.

    "EVENT=FILE" names an event only where EVENT is one of the base's ids: a file named "a=b.txt" is a file.
    """
    found: dict[str | None, str] = {}
    for option in options:
        event, equals, path = option.partition("=")
        if not (equals and event in event_ids):
            event, path = EVERY_EVENT, option
        if event in found:
            what = "a plain --source" if event is EVERY_EVENT else f"--source {event}=…"
            raise ValueError(f"{what} is given twice; give each event's as --source EVENT=FILE")
        found[event] = path
    return found


def gather(data: dict, folder: str, options: dict[str | None, str]) -> dict[str | None, Article]:
    """Event id -> its article: given on the command line, else named by the event's `source` (relative to
    the fact base's `folder`); EVERY_EVENT -> the plain --source. Events with neither are not checked.

    A file given on the command line that cannot be read is an error (CqminError); an event's own, a
    problem of the base, reported with the rest (Article.problem).
    """
    articles = {event: Article(path, read(path), None, False) for event, path in options.items()}
    events = data.get("events") if isinstance(data, dict) else None
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict):
            continue
        ident, source = event.get("id"), event.get("source")
        if isinstance(ident, str) and isinstance(source, str) and source and ident not in articles:
            articles[ident] = _article(source, os.path.join(folder, source), True)
    return articles
