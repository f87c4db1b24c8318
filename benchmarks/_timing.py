"""Timing helpers shared by the benchmarks: best of several runs, reported as ratios."""

from __future__ import annotations

import contextlib
import gc
import time
import tracemalloc
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def best_of(function: Callable[[], object], repeat: int = 7, *, collect: bool = True) -> float:
    """The fastest of ``repeat`` runs of ``function``, in seconds.

    With ``collect``, garbage is collected before each run, so no run pays for
    the last one's garbage.
    """
    best = float("inf")
    for _ in range(repeat):
        if collect:
            gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def report(name: str, measured: float, baseline: float, baseline_name: str, target: float) -> bool:
    """Print one line comparing ``measured`` with ``baseline``; True when within ``target``."""
    ratio = measured / baseline
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(
        f"{name:<28} {measured * 1000:9.1f} ms   {baseline_name:<26} {baseline * 1000:9.1f} ms"
        f"   ratio {ratio:5.2f}x   target <= {target:.1f}x   {verdict}"
    )
    return ratio <= target


def peak_memory(function: Callable[[], object]) -> int:
    """The peak of memory allocated while ``function`` runs, in bytes (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def report_memory(name: str, measured: int, baseline: int, baseline_name: str) -> None:
    """Print one line comparing peak memory with a baseline's."""
    print(
        f"{name:<28} {measured / 1e6:9.1f} MB   {baseline_name:<26} {baseline / 1e6:9.1f} MB"
        f"   ratio {measured / baseline:5.2f}x   (peak memory, informative)"
    )
