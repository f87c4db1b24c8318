"""How each stage grows with the corpus: 1k, 2k, 4k, 8k and 16k assessments.

For every size it times loading (``from_json`` of the corpus's JSON), ``merged()``,
building the one query index, a handful of queries on the built index, the grades
grid, and ``validate``; then prints each stage's growth exponent, the slope of
log(time) against log(size) from the smallest to the largest corpus. Linear work
has slope 1; any slope above 1.2 is flagged, so the next quadratic shows as a number.
Last, ``validate`` as a multiple of loading the same corpus, at each size; above
1.5x is flagged (issue 14: validating should cost about what loading does).

Run: ``python benchmarks/bench_scaling.py [SIZES...]``
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _corpus import synthetic_corpus
from _timing import best_of

import peelkit

LIMIT = 1.2
VALIDATE_LIMIT = 1.5
REPEAT = 5  # best of five: the machine may be shared


def stages(count: int) -> dict[str, Callable[[], object]]:
    corpus = synthetic_corpus(count)
    text = peelkit.to_json(corpus)

    def index() -> object:
        return peelkit.Corpus(corpus.assessments).query_index

    indexed = peelkit.Corpus(corpus.assessments)
    indexed.query_index  # noqa: B018 - built before the queries are timed

    def queries() -> object:
        return (
            indexed.judgments(force="Kent"),
            indexed.judgments(grade="good", pillar="effectiveness"),
            indexed.areas_for_improvement(has_deadline=True),
            indexed.history("Kent", "effectiveness", 1),
        )

    return {
        "load (from_json)": lambda: peelkit.from_json(text),
        "merge": corpus.merged,
        "index build": index,
        "queries": queries,
        "grid": lambda: indexed.grid(),
        "validate": lambda: peelkit.validate(peelkit.Corpus(corpus.assessments)),
    }


def main(sizes: list[int]) -> int:
    times: dict[str, list[float]] = {}
    for count in sizes:
        for name, function in stages(count).items():
            times.setdefault(name, []).append(best_of(function, repeat=REPEAT))
    print(f"{'stage':<18}" + "".join(f"{n:>10}" for n in sizes) + "   exponent")
    flagged = 0
    for name, measured in times.items():
        slope = math.log(measured[-1] / measured[0]) / math.log(sizes[-1] / sizes[0])
        mark = f"  OVER {LIMIT}" if slope > LIMIT else ""
        flagged += slope > LIMIT
        cells = "".join(f"{t * 1000:8.1f}ms" for t in measured)
        print(f"{name:<18}{cells}   {slope:6.2f}{mark}")
    loads = times["load (from_json)"]
    ratios = [v / load for v, load in zip(times["validate"], loads, strict=True)]
    over = [ratio > VALIDATE_LIMIT for ratio in ratios]
    flagged += any(over)
    cells = "".join(f"{ratio:9.2f}x" for ratio in ratios)
    mark = f"  OVER {VALIDATE_LIMIT}x" if any(over) else ""
    print(f"{'validate / load':<18}{cells}   (target <= {VALIDATE_LIMIT}x){mark}")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 2000, 4000, 8000, 16000]))
