"""The output formats, one registry: each format is one module that says which kinds of result it renders.

A command's result type decides which formats it offers (`-f`), its default
(the first format for people, else the first), and which renderer runs:
the registry looks a renderer up by the result's type, walking its classes, so
a renderer for Facts serves every kind of facts. Adding a format is adding a
module here and listing it in MODULES.

A format's module is imported when the format is first asked for: a look-up
that writes JSON imports json.py alone, not the nine others (a tenth of a MiB of
its memory). named() finds one format, every() all of them; a format's module is
named as the format is, a hyphen written as an underscore ("csl-json": csl_json).
"""

from cqmin import TYPE_CHECKING
from cqmin.record import Record

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Callable, Iterable

MODULES = ("table", "text", "json", "ndjson", "csv", "tsv", "markdown", "sqlite", "bibtex", "csl_json")


class Format(Record):
    name: str
    help: str  # a short phrase for --help
    renders: dict[type, "Callable"]  # result type -> renderer(result, output) -> str, or its pieces (render())
    extensions: tuple[str, ...] = ()  # what `export -o FILE` recognises it by
    for_people: bool = False  # drawn for a reader: in a language, fitted to the terminal
    to_file: bool = False  # written to a file only (renderer(result, output, path)), never to stdout
    takes_fields: bool = False  # --fields picks its columns
    escapes: bool = False  # can write any text in ASCII (JSON's \u escapes), where the output holds no more

    def renderer(self, result_type: type) -> "Callable | None":
        return next((self.renders[cls] for cls in result_type.__mro__ if cls in self.renders), None)


_LOADED: dict[str, Format] = {}  # module name -> its format, once imported


def _format(module_name: str) -> Format:
    if module_name not in _LOADED:
        module = __import__(f"cqmin.formats.{module_name}", fromlist=["NAME"])
        _LOADED[module_name] = Format(module.NAME, module.HELP, module.RENDERS, **getattr(module, "TRAITS", {}))
    return _LOADED[module_name]


def named(name: str) -> Format | None:
    """The format of this name ("csv"), importing its module alone; None if there is none."""
    module_name = name.replace("-", "_")
    if module_name not in MODULES:  # (only a module of the registry is ever imported)
        return None
    fmt = _format(module_name)
    return fmt if fmt.name == name else None


def every() -> list[Format]:
    """All the formats, in registry order."""
    return [_format(module_name) for module_name in MODULES]


def for_result(result_type: type) -> list[Format]:
    """The formats that can render a kind of result, in registry order."""
    return [fmt for fmt in every() if fmt.renderer(result_type) is not None]


def default_for(result_type: type) -> Format:
    """The first format for people that renders this kind of result (importing those before it), else the first."""
    for module_name in MODULES:
        fmt = _format(module_name)
        if fmt.for_people and fmt.renderer(result_type) is not None:
            return fmt
    return for_result(result_type)[0]


def by_extension(path: str, result_type: type) -> Format | None:
    """The format a file name asks for ("facts.csv": csv), among those for this kind of result."""
    lowered = path.lower()
    return next((fmt for fmt in for_result(result_type) if lowered.endswith(fmt.extensions or ("\0",))), None)


def render(result, fmt: Format, output) -> "Iterable[str]":
    """The result's text in pieces, to be written in turn: the data formats' renderers write a record at a time
    (a look-up's memory grows with one record, not with all); the others give their whole text at once."""
    rendered = fmt.renderer(type(result))(result, output)
    return (rendered,) if isinstance(rendered, str) else rendered
