"""``collector_paused``: the one pause of the cyclic garbage collector.

Every test leaves the collector as it found it (on, in the suite), whatever happens.
"""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from collections.abc import Iterator

import pytest

from peelkit import _memory
from peelkit._memory import collector_paused


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if gc.get_freeze_count():
            gc.unfreeze()
        (gc.enable if was else gc.disable)()


class Node:
    def __init__(self) -> None:
        self.other: object = None


def test_the_collector_is_off_in_the_block_and_on_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_caller_who_switched_it_off_keeps_it_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_blocks_nest_and_the_outermost_switches_it_back_on() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_in_another_thread_keeps_it_off_until_that_block_ends() -> None:
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with collector_paused():
            entered.set()
            release.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert entered.wait(30)
        with collector_paused():
            pass
        assert not gc.isenabled()  # the other thread's block is still open
    finally:
        release.set()
        thread.join(30)
    assert gc.isenabled()


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14's incremental collector has other generations"
)
def test_what_was_made_in_the_block_joins_the_oldest_generation() -> None:
    # Left young, it would all be walked again by the first collection after.
    with collector_paused():
        made = Node()
    assert gc.is_tracked(made)
    for generation in (0, 1):
        assert not any(found is made for found in gc.get_objects(generation))
    assert any(found is made for found in gc.get_objects(2))


def test_a_cycle_made_garbage_in_the_block_is_still_collected_later() -> None:
    with collector_paused():
        first, second = Node(), Node()
        first.other, second.other = second, first
        alive = weakref.ref(first)
        del first, second
    assert alive() is not None  # only a cycle: reference counting cannot free it
    gc.collect()
    assert alive() is None


def test_objects_frozen_by_the_program_stay_frozen() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    with collector_paused():
        Node()
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_an_error_in_the_block_still_switches_it_back_on() -> None:
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_without_freezing_the_pause_still_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    # An interpreter without gc.freeze (not CPython) only skips the hand-over.
    monkeypatch.setattr(_memory, "_HAND_OVER", False)
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
