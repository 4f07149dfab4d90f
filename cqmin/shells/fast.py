"""A TAB answered from the cache, before Typer or Rich is imported: the command table, walked as Click would.

The table (cli/table.py) is the command line's shape and the fact base's names,
cached on its own (table_store.py). This module follows Click's completion rules (the
command, the option waiting for a value, the first argument still open) for the
shapes cqmin's commands have; anything else (an unknown option, "--", an
unknown command) it leaves to Typer by answering None, as it does when there is
no usable cache. tests/test_completion.py compares the two on a grid of lines.
"""

from cqmin.shells import protocol


def _language(table: dict, given: dict, root_given: dict, environ) -> str:
    """The language of descriptions: --lang of the command, else of the root, else CQMIN_LANG, else the locale,
    chosen as the full path chooses it (spoken.py), from the languages the table holds."""
    from cqmin import spoken

    names, locales = table["language_names"], table["languages"]
    given_values = (values[-1] for values in (given.get("lang"), root_given.get("lang")) if values)
    option = next((value for value in given_values if spoken.find(value, names)), None)  # (a wrong one: none)
    return spoken.choose(option, environ, names, locales, table["default_language"])[0]


def _values(table: dict, param: dict, incomplete: str, language: str) -> list[tuple[str, str | None]]:
    if param["choices"] is not None:
        if param["case_sensitive"]:
            return [(choice, None) for choice in param["choices"] if choice.startswith(incomplete)]
        return [(choice, None) for choice in param["choices"] if choice.lower().startswith(incomplete.lower())]
    # As Typer filters custom completions: by the start of the value, case and all.
    if param["complete"] == "facts":
        typed = incomplete.lower()  # ids are lowercase, read in any case
        return [(fact_id, label[language]) for fact_id, label in table.fact_ids(typed)]
    if param["complete"] in ("topics", "events"):
        found = table[param["complete"]]
        return [(ident, described[language]) for ident, described in found if ident.startswith(incomplete.lower())]
    return []


def _split(args: list[str], incomplete: str) -> tuple[list[str], str]:
    """The words before the one being completed, and that one, as Click takes "--format=c" apart."""
    if incomplete == "=":
        return list(args), ""
    if "=" in incomplete and incomplete.startswith("-"):
        name, _, incomplete = incomplete.partition("=")
        return [*args, name], incomplete
    return list(args), incomplete


def complete(table: dict, walked: tuple, args: list[str], incomplete: str, environ) -> list[tuple[str, str | None]]:
    """The candidates for `incomplete` after `args` (walked: argv.walk's reading of them), as Typer gives them."""
    _, node, given, root_given, positional = walked
    is_group = node is table["root"]
    items: list[tuple[str, str | None]] = []
    if incomplete.startswith("-") and "--" not in args:
        if incomplete and not incomplete[0].isalnum():
            for param in node["params"]:
                if not param["option"] or param["hidden"] or (not param["multiple"] and param["name"] in given):
                    continue
                items += [(name, param["help"]) for name in param["names"] if name.startswith(incomplete)]
        return items
    language = _language(table, given, root_given, environ)
    if args and args[-1].startswith("-") and len(args[-1]) > 1:
        last = args[-1].partition("=")[0]
        param = next((p for p in node["params"] if p["option"] and last in p["names"] and not p["flag"]), None)
        if param is not None and not args[-1].partition("=")[1]:
            return _values(table, param, incomplete, language)
    arguments = [param for param in node["params"] if not param["option"]]
    open_argument = None
    taken = len(positional)
    for param in arguments:
        if param["nargs"] == -1 or taken == 0:
            open_argument = param
            break
        taken -= max(param["nargs"], 1)
    if open_argument is not None:
        return _values(table, open_argument, incomplete, language)
    if is_group:
        commands = table["commands"]
        typed = incomplete.lower()  # command names are lowercase, read in any case
        shown = [(name, commands.summary(name)) for name in table["order"] if name.startswith(typed)]
        return [(name, summary["help"]) for name, summary in shown if not summary["hidden"]]
    return items


def answer(environ) -> str | None:
    """What cqmin prints for this TAB, or None if only Typer can tell (no cache, or a line it may read otherwise)."""
    from cqmin import argv

    shell = protocol.asked_shell(environ)
    if shell is None or protocol.outdated(shell, environ):
        return None  # (the full path answers an outdated script, saying why)
    args, incomplete = _split(*protocol.request(shell, environ))
    try:
        found = argv.with_table(args, completing=True)
        if found is None:
            return None
        return protocol.answer(shell, complete(found[0], found[1], args, incomplete, environ))
    except (argv.Unsure, KeyError, TypeError, ValueError, IndexError):
        return None
