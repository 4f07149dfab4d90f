"""Checks of single fields, on an Entry that knows its table, its index and its lines.

The fact base's own rules (rules.py) are written on these: text, text in every
language, numbers, dates and unknown keys. Each check returns the value when it
is usable, else None, having reported why.
"""

import math
import re

from cqmin import dates, languages
from cqmin.model import PLACEHOLDER
from cqmin.numerals import LARGEST
from cqmin.validation.lines import ROOT, LazyLineIndex
from cqmin.validation.problems import Problem

_PLACEHOLDERS = frozenset(PLACEHOLDER.values())

# No figure is smaller than any statistic states (LARGEST: see numerals).
SMALLEST = 1e-6
LIMITS = "0, or between 0.000001 and 10^15 either side of 0"
# The longest text (a quote, a label, a title): ten times the longest of the article's, and short
# enough that wrapping it for a narrow terminal stays quick (Rich's line splitting is quadratic).
MAX_TEXT = 1000


class Checker:
    """Collects the problems of one file."""

    def __init__(self, data, text: str, file: str) -> None:
        self.data = data
        self.file = file
        self.lines = LazyLineIndex(text)
        self.problems: list[Problem] = []
        self._arrays: dict[str, list] = {}
        self.lacking: dict[str, int] = {}  # language code -> how many texts lack it (and fall back)

    def report(self, table: str, index: int, where: str, field: str | None, message: str) -> None:
        line, column = self.lines.place(table, index, field.split(".")[0] if field else None)
        field = ".".join(short(part) for part in field.split(".")) if field else field  # a key can be any length
        self.problems.append(Problem(self.file, line, column, short(where), field, message))

    def root(self) -> "Entry":
        return Entry(self, ROOT, 0, self.data, "file")

    def table(self, name: str, required: bool = True) -> "Entry | None":
        """The table [name], or None (reported, if required)."""
        value = self.data.get(name)
        if value is None:
            if required:
                self.report(ROOT, 0, name, None, f"missing: the file needs a [{name}] table")
            return None
        if not isinstance(value, dict):
            self.report(name, 0, name, None, f"expected a [{name}] table, got {describe(value)}")
            return None
        return Entry(self, name, 0, value, name)

    def array(self, name: str) -> list["Entry"]:
        """The tables [[name]], each an Entry; what is unusable is reported, once."""
        if name not in self._arrays:
            self._arrays[name] = self._read_array(name)
        return self._arrays[name]

    def _read_array(self, name: str) -> list["Entry"]:
        value = self.data.get(name)
        if value is None:
            self.report(ROOT, 0, name, None, f"missing: the file needs [[{name}]] tables")
            return []
        if not isinstance(value, list):
            self.report(name, 0, name, None, f"expected [[{name}]] tables, got {describe(value)}")
            return []
        entries = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.report(name, index, f"{name}[{index + 1}]", None, f"expected a table, got {describe(item)}")
                continue
            ident = item.get("id")
            where = ident if isinstance(ident, str) and ident else f"{name}[{index + 1}]"
            entries.append(Entry(self, name, index, item, where))
        return entries


