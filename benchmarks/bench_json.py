"""``from_json`` and ``to_json`` against the standard library on the same document.

The corpus is 1,000 synthetic 2018/19 assessments over the 43 forces, with the real
question set and a few areas for improvement each. Targets (issue: foundation):
``from_json`` within 2.0x ``json.loads`` of the same bytes, and ``to_json`` within
1.0x ``json.dumps`` of the equivalent plain dict.

Run: ``python benchmarks/bench_json.py [COUNT]``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _corpus import synthetic_corpus
from _timing import best_of, gc_paused, peak_memory, report, report_memory

import peelkit


def main(count: int = 1000) -> int:
    corpus = synthetic_corpus(count)
    text = peelkit.to_json(corpus)
    plain = peelkit.to_dict(corpus)
    print(f"corpus: {len(corpus)} assessments, {len(text) / 1e6:.1f} MB of JSON")
    assert peelkit.from_json(text) == corpus
    assert json.dumps(plain, ensure_ascii=False) == text
    ok = report(
        "from_json",
        best_of(lambda: peelkit.from_json(text)),
        best_of(lambda: json.loads(text)),
        "json.loads",
        target=2.0,
    )
    # The cyclic garbage collector slows json.loads on large documents (peelkit pauses
    # it while structuring); with it off for both, the figure is pure CPU work.
    with gc_paused():
        ok &= report(
            "from_json (gc off)",
            best_of(lambda: peelkit.from_json(text), collect=False),
            best_of(lambda: json.loads(text), collect=False),
            "json.loads (gc off)",
            target=2.0,
        )
    ok &= report(
        "to_json",
        best_of(lambda: peelkit.to_json(corpus)),
        best_of(lambda: json.dumps(plain, ensure_ascii=False)),
        "json.dumps(plain dict)",
        target=1.0,
    )
    report(
        "to_dict + json.dumps",
        best_of(lambda: json.dumps(peelkit.to_dict(corpus), ensure_ascii=False)),
        best_of(lambda: json.dumps(plain, ensure_ascii=False)),
        "json.dumps(plain dict)",
        target=float("inf"),
    )
    report_memory(
        "from_json (peak memory)",
        peak_memory(lambda: peelkit.from_json(text)),
        peak_memory(lambda: json.loads(text)),
        "json.loads",
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
