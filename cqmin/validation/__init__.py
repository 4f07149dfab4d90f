"""Check a parsed fact base and report every problem at once, each with file, line, entry and field.

problems, notes = validation.check(data, text, "facts.toml")
problems += validation.check_quotes(data, text, articles.gather(...), "facts.toml")
"""

from cqmin.validation.problems import Problem

__all__ = ["Problem", "check", "check_quotes"]

# The rules (and their imports: decimal, the numeral reader) load only when a file is checked,
# not when a lookup from the cache merely needs the Problem type.


def check(data, text: str, file: str, reserved: frozenset = frozenset()) -> tuple[list[Problem], list[str]]:
    """Every problem of a parsed fact base ([] when it is sound), and notes (such as how to move to schema 2).

    `text` is the TOML, for line numbers; `reserved` are names a topic may not take.
    """
    from cqmin.validation.rules import Rules

    rules = Rules(data, text, file, reserved)
    rules.check()
    return rules.problems, rules.notes


def check_quotes(data, text: str, articles: dict, file: str) -> list[Problem]:
    """Quotes that are not verbatim (whitespace aside) in their event's article (articles.gather), and sources
    of the base that cannot be read."""
    from cqmin import wording
    from cqmin.articles import EVERY_EVENT, events
    from cqmin.validation.checks import short
    from cqmin.validation.lines import LazyLineIndex

    lines = LazyLineIndex(text)
    problems = []
    tables = events(data)
    ids = [event.get("id") if isinstance(event.get("id"), str) else None for event in tables]  # (untrusted)
    legacy = isinstance(data, dict) and "events" not in data
    for index, ident in enumerate(ids):
        article = articles.get(ident) if ident is not None else None
        if article is not None and article.from_base and article.text is None:
            line, column = lines.place("event" if legacy else "events", index, "source")
            said = f"{short(article.name)}: {article.problem}"
            problems.append(Problem(file, line, column, short(ident), "source", said))
    first = ids[0] if ids else None
    squeezed: dict[int, str] = {}  # by the article's text, once however many events share it
    facts = data.get("facts") if isinstance(data, dict) else None
    for index, fact in enumerate(facts if isinstance(facts, list) else []):
        quote = fact.get("quote") if isinstance(fact, dict) else None
        event = fact.get("event", first) if isinstance(fact, dict) else None
        key = event if isinstance(event, str) and event in articles else EVERY_EVENT
        article = articles.get(key)
        if not isinstance(quote, str) or article is None or article.text is None:
            continue
        source = squeezed.setdefault(id(article.text), wording.squeeze(article.text))
        if wording.squeeze(quote) in source:
            continue
        where = short(fact.get("id")) if isinstance(fact.get("id"), str) else f"facts[{index + 1}]"
        line, column = lines.place("facts", index, "quote")
        name = short(article.name)
        whose = f"the article of '{short(event)}' ({name})" if isinstance(event, str) else name
        problems.append(Problem(file, line, column, where, "quote", f"not found in {whose}"))
    return problems
