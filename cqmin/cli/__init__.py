"""The command line. Everything that knows about Typer lives in this package:

app.py         the Typer app and its root options
group.py       how a command is found (cqmin's own, or a topic of the data) and the one error path
topics.py      topic commands, copied from one template for each topic of the fact base
commands.py    cqmin's own commands: options -> views -> session.write
options.py     the options commands share, with choices from the registries
session.py     what a command works with: fact base, format, output (terminal, language, fields)
exporting.py   export's files; checking.py validate's checks
completion.py  shell completion through Typer; table.py the completion table the fast path answers from
typer_private.py  the only imports of Typer's private modules
"""

from cqmin.cli import commands  # registers the commands  # noqa: F401
from cqmin.cli.app import app


def main() -> None:
    """The console script."""
    app(prog_name="cqmin")


__all__ = ["app", "main"]
