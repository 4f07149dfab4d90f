"""The records of a fact base, typed: events, speakers, topics, units and facts, and the base that holds them.

Each record's fields are declared here once, with their types; what else
knows a record's shape is derived from these declarations: the keys a fact
file may hold (validation), the JSON records and CSV columns (contract.py), the
SQLite tables (formats/sqlite.py), and the cache's packed form (packed.py).
Text that a fact base gives in several languages is a `Text`: a
language code (cqmin.languages) mapped to the text.

Records are named tuples (record.py): immutable and typed like frozen dataclasses,
but six times cheaper to define, which every run (and every TAB) pays at import.
"""

from cqmin import TYPE_CHECKING
from cqmin.domain import Kind, Measure, Qualifier
from cqmin.record import Record

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Callable

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


class Facts:
    """A base's facts, in its order, with the look-ups commands need: a list built from a fact file, or (in
    packed.py) parts of the cache read as they are asked for."""

    def __init__(self, facts: list[Fact]) -> None:
        self._listed = facts
        self._by_id = {fact.id: fact for fact in facts}

    def all(self) -> list[Fact]:
        return self._listed

    def get(self, fact_id: str) -> Fact | None:
        return self._by_id.get(fact_id)

    def of_topic(self, topic_id: str) -> list[Fact]:
        return [fact for fact in self._listed if fact.topic == topic_id]

    def scan(self, visit: "Callable[[Fact], object]") -> list:
        """What `visit` makes of each fact, in the base's order, where it makes anything (not None)."""
        return [found for found in map(visit, self._listed) if found is not None]


class FactBase:
    """The loaded records, with the look-ups commands need."""

    def __init__(
        self,
        events: list[Event],
        speakers: list[Speaker],
        topics: list[Topic],
        facts: "list[Fact] | Facts",
        label: str,
        units: list[Unit] | None = None,
    ) -> None:
        self.label = label  # where the base came from, for messages
        self.events = events
        self.speakers = speakers
        self.topics = topics
        self._facts = facts if isinstance(facts, Facts) else Facts(facts)
        self._units = units
        self.read_as: dict | None = None  # the fact file's key as it was read (cache.key): for what is cached with it
        self._events = {event.id: event for event in events}
        self._speakers = {speaker.id: speaker for speaker in speakers}
        self._topics = {topic.id: topic for topic in topics}

    @property
    def facts(self) -> list[Fact]:
        return self._facts.all()

    def adopt(self, other: "FactBase") -> None:
        """Become `other` (the base rebuilt from its file, when a part of the cache proved damaged), so that
        no answer mixes the cached records with those of a file changed since."""
        self.__init__(other.events, other.speakers, other.topics, other._facts, self.label, other.units())
        self.read_as = other.read_as

    def event(self, event_id: str) -> Event:
        return self._events[event_id]

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return self._speakers.get(speaker_id) if speaker_id else None

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts.get(fact_id)

    def facts_of(self, topic_id: str) -> list[Fact]:
        return self._facts.of_topic(topic_id)

    def scan(self, visit: "Callable[[Fact], object]") -> list:
        """What `visit` makes of each fact, in the base's order, where it makes anything (not None). From the
        cache, each fact is unpacked as it is reached and let go unless it is kept: a search reads every fact."""
        return self._facts.scan(visit)

    def units(self) -> list[Unit]:
        if self._units is None:
            self._units = list({fact.unit.id: fact.unit for fact in self.facts}.values())
        return self._units
