"""A TAB answered from the cache, before Typer or Rich is imported: the command table, walked as Click would.

The table (cli/table.py) is the command line's shape and the fact base's names,
cached on its own (table_store.py). This module follows Click's completion rules (the
command, the option waiting for a value, the first argument still open) for the
shapes cqmin's commands have; anything else (an unknown option, "--", an
unknown command) it leaves to Typer by answering None, as it does when there is
no usable cache. tests/test_completion.py compares the two on a grid of lines.
"""

from cqmin import shells  # (the package holds no imports: this costs a TAB nothing)


class _Unsure(Exception):
    """A line this walker does not follow as Click would: Typer answers instead."""


def _option(node: dict, name: str) -> dict:
    for param in node["params"]:
        if param["option"] and name in param["names"]:
            return param
    raise _Unsure(name)


def _walk(table: dict, args: list[str]) -> tuple[dict, dict[str, list[str]], list[str], dict[str, list[str]]]:
    """The command the arguments reach, the options given to it and to the root, and its positional arguments."""
    from cqmin import argv

    commands = table["commands"]

    def params_of(name: str) -> list[dict] | None:
        node = commands.get(name) or commands.get(name.lower())
        return node["params"] if node else None

    args = argv.lift(args, table["root"]["params"], params_of)  # as the full path reads the line
    node, given, positional = table["root"], {}, []
    root_given = given
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            raise _Unsure(arg)
        if arg.startswith("-") and len(arg) > 1:
            if not arg.startswith("--") and len(arg) > 2:
                raise _Unsure(arg)  # -fjson, -f=json: Click's reading of those is its own
            name, equals, value = arg.partition("=")
            param = _option(node, name)
            if param["flag"]:
                if equals:
                    raise _Unsure(arg)
                given.setdefault(param["name"], []).append("")
                index += 1
                continue
            if equals:
                given.setdefault(param["name"], []).append(value)
                index += 1
            elif index + 1 < len(args):
                given.setdefault(param["name"], []).append(args[index + 1])
                index += 2
            else:
                index += 1  # the value is the word being completed
            continue
        if node is table["root"]:
            name = arg if arg in table["commands"] else arg.lower()  # a topic in any case; cqmin's own as written
            if name not in table["commands"] or (name != arg and name not in {ident for ident, _ in table["topics"]}):
                raise _Unsure(arg)
            node, given, positional = table["commands"][name], {}, []
        else:
            positional.append(arg)
        index += 1
    return node, given, positional, root_given


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
        return [(fact_id, label[language]) for fact_id, label in table["facts"] if fact_id.startswith(typed)]
    if param["complete"] in ("topics", "events"):
        found = table[param["complete"]]
        return [(ident, described[language]) for ident, described in found if ident.startswith(incomplete.lower())]
    return []


def complete(table: dict, args: list[str], incomplete: str, environ) -> list[tuple[str, str | None]]:
    """The candidates for `incomplete` after `args`, as Typer would give them; _Unsure where it might not."""
    args = list(args)
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete.startswith("-"):
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
    node, given, positional, root_given = _walk(table, args)
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
        items = [(name, commands[name]["help"]) for name in table["order"] if name.startswith(typed)]
        return [(name, help_) for name, help_ in items if not commands[name]["hidden"]]
    return items


def answer(environ) -> str | None:
    """What cqmin prints for this TAB, or None if only Typer can tell (no cache, or a line it may read otherwise)."""
    from cqmin import table_store

    shell = shells.asked_shell(environ)
    if shell is None or shells.outdated(shell, environ):
        return None  # (the full path answers an outdated script, saying why)
    args, incomplete = shells.request(shell, environ)
    # The fact base decides the table, and --facts on the line decides the base: read the line
    # with the default table, and again with the table of the base it names, if it names one.
    path = None
    for _ in range(2):
        table = table_store.read(path)
        if table is None:
            return None
        try:
            root_given = _walk(table, args)[3]
            named = (root_given.get("facts_path") or [None])[-1]
            if named == path:
                return shells.answer(shell, complete(table, args, incomplete, environ))
        except (_Unsure, KeyError, TypeError, ValueError, IndexError):
            return None
        path = named
    return None
