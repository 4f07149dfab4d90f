"""The languages cqmin speaks, one registry: --lang, CQMIN_LANG and the locale choose among them.

A fact base has every text in each registered language; adding a language is
one module here (words, numbers, dates, punctuation) plus its texts in the
fact base (README, "Extending cqmin").
"""

import os

from cqmin import spoken
from cqmin.languages.base import FALLBACK, Language

MODULES = ("zh", "en")  # each language's module, named by its code (cqmin/languages/zh.py), in the registry's order


class _Registry:
    """The languages by code, read as a dict is (`in`, [], items(), values(); not a collections.abc.Mapping:
    collections costs a look-up 0.4 MiB). A language's module is imported when the language is first asked for: a
    look-up speaks one language, and imports its module alone (what it knows of the others, their names and
    locales, it reads from the cached command table: see resolve). Listing the codes imports nothing."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self._codes = list(codes)
        self._loaded: dict[str, Language] = {}

    def __getitem__(self, code: str) -> Language:
        if code not in self._loaded:
            if code not in self._codes:
                raise KeyError(code)
            self._loaded[code] = __import__(f"cqmin.languages.{code}", fromlist=["LANGUAGE"]).LANGUAGE
        return self._loaded[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self):
        return iter(list(self._codes))

    def keys(self) -> list[str]:
        return list(self._codes)

    def values(self) -> list[Language]:
        return [self[code] for code in self._codes]

    def items(self) -> list[tuple[str, Language]]:
        return [(code, self[code]) for code in self._codes]

    def __len__(self) -> int:
        return len(self._codes)

    def add(self, language: Language) -> None:
        self._codes += [] if language.code in self._codes else [language.code]
        self._loaded[language.code] = language

    def remove(self, code: str) -> None:
        if code in self._codes:
            self._codes.remove(code)
        self._loaded.pop(code, None)


REGISTRY = _Registry(MODULES)
DEFAULT = "en"  # where nothing chooses, and for locales of languages cqmin does not speak
__all__ = [
    "AUTO", "DEFAULT", "ENV_VAR", "FALLBACK", "REGISTRY", "Language", "closest", "codes", "find", "get", "resolve"
]  # fmt: skip
AUTO, ENV_VAR = spoken.AUTO, spoken.ENV_VAR


def codes() -> list[str]:
    return list(REGISTRY)


def register(language: Language) -> None:
    """Add a language (its texts must then be in the fact base)."""
    REGISTRY.add(language)


def unregister(code: str) -> None:
    REGISTRY.remove(code)


def get(code: str) -> Language:
    return REGISTRY[code.lower()]


def names() -> dict[str, list[str]]:
    """Each language's other names, by code (what --lang and CQMIN_LANG may say instead of the code)."""
    return {code: list(language.names) for code, language in REGISTRY.items()}


def locales() -> dict[str, list[str]]:
    """Each language's locale prefixes, by code."""
    return {code: list(language.locales) for code, language in REGISTRY.items()}


def find(name: str) -> str | None:
    """The code of the language a name people type means, or None (spoken.find)."""
    return spoken.find(name, names())


def closest(name: str) -> str | None:
    """The code of the language whose code or name is nearest to a name cqmin does not know ("chinse": zh)."""
    import difflib

    known = {spelled: code for code, language in REGISTRY.items() for spelled in (code, *language.names)}
    close = difflib.get_close_matches(name.strip().lower(), list(known), n=1, cutoff=0.6)
    return known[close[0]] if close else None


def resolve(option: str | None, environ=None, known: tuple[dict, dict] | None = None) -> tuple[Language, str | None]:
    """The language to speak, and a warning to show if CQMIN_LANG names one cqmin does not have.

    --lang wins (already checked by the command line); then CQMIN_LANG; then the locale. `known`: every
    language's names and locales (names(), locales()) as the cached command table holds them, so that only the
    language chosen is imported; they are read from the languages themselves where there is no such table, or
    where it lacks a language registered since (register()).
    """
    environ = os.environ if environ is None else environ
    names_of, locales_of = known if known is not None and list(known[0]) == codes() else (names(), locales())
    code, unknown = spoken.choose(option, environ, names_of, locales_of, DEFAULT)
    warning = None
    if unknown:
        close = closest(unknown)
        advice = f" (did you mean {close!r}?)" if close else ""
        speaks = ", ".join(REGISTRY)
        warning = f"{ENV_VAR}={unknown!r} is not a language cqmin speaks ({speaks}); using the locale{advice}"
    return REGISTRY[code], warning
