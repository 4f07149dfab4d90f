"""`cqmin validate`: check a fact base (and, with --source, its quotes against the article) into a result."""

import sys

import typer

from cqmin import facts
from cqmin.errors import CqminError
from cqmin.files import read_user_file
from cqmin.results import Problems


def _article(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        return read_user_file(path, "the article").decode("utf-8")
    except UnicodeDecodeError:
        raise CqminError(f"{path}: not UTF-8 text, so not the article") from None


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


def check(ctx: typer.Context, path: str | None, article_path: str | None) -> Problems:
    """The problems of the base at `path` (else CQMIN_FACTS, else the bundled one); its size when it has none."""
    source = facts.Source(path)
    article = _article(article_path)
    reserved = frozenset(ctx.find_root().command.commands)  # a topic may not take a command's name
    try:
        data, problems, notes = facts.check(source.read(), source, article, reserved)
    except facts.InvalidFactBase as error:
        return Problems(source.label, error.problems)
    for note in notes:
        sys.stderr.write(f"Note: {note}\n")
    counts = None
    if not problems:
        from cqmin.build import build

        base = build(data, source.label)
        counts = [
            _plural(len(base.facts), "fact"),
            _plural(len(base.topics), "topic"),
            _plural(len(base.speakers), "speaker"),
            _plural(len(base.events), "event"),
        ]
    return Problems(source.label, problems, counts, notes)
