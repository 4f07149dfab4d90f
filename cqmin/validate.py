"""Check a parsed fact base and report every problem at once.

Each problem names the place (line where known, fact id or section) and the
field, so that a broken file can be fixed in one pass. Beyond types and
references, the checks tie each fact to the article's words: the stated figure
must be in the quote, must read as the value and qualifier given, and a derived
baseline must recompute from the numbers in the quote.
"""

import math
import re
from decimal import Decimal
from typing import NamedTuple

from cqmin import dates, numerals

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "at_most", "range")
KINDS = ("achieved", "target")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FACT_ID = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z0-9]+(?:-[a-z0-9]+)*")
_WHITESPACE = re.compile(r"\s+")

_TOP_LEVEL = {"schema", "event", "speakers", "topics", "units", "facts"}
_EVENT_KEYS = {"title", "organizer", "date", "place", "article"}
_SPEAKER_KEYS = {"id", "name", "role", "department"}
_TOPIC_KEYS = {"id", "title", "summary", "headline"}
_FACT_KEYS = {
    "id", "topic", "label", "value", "high", "unit", "stated", "qualifier",
    "kind", "as_of", "speaker", "quote", "baseline",
}  # fmt: skip
_BASELINE_KEYS = {"value", "as_of", "derived", "method"}


class Problem(NamedTuple):
    line: int | None
    where: str  # a fact id, or a section such as "speakers[2]"
    field: str | None
    message: str

    def format(self, path: str) -> str:
        place = f"{path}:{self.line}" if self.line else path
        field = f" {self.field}:" if self.field else ""
        return f"{place}: {self.where}:{field} {self.message}"


def squeeze(text: str) -> str:
    """Text with all whitespace removed: the article breaks lines inside sentences."""
    return _WHITESPACE.sub("", text)


