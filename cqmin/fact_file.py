"""A fact base from its file: decoded, parsed, validated and built into records, then cached.

What `validate` does, and what facts.load does where the cache cannot serve
(no entry, or one of another file or another cqmin). A file is untrusted: it
is decoded strictly, and a fault in it is a problem with its line, never a
traceback.
"""

from cqmin import TYPE_CHECKING, cache, cache_store
from cqmin.errors import CqminError

if TYPE_CHECKING:  # (facts.py imports this module when its cache cannot serve)
    from cqmin.facts import Source


class InvalidFactBase(CqminError):
    """A fact base that cannot be used, with its problems (validation.Problem)."""

    def __init__(self, source: "Source", problems: list) -> None:
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(f"{source.label}: {count}", hint=f"run '{source.validate_command()}' for the full list")
        self.problems = problems


def parse(content: bytes, source: "Source") -> tuple[dict, str]:
    """Decode and parse TOML; raise InvalidFactBase with the line and column of the fault."""
    from cqmin.validation import Problem

    def refuse(message: str, line: int | None = None, column: int | None = None) -> InvalidFactBase:
        return InvalidFactBase(source, [Problem(source.label, line, column, "", None, message)])

    if not content.strip():
        raise refuse("the file is empty")
    try:
        text = content.decode("utf-8").removeprefix("\ufeff")  # the byte-order mark Windows editors write
    except UnicodeDecodeError as error:
        raise refuse(f"not UTF-8 text (byte {error.start})", content[: error.start].count(b"\n") + 1) from None
    import tomli

    try:
        return tomli.loads(text), text
    except tomli.TOMLDecodeError as error:
        message = f"TOML syntax: {getattr(error, 'msg', error)}"
        raise refuse(message, getattr(error, "lineno", None), getattr(error, "colno", None)) from None
    except RecursionError:
        raise refuse("nested too deeply to be a fact base") from None
    except ValueError as error:  # an integer of more digits than Python converts (sys.int_info)
        raise refuse(str(error)) from None


def check(content: bytes, source: "Source", articles: list[str] | None = None, reserved: frozenset = frozenset()):
    """Parse and validate: (data, problems, notes); problems are sorted by line, empty when the base is sound.

    `articles` are the --source options (FILE, or EVENT=FILE) of texts the quotes must be in, besides each
    event's own `source`; None checks no quote (a lookup). articles.SourceOptions for options that contradict
    each other.
    """
    import gc

    from cqmin import articles as texts
    from cqmin import validation

    # No collection of cycles while a base is parsed and checked: it makes only containers that stay reachable
    # (or go with their reference counts), and collecting them over and over cost a large base a fifth of its time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data, text = parse(content, source)
        problems, notes = validation.check(data, text, source.label, reserved)
        if articles is not None:
            own = None if source.bundled else source.path
            found = texts.gather(data, source.folder(), own, texts.given(articles, texts.event_ids(data)))
            problems += validation.check_quotes(data, text, found, source.label)
    finally:
        if collecting:
            gc.enable()
    problems.sort(key=lambda problem: problem.line or 0)
    return data, problems, notes


def built(source: "Source", kind: str, reserved: frozenset, content: bytes | None = None, key: dict | None = None):
    """The base parsed, checked and built from its file (`content`, if read already, with its `key`), and cached
    as an entry of `kind` (facts.KIND)."""
    from cqmin import packed

    if content is None:
        content = source.content(None)
        key = source.cache_key(content, reserved)
    data, problems, _ = check(content, source, reserved=reserved)
    from cqmin.validation.problems import DRAFTED  # (only where a base is checked: a TAB never is)

    drafted = [problem for problem in problems if problem.message == DRAFTED]
    if drafted:  # a draft is first of all a draft: what else it lacks (a placeholder left) validate lists with it
        count = f"{len(drafted)} drafted fact" + (" is" if len(drafted) == 1 else "s are")
        listed = source.validate_command()
        raise CqminError(  # never shown as checked data
            f"{source.label}: {count} not yet reviewed, so it is not a fact base to look figures up in yet",
            hint=f"check each against the article, then delete its draft = true ({listed} lists them)",
        )
    if problems:
        raise InvalidFactBase(source, problems)
    from cqmin.build import build  # only when the cache cannot serve

    base = build(data, source.label)
    base.read_as = key
    if cache.enabled():
        cache_store.write(kind, source.cache_name, key, packed.pack(base))
    return base
