"""Records declared as typing.NamedTuple declares them, without importing typing.

Every record of cqmin (model.py's facts, the results, a search hit) is a named
tuple declared as a class: its fields with their types and defaults, then its
methods. typing.NamedTuple does that, but importing typing costs a look-up about
3 ms of the 40 it takes, more than anything else it imports. `Record` builds
the same class as collections.namedtuple builds one, but with the methods that
work by the fields (_make, _replace, _asdict, __repr__) written once for all:

    class Unit(Record):
        id: str
        name: Text | None = None

        def named(self) -> str: ...

Fields, defaults, `_fields`, `_replace`, `_asdict`, the annotations and the
methods are typing.NamedTuple's; type checkers see typing.NamedTuple itself.
"""

from cqmin import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    try:
        from _collections import _tuplegetter
    except ImportError:  # another Python
        from operator import itemgetter

        def _tuplegetter(index: int, doc: str):
            return property(itemgetter(index), doc=doc)

    class _Fielded(tuple):
        """What a named tuple does by its fields, written once for every record: collections.namedtuple makes
        these anew for each class (2.7 KiB a class, on the 16 records a look-up loads)."""

        __slots__ = ()
        _fields: tuple[str, ...] = ()

        @classmethod
        def _make(cls, iterable):
            made = tuple.__new__(cls, iterable)
            if len(made) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
            return made

        def _replace(self, /, **changes):
            made = self._make(map(changes.pop, self._fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return made

        def __repr__(self) -> str:
            shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({shown})"

        __replace__ = _replace  # copy.replace (Python 3.13), as namedtuple has it

        def _asdict(self) -> dict:
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self) -> tuple:
            return tuple(self)

    def _constructor(name: str, fields: list[str], defaults: list):
        """A record's __new__, compiled for its fields as collections.namedtuple compiles one: keyword arguments,
        defaults and errors as a function's, at the speed of one."""
        arguments = ", ".join(fields) + ("," if len(fields) == 1 else "")
        namespace = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": f"namedtuple_{name}"}
        constructor = eval(f"lambda _cls, {arguments}: _tuple_new(_cls, ({arguments}))", namespace)
        constructor.__name__, constructor.__qualname__ = "__new__", f"{name}.__new__"  # (as errors name it)
        constructor.__doc__ = f"Create new instance of {name}({', '.join(fields)})"
        constructor.__defaults__ = tuple(defaults) or None
        return constructor

    class _RecordType(type):
        """Makes each subclass of Record a named tuple of the fields its class body annotates."""

        def __new__(cls, name, bases, namespace):
            if not bases:  # Record itself
                return super().__new__(cls, name, bases, namespace)
            annotations = namespace.get("__annotations__")
            if annotations is None and "__annotate__" in namespace:  # Python 3.14 (PEP 649): made when asked
                annotations = namespace["__annotate__"](1)  # (1: annotationlib.Format.VALUE)
            fields = list(annotations or {})
            defaults = [namespace[field] for field in fields if field in namespace]
            if any(field not in namespace for field in fields[len(fields) - len(defaults) :]):
                raise TypeError(f"{name}: a field without a default follows one with a default")
            if any(field.startswith("_") for field in fields):
                raise ValueError(f"{name}: field names cannot start with an underscore")
            # One class a record, its body's methods its own, as typing.NamedTuple makes it (type() sets the
            # __class__ of a method that calls super()).
            body = {key: value for key, value in namespace.items() if key not in fields}
            body.setdefault("__doc__", f"{name}({', '.join(fields)})")
            body.update(
                __slots__=(), _fields=tuple(fields), __match_args__=tuple(fields),
                _field_defaults=dict(zip(fields[len(fields) - len(defaults) :], defaults, strict=True)),
                __new__=_constructor(name, fields, defaults),
            )  # fmt: skip
            for index, field in enumerate(fields):
                body[field] = _tuplegetter(index, f"Alias for field number {index}")
            return type(name, (_Fielded,), body)

    class Record(metaclass=_RecordType):
        """The base of a record class; see the module's docstring."""