class LineIndex:
    """Where tables and keys start in the TOML text, since the parser does not say."""

    _ARRAY = re.compile(r"\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
    _TABLE = re.compile(r"\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
    _KEY = re.compile(r"\s*([A-Za-z0-9_-]+)\s*[=.]")

    def __init__(self, text: str) -> None:
        self._tables: dict[tuple[str, int], tuple[int, dict[str, int]]] = {}
        counts: dict[str, int] = {}
        keys: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            array, table = self._ARRAY.match(line), self._TABLE.match(line)
            if array or table:
                name = (array or table).group(1)
                index = counts.get(name, -1) + 1 if array else 0
                counts[name] = index
                keys = {}
                self._tables[(name, index)] = (number, keys)
            elif key := self._KEY.match(line):
                keys.setdefault(key.group(1), number)

    def line(self, table: str, index: int = 0, key: str | None = None) -> int | None:
        start, keys = self._tables.get((table, index), (None, {}))
        return keys.get(key, start) if key else start


class _Checker:
    def __init__(self, data: dict, text: str) -> None:
        self.data = data
        self.lines = LineIndex(text)
        self.problems: list[Problem] = []

    def report(self, table: str, index: int, where: str, field: str | None, message: str) -> None:
        key = field.split(".")[0] if field else None
        self.problems.append(Problem(self.lines.line(table, index, key), where, field, message))

    # -- generic field checks; each returns the value when it is usable, else None

    def text(self, entry: dict, table: str, index: int, where: str, field: str, required: bool = True):
        value = entry.get(field)
        if value is None:
            if required:
                self.report(table, index, where, field, "missing")
            return None
        if not isinstance(value, str):
            self.report(table, index, where, field, f"expected text, got {_kind(value)}")
            return None
        return value

    def bilingual(self, entry: dict, table: str, index: int, where: str, field: str, required: bool = True):
        value = entry.get(field)
        if value is None:
            if required:
                self.report(table, index, where, field, "missing")
            return None
        if not isinstance(value, dict):
            self.report(table, index, where, field, f"expected a table with zh and en, got {_kind(value)}")
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
            self.report(table, index, where, field, f"expected a number, got {_kind(value)}")
            return None
        if not math.isfinite(value) or abs(value) >= 1e18:
            self.report(table, index, where, field, f"{value} is not a figure cqmin can hold")
            return None
        return value

    def unknown_keys(self, entry: dict, allowed: set, table: str, index: int, where: str, prefix: str = ""):
        for key in sorted(set(entry) - allowed):
            self.report(table, index, where, prefix + key, "unknown key")

    def entries(self, name: str) -> list:
        """The array of tables `name`, or [] after reporting why it is unusable."""
        value = self.data.get(name)
        if value is None:
            self.report(name, 0, name, None, f"missing: the file needs [[{name}]] tables")
            return []
        if not isinstance(value, list):
            self.report(name, 0, name, None, f"expected [[{name}]] tables, got {_kind(value)}")
            return []
        return value

    def unique_ids(self, name: str, pattern: re.Pattern) -> dict[str, int]:
        """Check the ids of the array `name`; return id -> index of the first of each."""
        seen: dict[str, int] = {}
        for index, entry in enumerate(self.entries(name)):
            where = f"{name}[{index + 1}]"
            if not isinstance(entry, dict):
                self.report(name, index, where, None, f"expected a table, got {_kind(entry)}")
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

    # -- sections

    def check(self) -> list[Problem]:
        if not isinstance(self.data, dict):
            self.problems.append(Problem(None, "file", None, "expected TOML tables"))
            return self.problems
        for key in sorted(set(self.data) - _TOP_LEVEL):
            self.report(key, 0, "file", key, "unknown top-level key")
        if self.data.get("schema") != 1:
            self.report("schema", 0, "file", "schema", "expected schema = 1")
        self.check_event()
        speakers = self.check_speakers()
        units = self.check_units()
        facts = self.unique_ids("facts", _FACT_ID)
        topics = self.check_topics(facts)
        for index, entry in enumerate(self.entries("facts")):
            if isinstance(entry, dict):
                self.check_fact(entry, index, topics, speakers, units)
        return self.problems

    def check_event(self) -> None:
        event = self.data.get("event")
        if not isinstance(event, dict):
            self.report("event", 0, "event", None, "missing: the file needs an [event] table")
            return
        self.unknown_keys(event, _EVENT_KEYS, "event", 0, "event")
        for field in ("title", "place"):
            self.bilingual(event, "event", 0, "event", field)
        for field in ("organizer", "article"):
            self.bilingual(event, "event", 0, "event", field, required=False)
        date = self.text(event, "event", 0, "event", "date")
        if date is not None:
            try:
                dates.check(date)
                if len(date) != 10:
                    raise ValueError(f"'{date}' is not a day (YYYY-MM-DD)")
            except ValueError as error:
                self.report("event", 0, "event", "date", str(error))

    def check_speakers(self) -> set:
        ids = self.unique_ids("speakers", _SLUG)
        for index, entry in enumerate(self.entries("speakers")):
            if isinstance(entry, dict):
                where = entry.get("id") if isinstance(entry.get("id"), str) else f"speakers[{index + 1}]"
                self.unknown_keys(entry, _SPEAKER_KEYS, "speakers", index, where)
                for field in ("name", "role", "department"):
                    self.bilingual(entry, "speakers", index, where, field)
        return set(ids)

    def check_units(self) -> set:
        units = self.data.get("units")
        if not isinstance(units, dict):
            self.report("units", 0, "units", None, "missing: the file needs a [units] table")
            return set()
        for name, value in units.items():
            if not _SLUG.fullmatch(name):
                self.report("units", 0, "units", name, "a unit's name is a lowercase id such as 'people'")
            if not isinstance(value, dict):
                self.report("units", 0, "units", name, f"expected {{ zh = …, en = … }}, got {_kind(value)}")
            else:
                self.bilingual(units, "units", 0, "units", name)
        return set(units)

    def check_topics(self, facts: dict[str, int]) -> set:
        ids = self.unique_ids("topics", _SLUG)
        fact_entries = self.entries("facts") if "facts" in self.data else []
        for index, entry in enumerate(self.entries("topics")):
            if not isinstance(entry, dict):
                continue
            where = entry.get("id") if isinstance(entry.get("id"), str) else f"topics[{index + 1}]"
            self.unknown_keys(entry, _TOPIC_KEYS, "topics", index, where)
            self.bilingual(entry, "topics", index, where, "title")
            self.bilingual(entry, "topics", index, where, "summary")
            headline = self.text(entry, "topics", index, where, "headline", required=False)
            if headline is not None:
                if headline not in facts:
                    self.report("topics", index, where, "headline", f"no fact '{headline}'")
                elif fact_entries[facts[headline]].get("topic") != where:
                    self.report("topics", index, where, "headline", f"'{headline}' is not a fact of this topic")
        return set(ids)

    def check_fact(self, fact: dict, index: int, topics: set, speakers: set, units: set) -> None:
        ident = fact.get("id")
        where = ident if isinstance(ident, str) else f"facts[{index + 1}]"

        def report(field: str | None, message: str) -> None:
            self.report("facts", index, where, field, message)

        self.unknown_keys(fact, _FACT_KEYS, "facts", index, where)
        self.bilingual(fact, "facts", index, where, "label")
        topic = self.text(fact, "facts", index, where, "topic")
        if topic is not None:
            if topic not in topics:
                report("topic", f"unknown topic '{topic}'")
            elif isinstance(ident, str) and not ident.startswith(topic + "."):
                report("id", f"'{ident}' does not start with its topic, '{topic}.'")
        unit = self.text(fact, "facts", index, where, "unit")
        if unit is not None and unit not in units:
            report("unit", f"unknown unit '{unit}' (not in [units])")
        speaker = self.text(fact, "facts", index, where, "speaker")
        if speaker and speaker not in speakers:
            report("speaker", f"unknown speaker '{speaker}'")
        qualifier = self.text(fact, "facts", index, where, "qualifier")
        if qualifier is not None and qualifier not in QUALIFIERS:
            report("qualifier", f"unknown qualifier '{qualifier}' (one of {', '.join(QUALIFIERS)})")
        kind = self.text(fact, "facts", index, where, "kind")
        if kind is not None and kind not in KINDS:
            report("kind", f"unknown kind '{kind}' (achieved or target)")

        value = self.number(fact, "facts", index, where, "value")
        high = self.number(fact, "facts", index, where, "high", required=False)
        if qualifier == "range" and "high" not in fact:
            report("high", "missing: a range needs its upper end")
        if "high" in fact and qualifier not in (None, "range"):
            report("high", f"only a range has a high end (qualifier is '{qualifier}')")
        if value is not None and high is not None and high <= value:
            report("high", f"{high} is not above the value {value}")

        as_of = self.date(fact, "as_of", report)
        if as_of and kind == "achieved" and self.event_date and dates.start(as_of) > self.event_date:
            report("as_of", f"'{as_of}' is after the event, but the fact is achieved")

        quote = self.text(fact, "facts", index, where, "quote")
        stated = self.text(fact, "facts", index, where, "stated")
        if stated is not None and not stated.strip():
            report("stated", "empty")
        elif stated is not None:
            if quote is not None and squeeze(stated) not in squeeze(quote):
                report("quote", f"does not contain the stated figure '{stated}'")
            if value is not None and qualifier in QUALIFIERS:
                self.check_reading(stated, value, high, qualifier, report)
        if quote is not None and not quote.strip():
            report("quote", "empty")

        baseline = fact.get("baseline")
        if baseline is not None:
            self.check_baseline(baseline, value, as_of, quote or "", index, where, report)

    @property
    def event_date(self):
        event = self.data.get("event")
        date = event.get("date") if isinstance(event, dict) else None
        try:
            dates.check(date)
            return dates.start(date)
        except (TypeError, ValueError, AttributeError):
            return None

    def date(self, entry: dict, field: str, report, label: str | None = None) -> str | None:
        """An as_of date: "" means the article gives none."""
        label = label or field
        if field not in entry:
            report(label, 'missing (write "" if the article gives no date)')
            return None
        value = entry[field]
        if not isinstance(value, str):
            report(label, f"expected an ISO 8601 date as text, got {_kind(value)}")
            return None
        if value == "":
            return None
        try:
            dates.check(value)
        except ValueError as error:
            report(label, str(error))
            return None
        return value

    def check_reading(self, stated: str, value, high, qualifier: str, report) -> None:
        """The stated words must say the value and qualifier the fact claims."""
        try:
            reading = numerals.read_stated(stated)
        except ValueError as error:
            report("stated", str(error))
            return
        if reading.value != Decimal(repr(value)):
            report("value", f"{value} does not match the stated '{stated}', which reads {_plain(reading.value)}")
        if reading.high is not None and (high is None or reading.high != Decimal(repr(high))):
            report("high", f"the stated '{stated}' reads {_plain(reading.high)} as its upper end")
        if reading.qualifier != qualifier:
            report(
                "qualifier", f"'{qualifier}' does not match the stated '{stated}', which reads '{reading.qualifier}'"
            )

    def check_baseline(self, baseline, value, as_of, quote: str, index: int, where: str, report) -> None:
        if not isinstance(baseline, dict):
            report("baseline", f"expected a table, got {_kind(baseline)}")
            return
        self.unknown_keys(baseline, _BASELINE_KEYS, "facts", index, where, prefix="baseline.")
        before = self.number(baseline, "facts", index, where, "baseline.value")
        before_as_of = self.date(baseline, "as_of", report, label="baseline.as_of")
        if as_of and before_as_of and dates.end(before_as_of) >= dates.end(as_of):
            report("baseline.as_of", f"'{before_as_of}' is not before the figure's date '{as_of}'")
        derived = baseline.get("derived")
        if not isinstance(derived, bool):
            report("baseline.derived", "missing: true if computed from a stated change, false if stated")
            return
        method = baseline.get("method")
        if not derived:
            if method is not None and not isinstance(method, str):
                report("baseline.method", f"expected text, got {_kind(method)}")
            return
        if not isinstance(method, str) or not method.strip():
            report("baseline.method", "missing: a derived baseline shows its arithmetic, e.g. '2550万 − 468万'")
            return
        try:
            arithmetic = numerals.evaluate(method)
        except ValueError as error:
            report("baseline.method", str(error))
            return
        if (
            value is not None
            and arithmetic.operands
            and numerals.evaluate(arithmetic.operands[0]).result != Decimal(repr(value))
        ):
            report("baseline.method", f"starts from {arithmetic.operands[0]}, not from the figure's value {value}")
        squeezed = squeeze(quote)
        for operand in arithmetic.operands[1:]:
            if operand != "1" and operand not in squeezed:
                report("baseline.method", f"uses {operand}, which is not in the quote")
        if before is not None:
            decimals = max(0, -Decimal(repr(before)).normalize().as_tuple().exponent)
            if round(arithmetic.result, decimals) != Decimal(repr(before)):
                report(
                    "baseline.value",
                    f"{method} = {_plain(round(arithmetic.result, 4))}, but baseline.value is {before}",
                )


_EXAMPLE_IDS = {"facts": "'pension.pension-insured'", "speakers": "'li-yong'", "topics": "'pension'"}


def _kind(value) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a table"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return f"{name} ({_short(value)})" if kind in (str, int, float) else name
    return type(value).__name__


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


def check(data: dict, text: str) -> list[Problem]:
    """Every problem in a parsed fact base; [] when it is sound. `text` is the TOML, for line numbers."""
    return _Checker(data, text).check()


def check_quotes(data: dict, text: str, article: str) -> list[Problem]:
    """Quotes that are not verbatim (whitespace aside) in the source article."""
    lines = LineIndex(text)
    source = squeeze(article)
    problems = []
    for index, fact in enumerate(data.get("facts") or []):
        quote = fact.get("quote") if isinstance(fact, dict) else None
        if isinstance(quote, str) and squeeze(quote) not in source:
            where = fact.get("id") if isinstance(fact.get("id"), str) else f"facts[{index + 1}]"
            problems.append(Problem(lines.line("facts", index, "quote"), where, "quote", "not found in the article"))
    return problems
