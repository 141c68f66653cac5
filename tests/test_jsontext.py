"""The indented JSON writer gives the standard library's text, byte for byte."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcript_align.jsontext import dumps_indented

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=30,
)


def _standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


@given(_values)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert dumps_indented(value) == _standard(value)


@pytest.mark.parametrize(
    "value",
    [
        {"a": -0.0, "b": 1e16, "c": 1e-7, "d": 2**70, "e": '\x00\x1f\u2028"\\/é'},
        {"": [[], {}, [{}]], "x": [[1, [2, [3]]]]},
        {1: "int key", None: "none key"},  # keys json.dumps converts: left to it
        [True, 1, 1.0],
    ],
)
def test_edge_values(value: Any) -> None:
    assert dumps_indented(value) == _standard(value)


def test_subclasses_are_left_to_the_standard_library() -> None:
    class Label(str):
        pass

    assert dumps_indented({"k": Label("v")}) == _standard({"k": Label("v")})


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf")])
def test_numbers_json_cannot_hold_raise_as_json_dumps_does(number: float) -> None:
    with pytest.raises(ValueError):
        dumps_indented({"score": number})


def test_lazy_lists_are_written_as_their_items() -> None:
    from transcript_align.jsontext import Lazy

    made = {"a": Lazy(lambda: iter([1, {"b": [2, 3]}, "c"])), "e": Lazy(lambda: iter(()))}
    plain = {"a": [1, {"b": [2, 3]}, "c"], "e": []}
    assert dumps_indented(made) == _standard(plain)


def test_lazy_lists_left_to_the_standard_library_are_made_anew() -> None:
    from transcript_align.jsontext import Lazy

    class Label(str):
        pass

    made = {"a": Lazy(lambda: iter(["x", Label("y")]))}
    assert dumps_indented(made) == _standard({"a": ["x", Label("y")]})
