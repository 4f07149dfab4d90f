"""`cqmin export`: the format a file name asks for, and writing it whole (atomic.py) or to stdout."""

import io

import typer

from cqmin import atomic, formats
from cqmin.cli.session import run_of
from cqmin.lookups import Session, value_of
from cqmin.output import Output
from cqmin.results import AllFacts
from cqmin.terminal import Terminal


def format_for(ctx: typer.Context, format_, json_: bool, path: str | None) -> str | None:
    """--format (or --json; the command's, else the one before it), else what the extension of -o says
    (facts.csv: csv); both must agree."""
    own = "json" if json_ else value_of(format_) or value_of(run_of(ctx).format)
    named = formats.by_extension(path, AllFacts) if path else None
    if own and named and own.lower() != named.name:
        raise typer.BadParameter(
            f"-o {path} is a {named.name} file, but the format asked for is {own}", param_hint="'--format'"
        )
    if path and not own and not named:  # never a guess: a file named x.txt gets what was asked for
        extensions = " ".join(ext for fmt in formats.for_result(AllFacts) for ext in fmt.extensions)
        raise typer.BadParameter(
            f"which format is {path}? Give --format, or a file name ending {extensions}", param_hint="'-o'"
        )
    return own or (named.name if named else None)


def export(session: Session, result: AllFacts, path: str, force: bool) -> None:
    """Write the facts to the file at `path`, whole or not at all (stdout is lookups.export's)."""
    fmt = session.format
    if fmt.to_file:
        write = fmt.renderer(AllFacts)
        atomic.write(path, lambda temporary: write(result, session.output, temporary), force)
    else:
        # A file is not a terminal: written exactly, in UTF-8, whatever stdout could hold.
        to_file = Output(
            Terminal(io.StringIO()), session.output.language, session.output.fields, today=session.env.today()
        )
        atomic.write_text(path, formats.render(result, fmt, to_file), force)  # (piece by piece)
    if session.env.stderr_is_tty():  # on a terminal, a successful write says what it wrote
        session.env.message(f"Wrote {len(result)} facts to {path} ({fmt.name})")
