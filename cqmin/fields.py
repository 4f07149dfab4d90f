"""Checks of single fields of a TOML table, each reporting a Problem with its place.

The fact base's own rules (validate.py) are built on these: text, bilingual
text, numbers, dates, ids and unknown keys, with the line of the field found
by LineIndex, since the TOML parser does not say where a value was.
"""

import math
import re
from typing import NamedTuple

from cqmin import dates


class Problem(NamedTuple):
    line: int | None
    where: str  # a fact id, or a section such as "speakers[2]"
    field: str | None
    message: str

    def format(self, path: str) -> str:
        place = f"{path}:{self.line}" if self.line else path
        field = f" {self.field}:" if self.field else ""
        return f"{place}: {self.where}:{field} {self.message}"


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
        self._tables: dict[tuple[str, int], tuple[int, dict[str, int]]] = {}
        counts: dict[str, int] = {}
        keys: dict[str, int] = {}
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
                    keys.setdefault(key.group(1), number)
            scanner.feed(line)

    def line(self, table: str, index: int = 0, key: str | None = None) -> int | None:
        start, keys = self._tables.get((table, index), (None, {}))
        return keys.get(key, start) if key else start


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


class FieldChecks:
    """The generic checks; a subclass adds the rules of a kind of file."""

    def __init__(self, data: dict, text: str) -> None:
        self.data = data
        self.lines = LineIndex(text)
        self.problems: list[Problem] = []
        self._entries: dict[str, list] = {}

    def report(self, table: str, index: int, where: str, field: str | None, message: str) -> None:
        key = field.split(".")[0] if field else None
        self.problems.append(Problem(self.lines.line(table, index, key), where, field, message))

    # Each check returns the value when it is usable, else None (having reported why).

    def text(self, entry: dict, table: str, index: int, where: str, field: str, required: bool = True):
        value = entry.get(field)
        if value is None:
            if required:
                self.report(table, index, where, field, "missing")
            return None
        if not isinstance(value, str):
            self.report(table, index, where, field, f"expected text, got {describe(value)}")
            return None
        return value

    def bilingual(self, entry: dict, table: str, index: int, where: str, field: str, required: bool = True):
        value = entry.get(field)
        if value is None:
            if required:
                self.report(table, index, where, field, "missing")
            return None
        if not isinstance(value, dict):
            self.report(table, index, where, field, f"expected a table with zh and en, got {describe(value)}")
            return None
        ok = True
        for lang in ("zh", "en"):
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.report(table, index, where, f"{field}.{lang}", "missing or empty")
                ok = False
        for extra in sorted(set(value) - {"zh", "en"}):
            self.report(table, index, where, f"{field}.{extra}", "unknown key (only zh and en)")
            ok = False
        return value if ok else None

    def number(self, entry: dict, table: str, index: int, where: str, field: str, required: bool = True):
        value = entry.get(field.split(".")[-1])
        if value is None:
            if required:
                self.report(table, index, where, field, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(table, index, where, field, f"expected a number, got {describe(value)}")
            return None
        if not _holdable(value):
            self.report(table, index, where, field, f"{_short(value)} is not a figure cqmin can hold ({LIMITS})")
            return None
        return value

    def unknown_keys(self, entry: dict, allowed: set, table: str, index: int, where: str, prefix: str = ""):
        for key in sorted(set(entry) - allowed):
            self.report(table, index, where, prefix + key, "unknown key")

    def entries(self, name: str) -> list:
        """The array of tables `name`, or [] after reporting (once) why it is unusable."""
        if name not in self._entries:
            self._entries[name] = self._read_entries(name)
        return self._entries[name]

    def _read_entries(self, name: str) -> list:
        value = self.data.get(name)
        if value is None:
            self.report(name, 0, name, None, f"missing: the file needs [[{name}]] tables")
            return []
        if not isinstance(value, list):
            self.report(name, 0, name, None, f"expected [[{name}]] tables, got {describe(value)}")
            return []
        return value

    def unique_ids(self, name: str, pattern: re.Pattern) -> dict[str, int]:
        """Check the ids of the array `name`; return id -> index of the first of each."""
        seen: dict[str, int] = {}
        for index, entry in enumerate(self.entries(name)):
            where = f"{name}[{index + 1}]"
            if not isinstance(entry, dict):
                self.report(name, index, where, None, f"expected a table, got {describe(entry)}")
                continue
            ident = self.text(entry, name, index, where, "id")
            if ident is None:
                continue
            if not pattern.fullmatch(ident):
                self.report(name, index, where, "id", f"'{ident}' is not a lowercase id such as {_EXAMPLE_IDS[name]}")
            elif ident in seen:
                self.report(name, index, ident, "id", f"duplicate id (first at {name}[{seen[ident] + 1}])")
            else:
                seen[ident] = index
        return seen

    def date(self, entry: dict, field: str, report, label: str | None = None) -> str | None:
        """An as_of date: "" means the article gives none."""
        label = label or field
        if field not in entry:
            report(label, 'missing (write "" if the article gives no date)')
            return None
        value = entry[field]
        if not isinstance(value, str):
            report(label, f"expected an ISO 8601 date as text, got {describe(value)}")
            return None
        if value == "":
            return None
        try:
            dates.check(value)
        except ValueError as error:
            report(label, str(error))
            return None
        return value


# Figures are exact in every consumer of the JSON (below 2^53, the largest integer
# a JavaScript number holds exactly), and no smaller than any statistic states.
LARGEST = 1e15
SMALLEST = 1e-6
LIMITS = "0, or between 0.000001 and 10^15 either side of 0"


def _holdable(value: int | float) -> bool:
    if isinstance(value, int):  # compared as an int: a 400-digit int is too large for a float
        return abs(value) < LARGEST
    return math.isfinite(value) and (value == 0 or SMALLEST <= abs(value) < LARGEST)


_EXAMPLE_IDS = {"facts": "'pension.pension-insured'", "speakers": "'li-yong'", "topics": "'pension'"}


def describe(value) -> str:
    """What a value is, for a message: "text ('2550万')", "a table"."""
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a table"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return f"{name} ({_short(value)})" if kind in (str, int, float) else name
    return type(value).__name__


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
