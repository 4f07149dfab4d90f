"""The JSON contract (README): a validated fact base compiled into the records every command shows.

Compiled once per change of the fact file and then cached, so the records are
plain dicts and lists in the contract's key order, ready for json.dumps.
"""

from cqmin import compare


def _speaker_ref(speaker: dict | None) -> dict | None:
    if speaker is None:
        return None
    return {"id": speaker["id"], "name": speaker["name"], "department": speaker["department"]}


def _record(fact: dict, units: dict, speakers: dict) -> dict:
    """One fact in the contract's key order (README, "The JSON contract")."""
    baseline = fact.get("baseline")
    if baseline is not None:
        baseline = {
            "value": baseline["value"],
            "as_of": baseline["as_of"] or None,
            "derived": baseline["derived"],
            "method": baseline.get("method") or None,
        }
    as_of = fact["as_of"] or None
    return {
        "id": fact["id"],
        "topic": fact["topic"],
        "label": {"zh": fact["label"]["zh"], "en": fact["label"]["en"]},
        "value": fact["value"],
        "high": fact.get("high"),
        "unit": {"zh": units[fact["unit"]]["zh"], "en": units[fact["unit"]]["en"]},
        "stated": fact["stated"],
        "qualifier": fact["qualifier"],
        "kind": fact["kind"],
        "as_of": as_of,
        "baseline": baseline,
        "change": compare.change(fact["value"], as_of, baseline),
        "source": {"speaker": _speaker_ref(speakers.get(fact["speaker"])), "quote": fact["quote"]},
    }


def _bilingual(text: dict) -> dict:
    return {"zh": text["zh"], "en": text["en"]}


def compile_base(data: dict) -> dict:
    """A validated fact base as plain records: what commands read, and what the cache stores."""
    event = data["event"]
    speakers = {
        speaker["id"]: {
            "id": speaker["id"],
            "name": _bilingual(speaker["name"]),
            "role": _bilingual(speaker["role"]),
            "department": _bilingual(speaker["department"]),
        }
        for speaker in data["speakers"]
    }
    return {
        "event": {
            "title": _bilingual(event["title"]),
            "organizer": _bilingual(event["organizer"]) if "organizer" in event else None,
            "date": event["date"],
            "place": _bilingual(event["place"]),
            "article": _bilingual(event["article"]) if "article" in event else None,
        },
        "speakers": list(speakers.values()),
        "topics": [
            {
                "id": topic["id"],
                "title": _bilingual(topic["title"]),
                "summary": _bilingual(topic["summary"]),
                "headline": topic.get("headline"),
            }
            for topic in data["topics"]
        ],
        "facts": [_record(fact, data["units"], speakers) for fact in data["facts"]],
    }
