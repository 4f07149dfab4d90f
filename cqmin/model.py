"""The records of a fact base, typed: events, speakers, topics, units and facts, and the base that holds them.

Each record's fields are declared here once, with their types; what else
knows a record's shape is derived from these declarations: the keys a fact
file may hold (validation), the JSON records and CSV columns (contract.py), the
SQLite tables (formats/sqlite.py), and the cache's packed form (pack/unpack,
below). Text that a fact base gives in several languages is a `Text`: a
language code (cqmin.languages) mapped to the text.

Records are named tuples (record.py): immutable and typed like frozen dataclasses,
but six times cheaper to define, which every run (and every TAB) pays at import.
"""

import math
from enum import Enum

from cqmin.domain import Kind, Measure, Qualifier
from cqmin.record import Record

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # an id of an event, a speaker or a topic; a fact's is its topic's, a dot, one

Text = dict[str, str]

LEGACY_EVENT = "event"  # the id a schema-1 base's single [event] gets


class Event(Record):
    """A press conference: the occasion at which figures were announced, and the report of it."""

    id: str
    title: Text
    organizer: Text | None
    date: str  # YYYY-MM-DD
    place: Text
    article: Text | None  # the title of the article that reports it
    publisher: Text | None  # who published the article
    published: str | None  # the day it was published, YYYY-MM-DD
    url: str | None  # where it is published
    source: str | None  # the article's text, a file beside the fact base, that validate checks quotes against


class Speaker(Record):
    """A person who announced figures; at every event their facts name, unless `event` ties them to one."""

    id: str
    event: str | None
    name: Text
    role: Text
    department: Text


class Topic(Record):
    id: str
    title: Text
    summary: Text
    headline: str | None  # the id of the fact the overview shows for it


class Unit(Record):
    id: str
    name: Text  # zh: the measure word the article uses; en: what an English reader counts
    measure: Measure


class Baseline(Record):
    value: float
    as_of: str | None
    derived: bool  # computed from a stated change, not stated itself
    method: str | None  # the arithmetic of a derived baseline, as the validator recomputed it


class Change(Record):
    absolute: float  # now − before; percentage points for a share
    percent: float | None  # of the earlier level; None for a share
    annual_percent: float | None  # compound, over the real span; None for a share or a missing date


class Fact(Record):
    id: str
    topic: str
    label: Text
    value: float
    high: float | None  # the upper end of a range
    unit: Unit
    stated: str  # the figure as the article writes it
    qualifier: Qualifier
    kind: Kind
    as_of: str | None
    baseline: Baseline | None
    change: Change | None  # computed from value and baseline, never written in a fact file
    event: str
    speaker: str | None  # None: only in the article's infographic, which names no speaker
    quote: str


COMPUTED = {Fact: ("change",)}  # fields a record has that its fact-file table does not
# Keys a fact file's table may hold that its record has not: `draft = true` marks a fact `cqmin draft` wrote
# and nobody has reviewed; a base with one is refused by every lookup, so no record ever holds it.
FILE_ONLY = {Fact: ("draft",)}
# What `cqmin draft` writes where an article does not say (a speaker's role, the place): a text still holding it
# is not reviewed, and validate says so.
PLACEHOLDER = {"zh": "（待填）", "en": "(to fill in)"}


def file_keys(record: type) -> set[str]:
    """The keys a fact file's table of this record may hold."""
    return set(record._fields) - set(COMPUTED.get(record, ())) | set(FILE_ONLY.get(record, ()))


def field_types(record: type) -> dict[str, tuple[object, bool]]:
    """Each field's type, and whether it may be None: `Text | None` is (Text, True)."""
    found = {}
    for name, annotation in record.__annotations__.items():
        options = [option for option in getattr(annotation, "__args__", ()) if option is not type(None)]
        optional = hasattr(annotation, "__args__") and len(options) < len(annotation.__args__)
        found[name] = (options[0] if optional else annotation, optional)
    return found


def is_record(kind) -> bool:
    return isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")


