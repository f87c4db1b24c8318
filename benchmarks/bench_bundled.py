"""``load_bundled()`` side by side with reading the same CSV files with :mod:`csv`.

Run: ``.venv/bin/python benchmarks/bench_bundled.py``. Prints the best of several
runs of :func:`peelkit.datasets.load_bundled` (every bundled file: the pillar
grades, the 2018/19 question judgments, Kent's page and the 2021-25 area grades
and counts, built into typed assessments) and of ``csv.reader`` over the text of
the same CSV files, and their ratio. The target is an absolute one: the bundled
corpus must load well under a second (held here to 0.25 s); the ratio shows what
building the model costs over merely reading the rows.
"""

from __future__ import annotations

import csv
import io
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _timing import best_of

from peelkit import datasets

TARGET_SECONDS = 0.25


def _csv_names() -> list[str]:
    root = resources.files("peelkit.datasets")
    return sorted(item.name for item in root.iterdir() if item.name.endswith(".csv"))


def main() -> None:
    names = _csv_names()
    root = resources.files("peelkit.datasets")
    texts = [root.joinpath(name).read_text("utf-8") for name in names]

    def read_rows() -> int:
        return sum(len(list(csv.reader(io.StringIO(text, newline="")))) for text in texts)

    rows = read_rows()
    corpus = datasets.load_bundled()
    loaded = best_of(datasets.load_bundled)
    baseline = best_of(read_rows)
    print(f"{len(names)} CSV files, {rows:,} lines; {len(corpus)} assessments bundled")
    verdict = "ok" if loaded < TARGET_SECONDS else "OVER TARGET"
    print(
        f"load_bundled()   {loaded * 1000:8.1f} ms   csv.reader over the files "
        f"{baseline * 1000:6.1f} ms   ratio {loaded / baseline:6.1f}x   "
        f"target < {TARGET_SECONDS * 1000:.0f} ms   {verdict}"
    )


if __name__ == "__main__":
    main()
