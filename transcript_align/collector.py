"""The garbage collector during a run: paused.

A run allocates millions of tuples and lists (alignment cells, ops, word
pairs, the records it keeps) that form no reference cycles, so reference
counting frees all of them that die. Most of those the collector walks
survive (they are the results being built), so its walks were work for
nothing: about a tenth of a run at 30k words even with the youngest
generation collected only every 50,000 allocations, and more the longer the
input (each walk of the older generations covers all that was kept). With
the collector paused, the peak memory of the runs at 30k and 120k words
stayed the same (there is no cyclic garbage to speak of), and no output
changes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collections() -> Iterator[None]:
    """No automatic collections inside the block; the caller's setting comes back after
    (a caller who had paused the collector keeps it paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:  # (a caller's own frozen objects stay frozen)
                # What the run made and kept goes to the oldest generation as it is: else
                # the first collection after this walks all of it at once (a fifth of a
                # second at 30k words). Cyclic garbage there is still found, by the next
                # full collection.
                gc.freeze()
                gc.unfreeze()
            gc.enable()
