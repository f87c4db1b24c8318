"""HTML for notebooks: compact, escaped tables with grades coloured.

Every text put in the HTML goes through :func:`html.escape`, because report text
can contain anything. Long results are cut to :data:`MAX_ROWS` rows with a count
of the rest.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from peelkit.model import Assessment, CarriedOver, Grade
from peelkit.tables import cell
from peelkit.text import UNKNOWN

if TYPE_CHECKING:
    from peelkit.corpus import Corpus
    from peelkit.rows import Grid, Rows

__all__ = ["MAX_ROWS", "assessment_html", "corpus_html", "grid_html", "rows_html"]

MAX_ROWS = 50
"""Rows shown before the rest are counted instead."""

_COLOURS = {
    Grade.OUTSTANDING.value: "#1b7837",
    Grade.GOOD.value: "#5aae61",
    Grade.ADEQUATE.value: "#d9c84a",
    Grade.REQUIRES_IMPROVEMENT.value: "#f1a340",
    Grade.INADEQUATE.value: "#d7301f",
}
_GRADE_COLUMNS = frozenset({"grade", "resolved_grade", "grade_a", "grade_b"})
_WIDTH = 80


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _grade_cell(word: str | None) -> str:
    if not word:
        return "<td></td>"
    colour = _COLOURS.get(word)
    if colour is None:
        return f"<td><i>{html.escape(word)}</i></td>"
    return f'<td style="background:{colour};color:#fff;white-space:nowrap">{html.escape(word)}</td>'


def _table(head: Sequence[str], body: Iterable[str], more: int, caption: str) -> str:
    parts = [
        '<table class="peelkit">',
        f"<caption>{html.escape(caption)}</caption>" if caption else "",
        "<thead><tr>",
        *(f"<th>{html.escape(name)}</th>" for name in head),
        "</tr></thead><tbody>",
        *body,
        "</tbody></table>",
    ]
    if more:
        parts.append(f"<p>… {more} more row{'' if more == 1 else 's'}</p>")
    return "".join(parts)


def rows_html(rows: Rows[Any]) -> str:
    """A query result as a table: the first :data:`MAX_ROWS` rows, grades coloured."""

    names = rows.columns
    body = []
    for row in rows.rows[:MAX_ROWS]:
        cells = []
        for name in names:
            value = cell(getattr(row, name))
            if name in _GRADE_COLUMNS:
                cells.append(_grade_cell(None if value is None else str(value)))
            else:
                cells.append(f"<td>{html.escape(_short('' if value is None else str(value)))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    noun = "row" if len(rows) == 1 else "rows"
    return _table(names, body, max(0, len(rows) - MAX_ROWS), f"{len(rows)} {noun}")


def grid_html(grid: Grid) -> str:
    """A grades table: one row per force, one column per pillar grade and question."""
    head = ["force"]
    for pillar, number in grid.columns:
        head.append(pillar.label if number is None else f"{pillar.label} Q{number}")
    body = []
    for name in grid.forces[:MAX_ROWS]:
        cells = [f"<td>{html.escape(name)}</td>"]
        for column in grid.columns:
            words = grid.cell(name, column)
            cells.append(
                _grade_cell(" / ".join(words)) if len(words) != 1 else _grade_cell(words[0])
            )
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = max(0, len(grid.forces) - MAX_ROWS)
    table = _table(head, body, more, f"PEEL {grid.cycle}: {len(grid.forces)} forces")
    unknown = grid.counts().get(UNKNOWN, 0)
    if not unknown:
        return table
    total = len(grid.forces) * len(grid.columns)
    sentence = (
        f"{unknown} of {total} cells are unknown (blank): peelkit has no source for "
        "them; they are not grades."
    )
    return table + f"<p>{html.escape(sentence)}</p>"


def corpus_html(corpus: Corpus) -> str:
    """A corpus: its summary line and the grades table of its latest cycle."""
    summary = f"<p>{html.escape(repr(corpus))}</p>"
    if not len(corpus):
        return summary
    return summary + grid_html(corpus.grid())


def assessment_html(assessment: Assessment) -> str:
    """An assessment: each pillar's grade and each question's, with provenance and AFIs."""
    body = []
    for pillar in assessment.pillars:
        items = [(pillar.pillar.label, pillar.headline_question, pillar.judgment, 0)]
        items += [
            (
                f"Q{question.number}" if question.number is not None else "Q",
                question.text,
                question.judgment,
                len(question.areas_for_improvement),
            )
            for question in pillar.questions
        ]
        for label, text, judgment, areas in items:
            provenance = judgment.provenance
            where = (
                f"carried over from {provenance.from_cycle}"
                if isinstance(provenance, CarriedOver)
                else provenance.kind.replace("_", " ")
            )
            grade = None if judgment.grade is None else judgment.grade.value
            body.append(
                "<tr>"
                f"<td>{html.escape(label)}</td>"
                f"<td>{html.escape(_short(text or ''))}</td>"
                f"{_grade_cell(grade)}"
                f"<td>{html.escape(where)}</td>"
                f"<td>{areas or ''}</td>"
                "</tr>"
            )
    caption = f"{assessment.force}, PEEL {assessment.cycle}"
    head = ("", "question", "grade", "provenance", "areas for improvement")
    return _table(head, body[:MAX_ROWS], max(0, len(body) - MAX_ROWS), caption)
