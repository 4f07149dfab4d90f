"""The languages cqmin speaks, one registry: --lang, CQMIN_LANG and the locale choose among them.

A fact base has every text in each registered language; adding a language is
one module here (words, numbers, dates, punctuation) plus its texts in the
fact base (README, "Extending cqmin").
"""

import os

from cqmin.languages import en, zh
from cqmin.languages.base import FALLBACK, Language

REGISTRY: dict[str, Language] = {language.code: language for language in (zh.LANGUAGE, en.LANGUAGE)}
DEFAULT = "en"  # where nothing chooses, and for locales of languages cqmin does not speak
__all__ = [
    "AUTO", "DEFAULT", "ENV_VAR", "FALLBACK", "REGISTRY", "Language", "closest", "codes", "find", "get", "resolve"
]  # fmt: skip
AUTO = "auto"  # --lang auto: CQMIN_LANG, then the locale
ENV_VAR = "CQMIN_LANG"
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # the order gettext reads them


def codes() -> list[str]:
    return list(REGISTRY)


def register(language: Language) -> None:
    """Add a language (its texts must then be in the fact base)."""
    REGISTRY[language.code] = language


def unregister(code: str) -> None:
    REGISTRY.pop(code, None)


def get(code: str) -> Language:
    return REGISTRY[code.lower()]


def find(name: str) -> str | None:
    """The code of the language a name people type means, or None: its code in any case, with a region or
    script (zh-CN, zh_CN, zh-Hans, en-US, en_GB), or one of its names (cn, chinese, 中文, english)."""
    typed = name.strip().lower().replace("_", "-")
    for code, language in REGISTRY.items():
        if typed == code or typed.split("-")[0] == code or typed in language.names:
            return code
    return None


def closest(name: str) -> str | None:
    """The code of the language whose code or name is nearest to a name cqmin does not know ("chinse": zh)."""
    import difflib

    known = {spelled: code for code, language in REGISTRY.items() for spelled in (code, *language.names)}
    close = difflib.get_close_matches(name.strip().lower(), list(known), n=1, cutoff=0.6)
    return known[close[0]] if close else None


def from_locale(environ) -> str:
    """The language the locale asks for: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set."""
    for name in LOCALE_VARS:
        value = environ.get(name, "")
        if value:
            # LANGUAGE may list several ("zh_CN:en"); the first one decides.
            first = value.split(":")[0].lower()
            for code, language in REGISTRY.items():
                if any(first.startswith(prefix) for prefix in language.locales):
                    return code
            return DEFAULT
    return DEFAULT


def resolve(option: str | None, environ=None) -> tuple[Language, str | None]:
    """The language to speak, and a warning to show if CQMIN_LANG names one cqmin does not have.

    --lang wins (already checked by the command line); then CQMIN_LANG; then the locale.
    """
    environ = os.environ if environ is None else environ
    if option and option.lower() != AUTO:
        return get(find(option) or option), None
    chosen = environ.get(ENV_VAR, "").strip().lower()
    warning = None
    if chosen and find(chosen):
        return REGISTRY[find(chosen)], None
    if chosen and chosen != AUTO:
        close = closest(chosen)
        advice = f" (did you mean {close!r}?)" if close else ""
        speaks = ", ".join(REGISTRY)
        warning = f"{ENV_VAR}={chosen!r} is not a language cqmin speaks ({speaks}); using the locale{advice}"
    return REGISTRY[from_locale(environ)], warning
