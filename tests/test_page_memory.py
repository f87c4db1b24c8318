"""The reader keeps no memory it does not need: its caches hold short lines only."""

from __future__ import annotations

import gc
import tracemalloc

from peelkit import parse_report

HEAD = (
    "Kent PEEL 2018\nEfficiency\n"
    "How efficient is the force at keeping people safe and reducing crime?\n"
)


def test_pages_of_huge_distinct_lines_leave_nothing_behind() -> None:
    # Each page holds one distinct line of a million characters ending in "?": the
    # shape that used to fill the wording caches with hundreds of megabytes.
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for number in range(50):
            line = f"How {number} " + "x" * 1_000_000 + "?"
            parsed = parse_report(HEAD + line + "\n")
            assert parsed.pillars[0].summary == (line,)
            del parsed, line
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert retained < 3_000_000, f"{retained:,} bytes retained"
