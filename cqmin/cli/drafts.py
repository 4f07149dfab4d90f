"""`cqmin draft`: an article read into a draft fact base, written as TOML to stdout or to a file, whole."""

import os
import re

import typer

from cqmin import articles, atomic, dates, drafting, toml_text
from cqmin.environment import Environment
from cqmin.errors import CqminError
from cqmin.model import ID

HEADER = """A draft fact base: every figure cqmin draft found in {article}, read as {date}'s press conference.
Each fact says draft = true: check it against the article (its value and bound, unit, kind, as_of,
baseline and quote), give it a label and a topic of its own (and an id that names both), and delete
draft = true. Speakers, units and the event want their English too. `cqmin validate {file}{check}`
lists what is left; until no fact is a draft, no command looks figures up in it."""


def write(env: Environment, article_path: str, date: str, event: str | None, output: str | None, force: bool) -> None:
    """Draft the article and write the base: to `output` (never over a file without `force`), else stdout."""
    try:
        dates.day(date)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--date'") from None
    event = event if event is not None else f"event-{date}"
    if not re.fullmatch(ID, event):
        raise typer.BadParameter(f"'{event}' is not a lowercase id such as 'jobs-2024-04-18'", param_hint="'--event'")
    text = articles.read(article_path)
    folder = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    source = os.path.relpath(os.path.abspath(article_path), folder)  # the base names it from its own folder,
    inside = not source.startswith(os.pardir + os.sep) and source != os.pardir  # where validate reads one
    data = drafting.draft(text, date, event, source if inside else None)
    if not data["facts"]:
        raise CqminError(f"{article_path}: no figure found, so nothing to draft", hint="is it the report's text?")
    check = "" if inside else f" --source {article_path}"  # (an article outside the base's folder is named)
    header = HEADER.format(article=article_path, date=date, file=output or "FILE", check=check)
    content = toml_text.dumps(data, header=header)
    if output is None:
        env.stdout.write(content)
        return
    atomic.write_text(output, content, force)
    if env.stderr_is_tty():
        env.message(f"Drafted {len(data['facts'])} facts to {output}; 'cqmin validate {output}' lists what to review")
