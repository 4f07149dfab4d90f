"""`cqmin validate`: check a fact base (and, with --source, its quotes against the article) into a result."""

import typer

from cqmin import facts
from cqmin.cli.session import reserved, run_of
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
    try:
        data, problems, notes = facts.check(source.read(), source, article, reserved(ctx))
    except facts.InvalidFactBase as error:
        return Problems(source.label, error.problems)
    env = run_of(ctx).env
    for note in notes:
        env.note(note)
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
