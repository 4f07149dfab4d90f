"""Where tables and keys are in a TOML file, since the parser does not say: the lines (and columns) of problems."""

import re

ROOT = ""  # the table name of the file's own keys (schema, units = ...)


class LineIndex:
    """Where tables and keys start in the TOML text, since the parser does not say.

    Headers and keys count only where TOML would read them: at the start of a
    line that is not inside a multi-line string or a multi-line array, so a quote
    holding "[[facts]]" on a line of its own does not shift the count.
    """

    _ARRAY = re.compile(r"[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\]")
    _TABLE = re.compile(r"[ \t]*\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]")
    _KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*[=.]")

    def __init__(self, text: str) -> None:
        self._tables: dict[tuple[str, int], tuple[int, dict[str, tuple[int, int]]]] = {}
        counts: dict[str, int] = {}
        keys: dict[str, tuple[int, int]] = {}
        self._tables[ROOT, 0] = (1, keys)  # keys before the first header belong to the file itself
        scanner = _ValueScanner()
        # TOML ends lines with \n only; splitlines() would also break at U+2028 and other separators.
        for number, line in enumerate(text.split("\n"), start=1):
            if scanner.at_top_level:
                array, table = self._ARRAY.match(line), self._TABLE.match(line)
                if array or table:
                    name = (array or table).group(1)
                    index = counts.get(name, -1) + 1 if array else 0
                    counts[name] = index
                    keys = {}
                    self._tables[(name, index)] = (number, keys)
                    continue
                if key := self._KEY.match(line):
                    keys.setdefault(key.group(1), (number, key.start(1) + 1))
            scanner.feed(line)

    def place(self, table: str, index: int = 0, key: str | None = None) -> tuple[int | None, int | None]:
        """(line, column) of `key` in the `index`-th table called `table`, else of the table's header."""
        start, keys = self._tables.get((table, index), (None, {}))
        if key in keys:
            return keys[key]
        return (start, 1) if start else (None, None)


class LazyLineIndex:
    """A LineIndex made when a problem first asks for a place: a sound base, however large, is never
    scanned for lines (at 100 times the bundled base, the scan was half of validate's time)."""

    def __init__(self, text: str) -> None:
        self._text, self._index = text, None

    def place(self, table: str, index: int = 0, key: str | None = None) -> tuple[int | None, int | None]:
        if self._index is None:
            self._index = LineIndex(self._text)
        return self._index.place(table, index, key)


class _ValueScanner:
    """Follows strings, comments and brackets line by line, to tell when a value spans lines."""

    def __init__(self) -> None:
        self.closing: str | None = None  # the quotes that end the multi-line string we are in
        self.depth = 0  # open [ and { of a value

    @property
    def at_top_level(self) -> bool:
        return self.closing is None and self.depth == 0

    def feed(self, line: str) -> None:
        position = 0
        while position < len(line):
            if self.closing is not None:
                end = _string_end(line, position, self.closing)
                if end < 0:
                    return
                position, self.closing = end, None
                continue
            char = line[position]
            if char == "#":
                return
            if line.startswith(('"""', "'''"), position):
                self.closing = line[position : position + 3]
                position += 3
            elif char in "\"'":
                end = _string_end(line, position + 1, char)
                position = end if end >= 0 else len(line)
            else:
                if char in "[{":
                    self.depth += 1
                elif char in "]}":
                    self.depth = max(0, self.depth - 1)
                position += 1


def _string_end(line: str, position: int, closing: str) -> int:
    """Where the string closed by `closing` ends on this line (after its quotes), or -1."""
    escapes = closing[0] == '"'  # basic strings have backslash escapes, literal strings none
    while position < len(line):
        if escapes and line[position] == "\\":
            position += 2
            continue
        if line.startswith(closing, position):
            return position + len(closing)
        position += 1
    return -1
