"""Suggestions for a fact id that does not exist: by spelling, and by what its label says."""

import difflib

from cqmin.search import search


def by_spelling(query: str, ids: list[str], limit: int = 3) -> list[str]:
    """Ids spelled like `query`; the part after the topic counts too ("pension-insured")."""
    query = query.strip().casefold()
    matches = difflib.get_close_matches(query, ids, n=limit, cutoff=0.6)
    tails = {fact_id.split(".", 1)[-1]: fact_id for fact_id in ids}
    for tail in difflib.get_close_matches(query.split(".", 1)[-1], list(tails), n=limit, cutoff=0.6):
        if tails[tail] not in matches:
            matches.append(tails[tail])
    return matches[:limit]


def by_label(query: str, facts: list[dict], topics: dict, speakers: dict, limit: int = 3) -> list[str]:
    """Ids whose label or quote mention the words of `query` ("养老保险", "pension")."""
    words = query.replace(".", " ").replace("-", " ")
    return [fact["id"] for fact in search(facts, words, topics, speakers)[:limit]]
