"""How plausibly a recogniser wrote ``heard`` where ``said`` was spoken (0..1).

The fitted model (:mod:`transcript_align.mishearing`) is used when the
package has it; otherwise spelling-and-sound likeness stands in for it, so
the repair steps that weigh a mishearing never depend on which is there.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache
from typing import cast

from .likeness import likeness
from .words import name_key, name_sound

Model = Callable[[str, str], float]


@lru_cache(maxsize=2)
def _model(name: str) -> Model | None:
    """The fitted mishearing model (``name``: its function), when the package ships one."""
    try:
        module = importlib.import_module("transcript_align.mishearing")
    except ImportError:
        return None
    return cast(Model | None, getattr(module, name, None))


@lru_cache(maxsize=200_000)
def misheard(said: str, heard: str) -> float:
    """How plausibly ``heard`` (transcript words) is what a recogniser made of ``said``."""
    return _scored(_model("misheard"), said, heard)


@lru_cache(maxsize=200_000)
def alike(said: str, heard: str) -> float:
    """:func:`misheard` without the model's prior against one common word heard as
    another: how alike they sound, for pairing the words beside a name one for one
    ("lost" heard "loss"), not for taking one for the other."""
    return _scored(_model("misheard_alike"), said, heard)


def _scored(model: Model | None, said: str, heard: str) -> float:
    if model is not None:
        return max(0.0, min(1.0, float(model(said, heard))))
    a, b = name_key(said), name_key(heard)
    if not a or not b:
        return 0.0
    return likeness(b, name_sound(b), a, name_sound(a))[0]
