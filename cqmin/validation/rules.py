"""The rules of a cqmin fact base, schema 2 (events as data) and schema 1 (one [event] table).

Beyond types and references, the rules tie each fact to the article's words:
the stated figure must be in the quote, must read as the value and qualifier
given, must carry a measure word that fits its unit, and must be a target
where the quote says it is a plan; a derived baseline must recompute from the
numbers in the quote.
"""

import re
from decimal import Decimal, localcontext

import cqmin.validation.quoted as quoted
from cqmin import dates, numerals, wording
from cqmin.domain import Kind, Measure, Qualifier, measure_of, values
from cqmin.model import ID, LEGACY_EVENT, Baseline, Event, Fact, Speaker, Topic, file_keys
from cqmin.validation.checks import Checker, Entry, describe, short
from cqmin.validation.problems import DRAFTED

SCHEMAS = (1, 2)

_URL = re.compile(r"https?://[\x21-\x7e]+", re.IGNORECASE)  # as printed: an IRI's other characters percent-encoded
_SLUG = re.compile(ID)
_FACT_ID = re.compile(rf"{ID}\.{ID}")

# The keys each table may hold: its record's fields (model.py), but those computed from others.
_EVENT_KEYS = file_keys(Event)
_SPEAKER_KEYS = file_keys(Speaker)
_TOPIC_KEYS = file_keys(Topic)
_UNIT_EXTRAS = frozenset({"measure", "words"})  # beside a unit's text in each language
_FACT_KEYS = file_keys(Fact)
_BASELINE_KEYS = file_keys(Baseline)

MIGRATION = (
    "schema 1 still works; to move to schema 2, rename [event] to [[events]], give it an id "
    '(id = "…"), and set schema = 2 (README, "The fact base")'
)


