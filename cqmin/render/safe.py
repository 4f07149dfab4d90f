"""Untrusted text made safe for a terminal: shown literally, never obeyed.

A fact base may come from anyone (--facts). Its text must not move the cursor,
recolour the screen, plant an OSC 8 link or reverse the reading order, so
control characters, escape sequences and bidirectional overrides are replaced
by visible escapes ("\\x1b", "\\u202e"). Rich markup is neutralised separately,
by handing Rich Text objects instead of markup strings.
"""

import functools
import re


@functools.cache
def _unsafe() -> re.Pattern:
    # C0 and C1 controls (tab and newline are allowed where a caller says so), DEL,
    # and the invisible characters that reorder or hide text. Compiled on first use:
    # the JSON paths never need it.
    return re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, keep_newlines: bool = False) -> str:
    """`text` with every unsafe character replaced by a visible escape."""
    text = _unsafe().sub(_escape, text).replace("\t", " ")
    return text if keep_newlines else text.replace("\n", " ")
