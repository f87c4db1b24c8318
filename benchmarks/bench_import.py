"""What ``import peelkit`` costs, against starting Python and doing nothing.

Each is a fresh interpreter (``python -X importtime`` is for finding *why*; this is
for *how much*). Reports the best of several runs, and the extra milliseconds.

Run: ``python benchmarks/bench_import.py``
"""

from __future__ import annotations

import subprocess
import sys
import time


def best_start(code: str, repeat: int = 15) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    baseline = best_start("pass")
    attrs_only = best_start("import attrs, cattrs")
    peelkit = best_start("import peelkit")
    print(f"python -c pass           {baseline * 1000:7.1f} ms")
    ratio = attrs_only / baseline
    print(f"import attrs, cattrs     {attrs_only * 1000:7.1f} ms   ratio {ratio:5.2f}x")
    print(
        f"import peelkit           {peelkit * 1000:7.1f} ms   ratio {peelkit / baseline:5.2f}x"
        f"   (+{(peelkit - baseline) * 1000:.1f} ms; +{(peelkit - attrs_only) * 1000:.1f} ms"
        " over its dependencies)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