class Rules(Checker):
    def __init__(self, data, text: str, file: str, reserved: frozenset = frozenset()) -> None:
        super().__init__(data, text, file)
        self.reserved = reserved  # names a topic cannot take: cqmin's own commands
        self.notes: list[str] = []
        self.measures: dict[str, str] = {}  # unit name -> what it measures (domain.Measure)
        self._closest: dict = {}  # (choices, a name typed) -> the closest choice, or None
        self.repeats = quoted.Repeats()

    def check(self) -> None:
        if not isinstance(self.data, dict):
            self.root().report(None, "expected TOML tables")
            return
        schema = self.data.get("schema")
        if isinstance(schema, bool) or schema not in SCHEMAS:
            self.root().report("schema", f"expected schema = 2 (or 1, the older form), got {describe(schema)}")
            schema = 2 if "events" in self.data else 1
        elif schema == 1:
            self.notes.append(MIGRATION)
        self.schema = schema
        allowed = {"schema", "speakers", "topics", "units", "facts", "events" if schema == 2 else "event"}
        if schema == 2 and "event" in self.data:
            self.root().report(
                "event", "schema 2 lists events as [[events]] tables, each with an id; [event] is schema 1"
            )
            allowed.add("event")
        if schema == 1 and "events" in self.data:
            self.root().report("events", "[[events]] tables are schema 2: set schema = 2")
            allowed.add("events")
        self.root().unknown_keys(allowed)
        events = self.check_events()
        speakers = self.check_speakers(events)
        units = self.check_units()
        facts = self.ids("facts", _FACT_ID, "'pension.pension-insured'")
        topics = self.check_topics(facts)
        for entry in self.array("facts"):
            self.check_fact(entry, topics, speakers, units, events)
        self.note_fallbacks()

    def note_fallbacks(self) -> None:
        """Say, once a language, how many texts the base lacks in it, and what they are shown in instead."""
        from cqmin import languages
        from cqmin.languages.base import FALLBACK

        for code, count in self.lacking.items():
            instead = languages.get(FALLBACK).name if code != FALLBACK else "the language each has"
            texts = "text has" if count == 1 else "texts have"
            self.notes.append(f"{count} {texts} no {languages.get(code).name} ({code}): shown in {instead} instead")

    # -------------------------------------------------------------- events, speakers, topics, units

    def check_events(self) -> dict[str, object]:
        """Event id -> its date (a datetime.date, or None if unusable)."""
        if self.schema == 1:
            entry = self.table("event")
            return {LEGACY_EVENT: self.check_event(entry, legacy=True)} if entry else {}
        ids = self.ids("events", _SLUG, "'cq-livelihood-2022-10-19'")
        dated = {}
        for entry in self.array("events"):
            date = self.check_event(entry)
            if _holds(ids, entry):
                dated[entry.data["id"]] = date
        if self.data.get("events") == []:
            self.root().report("events", "empty: the file needs at least one [[events]] table")
        return dated

    def check_event(self, entry: Entry, legacy: bool = False):
        entry.unknown_keys(_EVENT_KEYS - {"id"} if legacy else _EVENT_KEYS)
        for field in ("title", "place"):
            entry.translated(field)
        for field in ("organizer", "article", "publisher"):
            entry.translated(field, required=False)
        entry.text("source", required=False)  # (read by validate: articles.py)
        url = entry.text("url", required=False)
        if url is not None and not _URL.fullmatch(url):
            entry.report(
                "url",
                f"'{short(url)}' is not a web address (http:// or https://, then printable ASCII:"
                " percent-encode spaces and other characters)",
            )
        day = self.day(entry, "date")
        published = self.day(entry, "published", required=False)
        if day and published and published < day:
            entry.report("published", f"'{published}' is before the press conference it reports ({day})")
        return day

    def day(self, entry: Entry, field: str, required: bool = True):
        """A field that is a day, YYYY-MM-DD, as a date; None (reported) if it is not one."""
        text = entry.text(field, required=required)
        if text is None:
            return None
        try:
            return dates.day(text)
        except ValueError as error:
            entry.report(field, str(error))
            return None

    def event_of(self, entry: Entry, events: dict, default: bool = True) -> str | None:
        """The event an entry names, else (`default`) the first; None (reported) if it names one the file lacks.

        A fact that names no event is the first event's, so that another press conference can be appended
        to a file without a line of it changed; a speaker that names none speaks at any (default=False).
        """
        named = entry.data.get("event")
        if named is None:
            return next(iter(events), None) if default else None
        if self.schema == 1:
            return None  # reported as an unknown key
        if not isinstance(named, str) or named not in events:
            entry.report("event", f"unknown event '{short(named)}'{self.choices(named, events)}")
            return None
        return named

    def choices(self, typed, known) -> str:
        """What a reference could have named, briefly: the few there are, or the closest; never all of thousands."""
        names = list(known)
        if len(names) <= 5:
            return f" (one of {', '.join(short(name) for name in names)})"
        key = (id(known), typed if isinstance(typed, str) else None)
        if key not in self._closest:  # (a base of thousands repeats one mistake thousands of times)
            import difflib

            close = difflib.get_close_matches(typed, names, n=1) if isinstance(typed, str) and len(names) <= 500 else []
            self._closest[key] = close[0] if close else None
        close = self._closest[key]
        return f"; did you mean '{short(close)}'?" if close else f" (not one of the file's {len(names)})"

    def check_speakers(self, events: dict) -> dict[str, str | None]:
        """Speaker id -> the id of the one event they are tied to, or None (any event)."""
        ids = self.ids("speakers", _SLUG, "'li-yong'")
        found = {}
        for entry in self.array("speakers"):
            entry.unknown_keys(_SPEAKER_KEYS if self.schema == 2 else _SPEAKER_KEYS - {"event"})
            for field in ("name", "role", "department"):
                entry.translated(field)
            event = self.event_of(entry, events, default=False)
            if _holds(ids, entry):
                found[entry.data["id"]] = event
        return found

    def check_topics(self, facts: dict[str, Entry]) -> set:
        ids = self.ids("topics", _SLUG, "'pension'")
        for entry in self.array("topics"):
            entry.unknown_keys(_TOPIC_KEYS)
            entry.translated("title")
            entry.translated("summary")
            if _holds(ids, entry) and entry.data["id"] in self.reserved:
                entry.report("id", f"'{entry.data['id']}' is a cqmin command; a topic needs another name")
            headline = entry.text("headline", required=False)
            if headline is not None:
                if headline not in facts:
                    entry.report("headline", f"no fact '{short(headline)}'")
                elif facts[headline].data.get("topic") != entry.where:
                    entry.report("headline", f"'{short(headline)}' is not a fact of this topic")
        return set(ids)

    def check_units(self) -> dict[str, list[str]]:
        """Unit name -> the measure words the article may state it with."""
        units = self.table("units")
        if units is None:
            return {}
        found = {}
        for name in units.data:
            if not _SLUG.fullmatch(str(name)):
                units.report(str(name), "a unit's name is a lowercase id such as 'people'")
            text = units.translated(str(name), also=_UNIT_EXTRAS)
            if text is None:
                continue
            measure = text.get("measure", measure_of(text).value)
            if measure not in values(Measure):
                known = ", ".join(values(Measure))
                units.report(f"{name}.measure", f"unknown measure '{short(measure)}' (one of {known})")
            # The measure words a figure of it is stated with: `words`, else its Chinese text (元 of 元/人·月).
            default = [text["zh"].split("/")[0]] if isinstance(text.get("zh"), str) else None
            words = text.get("words", default)
            if words is None:
                units.report(f"{name}.words", "missing: a unit without Chinese text (zh) lists its measure words")
                continue
            if not (isinstance(words, list) and words and all(isinstance(word, str) and word for word in words)):
                units.report(f"{name}.words", f"expected a list of measure words, got {describe(words)}")
                words = default or []
            found[name] = words
            self.measures[name] = measure
        return found

    def ids(self, name: str, pattern: re.Pattern, example: str) -> dict[str, Entry]:
        """The well-formed, unique ids of the array `name`, each with its entry."""
        seen: dict[str, Entry] = {}
        for entry in self.array(name):
            ident = entry.identifier(pattern, example)
            if ident is None:
                continue
            if ident in seen:
                entry.report("id", f"duplicate id (first at {name}[{seen[ident].index + 1}])")
            else:
                seen[ident] = entry
        return seen

    # -------------------------------------------------------------- facts

    def check_fact(self, fact: Entry, topics: set, speakers: dict, units: dict, events: dict) -> None:
        fact.unknown_keys(_FACT_KEYS if self.schema == 2 else _FACT_KEYS - {"event"})
        drafted = fact.data.get("draft")
        if drafted is True:
            fact.report("draft", DRAFTED)
        elif drafted is not None and drafted is not False:
            fact.report("draft", f"expected true or false, got {describe(drafted)}")
        fact.translated("label")
        ident = fact.data.get("id")
        topic = fact.text("topic")
        if topic is not None:
            if topic not in topics:
                fact.report("topic", f"unknown topic '{short(topic)}'")
            elif isinstance(ident, str) and not ident.startswith(topic + "."):
                fact.report("id", f"'{short(ident)}' does not start with its topic, '{topic}.'")
        event = self.event_of(fact, events)
        unit = fact.text("unit")
        if unit is not None and unit not in units:
            fact.report("unit", f"unknown unit '{short(unit)}' (not in [units])")
        speaker = fact.text("speaker")
        if speaker and speaker not in speakers:
            fact.report("speaker", f"unknown speaker '{short(speaker)}'")
        elif speaker and event and speakers[speaker] and speakers[speaker] != event:
            said = (
                f"'{short(speaker)}' spoke at '{short(speakers[speaker])}', not at this fact's event '{short(event)}'"
            )
            fact.report("speaker", said)
        qualifier = self.choice(fact, "qualifier", Qualifier)
        kind = self.choice(fact, "kind", Kind)

        value = fact.number("value")
        high = fact.number("high", required=False)
        if qualifier == Qualifier.RANGE.value and "high" not in fact.data:
            fact.report("high", "missing: a range needs its upper end")
        if "high" in fact.data and qualifier not in (None, Qualifier.RANGE.value):
            fact.report("high", f"only a range has a high end (qualifier is '{qualifier}')")
        if value is not None and high is not None and high <= value:
            fact.report("high", f"{high} is not above the value {value}")

        as_of = fact.date("as_of")
        event_date = events.get(event) if event else None
        if as_of and kind == Kind.ACHIEVED.value and event_date and dates.start(as_of) > event_date:
            fact.report("as_of", f"'{as_of}' is after the event, but the fact is achieved")

        quote = fact.text("quote")
        if quote is not None and not quote.strip():
            fact.report("quote", "empty")
        stated = fact.text("stated")
        if stated is not None and not stated.strip():
            fact.report("stated", "empty")
        elif stated is not None:
            reading = self.reading(fact, stated, value, high, qualifier)
            if quote is not None:
                self.check_quoted(fact, quote, stated, reading)
            if reading is not None and unit in units:
                self.check_unit(fact, stated, reading, unit, units[unit])
            if quote is not None and kind is not None:
                said = wording.stated_kind(quote, stated)
                if said is not None and said[0] != kind:
                    fact.report("kind", f"'{kind}', but the quote says '{said[1]}' before the figure: {said[0]}")
            if quote is not None:
                quoted.check_date(fact, as_of, quote, stated, event_date)
                self.repeats.check(fact, event, quote, stated)

        baseline = fact.inner("baseline")
        if baseline is not None and qualifier == Qualifier.RANGE.value:
            fact.report("baseline", "a range has no one figure to compare with a baseline")
        elif baseline is not None:
            self.check_baseline(baseline, value, as_of, quote or "")
            if quote is not None:
                quoted.check_baseline(baseline, value, as_of, quote, stated or "", event_date)

    def check_unit(self, fact: Entry, stated: str, reading, unit: str, words: list[str]) -> None:
        """The unit must fit the measure word the figure is stated with, and be a rank if and only if it is one."""
        if not wording.unit_agrees(reading.measure_word, words):
            said = short("、".join(words))
            word = short(reading.measure_word)
            fact.report("unit", f"'{short(unit)}' ({said}) does not fit the stated '{short(stated)}' ('{word}')")
        elif reading.ordinal != (self.measures[unit] == Measure.RANK.value):
            place = "a place in a ranking" if reading.ordinal else "not a place in a ranking"
            measured = self.measures[unit]
            fact.report("unit", f"the stated '{short(stated)}' is {place}, but '{short(unit)}' measures {measured}")

    def check_quoted(self, fact: Entry, quote: str, stated: str, reading) -> None:
        """The quote must state the figure whole ("50万人" is not in "2550万人"), with no bound the fact drops."""
        text, figure = wording.squeeze(quote), wording.squeeze(stated)
        position = wording.find_figure(text, figure)
        if position < 0:
            fact.report("quote", f"does not contain the stated figure '{short(stated)}' (as a whole number)")
            return
        word = wording.bounding_word(text, position, figure)
        if word is not None and reading is not None and reading.qualifier is Qualifier.EXACT:
            fact.report("stated", f"the quote says '{word}' next to '{short(stated)}': state the figure with it")

    def choice(self, entry: Entry, field: str, enum) -> str | None:
        value = entry.text(field)
        if value is not None and value not in values(enum):
            entry.report(field, f"unknown {field} '{short(value)}' (one of {', '.join(values(enum))})")
            return None
        return value

    def reading(self, fact: Entry, stated: str, value, high, qualifier):
        """The stated words must say the value and qualifier the fact claims; return what they say."""
        try:
            reading = numerals.read_stated(stated)
        except ValueError as error:
            fact.report("stated", str(error))
            return None
        if value is not None and reading.value != Decimal(repr(value)):
            fact.report(
                "value", f"{value} does not match the stated '{short(stated)}', which reads {_plain(reading.value)}"
            )
        if reading.high is not None and (high is None or reading.high != Decimal(repr(high))):
            fact.report("high", f"the stated '{short(stated)}' reads {_plain(reading.high)} as its upper end")
        if qualifier is not None and reading.qualifier.value != qualifier:
            read = reading.qualifier.value
            fact.report("qualifier", f"'{qualifier}' does not match the stated '{short(stated)}', which reads '{read}'")
        return reading

    def check_baseline(self, baseline: Entry, value, as_of, quote: str) -> None:
        baseline.unknown_keys(_BASELINE_KEYS)
        before = baseline.number("value")
        before_as_of = baseline.date("as_of")
        if as_of and before_as_of and dates.end(before_as_of) >= dates.end(as_of):
            baseline.report("as_of", f"'{before_as_of}' is not before the figure's date '{as_of}'")
        derived = baseline.data.get("derived")
        if not isinstance(derived, bool):
            baseline.report("derived", "missing: true if computed from a stated change, false if stated")
            return
        method = baseline.data.get("method")
        if not derived:
            if method is not None and not isinstance(method, str):
                baseline.report("method", f"expected text, got {describe(method)}")
            return
        if not isinstance(method, str) or not method.strip():
            baseline.report("method", "missing: a derived baseline shows its arithmetic, e.g. '2550万 − 468万'")
            return
        try:
            arithmetic = numerals.evaluate(method)
        except ValueError as error:
            baseline.report("method", str(error))
            return
        first = arithmetic.operands[0] if arithmetic.operands else None
        if value is not None and first and numerals.evaluate(first).result != Decimal(repr(value)):
            baseline.report("method", f"starts from {short(first)}, not from the figure's value {value}")
        squeezed = wording.squeeze(quote)
        for operand in arithmetic.operands[1:]:
            if operand != "1" and operand not in squeezed:
                baseline.report("method", f"uses {short(operand)}, which is not in the quote")
        if before is not None and not _rounds_to(arithmetic.result, Decimal(repr(before))):
            result = _plain(round(arithmetic.result, 4))
            baseline.report("value", f"{short(method)} = {result}, but baseline.value is {before}")


def _holds(ids: dict[str, Entry], entry: Entry) -> bool:
    """Whether `entry` is the one its (well-formed, first) id names; an id may be any TOML value."""
    ident = entry.data.get("id")
    return isinstance(ident, str) and ids.get(ident) is entry


def _rounds_to(result: Decimal, stated: Decimal) -> bool:
    """Whether `result`, rounded to as many decimals as `stated` gives, is `stated`."""
    decimals = max(0, -stated.normalize().as_tuple().exponent)
    with localcontext() as context:  # (Python 3.10 takes no keywords here)
        context.prec = 60  # 10^15 to 10^-22 and more: beyond the default 28 digits
        return round(result, decimals) == stated


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")
