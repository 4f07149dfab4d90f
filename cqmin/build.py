"""A validated fact file built into the typed records of model.py: events, speakers, topics, facts.

Only ever given data that validation passed. A schema-1 file's single [event]
becomes the event "event"; a speaker or fact that names no event belongs to
the only one.
"""

from cqmin import compare, languages
from cqmin.domain import Kind, Measure, Qualifier, measure_of
from cqmin.model import Baseline, Event, Fact, FactBase, Speaker, Text, Topic, Unit
from cqmin.validation import LEGACY_EVENT


def _text(value: dict) -> Text:
    return {code: value[code] for code in languages.codes()}


def _optional_text(value: dict | None) -> Text | None:
    return _text(value) if value is not None else None


def build(data: dict, label: str) -> FactBase:
    raw_events = [{"id": LEGACY_EVENT, **data["event"]}] if data["schema"] == 1 else data["events"]
    events = [
        Event(
            raw["id"],
            _text(raw["title"]),
            _optional_text(raw.get("organizer")),
            raw["date"],
            _text(raw["place"]),
            _optional_text(raw.get("article")),
        )
        for raw in raw_events
    ]
    only = events[0].id if len(events) == 1 else None
    speakers = [
        Speaker(raw["id"], raw.get("event", only), _text(raw["name"]), _text(raw["role"]), _text(raw["department"]))
        for raw in data["speakers"]
    ]
    topics = [
        Topic(raw["id"], _text(raw["title"]), _text(raw["summary"]), raw.get("headline")) for raw in data["topics"]
    ]
    units = {name: Unit(name, _text(value), measure_of(value)) for name, value in data["units"].items()}
    facts = [_fact(raw, units, only) for raw in data["facts"]]
    return FactBase(events, speakers, topics, facts, label)


def _figure(number: int | float | None) -> int | float | None:
    """A whole number as an int, however TOML wrote it: 2.55e7 is 25500000 in every output, -0.0 is 0."""
    if isinstance(number, float) and number.is_integer():
        return int(number)  # (validation keeps figures below 10^15: exact as an int and as a float)
    return number


def _fact(raw: dict, units: dict[str, Unit], only_event: str | None) -> Fact:
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
        event=raw.get("event", only_event),
        speaker=raw["speaker"] or None,
        quote=raw["quote"],
    )
