"""Check a parsed fact base and report every problem at once, each with file, line, entry and field.

problems, notes = validation.check(data, text, "facts.toml")
problems += validation.check_quotes(data, text, article, "facts.toml")
"""

from cqmin.validation.problems import DRAFTED, Problem

__all__ = ["DRAFTED", "Problem", "check", "check_quotes"]

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
    from cqmin.articles import EVERY_EVENT
    from cqmin.validation.lines import LineIndex

    lines = LineIndex(text)
    problems = []
    events = data.get("events") if isinstance(data, dict) else None
    events = [event for event in events if isinstance(event, dict)] if isinstance(events, list) else []
    ids = [event.get("id") if isinstance(event.get("id"), str) else None for event in events]  # (untrusted)
    for index, (event, ident) in enumerate(zip(events, ids, strict=True)):
        article = articles.get(ident) if ident is not None else None
        if article is not None and article.from_base and article.text is None:
            line, column = lines.place("events", index, "source")
            problems.append(
                Problem(file, line, column, str(event.get("id")), "source", f"{article.name}: {article.problem}")
            )
    first = events[0].get("id") if events else None
    squeezed = {key: wording.squeeze(article.text) for key, article in articles.items() if article.text is not None}
    facts = data.get("facts") if isinstance(data, dict) else None
    for index, fact in enumerate(facts if isinstance(facts, list) else []):
        quote = fact.get("quote") if isinstance(fact, dict) else None
        event = fact.get("event", first) if isinstance(fact, dict) else None
        key = event if isinstance(event, str) and event in articles else EVERY_EVENT
        if not isinstance(quote, str) or key not in squeezed or wording.squeeze(quote) in squeezed[key]:
            continue
        where = fact.get("id") if isinstance(fact.get("id"), str) else f"facts[{index + 1}]"
        line, column = lines.place("facts", index, "quote")
        whose = f"the article of '{event}' ({articles[key].name})" if isinstance(event, str) else articles[key].name
        problems.append(Problem(file, line, column, where, "quote", f"not found in {whose}"))
    return problems
