"""Closed sets of words (a qualifier, a kind of figure), declared as a str Enum declares them, without enum.

    class Kind(Vocabulary):
        ACHIEVED = "achieved"
        TARGET = "target"

Each UPPER_CASE name of the class body is a member: one instance of the class,
a str equal to its value, with `.name` and `.value`, as `class Kind(str, Enum)`
makes it. `Kind("target")` is `Kind.TARGET` (a ValueError for any other word),
`list(Kind)` the members in their order, and `is` compares them. Importing enum
would bring functools and collections with it: 0.8 MiB and about 3 ms of a
look-up, which needs none of them (tests/test_quick.py watches that it stays so).
Unlike a (str, Enum) member, a member prints as its value, as StrEnum's do
(Python 3.11), on every Python.
"""

from cqmin import TYPE_CHECKING

if TYPE_CHECKING:
    from enum import Enum

    class Vocabulary(str, Enum):
        """Type checkers see a str Enum."""

else:

    class _VocabularyType(type):
        """Makes the UPPER_CASE names of each subclass's body its members, and reads a word as its member."""

        def __new__(cls, name, bases, namespace):
            words = {key: value for key, value in namespace.items() if key.isupper() and not key.startswith("_")}
            body = {key: value for key, value in namespace.items() if key not in words}
            made = super().__new__(cls, name, bases, body)
            made._members = {}  # by value, in the order of the class body
            for key, value in words.items():
                if not isinstance(value, str):
                    raise TypeError(f"{name}.{key}: a word is a str, not {type(value).__name__}")
                if value in made._members:
                    raise ValueError(f"{name}.{key}: {value!r} is already {made._members[value].name}")
                member = str.__new__(made, value)
                member.name, member.value = key, value
                made._members[value] = member
                type.__setattr__(made, key, member)
            return made

        def __call__(cls, value):
            try:
                return cls._members[value]
            except (KeyError, TypeError):  # (TypeError: unhashable)
                raise ValueError(f"{value!r} is not a valid {cls.__name__}") from None

        def __iter__(cls):
            return iter(list(cls._members.values()))

        def __len__(cls) -> int:
            return len(cls._members)

        def __setattr__(cls, key, value):
            if isinstance(cls.__dict__.get(key), cls):
                raise AttributeError(f"cannot reassign member {key!r}")
            super().__setattr__(key, value)

    class Vocabulary(str, metaclass=_VocabularyType):
        """The base of a set of words; see the module's docstring."""

        def __repr__(self) -> str:
            return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

        def __str__(self) -> str:
            return self.value

        def __format__(self, spec: str) -> str:
            return format(self.value, spec)

        def __reduce__(self):  # (pickle and copy give the member itself, not a new str)
            return type(self), (self.value,)

        def __copy__(self):
            return self

        def __deepcopy__(self, memo):
            return self

        def __setattr__(self, key, value):
            if "value" in self.__dict__:
                raise AttributeError(f"a {type(self).__name__} cannot change")
            super().__setattr__(key, value)
