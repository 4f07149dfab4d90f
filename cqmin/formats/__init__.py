"""The output formats, one registry: each format is one module that says which kinds of result it renders.

A command's result type decides which formats it offers (`-f`), its default
(the first format for people, else the first), and which renderer runs:
the registry looks a renderer up by the result's type, walking its classes, so
a renderer for Facts serves every kind of facts. Adding a format is adding a
module here and listing it in FORMATS.
"""

from collections.abc import Callable

from cqmin.formats import bibtex, csl_json, csv, json, markdown, ndjson, sqlite, table, text, tsv
from cqmin.record import Record


class Format(Record):
    name: str
    help: str  # a short phrase for --help
    renders: dict[type, Callable]  # result type -> renderer(result, output) -> str
    extensions: tuple[str, ...] = ()  # what `export -o FILE` recognises it by
    for_people: bool = False  # drawn for a reader: in a language, fitted to the terminal
    to_file: bool = False  # written to a file only (renderer(result, output, path)), never to stdout
    takes_fields: bool = False  # --fields picks its columns
    escapes: bool = False  # can write any text in ASCII (JSON's \u escapes), where the output holds no more

    def renderer(self, result_type: type) -> Callable | None:
        return next((self.renders[cls] for cls in result_type.__mro__ if cls in self.renders), None)


FORMATS = [
    Format(module.NAME, module.HELP, module.RENDERS, **getattr(module, "TRAITS", {}))
    for module in (table, text, json, ndjson, csv, tsv, markdown, sqlite, bibtex, csl_json)
]
REGISTRY = {fmt.name: fmt for fmt in FORMATS}


def for_result(result_type: type) -> list[Format]:
    """The formats that can render a kind of result, in registry order."""
    return [fmt for fmt in FORMATS if fmt.renderer(result_type) is not None]


def default_for(result_type: type) -> Format:
    offered = for_result(result_type)
    return next((fmt for fmt in offered if fmt.for_people), offered[0])


def by_extension(path: str, result_type: type) -> Format | None:
    """The format a file name asks for ("facts.csv": csv), among those for this kind of result."""
    lowered = path.lower()
    return next((fmt for fmt in for_result(result_type) if lowered.endswith(fmt.extensions or ("\0",))), None)


def render(result, fmt: Format, output) -> str:
    return fmt.renderer(type(result))(result, output)
