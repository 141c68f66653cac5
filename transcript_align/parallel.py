"""Spreading independent checks (one per article, one per quote) over processes.

Only with the ``fork`` start method: workers then see the transcript index
and the articles without copying them, and start in milliseconds. Where fork
is not the safe default (Windows, macOS) or the work is small, everything
runs in this process. Results come back in input order, so output does not
depend on how the work was split.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
"""Below this many items a pool costs more than it saves."""

# Set in each forked worker by _start (a pool worker's own copy, never the
# parent's): what every call of the mapped function reads.
_shared: Any = None


def default_jobs() -> int:
    """How many processes to use when the caller does not say."""
    if sys.platform != "linux":
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def map_shared(
    fn: Callable[[Any, T], R],
    items: Sequence[T],
    shared: Any,
    *,
    jobs: int | None = None,
) -> list[R]:
    """``[fn(shared, item) for item in items]``, over ``jobs`` processes when worth it.

    ``fn`` must be a module-level function (it is sent to the workers by
    name); ``shared`` is inherited by the forked workers, never copied.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if (
        jobs == 1
        or len(items) < MIN_ITEMS
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1  # forking a threaded process can deadlock
    ):
        return [fn(shared, item) for item in items]
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (jobs * 8))
    # The workers' garbage collections must not walk the objects they inherit: that
    # would copy every page of this process into each of them (copy-on-write).
    # (A caller that froze objects itself keeps them frozen.)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        with context.Pool(jobs, initializer=_start, initargs=(shared,)) as pool:
            return pool.map(_Call(fn), items, chunksize=chunk)
    finally:
        if freeze:
            gc.unfreeze()


def _start(shared: Any) -> None:
    global _shared
    _shared = shared


class _Call:
    """A picklable ``item -> fn(shared, item)`` for the pool."""

    def __init__(self, fn: Callable[[Any, Any], Any]) -> None:
        self.fn = fn

    def __call__(self, item: Any) -> Any:
        return self.fn(_shared, item)
