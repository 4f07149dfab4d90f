"""The options and choices the commands share, and the names of the topic commands."""

from enum import Enum
from typing import Annotated

import typer

# The bundled topics, one command each (facts.toml holds the same ids and titles;
# a test keeps the two in step). Help needs them before any fact is loaded.
TOPICS = (
    ("services", "基本公共服务", "Basic public services"),
    ("jobs", "就业与收入", "Jobs and income"),
    ("pension", "社会保障", "Pensions and social insurance"),
    ("eldercare", "养老服务", "Elder care"),
    ("welfare", "社会救助", "Social assistance"),
    ("housing", "老旧小区改造", "Old residential compound renewal"),
    ("transport", "城市交通建设", "Urban transport construction"),
    ("health", "公共卫生", "Public health"),
    ("insurance", "医疗保障", "Medical insurance"),
)

TOPIC_PANEL = "Topics 主题"
LOOKUP_PANEL = "Look-up 查询"
DATA_PANEL = "Data 数据"


class Format(str, Enum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    markdown = "markdown"


class ExportFormat(str, Enum):
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    sqlite = "sqlite"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


class Lang(str, Enum):
    auto = "auto"
    zh = "zh"
    en = "en"


class Kind(str, Enum):
    achieved = "achieved"
    target = "target"
    all = "all"


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False,
        help="table (the default), json, ndjson, csv or markdown.",
    ),
]  # fmt: skip
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", metavar="LANG", show_default=False, help="zh, en, or auto (the default: CQMIN_LANG, then the locale)."
    ),
]
KindOption = Annotated[
    Kind, typer.Option("--kind", metavar="KIND", help="achieved, target or all (the default).", show_default=False)
]
