"""Spreading independent checks (one per article, one per quote) over processes.

Only with the ``fork`` start method: helpers then see the transcript index
and the articles without copying them, and start in milliseconds. Where fork
is not the safe default (Windows, macOS) or the work is small, everything
runs in this process. Results come back in input order, so output does not
depend on how the work was split.

This process can work too (``here``): with ``jobs`` processes it forks
``jobs - 1`` helpers, and all of them take the next chunk of items from one
shared counter until none is left. Only the helpers' results are pickled (a
pool of ``jobs`` workers pickled every result while this process waited
idle). What this process computes on the way stays in it, though: where
that would raise its peak memory, the caller leaves the items to ``jobs``
helpers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

MIN_ITEMS = 64
"""Below this many items a helper process costs more than it saves."""
CHUNKS_PER_PROCESS = 64
"""Chunks per process: enough that no process waits long for the last one of another
(taking a chunk costs one lock, not a message to a pool)."""


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
    here: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    """``[fn(shared, item) for item in items]``, over ``jobs`` processes when worth it.

    ``shared`` and ``items`` are inherited by the forked helpers, never copied;
    what ``fn`` returns in a helper must pickle. ``here``: whether this process takes
    items too (``jobs - 1`` helpers), or leaves them all to ``jobs`` helpers and only
    waits: what the items leave behind (caches, freed memory this process keeps) then
    stays out of this process. ``meanwhile``: work for this process while helpers run
    (before it takes items of its own), done only when helpers are forked: a cache a
    later step fills anyway, filled while this process would otherwise wait.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, len(items))
    if len(items) < MIN_ITEMS or not _forks(jobs):
        return [fn(shared, item) for item in items]
    return _forked(fn, items, shared, jobs, here, meanwhile)


def in_parallel(
    there: Callable[[], R], here: Callable[[], S], *, jobs: int | None = None
) -> tuple[R, S]:
    """``(there(), here())``: ``there`` in a forked helper while this process runs ``here``.

    For two independent steps of one stage (neither a list of like items that
    :func:`map_shared` would split). What ``there`` returns must pickle, so it
    should be the smaller result; in one process the two run one after the other.
    """
    if not _forks(default_jobs() if jobs is None else max(1, jobs)):
        return there(), here()

    def work(into: dict[int, R]) -> None:
        into[0] = there()

    theirs, mine = _with_helpers(work, 1, here)
    return theirs[0], mine


def _forks(jobs: int) -> bool:
    """Whether ``jobs`` processes can be had by forking helpers: more than one asked, the
    fork start method there, and no other thread running (forking one can deadlock)."""
    return (
        jobs > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() <= 1
    )


def _forked(
    fn: Callable[[Any, T], R],
    items: Sequence[T],
    shared: Any,
    jobs: int,
    here: bool,
    meanwhile: Callable[[], object] | None = None,
) -> list[R]:
    size = max(1, len(items) // (jobs * CHUNKS_PER_PROCESS))
    chunks = [(a, min(a + size, len(items))) for a in range(0, len(items), size)]
    taken = multiprocessing.get_context("fork").Value("l", 0)  # the next chunk not yet taken

    def take() -> int:
        with taken.get_lock():
            k = int(taken.value)
            taken.value = k + 1
        return k

    def work(into: dict[int, list[R]]) -> None:
        k = take()
        while k < len(chunks):
            a, b = chunks[k]
            into[k] = [fn(shared, items[i]) for i in range(a, b)]
            k = take()

    mine: dict[int, list[R]] = {}

    def local() -> None:
        if meanwhile is not None:
            meanwhile()
        if here:
            work(mine)

    theirs, _ = _with_helpers(work, jobs - 1 if here else jobs, local)
    done = {**theirs, **mine}
    return [r for k in range(len(chunks)) for r in done[k]]


def _with_helpers(
    work: Callable[[dict[int, Any]], None], helpers: int, here: Callable[[], S]
) -> tuple[dict[int, Any], S]:
    """``work`` in ``helpers`` forked helpers while this process runs ``here``: what the
    helpers put in their dicts, merged, and what ``here`` returns."""
    context = multiprocessing.get_context("fork")
    # The helpers' garbage collections must not walk the objects they inherit: that
    # would copy every page of this process into each of them (copy-on-write).
    # (A caller that froze objects itself keeps them frozen.)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    started: list[tuple[Any, Connection]] = []
    try:
        for _ in range(helpers):
            receive, send = context.Pipe(duplex=False)
            helper = context.Process(target=_helper, args=(work, send), daemon=True)
            started.append((helper, receive))
            try:
                helper.start()
            finally:
                send.close()
        mine = here()
        theirs: dict[int, Any] = {}
        for helper, receive in started:
            theirs.update(_results(receive))
            helper.join()
    finally:
        for helper, receive in started:
            _close(helper, receive)
        if freeze:
            gc.unfreeze()
    return theirs, mine


def _close(helper: Any, receive: Connection) -> None:
    """A helper's pipe closed and the helper gone, stopped if it still runs (an error here)."""
    receive.close()
    if helper.is_alive():
        helper.terminate()
        helper.join()


def _helper(work: Callable[[dict[int, Any]], None], send: Connection) -> None:
    """A forked helper: its chunks' results (or what went wrong) back to the parent."""
    try:
        mine: dict[int, Any] = {}
        work(mine)
        message: tuple[str, Any] = ("done", mine)
    except BaseException as error:  # sent to the parent, which raises it
        message = ("error", (error, traceback.format_exc()))
    try:
        send.send(message)
    except Exception:  # the error (or a result) does not pickle: send its text
        send.send(("error", (None, traceback.format_exc())))
    finally:
        send.close()


def _results(receive: Connection) -> dict[int, Any]:
    try:
        kind, payload = receive.recv()
    except EOFError:
        raise RuntimeError("a helper process ended without sending its results") from None
    if kind == "done":
        return payload  # type: ignore[no-any-return]
    error, text = payload
    if isinstance(error, BaseException):
        raise error
    raise RuntimeError(f"a helper process failed:\n{text}")
