"""``from_json`` and ``to_json`` against the standard library on the same document.

The corpus is synthetic 2018/19 assessments (2,000 for the targets) over the 43
forces, with the real question set and a few areas for improvement each. What each
side does:

- ``from_json``: the JSON text (``str``) to a checked :class:`~peelkit.Corpus`; it
  parses with ``json.loads`` itself and pauses the cyclic collector over the whole
  load. Baseline: ``json.loads`` of the very same ``str``, collector as the
  interpreter has it (on). Target (issue 13) at most 0.8x.
- ``from_json (gc off)``: both sides with the collector off, so the ratio is pure
  work: it is above 1 by construction (``from_json`` includes ``json.loads``);
  informative, no target.
- ``to_json``: a corpus to its compact text. Baseline: ``json.dumps`` of the
  equivalent plain dict (already built, not timed), giving the same text (checked
  before timing). Target (issue 13) at most 0.7x.

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


def main(count: int = 2000) -> int:
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
        target=0.8,
    )
    # With the collector off for both, the figure is pure work (informative only).
    with gc_paused():
        report(
            "from_json (gc off)",
            best_of(lambda: peelkit.from_json(text), collect=False),
            best_of(lambda: json.loads(text), collect=False),
            "json.loads (gc off)",
            target=float("inf"),
        )
    ok &= report(
        "to_json",
        best_of(lambda: peelkit.to_json(corpus)),
        best_of(lambda: json.dumps(plain, ensure_ascii=False)),
        "json.dumps(plain dict)",
        target=0.7,
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
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
