"""What commands return: typed results, which the format registry renders by their type.

Every result can give its records (the JSON contract's objects) and its rows
(the flat records that CSV, TSV, Markdown and --fields work on) with the
fields those rows have. Both are made one at a time, as a format writes them:
the data formats stream, so a look-up holds one record, not all of them.
Plain classes: the registry needs their inheritance (a renderer for Facts
serves every kind of facts), and every run imports them.
"""

from cqmin import TYPE_CHECKING, contract
from cqmin.contract import Fields
from cqmin.model import Event, Fact, FactBase, Speaker, Topic

if TYPE_CHECKING:  # imported by every lookup; validation only by validate
    from collections.abc import Iterator

    from cqmin.validation.problems import Problem


class Result:
    """Every result: its records (the JSON contract's objects) and its rows, with the fields they have."""

    fields: Fields

    def records(self) -> "Iterator[dict]":
        raise NotImplementedError

    def rows(self) -> "Iterator[dict]":
        """Flat records for CSV, TSV, Markdown and --fields; the records themselves unless a result nests."""
        return self.records()


class Facts(Result):
    """Facts, each a record of the JSON contract; `empty` says why there are none, where that is a failure."""

    fields = contract.FACT_FIELDS

    def __init__(self, base: FactBase, facts: list[Fact], empty: str | None = None) -> None:
        self.base = base
        self.facts = facts
        self.empty = empty  # "12 facts match 'elder care'; none is a target" (views.narrow)

    def records(self) -> "Iterator[dict]":
        return (contract.fact_record(fact, self.base) for fact in self.facts)

    def __len__(self) -> int:
        return len(self.facts)


class TopicFacts(Facts):
    """`cqmin TOPIC`: one topic's figures, comparisons and targets."""

    def __init__(self, base: FactBase, facts: list[Fact], topic: Topic, empty: str | None = None) -> None:
        super().__init__(base, facts, empty)
        self.topic = topic


class Comparisons(Facts):
    """`cqmin compare`: facts with a baseline, the largest change first."""


class FactDetails(Facts):
    """`cqmin show`: facts in full."""


class SearchHits(Facts):
    """`cqmin search`: facts found, best first, with the Chinese text each matched, where it was Chinese."""

    def __init__(
        self, base: FactBase, facts: list[Fact], query: str, matched: dict[str, tuple[str, str]], empty=None
    ) -> None:
        super().__init__(base, facts, empty)
        self.query = query
        # fact id -> the Chinese text a Chinese term matched (a label, a stretch of quote, a topic's title or a
        # speaker's name), and which of them it is (search.Hit)
        self.matched = matched


class AllFacts(Facts):
    """`cqmin export`: every fact (and, for SQLite, the base's topics, speakers and events)."""


class TopicRow:
    def __init__(self, topic: Topic, facts: list[Fact], headline: Fact | None) -> None:
        self.topic = topic
        self.facts = facts
        self.headline = headline


class TopicList(Result):
    """`cqmin` and `cqmin topics`: the topics with their headline figures."""

    fields = contract.TOPIC_FIELDS

    def __init__(self, base: FactBase, topics: list[TopicRow]) -> None:
        self.base = base
        self.topics = topics

    def records(self) -> "Iterator[dict]":
        return (contract.topic_record(row.topic, row.facts, row.headline, self.base) for row in self.topics)

    def __len__(self) -> int:
        return len(self.topics)


class SpeakerRow:
    def __init__(self, speaker: Speaker, topics: list[str], facts: int) -> None:
        self.speaker = speaker
        self.topics = topics
        self.facts = facts


class EventRow:
    def __init__(self, event: Event, speakers: list[SpeakerRow]) -> None:
        self.event = event
        self.speakers = speakers


class Sources(Result):
    """`cqmin sources`: every event with its speakers. Its rows are the speakers, each with its event."""

    fields = contract.SPEAKER_FIELDS

    def __init__(self, events: list[EventRow]) -> None:
        self.events = events

    def records(self) -> "Iterator[dict]":
        return (
            {
                **contract.event_record(row.event),
                "speakers": [contract.speaker_record(s.speaker, s.topics, s.facts) for s in row.speakers],
            }
            for row in self.events
        )

    def rows(self) -> "Iterator[dict]":
        return (
            {**contract.speaker_record(s.speaker, s.topics, s.facts), "event": contract.event_record(row.event)}
            for row in self.events
            for s in row.speakers
        )

    def __len__(self) -> int:
        return len(self.events)


class _Later:
    """A class's attribute made when first read."""

    def __init__(self, make) -> None:
        self._make, self._made = make, None

    def __get__(self, instance, owner):
        if self._made is None:
            self._made = self._make()
        return self._made


class Problems(Result):
    """`cqmin validate`: the problems of a fact base; a summary of it when there are none."""

    fields = _Later(contract.problem_fields)  # (validation's records: imported by validate, not by a look-up)

    def __init__(
        self, label: str, problems: "list[Problem]", counts: list[str] | None = None, notes: list[str] | None = None
    ) -> None:
        self.label = label
        self.problems = problems
        self.counts = counts  # "110 facts", "1 event": the summary line of a sound base
        self.notes = notes or []

    def records(self) -> "Iterator[dict]":
        return (problem.as_record() for problem in self.problems)

    def __len__(self) -> int:
        return len(self.problems)


class Checks(Result):
    """`cqmin check`: each figure of a claim, judged against the facts (claims.py)."""

    fields = contract.CHECK_FIELDS

    def __init__(self, base: FactBase, claim: str, judged: list) -> None:
        self.base = base
        self.claim = claim
        self.judged = judged  # claims.Judged, in the order the claim states its figures

    def records(self) -> "Iterator[dict]":
        return (contract.check_record(judged) for judged in self.judged)

    def __len__(self) -> int:
        return len(self.judged)


class Citations(Facts):
    """`cqmin cite`: what it takes to quote each figure, in a citation style or as records."""

    fields = contract.CITATION_FIELDS

    def records(self) -> "Iterator[dict]":
        return (contract.citation_record(fact, self.base) for fact in self.facts)
