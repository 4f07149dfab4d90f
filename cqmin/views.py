"""What each command shows, as typed results: the query layer between the fact base and the formats."""

from cqmin import results
from cqmin.domain import Kind, Measure
from cqmin.model import Fact, FactBase
from cqmin.record import Record


class Filters(Record):
    """What a listing's options keep: one kind of figure (--kind), the figures of some press conferences
    (--event, repeatable: none given keeps every one's)."""

    kind: Kind | None = None
    events: tuple[str, ...] = ()


EVERYTHING = Filters()


def _counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def narrow(facts: list[Fact], filters: Filters, found: str) -> tuple[list[Fact], str | None]:
    """The facts the filters keep, and, where they keep none of some, why: `found` (how many there were, in
    words: "13 figures in pension") and which filter removed them. One rule for every listing (README)."""
    of_kind = facts if filters.kind is None else [fact for fact in facts if fact.kind is filters.kind]
    kept = [fact for fact in of_kind if fact.event in filters.events] if filters.events else of_kind
    if kept or not facts:
        return kept, None
    kind = "a target" if filters.kind is Kind.TARGET else "achieved"
    if not of_kind:
        return kept, f"{found}; none is {kind}"
    which = f"{_counted(len(of_kind), 'is', 'are')} {kind}, " if filters.kind is not None else ""
    named = " or ".join(f"'{event}'" for event in filters.events)
    return kept, f"{found}; {which}none of them from the press conference {named}"


def topic(base: FactBase, topic_id: str, filters: Filters = EVERYTHING) -> results.TopicFacts:
    facts = base.facts_of(topic_id)
    kept, why = narrow(facts, filters, f"{_counted(len(facts), 'figure', 'figures')} in {topic_id}")
    return results.TopicFacts(base, kept, base.topic(topic_id), why)


def change_size(fact: Fact) -> float | None:
    """How large a change looks where it is shown: percent of the earlier level, or points for a share."""
    change = fact.change
    if change is None:
        return None
    if fact.unit.measure is Measure.SHARE:
        return abs(change.absolute)
    return abs(change.percent) if change.percent is not None else None


def compare(base: FactBase, topic_ids: list[str], filters: Filters = EVERYTHING) -> results.Comparisons:
    """Facts with a baseline in these topics (all if none), the largest change first, up or down."""
    chosen = set(topic_ids) if topic_ids else None
    facts = [fact for fact in base.facts if fact.change and (chosen is None or fact.topic in chosen)]
    where = f" in {', '.join(topic_ids)}" if topic_ids else ""
    kept, why = narrow(facts, filters, _counted(len(facts), "comparison", "comparisons") + where)
    sizes = {fact.id: change_size(fact) for fact in kept}
    kept.sort(key=lambda fact: (sizes[fact.id] is None, -(sizes[fact.id] or 0)))
    return results.Comparisons(base, kept, why or f"no comparisons{where}")


def details(base: FactBase, fact_ids: list[str]) -> results.FactDetails:
    return results.FactDetails(base, [base.fact(fact_id) for fact_id in fact_ids])


def citations(base: FactBase, fact_ids: list[str]) -> results.Citations:
    return results.Citations(base, [base.fact(fact_id) for fact_id in fact_ids])


def search(base: FactBase, query: str, topic_ids: list[str], filters: Filters = EVERYTHING) -> results.SearchHits:
    chosen = frozenset(topic_ids)
    from cqmin import search as searching  # its patterns compile at import: only for a search

    hits = searching.search(base, query, chosen)
    found = [hit.fact for hit in hits]
    where = f" in {', '.join(topic_ids)}" if topic_ids else ""
    kept, why = narrow(found, filters, f"{_counted(len(found), 'fact matches', 'facts match')} '{query}'{where}")
    matched = {hit.fact.id: (hit.chinese, hit.chinese_in) for hit in hits if hit.chinese}
    if why is None and not found:
        near = " or ".join(repr(word) for word in searching.suggest(base, query, chosen))
        why = f"no fact matches '{query}'{where}" + (f"; did you mean {near}?" if near else "")
    return results.SearchHits(base, kept, query, matched, why)


def everything(base: FactBase, filters: Filters = EVERYTHING) -> results.AllFacts:
    kept, why = narrow(base.facts, filters, _counted(len(base.facts), "fact", "facts"))
    return results.AllFacts(base, kept, why)


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


def checks(base: FactBase, claim: str) -> results.Checks:
    """Each figure of a claim, judged against the facts its words are about."""
    from cqmin import claims  # (reads numbers, dates and English words: only for a check)

    return results.Checks(base, claim, claims.judge(claim, base))
