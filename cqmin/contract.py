"""The JSON contract (README): the records every data format writes, and their fields, defined once.

Each kind of record has a builder (the JSON object, in the contract's key
order) and a field list: the dot paths `--fields` may pick, and the default
columns of CSV, TSV and SQLite with their names. A path with "*" stands for
one field per language ("label.*": "label.zh", "label.en").
"""

from typing import NamedTuple

from cqmin import languages
from cqmin.model import Event, Fact, FactBase, Speaker, Topic


class Column(NamedTuple):
    name: str  # as CSV headers and SQLite columns call it: "label_zh"
    path: str  # as --fields and JSON reach it: "label.zh"


def _expand(path: str) -> list[str]:
    return [path.replace("*", code) for code in languages.codes()] if "*" in path else [path]


def pick(record: dict, path: str):
    """The value at a dot path ("baseline.value"), None where the path runs into a null."""
    value = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


class Fields(NamedTuple):
    """The fields of one kind of record: its default columns, and the other paths its JSON holds."""

    column_template: tuple[tuple[str, str], ...]  # (name, path) pairs; "*" is one per language
    extra: tuple[str, ...] = ()

    def columns(self) -> list[Column]:
        """The columns of CSV, TSV and SQLite when --fields does not choose."""
        return [
            Column(name.replace("*", code) if "*" in path else name, expanded)
            for name, path in self.column_template
            for code, expanded in zip(languages.codes() if "*" in path else [""], _expand(path), strict=True)
        ]

    def paths(self) -> list[str]:
        """Every path --fields may name: leaves, and the objects above them, in order."""
        leaves = [column.path for column in self.columns()] + [path for extra in self.extra for path in _expand(extra)]
        found: dict[str, None] = {}
        for path in leaves:
            parts = path.split(".")
            for end in range(1, len(parts) + 1):
                found.setdefault(".".join(parts[:end]))
        return list(found)


# ---------------------------------------------------------------- facts

FACT_COLUMNS = (
    ("id", "id"), ("topic", "topic"), ("label_*", "label.*"), ("value", "value"), ("high", "high"),
    ("unit_*", "unit.*"), ("stated", "stated"), ("qualifier", "qualifier"), ("kind", "kind"), ("as_of", "as_of"),
    ("baseline_value", "baseline.value"), ("baseline_as_of", "baseline.as_of"),
    ("baseline_derived", "baseline.derived"), ("change_absolute", "change.absolute"),
    ("change_percent", "change.percent"), ("annual_percent", "change.annual_percent"),
    ("speaker", "source.speaker.id"), ("quote", "source.quote"), ("event", "source.event"),
)  # fmt: skip
FACT_FIELDS = Fields(FACT_COLUMNS, ("baseline.method", "source.speaker.name.*", "source.speaker.department.*"))


def speaker_ref(speaker: Speaker | None) -> dict | None:
    if speaker is None:
        return None
    return {"id": speaker.id, "name": speaker.name, "department": speaker.department}


def fact_record(fact: Fact, base: FactBase) -> dict:
    """One fact in the contract's key order (README, "The JSON contract")."""
    baseline = fact.baseline
    change = fact.change
    return {
        "id": fact.id,
        "topic": fact.topic,
        "label": fact.label,
        "value": fact.value,
        "high": fact.high,
        "unit": fact.unit.name,
        "stated": fact.stated,
        "qualifier": fact.qualifier.value,
        "kind": fact.kind.value,
        "as_of": fact.as_of,
        "baseline": None
        if baseline is None
        else {"value": baseline.value, "as_of": baseline.as_of, "derived": baseline.derived, "method": baseline.method},
        "change": None
        if change is None
        else {"absolute": change.absolute, "percent": change.percent, "annual_percent": change.annual_percent},
        "source": {"event": fact.event, "speaker": speaker_ref(base.speaker(fact.speaker)), "quote": fact.quote},
    }


# ---------------------------------------------------------------- topics (the overview)

TOPIC_COLUMNS = (
    ("id", "id"), ("title_*", "title.*"), ("facts", "facts"), ("comparisons", "comparisons"),
    ("headline_id", "headline.id"), ("headline_stated", "headline.stated"), ("headline_value", "headline.value"),
)  # fmt: skip


TOPIC_FIELDS = Fields(
    TOPIC_COLUMNS,
    ("summary.*", *(f"headline.{path}" for _, path in FACT_COLUMNS), *(f"headline.{p}" for p in FACT_FIELDS.extra)),
)


def topic_record(topic: Topic, facts: list[Fact], headline: Fact | None, base: FactBase) -> dict:
    return {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "facts": len(facts),
        "comparisons": sum(1 for fact in facts if fact.change is not None),
        "headline": fact_record(headline, base) if headline else None,
    }


# ---------------------------------------------------------------- events and speakers (sources)

SPEAKER_COLUMNS = (
    ("id", "id"), ("name_*", "name.*"), ("role_*", "role.*"), ("department_*", "department.*"),
    ("topics", "topics"), ("facts", "facts"), ("event", "event.id"),
)  # fmt: skip
EVENT_PATHS = ("id", "title.*", "organizer.*", "date", "place.*", "article.*")
# A speaker's row (CSV, TSV, --fields) carries their event, as event.*.
SPEAKER_FIELDS = Fields(SPEAKER_COLUMNS, tuple(f"event.{path}" for path in EVENT_PATHS))


def event_record(event: Event) -> dict:
    return {
        "id": event.id,
        "title": event.title,
        "organizer": event.organizer,
        "date": event.date,
        "place": event.place,
        "article": event.article,
    }


def speaker_record(speaker: Speaker, topics: list[str], facts: int) -> dict:
    return {
        "id": speaker.id,
        "name": speaker.name,
        "role": speaker.role,
        "department": speaker.department,
        "topics": topics,
        "facts": facts,
    }


# ---------------------------------------------------------------- problems (validate)

PROBLEM_FIELDS = Fields(
    (("file", "file"), ("line", "line"), ("column", "column"), ("id", "id"), ("field", "field"), ("message", "message"))
)


# ---------------------------------------------------------------- citations (cite)

CITATION_FIELDS = Fields(
    (
        ("id", "id"), ("label_*", "label.*"), ("figure", "figure"), ("value", "value"), ("unit_*", "unit.*"),
        ("kind", "kind"), ("as_of", "as_of"), ("quote", "quote"), ("speaker", "speaker.id"),
        ("speaker_name_*", "speaker.name.*"), ("speaker_role_*", "speaker.role.*"),
        ("speaker_department_*", "speaker.department.*"), ("event", "event.id"), ("event_title_*", "event.title.*"),
        ("event_organizer_*", "event.organizer.*"), ("event_date", "event.date"), ("event_place_*", "event.place.*"),
        ("article_*", "event.article.*"),
    ),
    ("qualifier",),
)  # fmt: skip


def citation_record(fact: Fact, base: FactBase) -> dict:
    """What a citation of one figure needs: the figure as stated, the quote, who said it, where and when."""
    speaker = base.speaker(fact.speaker)
    return {
        "id": fact.id,
        "label": fact.label,
        "figure": fact.stated,
        "value": fact.value,
        "unit": fact.unit.name,
        "qualifier": fact.qualifier.value,
        "kind": fact.kind.value,
        "as_of": fact.as_of,
        "quote": fact.quote,
        "speaker": None
        if speaker is None
        else {"id": speaker.id, "name": speaker.name, "role": speaker.role, "department": speaker.department},
        "event": event_record(base.event(fact.event)),
    }
