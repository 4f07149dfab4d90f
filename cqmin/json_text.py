"""JSON text exactly as json.dumps writes it, without importing json.

A JSON look-up is measured against Python's own start-up, memory included.
The json package imports its decoder and scanner too (a tenth of a MiB that a
writer never uses), and json.dumps with an indent builds its text from a list
of every key, value and separator (some 3,000 small strings for one topic,
twice the memory of the text itself). This writer joins each object's items
as it goes, and escapes strings as json does, without json's C module (_json:
its library alone is 48 KiB of a look-up's memory). It writes what
the contract holds: dicts with string keys, lists, tuples, strings, ints, finite
floats, booleans and None. For anything else (another key, NaN, a cycle) it
hands the value to json.dumps, which writes it or fails as it always did.
tests/test_json_text.py holds it to json.dumps over generated values.
"""

from cqmin import TYPE_CHECKING

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Iterable, Iterator

# How JSON writes the characters a string cannot hold as they are, as json writes them: the quote, the
# backslash and C0 controls (a few by name, the rest as \u00XX). With ensure_ascii, every character
# outside printable ASCII is a \u escape too (a pair of them beyond the BMP).
_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x20)} | {
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def _string(text: str) -> str:
    if '"' not in text and "\\" not in text and text.isprintable():  # (most text: nothing to escape, told in C)
        return '"' + text + '"'
    return '"' + text.translate(_ESCAPES) + '"'


def _ascii_string(text: str) -> str:
    escaped = text.translate(_ESCAPES)
    if escaped.isascii() and "\x7f" not in escaped:
        return '"' + escaped + '"'
    return '"' + "".join(char if " " <= char <= "~" else _escaped(char) for char in escaped) + '"'


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


_INFINITY = float("inf")


class _Unwritten(Exception):
    """A value this writer leaves to json.dumps."""


def dumps(
    value, ensure_ascii: bool = True, indent: int | None = None, separators: tuple[str, str] | None = None,
    allow_nan: bool = False,
) -> str:  # fmt: skip
    """json.dumps(value, ensure_ascii=…, allow_nan=…, indent=…, separators=…), to the byte."""
    return _writer(ensure_ascii, indent, separators, allow_nan).text(value, 0)


def array(items: "Iterable", ensure_ascii: bool = True, indent: int | None = None, separators=None) -> "Iterator[str]":
    """json.dumps(list(items), …) in pieces: "[", then each item with what comes before it, then "]". Items are
    taken one at a time, so that a look-up's records are made as they are written, never all held at once."""
    if indent is not None and not isinstance(indent, int):  # (a text indent: json's to write)
        yield dumps(list(items), ensure_ascii, indent, separators)
        return
    writer = _writer(ensure_ascii, indent, separators)
    opening = "["
    for item in items:
        yield opening + writer.breaks(1) + writer.text(item, 1)
        opening = writer.item_separator
    yield "[]" if opening == "[" else writer.breaks(0) + "]"


def _writer(ensure_ascii: bool, indent, separators: tuple[str, str] | None, allow_nan: bool = False) -> "_Writer":
    if separators is None:  # json's defaults: no space at a line's end when indented
        separators = (",", ": ") if indent is not None else (", ", ": ")
    return _Writer(ensure_ascii, indent, *separators, allow_nan)


class _Writer:
    def __init__(
        self, ensure_ascii: bool, indent, item_separator: str, key_separator: str, allow_nan: bool = False
    ) -> None:
        self.ensure_ascii, self.indent, self.allow_nan = ensure_ascii, indent, allow_nan
        self.string = _ascii_string if ensure_ascii else _string
        self.item_separator, self.key_separator = item_separator, key_separator
        self._breaks: list[str] = []

    def text(self, value, level: int) -> str:
        """A value's text, as it stands at this depth of indentation; json.dumps writes what this writer leaves."""
        try:
            if self.indent is not None and not isinstance(self.indent, int):
                raise _Unwritten
            return self.write(value, level)
        except (_Unwritten, RecursionError):
            import json

            text = json.dumps(
                value, ensure_ascii=self.ensure_ascii, allow_nan=self.allow_nan, indent=self.indent,
                separators=(self.item_separator, self.key_separator),
            )  # fmt: skip
            # Indented deeper: every line break of indented JSON is its layout's (strings write \n).
            return text.replace("\n", self.breaks(level)) if self.indent is not None and level else text

    def breaks(self, level: int) -> str:
        """What comes before an item at this depth: a new line and its indent, or nothing."""
        while len(self._breaks) <= level:  # (made once for each depth)
            self._breaks.append("" if self.indent is None else "\n" + " " * (self.indent * len(self._breaks)))
        return self._breaks[level]

    def write(self, value, level: int) -> str:
        # In json's order of tests: a str subclass is a string, True an int subclass written as true.
        if isinstance(value, str):
            return self.string(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            if value != value or value in (_INFINITY, -_INFINITY):
                raise _Unwritten  # json.dumps refuses it, in its own words
            return float.__repr__(value)
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            items = [self.write(item, level + 1) for item in value]
            return self._enclosed("[", items, "]", level)
        if isinstance(value, dict):
            if not value:
                return "{}"
            items = []
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _Unwritten
                items.append(self.string(key) + self.key_separator + self.write(item, level + 1))
            return self._enclosed("{", items, "}", level)
        raise _Unwritten

    def _enclosed(self, opening: str, items: list[str], closing: str, level: int) -> str:
        inner = self.breaks(level + 1)
        return opening + inner + (self.item_separator + inner).join(items) + self.breaks(level) + closing