class FactBase:
    """The loaded records, with the look-ups commands need."""

    def __init__(
        self,
        events: list[Event],
        speakers: list[Speaker],
        topics: list[Topic],
        facts: list[Fact],
        label: str,
    ) -> None:
        self.label = label  # where the base came from, for messages
        self.events = events
        self.speakers = speakers
        self.topics = topics
        self.facts = facts
        self._events = {event.id: event for event in events}
        self._speakers = {speaker.id: speaker for speaker in speakers}
        self._topics = {topic.id: topic for topic in topics}
        self._facts = {fact.id: fact for fact in facts}

    def event(self, event_id: str) -> Event:
        return self._events[event_id]

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return self._speakers.get(speaker_id) if speaker_id else None

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts.get(fact_id)

    def facts_of(self, topic_id: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.topic == topic_id]

    def units(self) -> list[Unit]:
        return list({fact.unit.id: fact.unit for fact in self.facts}.values())


# ---------------------------------------------------------------- the cache's form: tuples of plain values
# Each record packs to the tuple of its fields, in their declared order: an Enum as its value, a
# record within it as its own tuple, and a unit, which many facts share, as its id.

REFERENCED = {Unit}  # records stored once, beside the facts, and named by id within them
TABLES = {"events": Event, "speakers": Speaker, "topics": Topic, "units": Unit, "facts": Fact}


def _packer(record: type):
    steps = []
    for kind, _ in field_types(record).values():
        if kind in REFERENCED:
            steps.append(lambda value: value.id)
        elif isinstance(kind, type) and issubclass(kind, Enum):
            steps.append(lambda value: value.value)
        elif is_record(kind):
            inner = _packer(kind)
            steps.append(lambda value, inner=inner: None if value is None else inner(value))
        else:
            steps.append(None)
    return lambda item: tuple(value if step is None else step(value) for value, step in zip(item, steps, strict=True))


def _unpacker(record: type, references: dict):
    """A function from a packed tuple to the record; it raises (KeyError, TypeError, ValueError) if it is not one."""
    steps = []
    for kind, optional in field_types(record).values():
        if kind in REFERENCED:
            steps.append(references[kind].__getitem__)
        elif isinstance(kind, type) and issubclass(kind, Enum):
            steps.append(kind)
        elif is_record(kind):
            inner = _unpacker(kind, references)
            steps.append((lambda value, inner=inner: None if value is None else inner(value)) if optional else inner)
        elif kind is float:
            steps.append(_figure)
        else:
            steps.append(None)
    size = len(steps)

    def unpack(values) -> tuple:
        if len(values) != size:
            raise ValueError(f"a {record.__name__} of {len(values)} fields, not {size}")
        return record(*[value if step is None else step(value) for value, step in zip(values, steps, strict=True)])

    return unpack


def _figure(number):
    """A number as validation lets through (or None): an entry with NaN or text for a figure is not a base."""
    if number is not None and (isinstance(number, bool) or not math.isfinite(number)):  # TypeError for text
        raise ValueError(f"not a figure: {number!r}")
    return number


def pack(base: FactBase) -> dict:
    """The base as plain values, for marshal."""
    content = {"events": base.events, "speakers": base.speakers, "topics": base.topics, "units": base.units()}
    content["facts"] = base.facts
    packed = {}
    for name, items in content.items():
        packer = _packer(TABLES[name])
        packed[name] = [packer(item) for item in items]
    return packed


def unpack(packed: dict, label: str) -> FactBase:
    """A base from its packed form; raises (KeyError, TypeError, ValueError) if it is not one."""
    unit = _unpacker(Unit, {})
    references = {Unit: {item[0]: unit(item) for item in packed["units"]}}
    tables = {}
    for name, record in TABLES.items():
        if record not in REFERENCED:
            unpacker = _unpacker(record, references)
            tables[name] = [unpacker(item) for item in packed[name]]
    return FactBase(tables["events"], tables["speakers"], tables["topics"], tables["facts"], label)
