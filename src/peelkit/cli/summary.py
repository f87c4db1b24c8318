"""``peelkit summary``: the latest cycle's grades table and the count per grade.

From 2021/22 grades are given per area of policing and the bundled data knows only
some of them, so those cycles are shown force by force: each force's known area
grades under how many of its graded areas are known ("5 of 8 known").
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from peelkit.cli._common import load_corpus, write_output
from peelkit.corpus import Corpus
from peelkit.frameworks import framework
from peelkit.model import Cycle, Grade, Pillar
from peelkit.query import FilterError, Grid

__all__ = ["register", "render", "render_areas"]

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
    parser.add_argument(
        "--cycle", help="a cycle other than the latest with data, e.g. 2017 or 2021/22"
    )
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
    if counts.get(UNKNOWN):  # Grid.counts() names unknown cells in words
        out += ["", _unknown_sentence(counts[UNKNOWN], total)]
    return "\n".join(out) + "\n"


def _unknown_sentence(unknown: int, total: int) -> str:
    return (
        f"{unknown} of {total} cells are unknown: peelkit has no source for them. "
        "They are not grades and not 'not graded'."
    )


def render_areas(corpus: Corpus, cycle: Cycle) -> str:
    """Each force's known area grades of ``cycle`` under its coverage, then the counts."""
    coverage = corpus.coverage(cycle)
    rows = corpus.judgments(cycle=cycle, pillar=Pillar.AREAS_OF_POLICING)
    grades: dict[str, dict[int, tuple[str, str]]] = {}
    for row in rows:
        if row.question_number is None or row.resolved_grade is None:
            continue
        area = row.question or str(row.question_number)
        grades.setdefault(row.force, {}).setdefault(
            row.question_number, (area, row.resolved_grade.value)
        )
    stated = sum(row.areas_graded or 0 for row in coverage)
    known_of_stated = sum(row.known for row in coverage if row.areas_graded is not None)
    known = sum(row.known for row in coverage)
    out = [f"PEEL {cycle}: known area grades of {len(coverage)} forces", ""]
    out.append(
        f"peelkit knows {known_of_stated} of the {stated} graded areas the forces' counts "
        f"state ({known} known in all); the rest are unknown and not shown. Most grades "
        "rest on secondary sources: check each row's source."
    )
    width = max((len(area) for held in grades.values() for area, _ in held.values()), default=0)
    for covered in coverage:
        out += ["", str(covered)]
        for _number, (area, grade) in sorted(grades.get(covered.force, {}).items()):
            out.append(f"  {area.ljust(width)}  {grade}")
    counted = {grade.value: 0 for grade in reversed(Grade)}
    for held in grades.values():
        for _, grade in held.values():
            counted[grade] = counted.get(grade, 0) + 1
    out += ["", f"Known area grades per grade ({sum(counted.values())}):"]
    widest = max(len(word) for word in counted)
    out += [f"  {word.ljust(widest)}  {count:>4}" for word, count in counted.items()]
    return "\n".join(out) + "\n"


def _latest_with_data(corpus: Corpus) -> Cycle:
    cycles = [a.cycle for a in corpus if a.pillars]
    if not cycles:
        raise FilterError("the corpus holds no judgments: there is no latest cycle")
    return max(cycles)


def run(arguments: argparse.Namespace) -> int:
    """Print the summary."""
    corpus = load_corpus(arguments.files)
    cycle = _latest_with_data(corpus) if arguments.cycle is None else _cycle(arguments.cycle)
    if framework(cycle).pillar(Pillar.AREAS_OF_POLICING) is not None:
        text = render_areas(corpus, cycle)
    else:
        text = render(corpus.grid(cycle, questions=False))
    write_output(text, arguments.output)
    return 0


def _cycle(word: str) -> Cycle:
    try:
        return Cycle(word)
    except ValueError:
        words = ", ".join(repr(cycle.value) for cycle in Cycle)
        raise FilterError(f"{word!r} is not a cycle; expected one of {words}") from None
