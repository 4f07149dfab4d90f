"""Text as Rich markup that shows it as written: for help, which Typer reads as markup (cli/helptext.py)."""

import re

# Rich markup (rich.markup, not imported for this): "[bold]" is a style tag, "\\[bold]" that text, and
# before any other "[", one backslash is dropped. A "[" after backslashes is one of these, or neither.
_BRACKET = r"(\\*)\[(?=([a-z#/@][^[]*?\])?)"
# ":smile:" is an emoji code, replaced in markup text between tags: an empty tag splits it, showing nothing.
_EMOJI_START = r":(?=\S*?:)"


def markup_escaped(text: str) -> str:
    """`text` as Rich markup that shows it as written, when followed by anything but a tag.

    As rich.markup.escape, which misses a backslash before a "[" that opens no
    tag ("\\[1]" shows as "[1]"), doubles a trailing one, and leaves emoji codes.
    """

    def escape(match: re.Match) -> str:
        backslashes = match[1]
        if match[2] is not None:  # a tag: each backslash doubled, then one to escape it
            return backslashes * 2 + "\\["
        return backslashes + "\\[" if backslashes else "["

    # Each piece escaped alone: no tag can span the empty ones between them, whose "[" ends any.
    # (The patterns are compiled on first use, and cached by re: only help needs them.)
    return ":[i][/i]".join(re.sub(_BRACKET, escape, piece) for piece in re.split(_EMOJI_START, text))
