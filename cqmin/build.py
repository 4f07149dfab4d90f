"""A validated fact file built into the typed records of model.py: events, speakers, topics, facts.

Only ever given data that validation passed. A schema-1 file's single [event]
becomes the event "event"; a fact that names no event belongs to the first
one, and a speaker that names none speaks at any (in a file of one event, at it).
"""

from cqmin import compare, languages
from cqmin.domain import Kind, Measure, Qualifier, measure_of
from cqmin.model import LEGACY_EVENT, Baseline, Event, Fact, FactBase, Speaker, Text, Topic, Unit, field_types


def _text(value: dict) -> Text:
    return {code: value[code] for code in languages.codes() if code in value}


def _record(record: type, raw: dict, **given):
    """A record of model.py from its table in the file: each field its key, text in every language it has."""
    values = {}
    for name, (kind, _) in field_types(record).items():
        value = given[name] if name in given else raw.get(name)
        values[name] = _text(value) if kind == Text and value is not None else value
    return record(**values)


def build(data: dict, label: str) -> FactBase:
    raw_events = [{"id": LEGACY_EVENT, **data["event"]}] if data["schema"] == 1 else data["events"]
    events = [_record(Event, raw) for raw in raw_events]
    first = events[0].id  # a fact that names no event is the first event's (README, "Adding a press conference")
    only = first if len(events) == 1 else None  # a speaker that names none speaks at any; in a file of one, at it
    speakers = [_record(Speaker, raw, event=raw.get("event", only)) for raw in data["speakers"]]
    topics = [_record(Topic, raw) for raw in data["topics"]]
    units = {name: Unit(name, _text(value), measure_of(value)) for name, value in data["units"].items()}
    facts = [_fact(raw, units, first) for raw in data["facts"]]
    return FactBase(events, speakers, topics, facts, label)


def _figure(number: int | float | None) -> int | float | None:
    """A whole number as an int, however TOML wrote it: 2.55e7 is 25500000 in every output, -0.0 is 0."""
    if isinstance(number, float) and number.is_integer():
        return int(number)  # (validation keeps figures below 10^15: exact as an int and as a float)
    return number


def _fact(raw: dict, units: dict[str, Unit], first_event: str) -> Fact:
    unit = units[raw["unit"]]
    as_of = raw["as_of"] or None
    value = _figure(raw["value"])
    baseline = None
    if "baseline" in raw:
        before = raw["baseline"]
        baseline = Baseline(
            _figure(before["value"]), before["as_of"] or None, before["derived"], before.get("method") or None
        )
    return Fact(
        id=raw["id"],
        topic=raw["topic"],
        label=_text(raw["label"]),
        value=value,
        high=_figure(raw.get("high")),
        unit=unit,
        stated=raw["stated"],
        qualifier=Qualifier(raw["qualifier"]),
        kind=Kind(raw["kind"]),
        as_of=as_of,
        baseline=baseline,
        change=compare.change(value, as_of, baseline, relative=unit.measure is Measure.COUNT),
        event=raw.get("event", first_event),
        speaker=raw["speaker"] or None,
        quote=raw["quote"],
    )
