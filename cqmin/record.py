"""Records declared as typing.NamedTuple declares them, without importing typing.

Every record of cqmin (model.py's facts, the results, a search hit) is a named
tuple declared as a class: its fields with their types and defaults, then its
methods. typing.NamedTuple does that, but importing typing costs a look-up about
3 ms of the 40 it takes, more than anything else it imports. `Record` builds
the same class on collections.namedtuple (which `re` has imported already):

    class Unit(Record):
        id: str
        name: Text | None = None

        def named(self) -> str: ...

Fields, defaults, `_fields`, `_replace`, `_asdict`, the annotations and the
methods are typing.NamedTuple's; type checkers see typing.NamedTuple itself.
"""

import collections

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: type checkers read the name

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:

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
            record = collections.namedtuple(name, fields, defaults=defaults, module=namespace.get("__module__"))
            # The class body's methods and attributes go onto the named tuple itself, as typing.NamedTuple puts
            # them: one class a record, not a subclass of a named tuple (3.5 KiB less for each of the 14
            # records a look-up loads).
            for key, value in namespace.items():
                if key == "__classcell__":  # a method that calls super() or names __class__: this class
                    value.cell_contents = record
                elif key not in fields:
                    setattr(record, key, value)
            return record

    class Record(metaclass=_RecordType):
        """The base of a record class; see the module's docstring."""
