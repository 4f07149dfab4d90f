"""Shell completion through Typer: candidates from the fact base in use, answered in cqmin's formats.

Typer runs this on a TAB when the fast path (cqmin.shells) has no cache to
answer from. Its classes are replaced by ours, which print what cqmin's
scripts read (cqmin.shells), plain and literal, and never pass a description
through Rich. A completion never fails: any problem means no candidates.
"""

import os

from cqmin import languages
from cqmin.cli.typer_private import (
    BashComplete,
    FishComplete,
    PowerShellComplete,
    ZshComplete,
    add_completion_class,
)
from cqmin.shells import answer, outdated
from cqmin.shells.scripts import script


def _language(ctx) -> str:
    """The language asked for on this command line, else the environment's."""
    chosen = ctx.params.get("lang") or ctx.find_root().params.get("lang")
    return languages.resolve(getattr(chosen, "value", chosen))[0].code


def fact_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    """Ids starting with what was typed, each with its label in the user's language."""
    from cqmin.cli.session import base_of

    try:
        base, code = base_of(ctx), _language(ctx)
        return [(fact.id, fact.label[code]) for fact in base.facts if fact.id.startswith(incomplete)]
    except Exception:  # a TAB must never print a traceback into the prompt
        return []


def topic_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    from cqmin.cli.session import base_of

    try:
        base, code = base_of(ctx), _language(ctx)
        return [(topic.id, topic.title[code]) for topic in base.topics if topic.id.startswith(incomplete)]
    except Exception:
        return []


class _Answer:
    """The answer to one TAB in cqmin's format: plain candidates only (file names are the shell's job)."""

    name: str

    def source(self) -> str:
        """cqmin's script, which reads the answers as data (`_CQMIN_COMPLETE=source_zsh cqmin` prints it)."""
        return script(self.name, self.prog_name).rstrip("\n")

    def complete(self) -> str:
        if outdated(self.name, os.environ):
            return ""
        try:
            args, incomplete = self.get_completion_args()
            items = self.get_completions(args, incomplete)
        except Exception:  # a line no shell would send (COMP_CWORD=x): no candidates, no traceback
            return ""
        return answer(self.name, [(item.value, item.help) for item in items if item.type == "plain"])


class _Bash(_Answer, BashComplete):
    pass


class _Zsh(_Answer, ZshComplete):
    pass


class _Fish(_Answer, FishComplete):
    pass  # one run a TAB: cqmin's fish script asks only for the candidates ("get-args")


class _PowerShell(_Answer, PowerShellComplete):
    pass


def use_cqmin_answers() -> None:
    """Register our classes over Typer's; call after Typer has registered its own."""
    for shell, cls in (("bash", _Bash), ("zsh", _Zsh), ("fish", _Fish), ("powershell", _PowerShell)):
        add_completion_class(cls, shell)
    add_completion_class(_PowerShell, "pwsh")
