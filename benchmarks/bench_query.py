"""Selective queries on 20,000 assessments, indexed, side by side with a plain scan.

Run: ``.venv/bin/python benchmarks/bench_query.py [COUNT]``. Prints the time to
build the index once, then for each query the best of several runs of the
indexed query and of a plain scan that tests every row of the same table with the
same conditions, and their ratio (the target is at most 0.2).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _corpus import synthetic_corpus

from peelkit import Cycle, Grade, Pillar


def _best(function: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(count: int = 20_000) -> None:
    corpus = synthetic_corpus(count)
    start = time.perf_counter()
    index = corpus.query_index
    built = time.perf_counter() - start
    rows, areas = index.judgments, index.areas
    print(f"{count:,} assessments: {len(rows):,} judgment rows, {len(areas):,} area rows")
    print(f"index built once, on the first query: {built:.2f} s\n")

    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "judgments(force='Kent')",
            lambda: corpus.judgments(force="Kent"),
            lambda: [r for r in rows if r.force == "Kent"],
        ),
        (
            "judgments(force='Kent', pillar=effectiveness, question=3)",
            lambda: corpus.judgments(force="Kent", pillar="effectiveness", question=3),
            lambda: [
                r
                for r in rows
                if r.force == "Kent" and r.pillar is Pillar.EFFECTIVENESS and r.question_number == 3
            ],
        ),
        (
            "judgments(cycle='2018/19', question=4, grade='inadequate')",
            lambda: corpus.judgments(cycle="2018/19", question=4, grade="inadequate"),
            lambda: [
                r
                for r in rows
                if r.cycle is Cycle.PEEL_2018_19
                and r.question_number == 4
                and r.resolved_grade is Grade.INADEQUATE
            ],
        ),
        (
            "areas_for_improvement(force='Dorset', has_deadline=True)",
            lambda: corpus.areas_for_improvement(force="Dorset", has_deadline=True),
            lambda: [a for a in areas if a.force == "Dorset" and a.deadline is not None],
        ),
    ]
    print(f"{'query':<62} {'rows':>7} {'indexed':>10} {'scan':>10} {'ratio':>6}")
    for name, indexed, scan in cases:
        fast, selected = _best(indexed)
        slow, scanned = _best(scan)
        assert list(selected) == scanned, name
        timings = f"{fast * 1e3:>8.2f}ms {slow * 1e3:>8.2f}ms {fast / slow:>6.3f}"
        print(f"{name:<62} {len(scanned):>7,} {timings}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
