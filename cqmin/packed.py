"""A fact base in the cache's form: parts of plain tuples, unpacked as a command asks for them.

Each record packs to the tuple of its fields, in their declared order (model.py):
a word (vocabulary.py) as its value, a record within it as its own tuple, and a unit, which many
facts share, as its id. The parts, each read from the cache on its own (cache.Parts):

    "core"          events, speakers, topics and units, and which topics have facts
    "facts:TOPIC"   each fact of the topic, by id: (its place in the base, its tuple, marshalled)

A fact's id starts with its topic's (validate holds it so), so `show ID` reads one
part and unpacks one fact, a topic command its topic's, `export` every part, in
the base's order. A fact part found damaged (absent, corrupt, not a fact) is not
served: the base is rebuilt from its file (`rebuild`), and the command goes on.
"""

import marshal

from cqmin import TYPE_CHECKING
from cqmin.model import Event, Fact, FactBase, Facts, Speaker, Topic, Unit, field_types, is_record
from cqmin.vocabulary import Vocabulary

if TYPE_CHECKING:  # (collections.abc imports collections: 0.4 MiB that a look-up does without)
    from collections.abc import Callable

REFERENCED = {Unit}  # records stored once, in the core, and named by id within facts
CORE = {"events": Event, "speakers": Speaker, "topics": Topic}  # with the units, the core's tables
FACTS = "facts:"  # a topic's part is FACTS + its id
_INFINITE = float("inf")  # (NaN is no number between the infinities either)
DAMAGED = (KeyError, TypeError, ValueError, EOFError, IndexError)  # what unpacking a part that is not one raises


def pack(base: FactBase) -> dict:
    """The base as the cache's parts."""
    core = {name: [_packer(record)(item) for item in getattr(base, name)] for name, record in CORE.items()}
    core["units"] = [_packer(Unit)(unit) for unit in base.units()]
    fact = _packer(Fact)
    parts: dict[str, dict] = {}
    for place, item in enumerate(base.facts):
        parts.setdefault(FACTS + item.topic, {})[item.id] = (place, marshal.dumps(fact(item)))
    core["fact_topics"] = [name.removeprefix(FACTS) for name in parts]
    return {"core": core, **parts}


def unpack(read: "Callable[[str], object]", label: str, rebuild: "Callable[[], FactBase]") -> FactBase:
    """A base from its parts (`read(name)`: a part, or None); raises one of DAMAGED if the core is not one.
    `rebuild()` gives the base from its file, should a part of facts, or a unit (unpacked when a fact names
    it), prove damaged later."""
    core = read("core")
    units = _OnDemand({item[0]: item for item in core["units"]}, _unpacker(Unit, {}))  # (a unit's id is first)
    references = {Unit: units}
    unpackers = {name: _unpacker(record, references) for name, record in CORE.items()}  # (one for each table)
    tables = {name: [unpackers[name](item) for item in core[name]] for name in CORE}
    topics = core["fact_topics"]
    if not (isinstance(topics, list) and all(isinstance(topic, str) for topic in topics)):
        raise TypeError("fact_topics")
    facts = StoredFacts(read, topics, _unpacker(Fact, references), rebuild)
    # The units, should they be asked for (to pack the base again): those of its facts, in their order, as the
    # packed list has them (pack: base.units()).
    base = FactBase(tables["events"], tables["speakers"], tables["topics"], facts, label)
    facts.owner = base  # (which adopts the rebuilt base whole, should a part prove damaged)
    return base


class _OnDemand(dict):
    """Records by id, each unpacked from its tuple when first asked for: a topic's facts name a few of the base's
    units. A tuple that is no record raises one of DAMAGED then, as a fact's own fields do."""

    def __init__(self, packed: dict, unpack) -> None:
        super().__init__()
        self._packed, self._unpack = packed, unpack

    def __missing__(self, key: str):
        made = self[key] = self._unpack(self._packed[key])
        return made


