"""Pausing the cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]


_lock = threading.Lock()
# CPython has had both since 3.7; an interpreter without them skips the hand-over.
_HAND_OVER = hasattr(gc, "freeze") and hasattr(gc, "get_freeze_count")
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Loading a document or building an index allocates many small objects and no
    reference cycles, yet every automatic collection would walk all of them again.
    Reference counting still frees everything as usual; only cycle detection waits.

    The pause is shared: blocks nest, in one thread or across threads, and the
    collector is switched back on when the last block ends, only if it was on when
    the first began (a caller who switched it off keeps it off).

    When the collector is switched back on, the objects still tracked join its
    oldest generation (:func:`gc.freeze` then :func:`gc.unfreeze`, both of
    constant cost), as they would have after surviving the collections the pause
    put off. Left in the youngest, they would all be walked by the first
    allocation after the block, a cost in proportion to what was loaded. This is
    skipped when objects are already frozen (a program that froze its own, before
    forking say, keeps them frozen).
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                if _HAND_OVER and gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()
