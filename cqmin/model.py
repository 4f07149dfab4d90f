"""The records of a fact base, typed: events, speakers, topics, units and facts, and the base that holds them.

A validated fact file is built into these (build.py); the cache stores them
packed as plain tuples (pack/unpack), which marshal writes and reads in a
millisecond. Text that exists in every language is a `Text`: a language code
(cqmin.languages) mapped to the text.

Records are NamedTuples: immutable and typed like frozen dataclasses, but six
times cheaper to define, which every run (and every TAB) pays at import.
"""

import math
from typing import NamedTuple

from cqmin.domain import Kind, Measure, Qualifier

Text = dict[str, str]


class Event(NamedTuple):
    """A press conference: the occasion at which figures were announced."""

    id: str
    title: Text
    organizer: Text | None
    date: str  # YYYY-MM-DD
    place: Text
    article: Text | None  # the title of the article that reports it


class Speaker(NamedTuple):
    id: str
    event: str
    name: Text
    role: Text
    department: Text


class Topic(NamedTuple):
    id: str
    title: Text
    summary: Text
    headline: str | None  # the id of the fact the overview shows for it


class Unit(NamedTuple):
    id: str
    name: Text  # zh: the measure word the article uses; en: what an English reader counts
    measure: Measure


class Baseline(NamedTuple):
    value: float
    as_of: str | None
    derived: bool  # computed from a stated change, not stated itself
    method: str | None  # the arithmetic of a derived baseline, as the validator recomputed it


class Change(NamedTuple):
    absolute: float  # now − before; percentage points for a share
    percent: float | None  # of the earlier level; None for a share
    annual_percent: float | None  # compound, over the real span; None for a share or a missing date


class Fact(NamedTuple):
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
    change: Change | None
    event: str
    speaker: str | None  # None: only in the article's infographic, which names no speaker
    quote: str


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


# ---------------------------------------------------------------- the cache's form: tuples of plain values


def pack(base: FactBase) -> dict:
    """The base as plain values, for marshal."""
    return {
        "events": [(e.id, e.title, e.organizer, e.date, e.place, e.article) for e in base.events],
        "speakers": [(s.id, s.event, s.name, s.role, s.department) for s in base.speakers],
        "topics": [(t.id, t.title, t.summary, t.headline) for t in base.topics],
        "units": list({f.unit.id: (f.unit.id, f.unit.name, f.unit.measure.value) for f in base.facts}.values()),
        "facts": [_pack_fact(fact) for fact in base.facts],
    }


def _pack_fact(f: Fact) -> tuple:
    baseline = (f.baseline.value, f.baseline.as_of, f.baseline.derived, f.baseline.method) if f.baseline else None
    change = (f.change.absolute, f.change.percent, f.change.annual_percent) if f.change else None
    return (f.id, f.topic, f.label, f.value, f.high, f.unit.id, f.stated, f.qualifier.value, f.kind.value,
            f.as_of, baseline, change, f.event, f.speaker, f.quote)  # fmt: skip


def unpack(packed: dict, label: str) -> FactBase:
    """A base from its packed form; raises (KeyError, TypeError, ValueError) if it is not one."""
    units = {unit_id: Unit(unit_id, name, Measure(measure)) for unit_id, name, measure in packed["units"]}
    facts = []
    for (fact_id, topic, text, value, high, unit, stated, qualifier, kind,
         as_of, baseline, change, event, speaker, quote) in packed["facts"]:  # fmt: skip
        _finite(value, high, *(baseline[:1] if baseline else ()), *(change or ()))
        facts.append(
            Fact(
                fact_id,
                topic,
                text,
                value,
                high,
                units[unit],
                stated,
                Qualifier(qualifier),
                Kind(kind),
                as_of,
                Baseline(*baseline) if baseline else None,
                Change(*change) if change else None,
                event,
                speaker,
                quote,
            )
        )
    return FactBase(
        [Event(*event) for event in packed["events"]],
        [Speaker(*speaker) for speaker in packed["speakers"]],
        [Topic(*topic) for topic in packed["topics"]],
        facts,
        label,
    )


def _finite(*numbers) -> None:
    """Numbers as validation lets through (or None): an entry with NaN or text for a figure is not a base."""
    for number in numbers:
        if number is not None and (isinstance(number, bool) or not math.isfinite(number)):  # TypeError for text
            raise ValueError(f"not a figure: {number!r}")
