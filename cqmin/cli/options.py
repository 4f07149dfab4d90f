"""The options commands share, built from the registries: formats by kind of result, languages, kinds.

Choices are Enums made from the registries at import, so --help, completion and
the parser all offer what the registries hold, and nothing is listed twice.
Names of choices are case-insensitive (`--lang EN`, `-f JSON`).
"""

from enum import Enum
from typing import Annotated

import typer

from cqmin import formats, languages
from cqmin.cli.framework import NamedChoice
from cqmin.domain import Kind
from cqmin.lookups import ALL_KINDS

TOPIC_PANEL = "Topics 主题"
LOOKUP_PANEL = "Look-up 查询"
DATA_PANEL = "Data 数据"


_ENUMS: dict[tuple[str, ...], type[Enum]] = {}


def _choices(name: str, values: list[str]) -> type[Enum]:
    """An Enum of these values, made once for each list of values (each costs ~0.15 ms, on every run)."""
    key = tuple(values)
    if key not in _ENUMS:
        _ENUMS[key] = Enum(name, {value: value for value in values}, type=str)
    return _ENUMS[key]


def format_names(result_type: type) -> list[str]:
    return [fmt.name for fmt in formats.for_result(result_type)]


def phrase(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def format_option(result_type: type, *aliases: str):
    """-f/--format with the formats that can render this kind of result; the first for people is the default."""
    names = format_names(result_type)
    default = formats.default_for(result_type).name
    choices = _choices("Format", names)
    others = [name for name in names if name != default]
    return Annotated[
        choices | None,
        typer.Option(
            "--format", "-f", *aliases, metavar="FORMAT", show_default=False, case_sensitive=False,
            help=f"{default} (the default), {phrase(others)}." if others else f"{default}.",
        ),
    ]  # fmt: skip


# The root's --format takes any format; the command then checks it has it.
AnyFormat = _choices("AnyFormat", [fmt.name for fmt in formats.every()])
RootFormatOption = Annotated[
    AnyFormat | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False, case_sensitive=False,
        help="The output format, for the command that follows (see its --help).",
    ),
]  # fmt: skip

JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]


def _language(name: str) -> str | None:
    return languages.AUTO if name.strip().lower() == languages.AUTO else languages.find(name)


# A language by its code or any name the registry gives it (cn, zh-CN, 中文, english): the code.
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", metavar="LANG", show_default=False,
        click_type=NamedChoice([languages.AUTO, *languages.codes()], _language, languages.closest),
        help=f"{phrase(languages.codes())}, or auto (the default: {languages.ENV_VAR}, then the locale).",
    ),
]  # fmt: skip

KindChoice = _choices("KindChoice", [*(kind.value for kind in Kind), ALL_KINDS])
KindOption = Annotated[
    KindChoice,
    typer.Option(
        "--kind", metavar="KIND", show_default=False, case_sensitive=False,
        help=f"{phrase([kind.value for kind in Kind])} figures only, or {ALL_KINDS} (the default).",
    ),
]  # fmt: skip

FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields", metavar="A,B,…", show_default=False,
        help="Only these fields, in this order (dot paths of the records --json writes); implies -f tsv if no format.",
    ),
]  # fmt: skip

IdsOption = Annotated[bool, typer.Option("--ids", help="Show each figure's id, to use with 'cqmin show'.")]


def a_path(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """A path option's callback: an empty one (`--facts "$UNSET"`) is a mistake, not "the default", silently."""
    if value == "" and not ctx.resilient_parsing:
        raise typer.BadParameter(f"an empty path; leave out {param.opts[0]} for the default")
    return value
