"""cqmin.json_text writes what json.dumps writes, to the byte, in every layout cqmin asks for."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqmin import json_text

LAYOUTS = [
    {"indent": 2},  # the json format
    {"separators": (",", ":")},  # ndjson, and a cell holding an object
    {},
    {"indent": 0},
    {"indent": 4, "separators": (", ", " = ")},
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),  # every code point: controls, surrogates, astral characters
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(st.text(), inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(VALUES, st.booleans(), st.sampled_from(LAYOUTS))
def test_writes_what_json_writes(value, ensure_ascii, layout):
    expected = json.dumps(value, ensure_ascii=ensure_ascii, allow_nan=False, **layout)
    assert json_text.dumps(value, ensure_ascii, **layout) == expected


class Word(str):
    """A str subclass (as a str-valued enum is): written as its text."""


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1, 2.5, -0.0, 1e-07, 1e22, True, None, "x"], "b": {}, "c": [], "d": {"e": [[]]}},
        [Word("养老"), {Word("k"): Word("v")}],
        '\u202e\x1b[31m\U0001f600\ud800\x7f\x00"\\\b\f\n\r\t\x1f é',
        12345678901234567890,
    ],
)
def test_known_shapes(value):
    for ensure_ascii in (True, False):
        for layout in LAYOUTS:
            assert json_text.dumps(value, ensure_ascii, **layout) == json.dumps(
                value, ensure_ascii=ensure_ascii, allow_nan=False, **layout
            )


@pytest.mark.parametrize("value", [{1: "a"}, {None: 1, True: 2, 1.5: 3}, {("t",): 1}, [object()], [math.nan], math.inf])
def test_what_it_leaves_to_json_fails_or_writes_as_json_does(value):
    try:
        expected = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=2)
    except (TypeError, ValueError) as error:
        with pytest.raises(type(error), match="^" + str(error).replace("(", r"\(").replace(")", r"\)") + "$"):
            json_text.dumps(value, False, indent=2)
    else:
        assert json_text.dumps(value, False, indent=2) == expected


def test_a_cycle_fails_as_json_fails():
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular reference"):
        json_text.dumps(cycle, False, indent=2)


def test_a_look_up_does_not_import_json():
    """The point of the module: the json package is not loaded to write JSON."""
    import subprocess
    import sys

    code = "import sys, cqmin.json_text as j; j.dumps({'a': [1, 'b']}, False, indent=2); print('json' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "False\n"


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(st.lists(VALUES, max_size=5), st.booleans(), st.sampled_from(LAYOUTS))
def test_an_array_in_pieces_is_what_json_writes_of_the_list(items, ensure_ascii, layout):
    expected = json.dumps(items, ensure_ascii=ensure_ascii, allow_nan=False, **layout)
    assert "".join(json_text.array(iter(items), ensure_ascii, **layout)) == expected


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_item_left_to_json_stands_at_its_depth(layout):
    """An item json.dumps writes for this writer (a key that is no string) is indented as an item of the array."""
    items = [{1: {"a": [1, 2]}}, {"b": {2: "c"}}]
    expected = json.dumps(items, ensure_ascii=False, allow_nan=False, **layout)
    assert "".join(json_text.array(items, False, **layout)) == expected


def test_an_array_takes_its_items_one_at_a_time():
    """A piece is written before the next item is made: a look-up holds one record, not all."""
    made = []

    def items():
        for number in range(3):
            made.append(number)
            yield {"n": number}

    pieces = json_text.array(items(), False, indent=2)
    assert next(pieces) == '[\n  {\n    "n": 0\n  }' and made == [0]
    assert next(pieces) == ',\n  {\n    "n": 1\n  }' and made == [0, 1]
    assert "".join(pieces) == ',\n  {\n    "n": 2\n  }\n]'


def test_a_text_indent_and_nan_where_allowed_are_json_s_own():
    """What the writer does not write itself comes out as json.dumps writes it: an indent given as text, in an
    array too, and NaN where the caller allows it (a cell holding an object, as json's default allows)."""
    items = [{"a": [1]}, 2]
    assert "".join(json_text.array(items, False, indent="\t")) == json.dumps(items, ensure_ascii=False, indent="\t")
    value = {"a": [math.nan, math.inf]}
    assert json_text.dumps(value, False, separators=(",", ":"), allow_nan=True) == '{"a":[NaN,Infinity]}'
