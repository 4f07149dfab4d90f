"""Check a parsed fact base and report every problem at once.

Each problem names the place (line where known, fact id or section) and the
field, so that a broken file can be fixed in one pass. Beyond types and
references, the checks tie each fact to the article's words: the stated figure
must be in the quote, must read as the value and qualifier given, and a derived
baseline must recompute from the numbers in the quote.
"""

import functools
import re
from decimal import Decimal

from cqmin import dates, numerals
from cqmin.fields import FieldChecks, LineIndex, Problem, describe

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


def squeeze(text: str) -> str:
    """Text with all whitespace removed: the article breaks lines inside sentences."""
    return _WHITESPACE.sub("", text)


class _Checker(FieldChecks):
    """The rules of a cqmin fact base."""

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
                self.report("units", 0, "units", name, f"expected {{ zh = …, en = … }}, got {describe(value)}")
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

    @functools.cached_property
    def event_date(self):
        """The day of the event, once: every achieved fact is checked against it."""
        event = self.data.get("event")
        date = event.get("date") if isinstance(event, dict) else None
        try:
            dates.check(date)
            return dates.start(date)
        except (TypeError, ValueError, AttributeError):
            return None

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
            report("baseline", f"expected a table, got {describe(baseline)}")
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
                report("baseline.method", f"expected text, got {describe(method)}")
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
    facts = data.get("facts") if isinstance(data, dict) else None
    for index, fact in enumerate(facts if isinstance(facts, list) else []):
        quote = fact.get("quote") if isinstance(fact, dict) else None
        if isinstance(quote, str) and squeeze(quote) not in source:
            where = fact.get("id") if isinstance(fact.get("id"), str) else f"facts[{index + 1}]"
            problems.append(Problem(lines.line("facts", index, "quote"), where, "quote", "not found in the article"))
    return problems
