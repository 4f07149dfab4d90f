"""`cqmin validate`: check a fact base (and, with --source, its quotes against the article) into a result."""

import typer

from cqmin import fact_file, facts
from cqmin.articles import SourceOptions
from cqmin.cli.session import reserved, run_of
from cqmin.results import Problems


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


def check(ctx: typer.Context, path: str | None, articles: list[str]) -> Problems:
    """The problems of the base at `path` (else CQMIN_FACTS, else the bundled one); its size when it has none.

    Quotes are checked against each event's own `source`, and against the articles given (--source).
    """
    source = facts.Source(path)
    try:
        data, problems, notes = fact_file.check(source.read(), source, articles, reserved(ctx))
    except fact_file.InvalidFactBase as error:
        return Problems(source.label, error.problems)
    except SourceOptions as error:  # two plain --source: which is the article?
        raise typer.BadParameter(str(error), param_hint="'--source'") from None
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
