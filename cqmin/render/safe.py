"""Untrusted text made safe for a terminal: shown literally, never obeyed.

A fact base may come from anyone (--facts). Its text must not move the cursor,
recolour the screen, plant an OSC 8 link, reverse the reading order or hide
characters, so control and format characters, escape sequences, bidirectional
overrides and invisible fillers are replaced by visible escapes ("\\x1b",
"\\u202e", "\\U000e0041"). Rich markup is neutralised separately, by handing Rich
Text objects instead of markup strings.
"""

import functools
import re

# Unicode categories that never stand for a visible character: controls (Cc), format
# characters (Cf: bidi overrides, soft hyphen, zero-width joiners, tags, interlinear
# annotations), line and paragraph separators (Zl, Zp) and lone surrogates (Cs).
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})

# Characters of visible categories that nonetheless show nothing (or alter their
# neighbour): variation selectors, Hangul fillers, the combining grapheme joiner,
# Khmer inherent vowels and Mongolian selectors.
INVISIBLE = frozenset(
    [chr(code) for code in range(0xFE00, 0xFE10)]
    + [chr(code) for code in range(0xE0100, 0xE01F0)]
    + [chr(code) for code in range(0x180B, 0x1810)]
    + ["\u034f", "\u115f", "\u1160", "\u17b4", "\u17b5", "\u3164", "\uffa0"]
)


@functools.cache
def _candidates() -> re.Pattern:
    # Printable ASCII and the common CJK blocks are safe as they are; anything else is
    # looked up one character at a time. Compiled on first use: JSON never needs it.
    return re.compile(r"[^\x20-\x7e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9f]")


def unsafe(char: str) -> bool:
    """Whether a character would act on a terminal or hide, rather than show."""
    import unicodedata

    return char in INVISIBLE or unicodedata.category(char) in UNSAFE_CATEGORIES


def escape(char: str) -> str:
    """A character as a visible escape, as Python writes it: \\x1b, \\u202e, \\U000e0041."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(text: str, keep_newlines: bool = False) -> str:
    """`text` with every unsafe character replaced by a visible escape (a tab by a space)."""

    def replace(match: re.Match) -> str:
        char = match.group()
        if char == "\t":
            return " "
        if char == "\n":
            return "\n" if keep_newlines else " "
        return escape(char) if unsafe(char) else char

    return _candidates().sub(replace, text)


def json_escaped(dumped: str) -> str:
    """JSON text with every unsafe character written as a \\u escape.

    json.dumps(ensure_ascii=False) escapes only C0 controls; DEL, C1 controls,
    bidi overrides, U+2028 and the rest would reach a terminal raw. Escaped, they
    parse back to the same data. Outside strings JSON text is ASCII, so only
    string content is touched.
    """

    def replace(match: re.Match) -> str:
        char = match.group()
        if char == "\n" or not unsafe(char):  # a newline here is indentation: inside strings json writes \n
            return char
        code = ord(char)
        if code < 0x10000:
            return f"\\u{code:04x}"
        code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

    return _candidates().sub(replace, dumped)