class StoredFacts(Facts):
    """A base's facts read from the cache's parts topic by topic, and unpacked fact by fact, as they are asked
    for; the base rebuilt from its file, should a part prove damaged."""

    def __init__(self, read, topics: list[str], unpack_fact, rebuild) -> None:
        self._read, self._topics, self._unpack, self._rebuild = read, topics, unpack_fact, rebuild
        self._packed: dict[str, dict] = {}  # a topic's part, as read
        self._unpacked: dict[str, Fact] = {}
        self._rebuilt: Facts | None = None
        self.owner: FactBase | None = None

    def all(self) -> list[Fact]:
        return self._served(lambda: self._in_order(self._topics), lambda rebuilt: rebuilt.all())

    def get(self, fact_id: str) -> Fact | None:
        return self._served(lambda: self._one(fact_id), lambda rebuilt: rebuilt.get(fact_id))

    def of_topic(self, topic_id: str) -> list[Fact]:
        return self._served(lambda: self._in_order([topic_id]), lambda rebuilt: rebuilt.of_topic(topic_id))

    def scan(self, visit) -> list:
        return self._served(lambda: self._scanned(visit), lambda rebuilt: rebuilt.scan(visit))

    def _scanned(self, visit) -> list:
        """What `visit` makes of each fact, in the base's order: a fact not unpacked yet is unpacked for it and
        not kept, and a part not read yet is read for it and not kept (a search keeps a few of every fact).
        Nothing is returned until the scan is whole: should a fact prove damaged, what `visit` made of those
        before it is dropped, and the rebuilt base is scanned again, whole (so `visit` must be free of
        side effects)."""
        found = []
        for topic in self._topics:
            part = self._packed[topic] if topic in self._packed else self._read_part(topic)
            for ident, (place, data) in part.items():
                made = visit(self._fact(place, ident, data, keep=False))
                if made is not None:
                    found.append((place, made))
        return [made for _, made in sorted(found, key=_first)]

    def _served(self, answer, otherwise):
        """answer(), from the parts; or, once a part has proved damaged, otherwise(the rebuilt base's facts)."""
        if self._rebuilt is None:
            try:
                return answer()
            except DAMAGED:
                rebuilt = self._rebuild()
                self._rebuilt = Facts(rebuilt.facts)
                if self.owner is not None:
                    self.owner.adopt(rebuilt)
        return otherwise(self._rebuilt)

    def _one(self, fact_id: str) -> Fact | None:
        entry = self._part(fact_id.partition(".")[0]).get(fact_id)  # (a fact's id starts with its topic's)
        return None if entry is None else self._fact(entry[0], fact_id, entry[1])

    def _in_order(self, topics: list[str]) -> list[Fact]:
        """The facts of these topics, in the base's order. A topic's part, once all its facts are unpacked, keeps
        only their places: `export` unpacks every fact, and would otherwise hold each twice."""
        placed = []
        for topic in topics:
            part = self._part(topic)
            placed += [(place, self._fact(place, ident, data)) for ident, (place, data) in part.items()]
            self._packed[topic] = {ident: (place, None) for ident, (place, _) in part.items()}
        return [fact for _, fact in sorted(placed, key=_first)]

    def _part(self, topic: str) -> dict:
        if topic not in self._packed:
            self._packed[topic] = self._read_part(topic) if topic in self._topics else {}
        return self._packed[topic]

    def _read_part(self, topic: str) -> dict:
        part = self._read(FACTS + topic)
        if not isinstance(part, dict):
            raise ValueError(f"the part of {topic!r}")
        return part

    def _fact(self, place: int, fact_id: str, data: bytes, keep: bool = True) -> Fact:
        """A fact unpacked, once (`place`, its place in the base, orders `all`); kept for the next ask unless not
        `keep` (a scan's)."""
        fact = self._unpacked.get(fact_id)
        if fact is None:
            if not isinstance(place, int):
                raise TypeError("place")
            fact = self._unpack(marshal.loads(data))
            if keep:
                self._unpacked[fact_id] = fact
        return fact


def _first(pair: tuple):
    return pair[0]


def _packer(record: type):
    steps = []
    for kind, _ in field_types(record).values():
        if kind in REFERENCED:
            steps.append(lambda value: value.id)
        elif isinstance(kind, type) and issubclass(kind, Vocabulary):
            steps.append(lambda value: value.value)
        elif is_record(kind):
            inner = _packer(kind)
            steps.append(lambda value, inner=inner: None if value is None else inner(value))
        else:
            steps.append(None)
    return lambda item: tuple(value if step is None else step(value) for value, step in zip(item, steps, strict=True))


def _unpacker(record: type, references: dict):
    """A function from a packed tuple to the record; it raises (KeyError, TypeError, ValueError) if it is not one."""
    steps = []
    for kind, optional in field_types(record).values():
        if kind in REFERENCED:
            steps.append(references[kind].__getitem__)
        elif isinstance(kind, type) and issubclass(kind, Vocabulary):
            steps.append(kind)
        elif is_record(kind):
            inner = _unpacker(kind, references)
            steps.append((lambda value, inner=inner: None if value is None else inner(value)) if optional else inner)
        elif kind is float:
            steps.append(_figure)
        else:
            steps.append(None)
    size = len(steps)

    def unpack(values) -> tuple:
        if len(values) != size:
            raise ValueError(f"a {record.__name__} of {len(values)} fields, not {size}")
        return record(*[value if step is None else step(value) for value, step in zip(values, steps, strict=True)])

    return unpack


def _figure(number):
    """A number as validation lets through (or None): an entry with NaN or text for a figure is not a base."""
    if number is not None and (isinstance(number, bool) or not -_INFINITE < number < _INFINITE):  # TypeError: text
        raise ValueError(f"not a figure: {number!r}")
    return number
