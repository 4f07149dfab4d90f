"""A look-up answered without Typer: the command line read by the cached command table, then lookups.py.

Scripts call cqmin in loops (`v=$(cqmin show ID --fields value -f tsv)`), and most
of a run was Typer and Click starting. This path reads the line with the command
table that TAB uses (cli/table.py: every command's options, as Typer built them,
cached with the fact base they describe) by the walk TAB's path takes too
(argv.walk: root options after the command moved as Typer's path moves them),
and calls the same functions of
lookups.py that Typer's commands call. It answers only lines it reads exactly:
anything else (help, an option it does not know, a value outside its choices or
spelled otherwise, `--`, a file to write, no current table) it declines, and Typer
answers as it always did. A mistake it would report (an unknown id, a bad
--fields) is declined before anything is written, so that Typer reports it;
tests/test_quick.py runs both paths over generated lines and requires the same
stdout, stderr and exit code.
"""

import io

from cqmin import argv, lookups


def _acting(params: list[dict], given: dict) -> bool:
    """Whether a line gives an option that acts alone (--help, --version, --install-completion) or a hidden one:
    Typer's to do."""
    by_name = {param["name"]: param for param in params}
    return any((by_name[name]["eager"] and by_name[name]["flag"]) or by_name[name]["hidden"] for name in given)


def _one(given: dict, name: str, params: list[dict]) -> str | None:
    """The value of a single option (the last given, as Click keeps it), read as its choices read it."""
    values = given.get(name)
    if not values:
        return None
    param = next(param for param in params if param["name"] == name)
    value = values[-1]
    if param["choices"] is None:
        return value
    for choice in param["choices"]:  # Typer's choices, in any case where they are case-insensitive
        if choice == value or (not param["case_sensitive"] and choice.lower() == value.lower()):
            return choice
    raise argv.Unsure(value)  # not one of them, or a name of a language: Typer says or reads it


class _Held(io.StringIO):
    """Messages held until this path knows it answers; then written where they go, in their order."""

    def __init__(self, env) -> None:
        super().__init__()
        self.env, self.released = env, 0

    def release(self) -> None:
        self.env.stderr.write(self.getvalue()[self.released :])
        self.released = len(self.getvalue())


class _Session(lookups.Session):
    """A session that knows whether it wrote (a failure after the answer is written is this path's to report),
    and says what it held back just before it writes, as Typer's path would have said it by then."""

    wrote = False

    def __init__(self, held: _Held, *args) -> None:
        self.held = held
        super().__init__(*args)

    def write(self, result, no_match: str | None = None) -> None:
        self.wrote = True
        self.held.release()
        super().write(result, no_match)


def answer(env, args: list[str]) -> int | None:
    """Answer the command line `args` and return the exit code; None where Typer must (nothing written then)."""
    from cqmin import facts
    from cqmin.errors import CqminError, ExitCode, show_failure

    held = _Held(env)  # the messages, written only once this path answers (else Typer says them, once)
    env.escape_unencodable_stdout()  # as Typer's path does first: an ASCII output gets \u escapes
    outer, env = env, env.with_messages_to(held)
    session = None
    try:
        found = argv.with_table(args)
        if found is None:
            return None
        table, (command, node, given, root, positional) = found
        if _acting(node["params"], given) or _acting(table["root"]["params"], root):
            return None
        topics = {ident for ident, _ in table["topics"]}
        looked_up = lookups.REGISTRY.get(lookups.TOPIC if command in topics else command)
        if looked_up is None or given.get("output_path"):
            return None  # (a file to write: Typer's path, with its checks of the name and the format)
        arguments = [param for param in node["params"] if not param["option"]]
        if (positional and not arguments) or (not positional and any(param["required"] for param in arguments)):
            return None  # (an argument too many, or one missing: Click says which)
        root_params = table["root"]["params"]
        params = node["params"] if command else []
        path = (root.get("facts_path") or [None])[-1]
        reserved = frozenset(table["reserved"])  # as Typer's path keys the fact cache
        root_format = _one(root, "format_", root_params)  # (checked even where --json decides)
        call = lookups.Call(
            env, lambda: facts.load(path, reserved), _one(root, "lang", root_params),
            "json" if root.get("json_") else root_format, (table["language_names"], table["languages"]),
        )  # fmt: skip
        options = {param["name"]: _one(given, param["name"], params) for param in params if param["option"]}
        path_of_command = " ".join(filter(None, ["cqmin", command]))  # as Click names it in a message
        session = _Session(
            held, call, looked_up.result, path_of_command, options.get("format_"), bool(given.get("json_")),
            options.get("lang"), options.get("fields"), bool(given.get("ids")),
        )  # fmt: skip
        asked = lookups.Asked(
            command, tuple(positional), options.get("kind"), tuple(given.get("event") or ()),
            tuple(given.get("topic_names") or ()),
        )  # fmt: skip
        looked_up.run(session, asked)
    except Exception as error:
        if session is None or not session.wrote:
            return None  # anything before the answer (a mistake, a file that cannot be read): Typer's path
        held.release()
        if isinstance(error, CqminError):  # an empty listing, written as data, then failed as grep fails
            return show_failure(error, outer)
        raise  # writing failed (a closed or full output), or a bug: the guard in __main__ reports it
    held.release()
    return ExitCode.OK
