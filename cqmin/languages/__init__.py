"""The languages cqmin speaks, one registry: --lang, CQMIN_LANG and the locale choose among them.

A fact base has every text in each registered language; adding a language is
one module here (words, numbers, dates, punctuation) plus its texts in the
fact base (README, "Extending cqmin").
"""

import os

from cqmin import spoken
from cqmin.languages import en, zh
from cqmin.languages.base import FALLBACK, Language

REGISTRY: dict[str, Language] = {language.code: language for language in (zh.LANGUAGE, en.LANGUAGE)}
DEFAULT = "en"  # where nothing chooses, and for locales of languages cqmin does not speak
__all__ = [
    "AUTO", "DEFAULT", "ENV_VAR", "FALLBACK", "REGISTRY", "Language", "closest", "codes", "find", "get", "resolve"
]  # fmt: skip
AUTO, ENV_VAR = spoken.AUTO, spoken.ENV_VAR


def codes() -> list[str]:
    return list(REGISTRY)


def register(language: Language) -> None:
    """Add a language (its texts must then be in the fact base)."""
    REGISTRY[language.code] = language


def unregister(code: str) -> None:
    REGISTRY.pop(code, None)


def get(code: str) -> Language:
    return REGISTRY[code.lower()]


def _names() -> dict[str, list[str]]:
    return {code: list(language.names) for code, language in REGISTRY.items()}


def locales() -> dict[str, list[str]]:
    return {code: list(language.locales) for code, language in REGISTRY.items()}


def find(name: str) -> str | None:
    """The code of the language a name people type means, or None (spoken.find)."""
    return spoken.find(name, _names())


def closest(name: str) -> str | None:
    """The code of the language whose code or name is nearest to a name cqmin does not know ("chinse": zh)."""
    import difflib

    known = {spelled: code for code, language in REGISTRY.items() for spelled in (code, *language.names)}
    close = difflib.get_close_matches(name.strip().lower(), list(known), n=1, cutoff=0.6)
    return known[close[0]] if close else None


def resolve(option: str | None, environ=None) -> tuple[Language, str | None]:
    """The language to speak, and a warning to show if CQMIN_LANG names one cqmin does not have.

    --lang wins (already checked by the command line); then CQMIN_LANG; then the locale.
    """
    environ = os.environ if environ is None else environ
    code, unknown = spoken.choose(option, environ, _names(), locales(), DEFAULT)
    warning = None
    if unknown:
        close = closest(unknown)
        advice = f" (did you mean {close!r}?)" if close else ""
        speaks = ", ".join(REGISTRY)
        warning = f"{ENV_VAR}={unknown!r} is not a language cqmin speaks ({speaks}); using the locale{advice}"
    return REGISTRY[code], warning
