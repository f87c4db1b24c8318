"""HTML for notebooks: compact, escaped tables with grades coloured.

Every text put in the HTML goes through :func:`html.escape`, because report text
can contain anything. Long results are cut to :data:`MAX_ROWS` rows with a count
of the rest.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

from peelkit.errors import FilterError
from peelkit.model import Assessment, CarriedOver, Grade
from peelkit.tables import GradesGrid, TableRows, cell
from peelkit.text import UNKNOWN

__all__ = [
    "LEGEND",
    "MAX_ROWS",
    "SHOWN_COLUMNS",
    "assessment_html",
    "corpus_html",
    "grid_html",
    "rows_html",
    "shown_columns",
]

MAX_ROWS = 50
"""Rows shown before the rest are counted instead."""

SHOWN_COLUMNS: dict[str, tuple[str, ...]] = {
    "JudgmentRow": (
        "force",
        "cycle",
        "pillar",
        "question_number",
        "question",
        "grade",
        "provenance",
        "resolved_grade",
        "change",
        "source",
    ),
    "AreaForImprovementRow": (
        "force",
        "cycle",
        "pillar",
        "question_number",
        "text",
        "deadline",
        "source",
    ),
}
"""The columns a notebook shows by default, per row class (all of them for the
others); ``change`` only where some row has one. ``to_html(columns="all")`` shows
every column."""

_OPTIONAL = frozenset({"change"})
_HEADS = {"question_number": "Q", "resolved_grade": "resolved grade"}

GRADE_COLOURS: dict[str, tuple[str, str]] = {
    Grade.OUTSTANDING.value: ("#1b7837", "#fff"),
    Grade.GOOD.value: ("#7fbf7b", "#000"),
    Grade.ADEQUATE.value: ("#f0e08a", "#000"),
    Grade.REQUIRES_IMPROVEMENT.value: ("#f1a340", "#000"),
    Grade.INADEQUATE.value: ("#b2182b", "#fff"),
}
_GRADE_COLUMNS = frozenset({"grade", "resolved_grade", "grade_a", "grade_b"})
_WIDTH = 80

_STYLE = """<style>
.peelkit-out{font-size:12px;max-width:100%;overflow-x:auto}
.peelkit-out table.peelkit{border-collapse:collapse;table-layout:auto;width:auto}
.peelkit-out table.peelkit caption{text-align:left;font-weight:bold;padding:2px 0}
.peelkit-out table.peelkit th,.peelkit-out table.peelkit td{border:1px solid #ccc;
padding:2px 4px;vertical-align:top;text-align:left;white-space:normal;
overflow-wrap:break-word;max-width:26em}
.peelkit-out table.peelkit th[title]{text-decoration:underline dotted;cursor:help}
.peelkit-out table.peelkit td.pk-grade{overflow-wrap:normal;min-width:5em}
.peelkit-out table.peelkit tbody td:first-child{white-space:nowrap}
.peelkit-out td.pk-carried{background-image:repeating-linear-gradient(135deg,
transparent 0 6px,rgba(255,255,255,.45) 6px 9px)}
.peelkit-out td.pk-unknown{color:#666;background:#fff;border-style:dashed;text-align:center}
.peelkit-out td.pk-ungraded{color:#555;background:#e6e6e6;text-align:center}
.peelkit-out td.pk-not-graded{color:#222;background:#fff;font-style:italic;
outline:2px solid #555;outline-offset:-3px}
.peelkit-out td.pk-not-yet-graded{color:#1f4e79;background:#dbe9f6;font-style:italic}
.peelkit-out p.pk-note{margin:4px 0;max-width:60em}
.peelkit-out .pk-legend td{font-size:11px}
</style>"""


def _short(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_cell(text: str, width: int = _WIDTH) -> str:
    """A text cell; cut to ``width`` with the whole text as its hover title."""
    shown = _short(text, width)
    if shown == " ".join(text.split()):
        return f"<td>{html.escape(shown)}</td>"
    return f'<td title="{html.escape(text)}">{html.escape(shown)}</td>'


def _link_cell(source: str) -> str:
    """A source: a link (``rel="noopener"``) for an http(s) URL, text otherwise."""
    parsed = urllib.parse.urlsplit(source)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        return _text_cell(source, 40)
    segments = [segment for segment in parsed.path.split("/") if segment]
    host = parsed.netloc.removeprefix("www.")
    label = _short("…/" + "/".join(segments[-2:]) if segments else host, 40)
    return (
        f'<td><a href="{html.escape(source)}" rel="noopener noreferrer" target="_blank" '
        f'title="{html.escape(source)}">{html.escape(label)}</a></td>'
    )


def _grade_cell(word: str | None, *, css: str = "", title: str = "", mark: str = "") -> str:
    colour = GRADE_COLOURS.get(word or "")
    attributes = f' title="{html.escape(title)}"' if title else ""
    classes = ("pk-grade " + css).strip()
    text = html.escape((word or "") + mark)
    if colour is None:
        return f'<td class="{classes}"{attributes}>{text}</td>'
    background, foreground = colour
    return (
        f'<td class="{classes}" style="background-color:{background};color:{foreground}"'
        f"{attributes}>{text}</td>"
    )


def _wrap(*parts: str) -> str:
    return '<div class="peelkit-out">' + _STYLE + "".join(parts) + "</div>"


def _table(
    head: Sequence[str], body: Iterable[str], more: int, caption: str, *, head_html: str = ""
) -> str:
    parts = [
        '<table class="peelkit">',
        f"<caption>{html.escape(caption)}</caption>" if caption else "",
        "<thead>",
        head_html or "<tr>" + "".join(f"<th>{html.escape(name)}</th>" for name in head) + "</tr>",
        "</thead><tbody>",
        *body,
        "</tbody></table>",
    ]
    if more:
        parts.append(f'<p class="pk-note">… {more} more row{"" if more == 1 else "s"}</p>')
    return "".join(parts)


def shown_columns(rows: TableRows, columns: Sequence[str] | str | None = None) -> tuple[str, ...]:
    """The columns :func:`rows_html` shows: the defaults of :data:`SHOWN_COLUMNS`
    (``None``), every column (``"all"``) or those named, checked against the row class."""
    if columns == "all":
        return rows.columns
    if columns is None:
        default = SHOWN_COLUMNS.get(rows.row_type.__name__, rows.columns)
        return tuple(
            name
            for name in default
            if name not in _OPTIONAL or any(getattr(row, name) is not None for row in rows)
        )
    names = (columns,) if isinstance(columns, str) else tuple(columns)
    unknown = [name for name in names if name not in rows.columns]
    if unknown:
        raise FilterError(
            f"no column {unknown[0]!r} in {rows.row_type.__name__}: "
            f"expected 'all' or some of {', '.join(rows.columns)}"
        )
    return names


def _provenance(row: object) -> str:
    word = str(cell(getattr(row, "provenance", None)) or "").replace("_", " ")
    origin = getattr(row, "carried_over_from", None)
    return f"{word} from {origin}" if origin is not None else word


def rows_html(rows: TableRows, columns: Sequence[str] | str | None = None) -> str:
    """A query result as a table: the first :data:`MAX_ROWS` rows, grades coloured,
    the columns of :func:`shown_columns`, long text cut with its whole on hover and
    sources as links."""

    names = shown_columns(rows, columns)
    body = []
    for row in rows.rows[:MAX_ROWS]:
        cells = []
        for name in names:
            value = cell(getattr(row, name))
            if name in _GRADE_COLUMNS:
                cells.append(_grade_cell(None if value is None else str(value)))
            elif name == "source" and isinstance(value, str):
                cells.append(_link_cell(value))
            elif name == "provenance" and len(names) < len(rows.columns):
                cells.append(_text_cell(_provenance(row)))
            else:
                cells.append(_text_cell("" if value is None else str(value)))
        body.append("<tr>" + "".join(cells) + "</tr>")
    noun = "row" if len(rows) == 1 else "rows"
    caption = f"{len(rows)} {noun}"
    note = ""
    if len(names) < len(rows.columns):
        hidden = [name for name in rows.columns if name not in names]
        note = (
            f'<p class="pk-note">{len(names)} of {len(rows.columns)} columns shown; '
            f"not shown: {html.escape(', '.join(hidden))}. "
            '<code>rows.to_html(columns="all")</code> shows them all.</p>'
        )
    head = [_HEADS.get(name, name) for name in names]
    return _wrap(_table(head, body, max(0, len(rows) - MAX_ROWS), caption), note)


_STATE_CSS = {
    "graded": "",
    "carried over": "pk-carried",
    "not graded": "pk-not-graded",
    "not yet graded": "pk-not-yet-graded",
    "ungraded": "pk-ungraded",
    "unknown": "pk-unknown",
}
_STATE_MARK = {"ungraded": "—", "unknown": "?"}
_CARRIED_MARK = " ↺"

LEGEND = (
    ("graded", "good", "a grade from this cycle's inspection"),
    (
        "carried over",
        "good",
        f"a grade carried over from an earlier cycle (marked {_CARRIED_MARK.strip()}, striped)",
    ),
    ("not graded", "not graded", "inspected, but the inspectorate gave no grade (framed, italic)"),
    ("not yet graded", "not yet graded", "a grade due but not yet published (blue, italic)"),
    ("ungraded", "—", "the framework gives this question no grade of its own (grey, —)"),
    ("unknown", "?", "peelkit has no source for this judgment; not a grade (dashed, ?)"),
)
"""The grid's legend: each cell state, a sample cell and what it means."""


def _grid_cell(grid: GradesGrid, name: str, column: Any) -> str:
    state = grid.state(name, column)
    words = grid.cell(name, column)
    wording = grid.wording(column)
    title = f"{name} · {grid.heading(column)}: {grid.words(name, column)}"
    if state == "carried over":
        title += " (carried over from an earlier cycle)"
    if wording:
        title += f" — {wording}"
    if words and state in ("graded", "carried over"):
        word = " / ".join(words)
        mark = _CARRIED_MARK if state == "carried over" else ""
        return _grade_cell(word, css=_STATE_CSS[state], title=title, mark=mark)
    text = _STATE_MARK.get(state, state)
    return _grade_cell(None, css=_STATE_CSS[state], title=title, mark=text)


def _legend(states: set[str]) -> str:
    rows = []
    for state, sample, meaning in LEGEND:
        if state not in states:
            continue
        if state in ("graded", "carried over"):
            mark = _CARRIED_MARK if state == "carried over" else ""
            sample_cell = _grade_cell(sample, css=_STATE_CSS[state], mark=mark)
        else:
            sample_cell = _grade_cell(None, css=_STATE_CSS[state], mark=sample)
        rows.append(
            f"<tr>{sample_cell}<td>{html.escape(state)}</td><td>{html.escape(meaning)}</td></tr>"
        )
    return (
        '<table class="peelkit pk-legend"><caption>Legend</caption><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def grid_html(grid: GradesGrid) -> str:
    """A grades table: one row per force, the columns grouped by pillar under their
    short labels (the wording on hover), every cell state told apart, and a legend."""
    groups: list[tuple[str, int]] = []
    for pillar, _ in grid.columns:
        if groups and groups[-1][0] == pillar.label:
            groups[-1] = (pillar.label, groups[-1][1] + 1)
        else:
            groups.append((pillar.label, 1))
    top = '<tr><th rowspan="2">force</th>' + "".join(
        f'<th colspan="{span}">{html.escape(label)}</th>' for label, span in groups
    )
    second = "<tr>"
    for column in grid.columns:
        label = "pillar" if column[1] is None else grid.label(column)
        wording = grid.wording(column)
        title = f' title="{html.escape(wording)}"' if wording else ""
        second += f"<th{title}>{html.escape(label)}</th>"
    head_html = top + "</tr>" + second + "</tr>"
    body = []
    states: set[str] = set()
    for name in grid.forces[:MAX_ROWS]:
        cells = [f"<td>{html.escape(name)}</td>"]
        for column in grid.columns:
            states.add(grid.state(name, column))
            cells.append(_grid_cell(grid, name, column))
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = max(0, len(grid.forces) - MAX_ROWS)
    noun = "force" if len(grid.forces) == 1 else "forces"
    caption = f"PEEL {grid.cycle}: {len(grid.forces)} {noun}"
    table = _table((), body, more, caption, head_html=head_html)
    parts = [table]
    unknown = grid.counts().get(UNKNOWN, 0)
    if unknown:
        total = len(grid.forces) * len(grid.columns)
        sentence = (
            f"{unknown} of {total} cell{'' if total == 1 else 's'} "
            f"{'is' if unknown == 1 else 'are'} unknown (?): peelkit has no source for "
            f"{'it' if unknown == 1 else 'them'}; they are not grades."
        )
        parts.append(f'<p class="pk-note">{html.escape(sentence)}</p>')
    parts.append(_legend(states))
    return _wrap(*parts)


def corpus_html(summary: str, grid: GradesGrid | None) -> str:
    """A corpus: its summary line and the grades table of its latest cycle (``None``
    for an empty corpus)."""
    shown = f"<p>{html.escape(summary)}</p>"
    return shown if grid is None else shown + grid_html(grid)


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
                f"{_text_cell(text or '')}"
                f"{_grade_cell(grade)}"
                f"<td>{html.escape(where)}</td>"
                f"<td>{areas or ''}</td>"
                "</tr>"
            )
    caption = f"{assessment.force}, PEEL {assessment.cycle}"
    head = ("", "question", "grade", "provenance", "areas for improvement")
    return _wrap(_table(head, body[:MAX_ROWS], max(0, len(body) - MAX_ROWS), caption))
