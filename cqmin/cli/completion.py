"""A TAB answered by the full command line, when the fast path (cqmin.shells.fast) could not: no cache, an unusual line.

Click finds the parameter the TAB is for (cli/framework.py); the candidates come
from the commands' own completion functions (candidates.py); the answer is
printed in cqmin's formats (cqmin.shells), and the command table is written for
the fast path to answer the next TAB. A completion never fails: any problem
means no candidates.
"""

from cqmin import shells
from cqmin.cli import framework, table
from cqmin.environment import Environment
from cqmin.shells import protocol, scripts


def respond(group, env: Environment, extra: dict) -> None:
    """Answer the request in `_CQMIN_COMPLETE`: a script (source_SHELL) or the candidates of a TAB (complete_SHELL)."""
    action, _, shell = env.environ.get(shells.COMPLETE_VAR, "").partition("_")
    if action == "source" and shell in scripts.SCRIPTS:
        env.stdout.write(scripts.script(shell))
        return
    if action != "complete" or shell not in shells.SHELLS:
        env.message(f"cqmin: no such completion request: {shells.COMPLETE_VAR}={action}_{shell}")
        return
    if protocol.outdated(shell, env.environ):
        env.message(protocol.outdated_message(shell))
        return
    items, root = [], None
    try:
        args, incomplete = protocol.request(shell, env.environ)
        items, root = framework.completions(group, args, incomplete, **extra)
    except Exception:  # a line no shell would send (a CWORD of "x"): no candidates, no traceback
        pass
    env.stdout.write(protocol.answer(shell, items) + "\n")
    if root is not None:
        table.refresh(root)
