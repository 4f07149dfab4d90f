"""The JSON contract (README): the records every data format writes, and their fields.

Each kind of record has a builder (the JSON object, in the contract's key
order) and a field list: the dot paths `--fields` may pick, and the default
columns of CSV, TSV and SQLite with their names. Both are derived from the
record's declaration in model.py; what the contract adds to it (a fact's
"source", a topic's counts) is said here. A path with "*" stands for one field
per language ("label.*": "label.zh", "label.en").
"""

from cqmin import languages, model
from cqmin.model import Change, Event, Fact, FactBase, Speaker, Text, Topic, Unit
from cqmin.record import Record
from cqmin.vocabulary import Vocabulary


class Column(Record):
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


class Fields(Record):
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


# ---------------------------------------------------------------- records from the model's declarations


def _json(value):
    """A field as JSON: a record (record.Record) as an object of its fields, a word (vocabulary.py) as its value."""
    if isinstance(value, Vocabulary):
        return value.value
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: _json(item) for name, item in zip(value._fields, value, strict=True)}
    return value


def paths_of(record: type, prefix: str = "", leave_out: tuple[str, ...] = ()) -> list[str]:
    """The dot paths of a record's fields, as its JSON object has them: text as "name.*", records within it whole."""
    found = []
    for name, (kind, _) in model.field_types(record).items():
        if name in leave_out:
            continue
        if kind is Unit or kind == Text:  # a fact's unit is written as its name
            found.append(f"{prefix}{name}.*")
        elif model.is_record(kind):
            found += paths_of(kind, f"{prefix}{name}.")
        else:
            found.append(f"{prefix}{name}")
    return found


def _columns(paths: list[str], renamed: dict[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """(column name, path) for each path: "baseline.as_of" is baseline_as_of, "label.*" label_*."""
    renamed = renamed or {}
    return tuple((renamed.get(path, path.replace(".", "_")), path) for path in paths)


# ---------------------------------------------------------------- facts
# A fact's record is its fields in their declared order (model.Fact), but that who said it, where,
# is gathered under "source": the event, the speaker (id, name, department) and the quote.

SOURCE = ("event", "speaker", "quote")
_SPEAKER_REF = ("id", "name", "department")  # how a fact names its speaker

FACT_PATHS = [
    *paths_of(Fact, leave_out=(*SOURCE, "change")),
    *paths_of(Change, "change."),
    "source.event",
    *(f"source.speaker.{path}" for path in paths_of(Speaker) if path.split(".")[0] in _SPEAKER_REF),
    "source.quote",
]
# The columns of CSV, TSV and SQLite: every path but those of the speaker's name and department (the
# speakers table has them) and a derivation's arithmetic; named by path, but for these; and the
# event last, as schema 2 added it after the columns scripts already read by position.
_NOT_COLUMNS = ("baseline.method", "source.speaker.name.*", "source.speaker.department.*")
_COLUMN_NAMES = {"change.annual_percent": "annual_percent", "source.speaker.id": "speaker", "source.quote": "quote",
                 "source.event": "event"}  # fmt: skip
_COLUMN_PATHS = [path for path in FACT_PATHS if path not in (*_NOT_COLUMNS, "source.event")] + ["source.event"]
FACT_COLUMNS = _columns(_COLUMN_PATHS, _COLUMN_NAMES)
FACT_FIELDS = Fields(FACT_COLUMNS, tuple(path for path in FACT_PATHS if path in _NOT_COLUMNS))


def speaker_ref(speaker: Speaker | None) -> dict | None:
    if speaker is None:
        return None
    return {name: getattr(speaker, name) for name in _SPEAKER_REF}


def fact_record(fact: Fact, base: FactBase) -> dict:
    """One fact in the contract's key order (README, "The JSON contract")."""
    record = {
        name: (value.name if name == "unit" else _json(value))
        for name, value in zip(Fact._fields, fact, strict=True)
        if name not in SOURCE
    }
    record["source"] = {"event": fact.event, "speaker": speaker_ref(base.speaker(fact.speaker)), "quote": fact.quote}
    return record


# ---------------------------------------------------------------- topics (the overview)
# A topic's record: its fields (model.Topic), how many facts and comparisons it has, and its headline
# fact in full in place of the headline's id.

TOPIC_COLUMNS = (
    ("id", "id"), ("title_*", "title.*"), ("facts", "facts"), ("comparisons", "comparisons"),
    ("headline_id", "headline.id"), ("headline_stated", "headline.stated"), ("headline_value", "headline.value"),
)  # fmt: skip
TOPIC_FIELDS = Fields(
    TOPIC_COLUMNS,
    tuple(
        [path for path in paths_of(Topic, leave_out=("headline",)) if path not in dict(TOPIC_COLUMNS).values()]
        + [f"headline.{path}" for path in (*dict(FACT_COLUMNS).values(), *FACT_FIELDS.extra)]
    ),
)


def topic_record(topic: Topic, facts: list[Fact], headline: Fact | None, base: FactBase) -> dict:
    return {
        **{name: value for name, value in zip(Topic._fields, topic, strict=True) if name != "headline"},
        "facts": len(facts),
        "comparisons": sum(1 for fact in facts if fact.change is not None),
        "headline": fact_record(headline, base) if headline else None,
    }


# ---------------------------------------------------------------- events and speakers (sources)
# An event's record is its fields (model.Event); a speaker's, its fields but the event, with the topics
# they spoke on and how many facts are theirs. A speaker's row (CSV, TSV, --fields) carries the event.

EVENT_PATHS = tuple(paths_of(Event))
SPEAKER_COLUMNS = (
    *_columns(paths_of(Speaker, leave_out=("event",))),
    ("topics", "topics"),
    ("facts", "facts"),
    ("event", "event.id"),
)
SPEAKER_FIELDS = Fields(SPEAKER_COLUMNS, tuple(f"event.{path}" for path in EVENT_PATHS if path != "id"))


def event_record(event: Event) -> dict:
    return _json(event)


def speaker_record(speaker: Speaker, topics: list[str], facts: int) -> dict:
    record = {name: value for name, value in zip(Speaker._fields, speaker, strict=True) if name != "event"}
    return {**record, "topics": topics, "facts": facts}


# ---------------------------------------------------------------- problems (validate)


def problem_fields() -> Fields:
    """A problem's fields (validate's records): made when asked for, as a look-up never imports validation."""
    from cqmin.validation.problems import Problem

    return Fields(tuple((name, name) for name in Problem._fields))


# ---------------------------------------------------------------- claims (check)

_CHECKED = ("stated", "value", "verdict", "fact", "stated_by_fact", "quote", "reason")
CHECK_FIELDS = Fields(tuple((name, name) for name in _CHECKED))


def check_record(judged) -> dict:
    """A figure of a claim, judged: as the claim states it, its value, the verdict, and the fact it was held to."""
    figure, fact = judged.figure, judged.fact
    from cqmin.numerals import plain_number

    return {
        "stated": figure.stated,
        "value": plain_number(figure.value),
        "verdict": judged.verdict,
        "fact": fact.id if fact else None,
        "stated_by_fact": fact.stated if fact else None,
        "quote": fact.quote if fact else None,
        "reason": judged.reason.said(languages.get("en")),  # the data's words are English, whatever --lang says
    }


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
