"""The garbage collector during a run: rarer collections of the youngest objects.

A run allocates millions of short-lived tuples and lists (alignment cells,
ops, word pairs) that form no reference cycles, so reference counting frees
them all. CPython still walks the young generation every 700 container
allocations, which was about a tenth of a run's time; every 50,000 costs a
few megabytes at most and no output changes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000
"""Container allocations between collections of the youngest generation while aligning."""


@contextmanager
def rarer_collections(threshold: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Collect the youngest generation at most every ``threshold`` allocations inside the
    block (never more often than the caller had it); the caller's settings come back after."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], threshold), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
