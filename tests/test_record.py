"""record.Record: the class syntax of typing.NamedTuple, without importing typing (which costs a look-up 3 ms)."""

import pickle
import typing

import pytest

from cqmin.record import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0
    label: str | None = None

    def moved(self, by: int) -> "Point":
        return self._replace(x=self.x + by)


def test_a_record_is_what_typing_namedtuple_would_make():
    class Same(typing.NamedTuple):
        x: int
        y: int = 0
        label: str | None = None

    point = Point(1)
    assert point == (1, 0, None) == Same(1) and isinstance(point, tuple)
    assert Point._fields == Same._fields and Point._field_defaults == Same._field_defaults
    assert Point.__annotations__ == Same.__annotations__  # what model.field_types and contract read
    assert point.moved(2) == Point(3) and point._asdict() == {"x": 1, "y": 0, "label": None}
    assert repr(point) == "Point(x=1, y=0, label=None)" and Point.__doc__ == "A point."
    assert pickle.loads(pickle.dumps(point)) == point and type(pickle.loads(pickle.dumps(point))) is Point
    with pytest.raises(AttributeError):
        point.x = 2  # immutable
    with pytest.raises(AttributeError):
        point.other = 2  # and no __dict__: a record is as small as its tuple
    with pytest.raises(TypeError):
        Point()  # x has no default


def test_a_field_without_a_default_after_one_with_a_default_is_refused_as_namedtuple_refuses_it():
    with pytest.raises(TypeError):

        class Wrong(Record):
            x: int = 0
            y: int


def test_a_record_is_one_class_whose_methods_may_name_it():
    """A record is one class (its body's methods its own), whose named-tuple methods every record shares; a
    method that names __class__ (or calls super()) finds its class."""

    class Named(Record):
        name: str

        def kind(self) -> type:
            return __class__

        def parent(self) -> str:
            return super().__repr__()

    assert Named("x").kind() is Named and Named("x").parent() == "Named(name='x')"
    assert [cls for cls in Named.__mro__ if "kind" in vars(cls)] == [Named] and Named.__mro__[-2:] == (tuple, object)
    assert Named._replace is Point._replace and Named.__repr__ is Point.__repr__  # (written once, not per class)


def test_a_record_that_redefines_a_method_of_namedtuple_is_what_typing_namedtuple_would_make():
    class Shown(Record):
        name: str

        def __repr__(self) -> str:
            return "<" + tuple.__repr__(self) + ">"

    class Same(typing.NamedTuple):
        name: str

        def __repr__(self) -> str:
            return "<" + tuple.__repr__(self) + ">"

    assert repr(Shown("x")) == repr(Same("x")) == "<('x',)>"


def test_a_record_s_constructor_takes_what_typing_s_takes():
    class Same(typing.NamedTuple):
        x: int
        y: int = 0
        label: str | None = None

    for args, kwargs in [((1,), {}), ((1, 2), {"label": "a"}), ((), {"x": 3, "y": 4})]:
        assert Point(*args, **kwargs) == Same(*args, **kwargs)
    for args, kwargs in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"z": 2}), ((1,), {"x": 2})]:
        with pytest.raises(TypeError):
            Same(*args, **kwargs)
        with pytest.raises(TypeError):
            Point(*args, **kwargs)
    assert Point._make([1, 2, "a"]) == Point(1, 2, "a") and Point.__match_args__ == Same.__match_args__
    with pytest.raises(TypeError):
        Point._make([1])
    with pytest.raises(ValueError, match="unexpected field names"):
        Point(1)._replace(z=3)
    assert Point.x.__doc__ == Same.x.__doc__ and Point(1).__getnewargs__() == (1, 0, None)


def test_a_record_s_mistakes_and_copies_read_as_namedtuple_s():
    import copy

    with pytest.raises(TypeError, match=r"^Point\.__new__\(\) missing 1 required positional argument: 'x'$"):
        Point()
    if hasattr(copy, "replace"):  # Python 3.13
        assert copy.replace(Point(1), y=2) == Point(1, 2)
