"""Whole tables of 20,000 assessments as Arrow, Parquet and Polars, side by side with CSV.

Run: ``.venv/bin/python benchmarks/bench_tables.py [COUNT]`` (needs the ``arrow`` and
``polars`` extras). The index is built first, so each figure is the conversion
alone: the best of several runs of ``to_arrow()``, ``to_parquet(path)`` and
``to_polars()`` against ``to_csv(path)`` on the same rows, and their ratio. The
files go to a temporary folder, and their sizes are printed too.
"""

from __future__ import annotations

import functools
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _corpus import synthetic_corpus
from _timing import best_of, report

from peelkit.query import Rows

# Targets: a columnar table, or the Parquet file of one, costs at most half of
# writing the same rows as CSV (which formats and neutralises every cell).
TARGETS = {"to_arrow": 0.5, "to_parquet": 0.5, "to_polars": 0.5}


def measure(name: str, rows: Rows[Any], folder: Path, repeat: int) -> bool:
    """Time one table's conversions against its CSV; True when all are within target."""
    csv_path, parquet_path = folder / f"{name}.csv", folder / f"{name}.parquet"
    print(f"{name}: {len(rows):,} rows")
    baseline = best_of(functools.partial(rows.to_csv, csv_path), repeat)
    cases: dict[str, Callable[[], object]] = {
        "to_arrow": rows.to_arrow,
        "to_parquet": functools.partial(rows.to_parquet, parquet_path),
        "to_polars": rows.to_polars,
    }
    within = True
    for case, function in cases.items():
        within &= report(case, best_of(function, repeat), baseline, "to_csv", TARGETS[case])
    csv_size, parquet_size = csv_path.stat().st_size, parquet_path.stat().st_size
    print(
        f"{'Parquet file':<28} {parquet_size / 1e3:9.0f} kB   {'CSV file':<26}"
        f" {csv_size / 1e3:9.0f} kB   ratio {parquet_size / csv_size:5.3f}x   (size)\n"
    )
    return within


def main(count: int = 20_000, repeat: int = 3) -> bool:
    corpus = synthetic_corpus(count)
    print(f"{count:,} assessments\n")
    tables = (
        ("judgments", corpus.judgments()),
        ("areas_for_improvement", corpus.areas_for_improvement()),
    )
    with tempfile.TemporaryDirectory() as folder:
        results = [measure(name, rows, Path(folder), repeat) for name, rows in tables]
    return all(results)


if __name__ == "__main__":
    sys.exit(0 if main(*(int(arg) for arg in sys.argv[1:2])) else 1)
