"""The command line. Everything that knows about Typer lives in this package:

options.py     the options and choices commands share, and the topic commands' names
group.py       the one error path: every failure a short message and an exit code
session.py     what a command works with: fact base, format, language, terminal
completion.py  shell completion from the fact base in use
commands.py    the commands: options -> query (views, search) -> render
"""

from cqmin.cli.commands import app, main
from cqmin.cli.options import TOPICS

__all__ = ["TOPICS", "app", "main"]
