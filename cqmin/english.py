"""English words as search and check compare them: whole words, each reduced to its stem (cars, car; parking, park).

The stemmer is Snowball's English one (snowballstemmer), imported only where
an English word is compared: a Chinese search never pays for it.
"""

import functools
import re

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
# Words every label and claim has, which tell nothing of what a figure is about.
STOP = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in", "is", "it",
    "its", "of", "on", "or", "per", "that", "the", "their", "this", "to", "was", "were", "which", "with",
    "chongqing", "city", "municipal", "total", "number", "figure", "figures",
})  # fmt: skip


@functools.cache
def _stemmer():
    from snowballstemmer.english_stemmer import EnglishStemmer

    return EnglishStemmer()


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower().replace("’", "'"))


def words(text: str) -> list[str]:
    """The words of a text, lowercased, in order."""
    return _WORD.findall(text.lower())


def stems(text: str, stop: bool = True) -> set[str]:
    """The stems of a text's words, without the words that tell nothing (STOP) unless `stop` is False."""
    return {stem(word) for word in words(text) if not (stop and word in STOP)}
