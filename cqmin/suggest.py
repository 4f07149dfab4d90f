"""Suggestions for a fact id that does not exist: by spelling, and by what its label says."""

from difflib import SequenceMatcher

from cqmin.model import FactBase
from cqmin.search import search

# Longer than any id: comparing it would cost time (difflib is quadratic) for no hint worth having.
MAX_TYPED = 100


def _likeness(typed: str, fact_id: str) -> float:
    # Users often type only the part after the topic ("pension-insured"), so an
    # id counts as alike if either the whole id or that part is spelled alike.
    tail = fact_id.split(".", 1)[-1]
    typed_tail = typed.split(".", 1)[-1]
    return max(SequenceMatcher(None, typed, fact_id).ratio(), SequenceMatcher(None, typed_tail, tail).ratio())


def by_spelling(query: str, ids: list[str], limit: int = 3, cutoff: float = 0.6) -> list[str]:
    """Ids spelled like `query`, the closest first."""
    typed = query.strip().casefold()
    scored = sorted(((_likeness(typed, fact_id), fact_id) for fact_id in ids), key=lambda item: -item[0])
    return [fact_id for score, fact_id in scored[:limit] if score >= cutoff]


def by_label(query: str, base: FactBase, limit: int = 3) -> list[str]:
    """Ids whose label or quote mention the words of `query` ("养老保险", "pension")."""
    words = query.replace(".", " ").replace("-", " ")
    return [hit.fact.id for hit in search(base, words)[:limit]]


def hint(base: FactBase, typed: str) -> str:
    """What to tell someone who asked for a fact id that does not exist."""
    if len(typed) > MAX_TYPED:
        return "'cqmin search WORD' finds facts by what they say"
    if base.topic(typed.strip().casefold()):
        return f"'{typed.strip().casefold()}' is a topic: run 'cqmin {typed.strip().casefold()}' for its figures"
    spelled = by_spelling(typed, [fact.id for fact in base.facts])
    labelled = [fact_id for fact_id in by_label(typed, base) if fact_id not in spelled]
    hints = []
    if spelled:
        hints.append("spelled alike: " + ", ".join(spelled))
    if labelled:
        hints.append("about the same: " + ", ".join(labelled))
    return "; ".join(hints) if hints else "'cqmin search WORD' finds facts by what they say"
