"""Finding facts by what people remember of them: a word, a few characters, an id.

Chinese is matched as substrings (no tokenizer needed: "养老" finds "养老保险");
English and ids by words, where a query word may be the start of a word
("pension" finds "pensions"). Every term of the query must match somewhere in
the fact; the score prefers ids and labels over topic and speaker names, and
those over the quote.
"""

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_TERMS = re.compile(rf"[{_CJK}]+|[^\s{_CJK}]+")
_WORDS = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

# How much a match in each field counts; ids and labels outrank quotes.
WEIGHTS = {"id": 8, "label": 6, "topic": 3, "speaker": 3, "quote": 1}


def _is_cjk(term: str) -> bool:
    return bool(re.match(rf"[{_CJK}]", term))


def _fields(fact: dict, topics: dict, speakers: dict) -> dict[str, str]:
    topic = topics.get(fact["topic"]) or {}
    speaker = (fact["source"]["speaker"] or {}).get("id")
    speaker = speakers.get(speaker) or {}
    return {
        "id": fact["id"],
        "label": f"{fact['label']['zh']} {fact['label']['en']} {fact['stated']}",
        "topic": " ".join([fact["topic"], *topic.get("title", {}).values()]),
        "speaker": " ".join(speaker.get("name", {}).values()),
        "quote": fact["source"]["quote"],
    }


def _matches(term: str, text: str) -> bool:
    if _is_cjk(term) or not term.isascii():
        return term in text
    words = _WORDS.findall(text)
    query_words = _WORDS.findall(term)
    return bool(query_words) and all(any(word.startswith(query) for word in words) for query in query_words)


def search(facts: list[dict], query: str, topics: dict, speakers: dict) -> list[dict]:
    """Facts matching every term of `query`, best first."""
    terms = [term.casefold() for term in _TERMS.findall(query)]
    if not terms:
        return []
    scored = []
    for position, fact in enumerate(facts):
        if fact["id"] == query.strip().casefold():
            scored.append((1000, position, fact))
            continue
        fields = {name: text.casefold() for name, text in _fields(fact, topics, speakers).items()}
        score = 0
        for term in terms:
            best = max((WEIGHTS[name] for name, text in fields.items() if _matches(term, text)), default=0)
            if not best:
                break
            score += best
        else:
            scored.append((score, position, fact))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [fact for _, _, fact in scored]
