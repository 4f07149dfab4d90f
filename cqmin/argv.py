"""Where an option of the whole program may stand: before the command, or after it.

`cqmin pension --facts my.toml` and `cqmin export --lang zh` mean what `cqmin --facts
my.toml pension` means: a root option (--facts, --lang, --format, …) given after the
command, which the command does not define itself, is the root's. `lift` moves it in
front of the command before anything parses the line, from the definitions of the
options alone: the Click parameters when Typer parses (cli/group.py), their copy in
the command table when a TAB is answered without Typer (shells/fast.py). Nothing after
"--" moves: it is an argument, whatever it looks like.
"""


def shape(param) -> dict:
    """What `lift` (and the command table) knows of a Click parameter: its names, a flag or not, an option or not."""
    return {
        "names": [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])],
        "flag": bool(getattr(param, "is_flag", False)),
        "option": param.param_type_name == "option",
    }


def split(arg: str) -> tuple[str, bool]:
    """An option word as Click reads it: (its name, whether its value is in the word). A long option holds
    one after "=" (--lang=zh); a short one right after its letter (-fjson; -f=json is the value "=json")."""
    if arg.startswith("--"):
        name, equals, _ = arg.partition("=")
        return name, bool(equals)
    return arg[:2], len(arg) > 2


def option(params: list[dict], name: str) -> dict | None:
    """The option of these parameters that `name` (--lang, -f) names, or None."""
    return next((param for param in params if param["option"] and name in param["names"]), None)


def lift(args: list[str], root: list[dict], command_params, completing: bool = False) -> list[str]:
    """`args` with the root's options that follow the command (and that it lacks) moved before it.

    `root` are the root's parameters (as `shape` gives them); `command_params(name)` those of the command
    named `name`, or None for no such command (then nothing moves: the error is about the name). `completing`:
    `args` are the words before a TAB's; one that is a root option waiting for its value (`cqmin validate
    --lang <TAB>`) is read at the root, without the command, which has no say in that value.
    """
    index = 0
    while index < len(args):  # the root's own options, then the command's name
        arg = args[index]
        if arg == "--" or not arg.startswith("-") or len(arg) == 1:
            break
        name, attached = split(arg)
        param = option(root, name)
        index += 1 if param is None or param["flag"] or attached else 2
    if index >= len(args) or args[index] == "--" or args[index].startswith("-"):
        return args
    params = command_params(args[index])
    if params is None:
        return args
    before, command, after, moved = args[:index], args[index], [], []
    rest = iter(args[index + 1 :])
    for arg in rest:
        if arg == "--":
            after += [arg, *rest]
            break
        name, attached = split(arg)
        own = option(params, name) if arg.startswith("-") else None
        root_param = option(root, name) if arg.startswith("-") and own is None else None
        param = own or root_param
        value = next(rest, None) if param is not None and not param["flag"] and not attached else None
        # A root option moves with its value (whatever that looks like); one still waiting for its value (the
        # last word, or a TAB's) stays where it is, so that nothing takes the command's name for it.
        moves = root_param is not None and (root_param["flag"] or attached or value is not None)
        if completing and root_param is not None and not moves:
            return [*before, *moved, arg]
        (moved if moves else after).extend([arg] if value is None else [arg, value])
    return [*before, *moved, command, *after]


class Unsure(Exception):
    """A line `walk` does not read as Click would: Typer's path reads it."""


def walk(table: dict, args: list[str], completing: bool = False, any_topic: dict | None = None):
    """A command line read with the command table (cli/table.py), as Click would read it, for the fast paths:
    (the command's name, "" for none; its table node; the options given to it; those given to the root; its
    positional arguments); options by parameter name, each a list of what was given, in order. Unsure where
    Click might read it otherwise ("--", -fjson, an unknown option or command, a flag given a value), and where
    an option's value is missing, unless `completing` (a TAB: the value is the word being completed).
    `any_topic`, a topic's node, is taken for a command the table lacks (a grammar knows no base's topics)."""
    commands, topics = table["commands"], {ident for ident, _ in table["topics"]}

    def params_of(name: str) -> list[dict] | None:
        node = commands.get(name) or commands.get(name.lower()) or any_topic
        return node["params"] if node else None

    command, node, given, positional = "", table["root"], {}, []
    root_given = given
    words = iter(lift(args, table["root"]["params"], params_of, completing))  # as Typer's path reads the line
    for arg in words:
        if arg == "--" or (arg.startswith("-") and not arg.startswith("--") and len(arg) > 2):
            raise Unsure(arg)  # "--", and -fjson, -f=json, a cluster: Click's reading of those is its own
        if arg.startswith("-") and len(arg) > 1:
            name, equals, value = arg.partition("=")
            param = option(node["params"], name)
            if param is None or (param["flag"] and equals):
                raise Unsure(arg)
            if param["flag"]:
                value = ""
            elif not equals:
                value = next(words, None)
                if value is None:
                    if completing:
                        break  # the value is the word being completed
                    raise Unsure(arg)  # Click says the option needs a value
            given.setdefault(param["name"], []).append(value)
        elif not command:
            name = arg if arg in commands else arg.lower()  # a topic in any case; cqmin's own as written
            if any_topic is not None and name not in commands:
                command, node, given = arg, any_topic, {}
                continue
            if name not in commands or (name != arg and name not in topics):
                raise Unsure(arg)
            command, node, given = name, commands[name], {}
        else:
            positional.append(arg)
    return command, node, given, root_given, positional


def with_table(args: list[str], completing: bool = False):
    """(the current command table for the fact base the line names, the line walked with it), or None where the
    cache holds none. A line is read with the table of the base in use (CQMIN_FACTS, else the bundled one): if
    it names no other base, that is its reading; if it names one (`--facts`), it is read again with that base's
    table. A line this table cannot read (a topic only another base has), or no such table, is read first with
    the grammar (table_store.grammar: the options of cqmin and of any topic, the same for every base) for the
    base its --facts names."""
    from cqmin import table_store

    table = table_store.read(None)
    walked = None
    if table is not None:
        try:
            walked = walk(table, args, completing)
        except Unsure:
            walked = None
    read_by_table = walked is not None
    if not read_by_table:
        grammar = table_store.grammar()
        if grammar is None:
            return None
        walked = walk(grammar, args, completing, any_topic=grammar["topic"])
    # Either reads a line's root options alike (a topic's options are every topic's), and so the base it names.
    path = (walked[3].get("facts_path") or [None])[-1]
    if path is None and read_by_table:
        return table, walked
    if path == "":
        raise Unsure("--facts")  # an empty path: Typer says why
    table = table_store.read(path)
    if table is None:
        return None
    walked = walk(table, args, completing)
    if (walked[3].get("facts_path") or [None])[-1] != path:
        raise Unsure("--facts")  # (read otherwise with the base's own topics: Typer's to read)
    return table, walked
