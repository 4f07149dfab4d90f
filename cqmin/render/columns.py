"""The columns of each listing in CSV and Markdown.

CSV columns are the JSON contract flattened (stable, language-free, for
scripts); Markdown columns are for people reading a document, in one language.
"""

from cqmin import dates, numbers
from cqmin.lang import punct, word
from cqmin.render import phrases

FACT_CSV = [
    "id", "topic", "label_zh", "label_en", "value", "high", "unit_zh", "unit_en", "stated",
    "qualifier", "kind", "as_of", "baseline_value", "baseline_as_of", "baseline_derived",
    "change_absolute", "change_percent", "annual_percent", "speaker", "quote",
]  # fmt: skip


def fact_csv_row(fact: dict) -> list:
    baseline = fact["baseline"] or {}
    change = fact["change"] or {}
    speaker = fact["source"]["speaker"]
    return [
        fact["id"], fact["topic"], fact["label"]["zh"], fact["label"]["en"], fact["value"], fact["high"],
        fact["unit"]["zh"], fact["unit"]["en"], fact["stated"], fact["qualifier"], fact["kind"], fact["as_of"],
        baseline.get("value"), baseline.get("as_of"), baseline.get("derived"),
        change.get("absolute"), change.get("percent"), change.get("annual_percent"),
        speaker["id"] if speaker else None, fact["source"]["quote"],
    ]  # fmt: skip


def change_text(fact: dict, lang: str) -> str:
    """ "2082万人（2017年12月）→ 2550万人：+468万人，…", or "" without a baseline."""
    if fact["change"] is None:
        return ""
    now = numbers.quantity(fact["value"], fact["unit"], lang)
    return f"{phrases.baseline(fact, lang)} → {now}{punct('colon', lang)}{phrases.change_summary(fact, lang)}"


def fact_markdown(facts: list[dict], lang: str) -> tuple[list[str], list[list], list[str]]:
    header = [word(key, lang) for key in ("id", "label", "figure", "as_of", "change")]
    rows = [
        [
            fact["id"],
            fact["label"][lang],
            numbers.figure(fact, lang),
            dates.show(fact["as_of"], lang),
            change_text(fact, lang),
        ]
        for fact in facts
    ]
    return header, rows, ["l", "l", "r", "l", "l"]


TOPIC_CSV = ["id", "title_zh", "title_en", "facts", "comparisons", "headline_id", "headline_stated", "headline_value"]


def topic_csv_row(row: dict) -> list:
    headline = row["headline"] or {}
    return [
        row["id"], row["title"]["zh"], row["title"]["en"], row["facts"], row["comparisons"],
        headline.get("id"), headline.get("stated"), headline.get("value"),
    ]  # fmt: skip


def topic_markdown(rows: list[dict], lang: str) -> tuple[list[str], list[list], list[str]]:
    header = [word(key, lang) for key in ("command", "topic", "facts", "comparisons", "headline")]
    body = [
        [
            row["id"],
            row["title"][lang],
            row["facts"],
            row["comparisons"],
            _headline(row["headline"], lang),
        ]
        for row in rows
    ]
    return header, body, ["l", "l", "r", "r", "l"]


def _headline(fact: dict | None, lang: str) -> str:
    return f"{fact['label'][lang]}: {numbers.figure(fact, lang)}" if fact else ""


SPEAKER_CSV = ["id", "name_zh", "name_en", "role_zh", "role_en", "department_zh", "department_en", "topics", "facts"]


def speaker_csv_row(row: dict) -> list:
    return [
        row["id"], row["name"]["zh"], row["name"]["en"], row["role"]["zh"], row["role"]["en"],
        row["department"]["zh"], row["department"]["en"], " ".join(row["topics"]), row["facts"],
    ]  # fmt: skip


def speaker_markdown(rows: list[dict], lang: str) -> tuple[list[str], list[list], list[str]]:
    header = [word(key, lang) for key in ("name", "role", "department", "topics", "facts")]
    body = [
        [row["name"][lang], row["role"][lang], row["department"][lang], ", ".join(row["topics"]), row["facts"]]
        for row in rows
    ]
    return header, body, ["l", "l", "l", "l", "r"]
