"""Shell completion without the framework: the scripts each shell sources, and the answers cqmin gives them.

The protocol is Typer's (environment variables in, lines out), so that the
fast path (answers from the cache, no Typer) and Typer's own completion can
stand in for each other; the formats are cqmin's own and are data, never code:
no shell ever evaluates what cqmin prints.

- bash: one candidate a line; none means "complete file names" (`-o default`).
- zsh and fish: "value<TAB>description" a line, read into arrays; none means files
  (zsh: only when asked with _CQMIN_COMPLETE_FORMAT=lines; see `outdated`).
- PowerShell: Typer's "value:::description".

A description comes from a fact base, which may come from anyone: whitespace
runs become one space and control characters visible escapes, so a line can
never be split, and nothing in it is obeyed.
"""

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

# cqmin's zsh script marks its requests with this; Typer's zsh script, which an older cqmin
# installed (and printed for `_CQMIN_COMPLETE=source_zsh`), evaluates what it reads. Such a
# script gets no candidates, only a message to replace it: text that is safe to evaluate.
FORMAT_MARKER = "_CQMIN_COMPLETE_FORMAT"
OUTDATED = "_message -r 'cqmin: this completion script is out of date; run cqmin --install-completion zsh'"


def outdated(shell: str, environ) -> str | None:
    """The answer for a script that would evaluate cqmin's answer, else None."""
    return OUTDATED if shell == "zsh" and environ.get(FORMAT_MARKER) != "lines" else None


def plain(text: str | None) -> str:
    """A description on one line, literal: no line breaks, tabs or control characters."""
    if not text:
        return ""
    from cqmin.render.safe import clean

    return clean(" ".join(text.split())).strip()


def format_item(shell: str, value: str, description: str | None) -> str:
    """One candidate as `shell`'s script reads it."""
    description = plain(description)
    if shell == "bash":
        return value
    if shell in ("zsh", "fish"):
        return f"{value}\t{description}" if description else value
    return f"{value}:::{description or ' '}"  # PowerShell, as Typer's script splits it


def answer(shell: str, items: list[tuple[str, str | None]]) -> str:
    """All candidates, as cqmin prints them for one TAB."""
    return "\n".join(format_item(shell, value, description) for value, description in items)
