"""Pausing the cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Loading a document or building an index allocates many small objects and no
    reference cycles, yet every automatic collection would walk all of them again.
    Reference counting still frees everything as usual; only cycle detection waits.
    The collector is re-enabled afterwards only if it was enabled before, so the
    blocks nest and a caller who switched it off keeps it off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
