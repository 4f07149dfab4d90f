"""Check a parsed fact base and report every problem at once, each with file, line, entry and field.

problems, notes = validation.check(data, text, "facts.toml")
problems += validation.check_quotes(data, text, article, "facts.toml")
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


def check_quotes(data, text: str, article: str, file: str) -> list[Problem]:
    """Quotes that are not verbatim (whitespace aside) in the source article."""
    from cqmin import wording
    from cqmin.validation.lines import LineIndex

    lines = LineIndex(text)
    source = wording.squeeze(article)
    facts = data.get("facts") if isinstance(data, dict) else None
    problems = []
    for index, fact in enumerate(facts if isinstance(facts, list) else []):
        quote = fact.get("quote") if isinstance(fact, dict) else None
        if isinstance(quote, str) and wording.squeeze(quote) not in source:
            where = fact.get("id") if isinstance(fact.get("id"), str) else f"facts[{index + 1}]"
            line, column = lines.place("facts", index, "quote")
            problems.append(Problem(file, line, column, where, "quote", "not found in the article"))
    return problems
