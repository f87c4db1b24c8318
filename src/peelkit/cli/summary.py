"""``peelkit summary``: the latest cycle's grades table and the count per grade."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peelkit.cli._common import load_corpus, write_output
from peelkit.query import Grid

__all__ = ["register", "render"]

UNKNOWN = "unknown"


def register(subparsers: Any) -> None:
    """Add ``summary`` to the command line."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "summary",
        help="print the latest cycle's pillar grades per force (the bundled data by default)",
        description=(
            "Print the pillar grades of every force in the latest cycle of the files given "
            "(peelkit/1 JSON or page texts; folders are searched), or of the bundled PEEL "
            "grades when none is given, then how many judgments have each grade."
        ),
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files or folders")
    parser.add_argument("--cycle", help="a cycle other than the latest, e.g. 2017")
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead; - is stdout")
    parser.set_defaults(run=run)


def render(grid: Grid) -> str:
    """The grades table and counts as text."""
    heads = ["Force", *(pillar.label for pillar, _ in grid.columns)]
    lines = [
        [name, *(" / ".join(grid.cell(name, c)) or UNKNOWN for c in grid.columns)]
        for name in grid.forces
    ]
    widths = [max(len(row[i]) for row in [heads, *lines]) for i in range(len(heads))]
    out = [f"PEEL {grid.cycle}: pillar grades of {len(grid.forces)} forces", ""]
    for row in [heads, *lines]:
        out.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    counts = grid.counts()
    total = sum(counts.values())
    out += ["", f"Judgments per grade ({total}):"]
    width = max(len(word or UNKNOWN) for word in counts) if counts else 0
    out += [f"  {(word or UNKNOWN).ljust(width)}  {count:>4}" for word, count in counts.items()]
    return "\n".join(out) + "\n"


def run(arguments: argparse.Namespace) -> int:
    """Print the summary."""
    corpus = load_corpus(arguments.files)
    write_output(render(corpus.grid(arguments.cycle, questions=False)), arguments.output)
    return 0
