"""Shell completion: fact ids and topics from the fact base in use, plain-text descriptions.

Completion runs the whole program on every TAB, so it reads the cached base and
never imports Rich. Typer's zsh, fish and PowerShell classes pass every
description through Rich to strip markup; ours print descriptions as plain text
instead (cleaned of control characters), which is both faster and literal.
A completion never fails: any problem means no candidates.
"""

import re

from typer._click.shell_completion import add_completion_class
from typer._completion_classes import FishComplete, PowerShellComplete, ZshComplete

from cqmin import lang
from cqmin.render.safe import clean


def _base(ctx):
    from cqmin import facts

    return facts.load(ctx.find_root().params.get("facts"))


def _lang(ctx) -> str:
    """The language asked for on this command line, else the environment's."""
    chosen = ctx.params.get("lang") or ctx.find_root().params.get("lang")
    return lang.resolve(getattr(chosen, "value", chosen))


def fact_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    """Ids starting with what was typed, each with its label in the user's language."""
    try:
        base, chosen = _base(ctx), _lang(ctx)
        return [(fact["id"], fact["label"][chosen]) for fact in base.facts if fact["id"].startswith(incomplete)]
    except Exception:  # a TAB must never print a traceback into the prompt
        return []


def topic_ids(ctx, incomplete: str) -> list[tuple[str, str]]:
    try:
        base, chosen = _base(ctx), _lang(ctx)
        return [(topic["id"], topic["title"][chosen]) for topic in base.topics if topic["id"].startswith(incomplete)]
    except Exception:
        return []


def _plain(help_text: str) -> str:
    return clean(re.sub(r"\s+", " ", help_text)).strip()


class _Zsh(ZshComplete):
    def format_completion(self, item) -> str:
        def escape(text: str) -> str:
            return (
                text.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")
            )

        if item.help:
            return f'"{escape(item.value)}":"{escape(_plain(item.help))}"'
        return f'"{escape(item.value)}"'


class _Fish(FishComplete):
    def format_completion(self, item) -> str:
        return f"{item.value}\t{_plain(item.help)}" if item.help else item.value


class _PowerShell(PowerShellComplete):
    def format_completion(self, item) -> str:
        return f"{item.value}:::{_plain(item.help) if item.help else ' '}"


def use_plain_descriptions() -> None:
    """Register our classes over Typer's; call after Typer has registered its own."""
    add_completion_class(_Zsh, "zsh")
    add_completion_class(_Fish, "fish")
    add_completion_class(_PowerShell, "powershell")
    add_completion_class(_PowerShell, "pwsh")
