"""What each command shows, as plain data: the query layer between facts and rendering.

Every function here takes the loaded FactBase and returns records (dicts and
lists) that renderers draw as tables or serialise as JSON, CSV or Markdown.
"""

from cqmin.facts import FactBase

KINDS = ("achieved", "target", "all")


def select_kind(facts: list[dict], kind: str) -> list[dict]:
    return facts if kind == "all" else [fact for fact in facts if fact["kind"] == kind]


def speakers_of(base: FactBase, facts: list[dict]) -> list[dict]:
    """The full speaker records behind some facts, in order of first appearance."""
    seen: dict[str, dict] = {}
    for fact in facts:
        speaker = fact["source"]["speaker"]
        if speaker and speaker["id"] not in seen:
            seen[speaker["id"]] = base.speaker(speaker["id"]) or speaker
    return list(seen.values())


def dates_of(facts: list[dict]) -> list[str | None]:
    """The distinct as_of dates of some facts, oldest first, None (undated) last."""
    dated = sorted({fact["as_of"] for fact in facts if fact["as_of"]}, key=lambda text: (text.split("/")[-1], text))
    return dated + ([None] if any(not fact["as_of"] for fact in facts) else [])


def by_change(facts: list[dict]) -> list[dict]:
    """Facts with a baseline, the largest percent change first, up or down; no percent sorts last."""
    compared = [fact for fact in facts if fact["change"] is not None]
    return sorted(compared, key=lambda fact: (fact["change"]["percent"] is None, -abs(fact["change"]["percent"] or 0)))


def topic_view(base: FactBase, topic_id: str, kind: str = "all") -> dict:
    """One topic: heading, achieved facts, five-year comparisons, targets."""
    facts = select_kind(base.facts_of(topic_id), kind)
    return {
        "topic": base.topic(topic_id),
        "event": base.event,
        "speakers": speakers_of(base, facts),
        "infographic": any(fact["source"]["speaker"] is None for fact in facts),
        "dates": dates_of(facts),
        "facts": facts,
        "achieved": [fact for fact in facts if fact["kind"] == "achieved"],
        "comparisons": [fact for fact in facts if fact["change"] is not None],
        "targets": [fact for fact in facts if fact["kind"] == "target"],
    }


def overview(base: FactBase) -> list[dict]:
    """One record a topic: what `cqmin` and `cqmin topics` list."""
    rows = []
    for topic in base.topics:
        facts = base.facts_of(topic["id"])
        headline = base.fact(topic["headline"]) if topic["headline"] else (facts[0] if facts else None)
        rows.append(
            {
                "id": topic["id"],
                "title": topic["title"],
                "summary": topic["summary"],
                "facts": len(facts),
                "comparisons": sum(1 for fact in facts if fact["change"] is not None),
                "headline": headline,
            }
        )
    return rows


def sources(base: FactBase) -> list[dict]:
    """One record a speaker, with the topics they spoke on and how many facts are theirs."""
    rows = []
    for speaker in base.speakers:
        facts = [fact for fact in base.facts if (fact["source"]["speaker"] or {}).get("id") == speaker["id"]]
        topics = []
        for fact in facts:
            if fact["topic"] not in topics:
                topics.append(fact["topic"])
        rows.append({**speaker, "topics": topics, "facts": len(facts)})
    return rows
