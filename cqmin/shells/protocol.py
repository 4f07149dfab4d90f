"""The protocol between cqmin's completion scripts and cqmin: the request read, the answer written.

The protocol is cqmin's own. A script asks by running cqmin with
`_CQMIN_COMPLETE=complete_SHELL` and the command line in the variables that
shells/__init__.py names; cqmin answers with lines on stdout. Both paths that answer (fast.py, from the
cached command table, and Typer's completion behind cli/framework.py) read the
request with `request()`, so either can answer any request the same way.

- bash: one candidate a line; none means "complete file names" (`-o default`).
- zsh and fish: "value<TAB>description" a line, read into arrays; none means files.
- PowerShell: "value:::description" a line.

A script of an older cqmin (Typer's variables, without these) gets no candidates
and a message on stderr to install the script again: Typer's zsh script, which
an older cqmin installed, evaluated what it read.

A description comes from a fact base, which may come from anyone: whitespace
runs become one space and control characters visible escapes, so a line can
never be split, and nothing in it is obeyed.
"""

from cqmin.shells import ARGS_VAR, COMPLETE_VAR, CWORD_VAR, SHELLS, WORD_VAR, WORDS_VAR


def asked_shell(environ) -> str | None:
    """The shell a TAB asks for (`_CQMIN_COMPLETE=complete_zsh`), or None if this run is no TAB."""
    action, _, shell = environ.get(COMPLETE_VAR, "").partition("_")
    return shell if action == "complete" and shell in SHELLS else None


def outdated(shell: str, environ) -> bool:
    """Whether the request comes from an older script, which sets other variables than these."""
    return (WORDS_VAR if shell == "bash" else ARGS_VAR) not in environ


def outdated_message(shell: str) -> str:
    name = "powershell" if shell == "pwsh" else shell
    return f"\ncqmin: this {name} completion script is out of date; run: cqmin --install-completion {name}"


_WHITESPACE, _QUOTES, _ESCAPE = " \t\r\n", "'\"", "\\"


def split(text: str) -> list[str]:
    """Split a command line as a shell would, keeping an unfinished last word (an open quote) as it is.

    The words of shlex.shlex(text, posix=True) with whitespace_split and no comments, read by the same states,
    without importing shlex (which imports re: 1 MiB and about 5 ms of a TAB); tests hold the two to each other."""
    words: list[str] = []
    token, quoted, state, escaped_in = "", False, " ", " "
    for char in text:
        if state in _QUOTES:  # within quotes
            if char == state:
                state = "a"
            elif char in _ESCAPE and state == '"':  # (a backslash escapes within double quotes only)
                escaped_in, state = state, char
            else:
                token += char
        elif state in _ESCAPE:  # after a backslash: within quotes, only the quote or a backslash is escaped
            if escaped_in in _QUOTES and char not in (state, escaped_in):
                token += state
            token += char
            state = escaped_in
        elif char in _WHITESPACE:  # between words, or at a word's end
            if token or quoted:
                words.append(token)
            token, quoted, state = "", False, " "
        elif char in _ESCAPE:
            escaped_in, state = "a", char
        elif char in _QUOTES:
            quoted, state = True, char
        else:
            token, state = token + char, "a"
    if token or quoted or state != " ":
        words.append(token)  # (the last word; an open quote or a trailing backslash keeps what it has)
    return words


def request(shell: str, environ) -> tuple[list[str], str]:
    """(the arguments before the one being completed, that one); ValueError for a line no script sends."""
    if shell == "bash":
        words = split(environ[WORDS_VAR])
        position = int(environ[CWORD_VAR])
        if position < 1:
            raise ValueError(f"{CWORD_VAR}={position}")
        return words[1:position], words[position] if position < len(words) else ""
    line = environ.get(ARGS_VAR, "")
    words = split(line)
    if shell in ("powershell", "pwsh"):
        incomplete = environ.get(WORD_VAR, "")
        return (words[1:-1] if incomplete else words[1:]), incomplete
    args = words[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


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
    # PowerShell: the script splits at ":::", so a description (a fact base's text) holds none
    return f"{value}:::{description.replace(':::', ': : :') or ' '}"


def answer(shell: str, items: list[tuple[str, str | None]]) -> str:
    """All candidates, as cqmin prints them for one TAB."""
    return "\n".join(format_item(shell, value, description) for value, description in items)
