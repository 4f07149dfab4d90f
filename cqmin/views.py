"""What each command shows, as typed results: the query layer between the fact base and the formats."""

from cqmin import results
from cqmin.domain import Kind, Measure
from cqmin.model import Fact, FactBase


def select_kind(facts: list[Fact], kind: Kind | None) -> list[Fact]:
    """The facts of one kind; all of them for None."""
    return facts if kind is None else [fact for fact in facts if fact.kind is kind]


def topic(base: FactBase, topic_id: str, kind: Kind | None = None) -> results.TopicFacts:
    return results.TopicFacts(base, select_kind(base.facts_of(topic_id), kind), base.topic(topic_id))


def change_size(fact: Fact) -> float | None:
    """How large a change looks where it is shown: percent of the earlier level, or points for a share."""
    change = fact.change
    if change is None:
        return None
    if fact.unit.measure is Measure.SHARE:
        return abs(change.absolute)
    return abs(change.percent) if change.percent is not None else None


def compare(base: FactBase, topic_ids: list[str], kind: Kind | None = None) -> results.Comparisons:
    """Facts with a baseline in these topics (all if none), the largest change first, up or down."""
    chosen = set(topic_ids) if topic_ids else None
    facts = [fact for fact in select_kind(base.facts, kind) if fact.change and (chosen is None or fact.topic in chosen)]
    sizes = {fact.id: change_size(fact) for fact in facts}
    facts.sort(key=lambda fact: (sizes[fact.id] is None, -(sizes[fact.id] or 0)))
    return results.Comparisons(base, facts)


def details(base: FactBase, fact_ids: list[str]) -> results.FactDetails:
    return results.FactDetails(base, [base.fact(fact_id) for fact_id in fact_ids])


def citations(base: FactBase, fact_ids: list[str]) -> results.Citations:
    return results.Citations(base, [base.fact(fact_id) for fact_id in fact_ids])


def search(base: FactBase, query: str, topic_ids: list[str], kind: Kind | None = None) -> results.SearchHits:
    chosen = set(topic_ids)
    facts = [fact for fact in select_kind(base.facts, kind) if not chosen or fact.topic in chosen]
    from cqmin import search as searching  # its patterns compile at import: only for a search

    hits = searching.search(base, facts, query)
    matched = {hit.fact.id: hit.chinese for hit in hits if hit.chinese}
    return results.SearchHits(base, [hit.fact for hit in hits], query, matched)


def everything(base: FactBase, kind: Kind | None = None) -> results.AllFacts:
    return results.AllFacts(base, select_kind(base.facts, kind))


def overview(base: FactBase) -> results.TopicList:
    """Every topic, with the fact the overview shows for it."""
    rows = []
    for topic_entry in base.topics:
        facts = base.facts_of(topic_entry.id)
        headline = base.fact(topic_entry.headline) if topic_entry.headline else (facts[0] if facts else None)
        rows.append(results.TopicRow(topic_entry, facts, headline))
    return results.TopicList(base, rows)


def sources(base: FactBase) -> results.Sources:
    """Every event, with its speakers (those tied to it, and those whose facts it has), the topics they spoke
    on there and how many of its facts are theirs."""
    spoken: dict[tuple[str, str], list[Fact]] = {}
    for fact in base.facts:
        if fact.speaker:
            spoken.setdefault((fact.event, fact.speaker), []).append(fact)
    events = []
    for event in base.events:
        speakers = []
        for speaker in base.speakers:
            facts = spoken.get((event.id, speaker.id), [])
            if speaker.event == event.id or (speaker.event is None and facts):
                topics = list(dict.fromkeys(fact.topic for fact in facts))
                speakers.append(results.SpeakerRow(speaker, topics, len(facts)))
        events.append(results.EventRow(event, speakers))
    return results.Sources(events)
