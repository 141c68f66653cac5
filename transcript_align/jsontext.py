"""JSON text indented by two spaces, as ``json.dumps`` writes it, in half the time.

With ``indent`` set, the standard library encodes in Python through nested
generators (its C encoder writes compact JSON only) and joins a list of
every piece at the end: a tenth of a second and 22 MB at the peak for the
report of a 30,000-word hearing (3.6 MB of text), more at 120,000. This
writer does the same walk for the plain values a report is made of, joining
each item of the outer lists as it goes (0.05 s, 12 MB); anything else (a
subclass, a non-string key, a number JSON cannot hold) is left to
``json.dumps``, so the text is always the standard library's, byte for byte.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring  # the C version when there is one
from typing import Any

_JOINED_DEPTH = len("\n    ")
"""Items of lists this deep or less (a report's quotes, segments) are joined one by one."""
_float_text = float.__repr__
_int_text = int.__repr__


class Lazy:
    """A list for :func:`dumps_indented` whose items are made as they are written
    (``make`` gives them anew each time it is called)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self.make())


class _Unusual(Exception):
    """A value this writer leaves to ``json.dumps``."""


def dumps_indented(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)``, a
    :class:`Lazy` in ``value`` written as the list of its items.

    >>> print(dumps_indented({"a": [1, 2.5, None], "b": {}, "c": "é\\n"}))
    {
      "a": [
        1,
        2.5,
        null
      ],
      "b": {},
      "c": "é\\n"
    }
    """
    parts: list[str] = []
    try:
        _write(value, parts, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(
            value, ensure_ascii=False, indent=2, allow_nan=False, default=_materialized
        )
    return "".join(parts)


def _materialized(value: Any) -> Any:
    """What ``json.dumps`` writes for a :class:`Lazy` list: its items."""
    if isinstance(value, Lazy):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _write(value: Any, out: list[str], newline: str) -> None:
    """Append the text of ``value`` to ``out`` at the indentation that ``newline`` carries
    (a list, not its ``append``: compiled, appending to it is a call in C)."""
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif kind is dict:
        mapping: dict[Any, Any] = value  # typed, for the compiled build's dict iteration
        if not mapping:
            out.append("{}")
            return
        inner = newline + "  "
        opening = "{" + inner
        for key, item in mapping.items():
            if type(key) is not str:
                raise _Unusual
            out.append(opening + encode_basestring(key) + ": ")
            opening = "," + inner
            _write(item, out, inner)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        joined = len(inner) <= _JOINED_DEPTH
        for item in value:
            out.append(opening)
            opening = "," + inner
            if joined:  # one string per item: not millions of small ones alive at once
                parts: list[str] = []
                _write(item, parts, inner)
                out.append("".join(parts))
            else:
                _write(item, out, inner)
        out.append(newline + "]")
    elif kind is Lazy:
        inner = newline + "  "
        opening = "[" + inner
        for item in value:
            out.append(opening)
            opening = "," + inner
            parts = []
            _write(item, parts, inner)
            out.append("".join(parts))
        out.append("[]" if opening[0] == "[" else newline + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(_int_text(value))
    elif kind is float and math.isfinite(value):
        out.append(_float_text(value))
    else:
        raise _Unusual
