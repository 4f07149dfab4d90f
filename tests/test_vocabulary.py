"""vocabulary.Vocabulary behaves as the (str, Enum) it replaces, where cqmin relies on it."""

import copy
import pickle
from enum import Enum

import pytest

from cqmin import domain
from cqmin.vocabulary import Vocabulary


class Light(Vocabulary):
    """A test vocabulary."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"

    def stops(self) -> bool:
        return self is not Light.GREEN


class EnumLight(str, Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


def test_members_are_their_words_as_a_str_enum_has_them():
    assert [(m.name, m.value) for m in Light] == [(m.name, m.value) for m in EnumLight]
    assert len(Light) == len(EnumLight) == 3
    for member, twin in zip(Light, EnumLight, strict=True):
        assert member == twin == member.value and hash(member) == hash(twin) == hash(member.value)
        assert isinstance(member, Light) and isinstance(member, str) and type(member.value) is str
        assert Light(member.value) is member and Light(member) is member  # one instance a word
        assert {member.value: 1}[member] == 1
    assert repr(Light.RED) == repr(EnumLight.RED).replace("EnumLight", "Light") == "<Light.RED: 'red'>"
    assert Light.RED.stops() and not Light.GREEN.stops()
    assert Light.__doc__ == "A test vocabulary."


def test_another_word_is_refused_as_enum_refuses_it():
    for word in ("blue", "RED", "", None, ["red"]):
        with pytest.raises(ValueError) as mine:
            Light(word)
        with pytest.raises(ValueError) as enums:
            EnumLight(word)
        assert str(mine.value) == str(enums.value).replace("EnumLight", "Light")


def test_a_member_is_printed_as_its_word_and_cannot_change():
    assert f"{Light.AMBER}" == str(Light.AMBER) == "amber" and f"{Light.RED:>5}" == "  red"
    with pytest.raises(AttributeError):
        Light.RED = "blue"
    with pytest.raises(AttributeError):
        Light.RED.value = "blue"
    assert Light.RED.value == "red" and Light("red") is Light.RED


def test_copies_and_pickles_are_the_member_itself():
    for member in Light:
        assert copy.copy(member) is member and copy.deepcopy([member])[0] is member
        assert pickle.loads(pickle.dumps(member)) is member


def test_a_class_body_is_checked():
    with pytest.raises(TypeError):

        class Numbers(Vocabulary):
            ONE = 1

    with pytest.raises(ValueError):

        class Twice(Vocabulary):
            A = "a"
            B = "a"


def test_the_domain_words_are_vocabularies():
    for words in (domain.Qualifier, domain.Kind, domain.Measure):
        assert issubclass(words, Vocabulary) and domain.values(words) == [member.value for member in words]
    assert domain.measure_of({"zh": "%", "en": "%"}) is domain.Measure.SHARE
