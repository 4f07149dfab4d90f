"""Every private Typer module cqmin uses, in one place (tests/test_typer_private.py checks each still exists).

Typer 0.26 vendored Click as typer._click and keeps its completion classes in
typer._completion_classes; neither is public API, so a Typer release may move
them, nor are the functions of typer.main that build one command. Everything
cqmin needs from them is imported here and nowhere else.
"""

from typer._click.exceptions import ClickException, UsageError
from typer._click.shell_completion import add_completion_class
from typer._completion_classes import BashComplete, FishComplete, PowerShellComplete, ZshComplete
from typer._completion_shared import install as install_completion
from typer.main import get_command_from_info, get_command_name  # undocumented: how Typer builds one command

__all__ = [
    "BashComplete",
    "ClickException",
    "FishComplete",
    "PowerShellComplete",
    "UsageError",
    "ZshComplete",
    "add_completion_class",
    "get_command_from_info",
    "get_command_name",
    "install_completion",
]
