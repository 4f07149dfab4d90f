"""Untrusted text made safe for a terminal: shown literally, never obeyed.

A fact base may come from anyone (--facts). Its text must not move the cursor,
recolour the screen, plant an OSC 8 link, reverse the reading order or hide
characters, so control and format characters, escape sequences, bidirectional
overrides and invisible fillers are replaced by visible escapes ("\\x1b",
"\\u202e", "\\U000e0041"). Rich markup is neutralised separately: by handing Rich
Text objects instead of markup strings, and, where Typer reads help as markup,
by escaping it (markup.py).
"""

from cqmin import TYPE_CHECKING
from cqmin.patterns import LazyPattern

if TYPE_CHECKING:
    import re

# Characters that never stand for a visible character: controls (Cc), format characters
# (Cf: bidi overrides, soft hyphen, zero-width joiners, tags, interlinear annotations),
# line and paragraph separators (Zl, Zp) and lone surrogates (Cs), as Unicode 13 to 15.1
# (Python 3.10 to 3.13) assign them, with the tag block whole; and characters of visible
# categories that show nothing or alter their neighbour: variation selectors, Hangul
# fillers, the combining grapheme joiner, Khmer inherent vowels, Mongolian selectors.
# tests/test_untrusted.py checks this class against the running Python's unicodedata.
UNSAFE_CLASS = (
    "\\x00-\\x1f\\x7f-\\x9f\\xad\\u034f\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2"
    "\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164"
    "\\ud800-\\udfff\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb\\U000110bd\\U000110cd\\U00013430-\\U0001343f"
    "\\U0001bca0-\\U0001bca3\\U0001d173-\\U0001d17a\\U000e0000-\\U000e0fff"
)


# Compiled on first use, and a positive class: a negated one over all of Unicode costs 3 ms to compile.
_UNSAFE = LazyPattern(f"[{UNSAFE_CLASS}]")


# The characters of the class that str.isprintable() calls printable (Hangul fillers, Mongolian and other
# variation selectors, the grapheme joiner, Khmer inherent vowels), besides the tag block (U+E0000 on).
_PRINTABLE_UNSAFE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0") | frozenset(
    map(chr, range(0xFE00, 0xFE10))
)
_TAGS = "\U000e0000"


def _plain(text: str, allowed: str = "") -> bool:
    """Whether a text surely holds no unsafe character but those `allowed`: most text, which then needs no
    pattern compiled (0.8 ms, a fifth of a look-up's own work) nor searched. False says only "look"."""
    distinct = set(text).difference(allowed)
    return not distinct or (
        "".join(distinct).isprintable() and distinct.isdisjoint(_PRINTABLE_UNSAFE) and max(distinct) < _TAGS
    )


def unsafe(char: str) -> bool:
    """Whether a character would act on a terminal or hide, rather than show."""
    return not _plain(char) and _UNSAFE.fullmatch(char) is not None


def escape(char: str) -> str:
    """A character as a visible escape, as Python writes it: \\x1b, \\u202e, \\U000e0041."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(text: str, keep_newlines: bool = False) -> str:
    """`text` with every unsafe character replaced by a visible escape (a tab by a space)."""

    def replace(match: "re.Match") -> str:
        char = match.group()
        if char == "\t":
            return " "
        if char == "\n":
            return "\n" if keep_newlines else " "
        return escape(char)

    return text if _plain(text) else _UNSAFE.sub(replace, text)


def json_escaped(dumped: str) -> str:
    """JSON text with every unsafe character written as a \\u escape.

    json.dumps(ensure_ascii=False) escapes only C0 controls; DEL, C1 controls,
    bidi overrides, U+2028 and the rest would reach a terminal raw. Escaped, they
    parse back to the same data. Outside strings JSON text is ASCII, so only
    string content is touched.
    """

    def replace(match: "re.Match") -> str:
        char = match.group()
        return char if char == "\n" else json_escape(char)  # (a newline here is indentation: in strings, \n)

    return dumped if _plain(dumped, allowed="\n") else _UNSAFE.sub(replace, dumped)


def json_escape(char: str) -> str:
    """A character as JSON escapes it: \\uXXXX, or a UTF-16 surrogate pair beyond the BMP."""
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
