"""Which language a name, CQMIN_LANG or the locale asks for, read from plain data.

languages/ holds the languages themselves (importing them costs a TAB time it
does not have); this reads only their codes, names and locale prefixes, so that
a TAB from the cache (shells/fast.py, from the command table) and the full
path (languages.resolve, from the registry) choose alike.
"""

AUTO = "auto"  # --lang auto: CQMIN_LANG, then the locale
ENV_VAR = "CQMIN_LANG"
LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # the order gettext reads them


def find(typed: str, names: dict[str, list[str]]) -> str | None:
    """The code a name people type means (`names`: each code's other names), or None: the code in any case, with
    a region or script (zh-CN, zh_CN, zh-Hans, en-US), or one of its names (cn, chinese, 中文, english)."""
    typed = typed.strip().lower().replace("_", "-")
    for code, others in names.items():
        if typed == code or typed.split("-")[0] == code or typed in others:
            return code
    return None


def from_locale(environ, locales: dict[str, list[str]], default: str) -> str:
    """The code the locale asks for (`locales`: each code's locale prefixes): the first of LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG that is set; LANGUAGE may list several ("zh_CN:en"), and the first decides."""
    for name in LOCALE_VARS:
        value = environ.get(name, "")
        if value:
            first = value.split(":")[0].lower()
            return next((code for code, prefixes in locales.items() if first.startswith(tuple(prefixes))), default)
    return default


def choose(option: str | None, environ, names: dict, locales: dict, default: str) -> tuple[str, str | None]:
    """The code to speak: --lang (`option`), else CQMIN_LANG, else the locale; and CQMIN_LANG's value where it
    names no language (for a warning)."""
    if option and option.strip().lower() != AUTO and find(option, names):
        return find(option, names), None
    chosen = environ.get(ENV_VAR, "").strip().lower()
    if chosen and find(chosen, names):
        return find(chosen, names), None
    unknown = chosen if chosen and chosen != AUTO else None
    return from_locale(environ, locales, default), unknown