class Entry:
    """One table of the file (an event, a speaker, a fact, or an inline table within one)."""

    def __init__(self, checker: Checker, table: str, index: int, data: dict, where: str, prefix: str = "") -> None:
        self.checker = checker
        self.table = table
        self.index = index
        self.data = data
        self.where = where  # how problems name it: its id, or "facts[3]"
        self.prefix = prefix  # "baseline." for the inline table of a fact's baseline

    def report(self, field: str | None, message: str) -> None:
        path = self.prefix + field if field else (self.prefix.rstrip(".") or None)
        self.checker.report(self.table, self.index, self.where, path, message)

    def inner(self, field: str) -> "Entry | None":
        """An inline table within this one (a fact's baseline), or None if absent or not a table."""
        value = self.data.get(field)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.report(field, f"expected a table, got {describe(value)}")
            return None
        return Entry(self.checker, self.table, self.index, value, self.where, f"{self.prefix}{field}.")

    def unknown_keys(self, allowed: set) -> None:
        for key in sorted(set(self.data) - allowed, key=str):
            self.report(key, "unknown key")

    def _present(self, field: str, required: bool):
        value = self.data.get(field)
        if value is None and required:
            self.report(field, "missing")
        return value

    def text(self, field: str, required: bool = True) -> str | None:
        value = self._present(field, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.report(field, f"expected text, got {describe(value)}")
            return None
        return value if self._short_enough(field, value) else None

    def _short_enough(self, field: str, text: str) -> bool:
        if len(text) <= MAX_TEXT:
            return True
        self.report(field, f"{len(text):,} characters; a text of a fact base has at most {MAX_TEXT:,}")
        return False

    def translated(self, field: str, required: bool = True, also: frozenset = frozenset()) -> dict | None:
        """Text in the languages cqmin speaks: { zh = "…", en = "…" }, at least one; `also`: other keys it may have.

        A language the text lacks falls back (languages.base.FALLBACK): counted for a note, not a problem.
        """
        value = self._present(field, required)
        if value is None:
            return None
        codes = languages.codes()
        if not isinstance(value, dict):
            self.report(field, f"expected a table with {' and '.join(codes)}, got {describe(value)}")
            return None
        usable = True
        given = [code for code in codes if code in value]
        for code in given:
            text = value[code]
            if not isinstance(text, str) or not text.strip():
                self.report(f"{field}.{code}", "missing or empty")
                usable = False
            elif not self._short_enough(f"{field}.{code}", text):
                usable = False
            elif text.strip() in _PLACEHOLDERS:
                self.report(f"{field}.{code}", f"'{text.strip()}' is what cqmin draft left to fill in")
        if not given:
            self.report(field, f"no text in any language cqmin speaks ({', '.join(codes)})")
            usable = False
        for extra in sorted(set(value) - set(codes) - also, key=str):
            self.report(f"{field}.{extra}", f"unknown key (the languages are {', '.join(codes)})")
            usable = False
        if usable:
            for code in codes:
                if code not in value:
                    self.checker.lacking[code] = self.checker.lacking.get(code, 0) + 1
        return value if usable else None

    def number(self, field: str, required: bool = True) -> int | float | None:
        value = self._present(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(field, f"expected a number, got {describe(value)}")
            return None
        if not holdable(value):
            self.report(field, f"{short(value)} is not a figure cqmin can hold ({LIMITS})")
            return None
        return value

    def date(self, field: str) -> str | None:
        """An as_of date: "" means the article gives none (None is returned for it)."""
        if field not in self.data:
            self.report(field, 'missing (write "" if the article gives no date)')
            return None
        value = self.data[field]
        if not isinstance(value, str):
            self.report(field, f"expected an ISO 8601 date as text, got {describe(value)}")
            return None
        if value == "":
            return None
        try:
            dates.check(value)
        except ValueError as error:
            self.report(field, str(error))
            return None
        return value

    def identifier(self, pattern: re.Pattern, example: str) -> str | None:
        """This entry's id, if it has the form of one."""
        ident = self.text("id")
        if ident is not None and not pattern.fullmatch(ident):
            self.report("id", f"'{short(ident)}' is not a lowercase id such as {example}")
            return None
        return ident


def holdable(value: int | float) -> bool:
    if isinstance(value, int):  # compared as an int: a 400-digit int is too large for a float
        return abs(value) < LARGEST
    return math.isfinite(value) and (value == 0 or SMALLEST <= abs(value) < LARGEST)


def describe(value) -> str:
    """What a value is, for a message: "text ('2550万')", "a table"."""
    import datetime

    if isinstance(value, (datetime.date, datetime.time)):  # TOML's own, unquoted: 2022-10-19
        return f"a TOML date or time ({value.isoformat()}; write it in quotes)"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a table"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return f"{name} ({short(repr(value))})" if kind in (str, int, float) else name
    return type(value).__name__


def short(value) -> str:
    """A value for a message, cut to 40 characters: text as it is (the report is cleaned when printed), else repr."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
