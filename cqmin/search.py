"""Finding facts by what people remember of them: a word, a few characters, an id.

Chinese is matched as substrings (no tokenizer needed: "养老" finds "养老保险");
English by whole words and their inflections (english.py's stems: "cars" finds
"car parks", "parking" finds them too, "car" does not find "care"); a term with a
dot is an id being typed, and also matches the start of one ("pension.pens"). Every term of the query must
match somewhere in the fact; the score prefers ids and labels over topic and
speaker names, and those over the quote. A query that matches nothing is told
the label words nearest to its own (`suggest`).
"""

from cqmin.model import Fact, FactBase
from cqmin.patterns import LazyPattern
from cqmin.record import Record

_WORDS = LazyPattern(r"[a-z0-9]+(?:\.[0-9]+)?")  # an English word or a number: a Chinese term needs none
# Chinese characters (CJK unified ideographs, extension A, compatibility ideographs), tested as ranges: a
# regular expression class over them costs about 2 ms to compile, on every search.
_CJK = (("\u3400", "\u9fff"), ("\uf900", "\ufaff"))


def _is_cjk(char: str) -> bool:
    return any(low <= char <= high for low, high in _CJK)


def _has_cjk(text: str) -> bool:
    return any(_is_cjk(char) for char in text)


def _terms(query: str) -> list[str]:
    """The terms of a query: words between white space, each split where Chinese meets other text
    ("养老pension" is two terms, so that each is matched its own way)."""
    terms = []
    for word in query.split():
        start = 0
        for index in range(1, len(word) + 1):
            if index == len(word) or _is_cjk(word[index]) != _is_cjk(word[start]):
                terms.append(word[start:index])
                start = index
    return terms


# How much a match in each field counts; ids and labels outrank quotes.
WEIGHTS = {"id": 8, "label": 6, "topic": 3, "speaker": 3, "quote": 1}
WHOLE, START = 1.0, 0.5  # a whole word, or only the start of one
EXACT_ID = 1000.0
MAX_QUERY = 500  # characters: longer is no memory of a figure, and costs time on every fact


class Hit(Record):
    fact: Fact
    score: float
    chinese: str | None  # the Chinese text a Chinese term matched, to show beside other languages
    chinese_in: str | None = None  # the field it is in: "label", "quote", or "topic" or "speaker" (named then)


def _fields(fact: Fact, base: FactBase) -> dict[str, str]:
    topic = base.topic(fact.topic)
    speaker = base.speaker(fact.speaker)
    return {
        "id": fact.id,
        "label": " ".join([*fact.label.values(), fact.stated]),
        "topic": " ".join([fact.topic, *(topic.title.values() if topic else ())]),
        "speaker": " ".join(speaker.name.values()) if speaker else "",
        "quote": fact.quote,
    }


def _stemmed(word: str) -> str:
    from cqmin import english

    return english.stem(word) if word.isalpha() else word  # a number is itself ("1.73", "2022")


def _quality(term: str, text: str, prefix: bool) -> float:
    """How well a term matches a text: whole (its words, or their stems, are the text's), the start of a
    word (where `prefix`: an id), or not at all (0)."""
    if _has_cjk(term) or not term.isascii():
        return WHOLE if term in text else 0.0
    words = set(_WORDS.findall(text))
    stems = {_stemmed(word) for word in words}
    quality = WHOLE
    for query in _WORDS.findall(term) or [None]:
        if query is None:
            return 0.0
        if query in words or _stemmed(query) in stems:
            continue
        if prefix and any(word.startswith(query) for word in words):
            quality = START
        else:
            return 0.0
    return quality


def _matched_text(fact: Fact, term: str, base: FactBase) -> tuple[str, str] | tuple[None, None]:
    """The label, the stretch of the quote, or else the topic's title or the speaker's name that a Chinese term
    matched, and which of them it is."""
    for text in fact.label.values():
        if term in text:
            return text, "label"
    if term in fact.quote:
        return _excerpt(fact.quote, term), "quote"
    topic, speaker = base.topic(fact.topic), base.speaker(fact.speaker)
    for field, texts in (("topic", topic.title if topic else {}), ("speaker", speaker.name if speaker else {})):
        for text in texts.values():
            if term in text.casefold():
                return text, field
    return None, None


def _excerpt(text: str, term: str, around: int = 8) -> str:
    start = text.find(term)
    head = max(0, start - around)
    tail = min(len(text), start + len(term) + around)
    return ("…" if head else "") + text[head:tail] + ("…" if tail < len(text) else "")


def search(base: FactBase, query: str, topics: frozenset[str] = frozenset()) -> list[Hit]:
    """The facts (of `topics`, if any) matching every term of `query`, best first. Each fact is read as it is
    reached and let go unless it matches (FactBase.scan): a search reads every fact to keep a few."""
    terms = [term.casefold() for term in _terms(query)]
    if not terms:
        return []
    wanted_id = query.strip().casefold()

    def hit(fact: Fact) -> Hit | None:
        if topics and fact.topic not in topics:
            return None
        if fact.id == wanted_id:
            return Hit(fact, EXACT_ID, None)
        fields = {name: text.casefold() for name, text in _fields(fact, base).items()}
        score, chinese, chinese_in = 0.0, None, None
        for term in terms:
            typing_id = "." in term  # "pension.pens": the start of an id, as TAB would complete it
            best = max(
                WEIGHTS[name] * _quality(term, text, typing_id and name == "id") for name, text in fields.items()
            )
            if not best:
                return None
            score += best
            if chinese is None and _has_cjk(term):
                chinese, chinese_in = _matched_text(fact, term, base)
        return Hit(fact, score, chinese, chinese_in)

    hits = base.scan(hit)
    hits.sort(key=lambda hit: -hit.score)  # stable: ties keep the order of the fact base
    return hits


def suggest(base: FactBase, query: str, topics: frozenset[str] = frozenset(), most: int = 3) -> list[str]:
    """The words of the English labels (of the facts of `topics`, if any) nearest to the English words of a
    query that match nothing."""
    import difflib

    labels = base.scan(lambda fact: None if topics and fact.topic not in topics else fact.label.get("en", ""))
    known = sorted({word for label in labels for word in _WORDS.findall(label.casefold())
                    if word.isalpha() and len(word) > 2})  # fmt: skip
    near: dict[str, str] = {}  # by stem: "pension" and "pensions" are one suggestion
    stems = {_stemmed(word) for word in known}
    for word in _WORDS.findall(query.casefold()):
        if word.isalpha() and _stemmed(word) not in stems:  # a word that is no label's, in any of its forms
            for close in difflib.get_close_matches(word, known, n=2 * most, cutoff=0.75):
                near.setdefault(_stemmed(close), close)
    return list(near.values())[:most]
