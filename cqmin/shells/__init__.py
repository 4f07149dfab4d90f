"""Shell completion without the framework: the scripts each shell sources, and the answers cqmin gives them.

The protocol is Typer's (environment variables in, lines out), so that the
fast path (answers from the cache, no Typer) and Typer's own completion can
stand in for each other; the formats are cqmin's own and are data, never code:
no shell ever evaluates what cqmin prints.

- bash: one candidate a line; none means "complete file names" (`-o default`).
- zsh and fish: "value<TAB>description" a line, read into arrays; none means files
  (zsh: only when asked with _CQMIN_COMPLETE_FORMAT=lines, else nothing; see `outdated`).
- PowerShell: Typer's "value:::description".

A description comes from a fact base, which may come from anyone: whitespace
runs become one space and control characters visible escapes, so a line can
never be split, and nothing in it is obeyed.
"""

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")

# cqmin's zsh script marks its requests with this. Without it, the script may be Typer's, which an
# older cqmin installed and which evaluates what it reads, or an older one of cqmin's, which reads
# candidates: neither can tell, so nothing goes to stdout (inert for both) and a message to stderr,
# which Typer's script shows and cqmin's discards (completing file names instead).
FORMAT_MARKER = "_CQMIN_COMPLETE_FORMAT"
OUTDATED = "\ncqmin: this zsh completion script is out of date; run: cqmin --install-completion zsh\n"


def outdated(shell: str, environ) -> bool:
    """Whether this request comes from a script that may evaluate cqmin's answer; if so, say so on stderr."""
    if shell != "zsh" or environ.get(FORMAT_MARKER) == "lines":
        return False
    import sys

    sys.stderr.write(OUTDATED)
    return True


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
