"""First use from eight threads at once, in 40 fresh interpreters.

The same script as ``tests/test_concurrency.py`` (which runs it 10 times): eight
threads at a barrier, a one-microsecond switch interval, then ``to_json``,
``from_json`` and a first query on one shared corpus. Prints how many runs failed
and how many index builds each made (one per corpus is right).

Run: ``python benchmarks/probe_first_use.py [RUNS]``
"""

from __future__ import annotations

import collections
import pickle
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import peelkit
from test_concurrency import EXAMPLE, run_first_use


def main(runs: int = 40) -> int:
    with tempfile.TemporaryDirectory() as folder:
        corpus = peelkit.Corpus([peelkit.from_json(EXAMPLE.read_bytes(), peelkit.Assessment)] * 30)
        document = Path(folder) / "corpus.json"
        document.write_text(peelkit.to_json(corpus), encoding="utf-8")
        document.with_suffix(".pickle").write_bytes(pickle.dumps(corpus))
        results = [run_first_use(document) for _ in range(runs)]
    failed = sum(1 for result in results if result["failures"])
    builds = collections.Counter(result["index_builds"] for result in results)
    print(f"{runs} fresh interpreters: {failed} with failures; index builds per run {dict(builds)}")
    return 1 if failed or set(builds) != {1} else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 40))
