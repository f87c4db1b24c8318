"""Grades charts for reports: a force's history across cycles and a cycle's heat map.

Both return a matplotlib ``Figure`` (and never show it), so a notebook displays it
and a script saves it with ``figure.savefig(path)``. matplotlib is an optional
extra (``pip install 'peelkit[charts]'``), imported only when a chart is drawn;
without it :class:`~peelkit.MissingDependencyError` names the extra.

Grades sit on an ordered axis, worst at the bottom; a judgment peelkit has no
source for is drawn as *unknown* (grey, hatched, labelled), never as a grade.
From 2021/22 the inspectorate grades on five tiers (``adequate`` between good and
requires improvement) where earlier cycles had four; the history marks where the
scale changed, because the inspectorate says the two cannot be compared.
"""

from __future__ import annotations

from typing import Any

from peelkit._html import GRADE_COLOURS
from peelkit.errors import MissingDependencyError
from peelkit.frameworks import framework
from peelkit.model import Cycle, Grade
from peelkit.tables import GradesGrid, TableRows

__all__ = ["STATE_COLOURS", "UNKNOWN_COLOUR", "grade_colour", "heatmap", "history"]

UNKNOWN_COLOUR = "#d9d9d9"
"""The face colour of an unknown judgment (drawn hatched)."""

STATE_COLOURS = {
    "not graded": "#ffffff",
    "not yet graded": "#dbe9f6",
    "ungraded": "#f0f0f0",
    "unknown": UNKNOWN_COLOUR,
}
"""Face colours of cells that hold no grade, by :meth:`peelkit.Grid.state`."""


def grade_colour(word: str) -> str:
    """The face colour of a grade's word (the notebook tables' colours), or of a
    state (:data:`STATE_COLOURS`)."""
    found = GRADE_COLOURS.get(word)
    return found[0] if found else STATE_COLOURS.get(word, UNKNOWN_COLOUR)


def _pyplot() -> Any:
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependencyError(
            "charts need matplotlib: pip install 'peelkit[charts]'"
        ) from None
    del matplotlib
    return Figure


def _scale_changes(cycles: list[Cycle]) -> list[int]:
    """Indexes ``i`` where cycle ``i`` grades on another scale than cycle ``i - 1``."""
    return [
        i
        for i in range(1, len(cycles))
        if framework(cycles[i]).scale != framework(cycles[i - 1]).scale
    ]


def history(rows: TableRows, *, title: str | None = None) -> Any:
    """A bar chart of judgment rows (e.g. ``corpus.history("Kent", "efficiency")``):
    one bar per row in order, its height the resolved grade on the ordered axis
    (inadequate … outstanding), coloured by grade; unknown rows as a short grey
    hatched bar labelled ``unknown``; a dotted line where the grading scale changed."""
    figure_class = _pyplot()
    figure = figure_class(figsize=(max(4.0, 1.1 * len(rows) + 2), 3.6), layout="constrained")
    axes = figure.add_subplot()
    grades = list(Grade)  # worst first: the y axis, 1 = inadequate
    labels = []
    for index, row in enumerate(rows):
        label = str(row.cycle)
        if row.question_number is not None:
            label += f"\nQ{row.question_number}"
        labels.append(label)
        grade = row.resolved_grade
        if grade is None:
            axes.bar(
                index, 0.5, color=UNKNOWN_COLOUR, hatch="//", edgecolor="#777777", label="unknown"
            )
            axes.text(index, 0.55, "unknown", ha="center", va="bottom", fontsize=8)
        else:
            height = grades.index(grade) + 1
            axes.bar(
                index,
                height,
                color=grade_colour(grade.value),
                edgecolor="#555555",
                label=grade.value,
            )
    cycles = [row.cycle for row in rows]
    for index in _scale_changes(cycles):
        axes.axvline(index - 0.5, color="#333333", linestyle=":", linewidth=1)
        axes.text(
            index - 0.45,
            len(grades) + 0.2,
            "five-tier scale from here:\nnot comparable",
            fontsize=7,
            va="top",
        )
    axes.set_xticks(range(len(rows)), labels)
    axes.set_yticks(range(1, len(grades) + 1), [grade.value for grade in grades])
    axes.set_ylim(0, len(grades) + 0.4)
    axes.set_xlabel("cycle")
    axes.set_ylabel("grade")
    first = rows.rows[0] if len(rows) else None
    if title is None and first is not None:
        title = f"{first.force}: {first.pillar.label} by cycle"
    axes.set_title(title or "no judgments")
    return figure


def heatmap(grid: GradesGrid, *, title: str | None = None) -> Any:
    """The forces × judgments heat map of a :class:`peelkit.Grid`: one square per
    cell coloured by grade (the first of several versions), the rest by state and
    marked (``?`` unknown, ``—`` ungraded, ``ng``/``nyg``, ``↺`` carried over), with a
    legend of the cycle's scale and of the states present."""
    figure_class = _pyplot()
    from matplotlib.patches import Patch, Rectangle

    rows, columns = len(grid.forces), len(grid.columns)
    figure = figure_class(figsize=(2.5 + 0.55 * columns, 1.2 + 0.22 * rows), layout="constrained")
    axes = figure.add_subplot()
    marks = {"unknown": "?", "ungraded": "—", "not graded": "ng", "not yet graded": "nyg"}
    seen: set[str] = set()
    for y, force in enumerate(grid.forces):
        for x, column in enumerate(grid.columns):
            state = grid.state(force, column)
            words = grid.cell(force, column)
            word = words[0] if words and state in ("graded", "carried over") else state
            seen.add(word)
            hatch = "//" if state == "unknown" else None
            axes.add_patch(
                Rectangle(
                    (x, y),
                    1,
                    1,
                    facecolor=grade_colour(word),
                    edgecolor="white",
                    hatch=hatch,
                    linewidth=0.5,
                )
            )
            mark = marks.get(state) or ("↺" if state == "carried over" else "")
            if mark:
                axes.text(x + 0.5, y + 0.5, mark, ha="center", va="center", fontsize=6)
    axes.set_xlim(0, columns)
    axes.set_ylim(rows, 0)
    axes.set_xticks(
        [x + 0.5 for x in range(columns)],
        [grid.heading(column) for column in grid.columns],
        rotation=60,
        ha="right",
        fontsize=7,
    )
    axes.set_yticks([y + 0.5 for y in range(rows)], list(grid.forces), fontsize=7)
    axes.set_xlabel("judgment")
    axes.set_ylabel("force")
    axes.set_title(title or f"PEEL {grid.cycle} grades")
    scale = [grade.value for grade in reversed(framework(grid.cycle).scale)]
    handles = [Patch(facecolor=grade_colour(word), label=word) for word in scale]
    handles += [
        Patch(
            facecolor=grade_colour(state),
            hatch="//" if state == "unknown" else None,
            edgecolor="#777777",
            label=f"{state} ({marks[state]})",
        )
        for state in marks
        if state in seen
    ]
    axes.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=7,
        title="carried over: ↺",
        title_fontsize=7,
        frameon=False,
    )
    return figure
