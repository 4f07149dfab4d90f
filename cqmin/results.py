"""What commands return: typed results, which the format registry renders by their type.

Every result can give its records (the JSON contract's objects) and its rows
(the flat records that CSV, TSV, Markdown and --fields work on) with the
fields those rows have.
"""

from dataclasses import dataclass, field

from cqmin import contract
from cqmin.contract import Fields
from cqmin.model import Event, Fact, FactBase, Speaker, Topic
from cqmin.validation.problems import Problem


class Result:
    """Every result: its records (the JSON contract's objects) and its rows, with the fields they have."""

    fields: Fields

    def records(self) -> list[dict]:
        raise NotImplementedError

    def rows(self) -> list[dict]:
        """Flat records for CSV, TSV, Markdown and --fields; the records themselves unless a result nests."""
        return self.records()


@dataclass
class Facts(Result):
    """Facts, each a record of the JSON contract."""

    base: FactBase
    facts: list[Fact]
    fields = contract.FACT_FIELDS

    def records(self) -> list[dict]:
        return [contract.fact_record(fact, self.base) for fact in self.facts]

    def __len__(self) -> int:
        return len(self.facts)


@dataclass
class TopicFacts(Facts):
    """`cqmin TOPIC`: one topic's figures, comparisons and targets."""

    topic: Topic


@dataclass
class Comparisons(Facts):
    """`cqmin compare`: facts with a baseline, the largest change first."""


@dataclass
class FactDetails(Facts):
    """`cqmin show`: facts in full."""


@dataclass
class SearchHits(Facts):
    """`cqmin search`: facts found, best first, with the Chinese text each matched, where it was Chinese."""

    query: str
    matched: dict[str, str] = field(default_factory=dict)


@dataclass
class AllFacts(Facts):
    """`cqmin export`: every fact (and, for SQLite, the base's topics, speakers and events)."""


@dataclass
class TopicRow:
    topic: Topic
    facts: list[Fact]
    headline: Fact | None


@dataclass
class TopicList(Result):
    """`cqmin` and `cqmin topics`: the topics with their headline figures."""

    base: FactBase
    topics: list[TopicRow]
    fields = contract.TOPIC_FIELDS

    def records(self) -> list[dict]:
        return [contract.topic_record(row.topic, row.facts, row.headline, self.base) for row in self.topics]

    def __len__(self) -> int:
        return len(self.topics)


@dataclass
class SpeakerRow:
    speaker: Speaker
    topics: list[str]
    facts: int


@dataclass
class EventRow:
    event: Event
    speakers: list[SpeakerRow]


@dataclass
class Sources(Result):
    """`cqmin sources`: every event with its speakers. Its rows are the speakers, each with its event."""

    events: list[EventRow]
    fields = contract.SPEAKER_FIELDS

    def records(self) -> list[dict]:
        return [
            {
                **contract.event_record(row.event),
                "speakers": [contract.speaker_record(s.speaker, s.topics, s.facts) for s in row.speakers],
            }
            for row in self.events
        ]

    def rows(self) -> list[dict]:
        return [
            {**contract.speaker_record(s.speaker, s.topics, s.facts), "event": contract.event_record(row.event)}
            for row in self.events
            for s in row.speakers
        ]

    def __len__(self) -> int:
        return len(self.events)


@dataclass
class Problems(Result):
    """`cqmin validate`: the problems of a fact base; a summary of it when there are none."""

    label: str
    problems: list[Problem]
    counts: list[str] | None = None  # "110 facts", "1 event": for the summary line of a sound base
    notes: list[str] = field(default_factory=list)
    fields = contract.PROBLEM_FIELDS

    def records(self) -> list[dict]:
        return [problem.as_record() for problem in self.problems]

    def __len__(self) -> int:
        return len(self.problems)
