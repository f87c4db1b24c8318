"""Query rows as tables: plain values, text, CSV and pandas DataFrames.

Columns are the row classes' field names (see ``docs/tables.md``); cells are
plain values: grades, cycles, pillars and provenance kinds as their published
words, dates as ISO dates (``2019-05-02``), deadlines as ``within 3 months``,
``by 2019-03-31`` or ``immediately``, and nothing as an empty cell (``None``).

pandas is imported only by :func:`to_frame`, so peelkit works without it.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, Protocol

from peelkit._io import write_text
from peelkit.errors import FilterError, MissingDependencyError
from peelkit.model import By, Cycle, Evidence, Grade, Immediately, Pillar, Within

Categories = Literal["present", "all"]
"""Which categories a DataFrame's categorical column has: ``"present"``, the values
found in the rows (in their order: oldest cycle first, worst grade first), or
``"all"``, every member of the scale, used or not (as Arrow and Parquet do)."""

__all__ = [
    "Categories",
    "Column",
    "GradesGrid",
    "MissingDependencyError",
    "TableRows",
    "cell",
    "csv_text",
    "grid_frame",
    "grid_text",
    "neutralise",
    "records",
    "text_table",
    "to_frame",
    "write_csv",
    "write_csv_records",
]

Cell = str | int | None

Column = tuple[Pillar, int | None]
"""A column of a grades grid: a pillar and a question number (``None``: the pillar's own)."""


class TableRows(Protocol):
    """What a table is written from: rows of one class, in order.

    :class:`peelkit.Rows` is one; the writers here and in the HTML, Arrow and chart
    modules read only this much of it, so they need not know the queries.
    """

    @property
    def row_type(self) -> type[Any]:
        """The row class; its field names are the columns."""

    @property
    def rows(self) -> tuple[Any, ...]:
        """The rows, in order."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names: the row class's field names, in order."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Any]: ...


class GradesGrid(Protocol):
    """What a grades table is written from: forces × judgments of one cycle.

    :class:`peelkit.Grid` is one (its methods say what each of these means).
    """

    @property
    def cycle(self) -> Cycle:
        """The cycle graded."""

    @property
    def forces(self) -> tuple[str, ...]:
        """The rows: forces, by name."""

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns, pillar by pillar."""

    def cell(self, force: str, column: Column) -> tuple[str, ...]:
        """The words in one cell; ``()`` where unknown."""

    def words(self, force: str, column: Column) -> str:
        """One cell in words."""

    def state(self, force: str, column: Column) -> str:
        """What kind of cell this is (``graded``, ``carried over``, …)."""

    def label(self, column: Column) -> str:
        """The column's short heading."""

    def heading(self, column: Column) -> str:
        """The column's name in tables and files."""

    def wording(self, column: Column) -> str | None:
        """The question's canonical wording, if known."""

    def counts(self) -> Mapping[str, int]:
        """How many cells hold each word."""

    def to_records(self) -> Sequence[Mapping[str, str]]:
        """One record per force: ``force`` then each column's heading → words."""


_GRADE_COLUMNS = frozenset({"grade", "resolved_grade", "grade_a", "grade_b"})
_CYCLE_COLUMNS = frozenset({"cycle", "resolved_cycle", "carried_over_from", "cycle_a", "cycle_b"})
_DATE_COLUMNS = frozenset({"last_updated"})
_RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> Cell:
    """One value as a plain table cell."""
    if value is None or (isinstance(value, (str, int)) and not isinstance(value, bool)):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Within):
        return f"within {value.months} month{'' if value.months == 1 else 's'}"
    if isinstance(value, By):
        return f"by {value.date.isoformat()}"
    if isinstance(value, Immediately):
        return "immediately"
    kind = getattr(value, "kind", None)
    if isinstance(kind, str):  # a provenance
        return kind
    return str(value)


def records(rows: TableRows) -> list[dict[str, Cell]]:
    """The rows as dicts from column name to plain cell."""
    return _records(rows.columns, rows)


def _records(names: Sequence[str], rows: Iterable[Any]) -> list[dict[str, Cell]]:
    return [{name: cell(getattr(row, name)) for name in names} for row in rows]


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet: a leading ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a ``'`` in front, so the cell is never run as a formula."""
    return "'" + text if text.startswith(_RISKY_STARTS) else text


def csv_text(rows: TableRows) -> str:
    """The rows as CSV text: a header of column names, then one line per row.

    Text cells that a spreadsheet would run as a formula are neutralised
    (:func:`neutralise`); ``None`` is an empty cell.
    """
    return _csv(rows.columns, records(rows))


def _csv(names: Sequence[str], data: Sequence[dict[str, Cell]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    for record in data:
        writer.writerow(
            "" if value is None else neutralise(value) if isinstance(value, str) else value
            for value in (record[name] for name in names)
        )
    return buffer.getvalue()


def write_csv_records(data: Sequence[dict[str, Any]], path: str | os.PathLike[str]) -> None:
    """Write dicts of plain cells (the first one's keys as the header) as CSV, as
    :func:`write_csv` does; an empty sequence writes an empty file."""
    write_text(path, _csv(list(data[0]) if data else [], data))


def write_csv(rows: TableRows, path: str | os.PathLike[str]) -> None:
    """Write the rows as CSV (UTF-8, see :func:`csv_text`) to ``path``: a file is
    replaced atomically (whole or left as it was, its permissions kept), a link's
    target is replaced, and a device or FIFO is written into."""
    write_text(path, csv_text(rows))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(rows: TableRows, *, limit: int | None = 20, width: int | None = 40) -> str:
    """The rows as an aligned plain-text table; at most ``limit`` rows, then a count
    of the rest; cells cut to ``width`` characters (``None``: no limit)."""
    names = rows.columns
    shown = rows.rows if limit is None else rows.rows[:limit]
    lines = [
        [_shorten("" if v is None else str(v), width or 10**9) for v in record.values()]
        for record in _records(names, shown)
    ]
    widths = [max([len(name), *(len(line[i]) for line in lines)]) for i, name in enumerate(names)]
    out = ["  ".join(name.ljust(w) for name, w in zip(names, widths, strict=True)).rstrip()]
    out.extend(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )
    hidden = len(rows) - len(shown)
    if hidden:
        out.append(f"… {hidden} more row{'' if hidden == 1 else 's'}")
    if not rows:
        out.append("(no rows)")
    return "\n".join(out)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "DataFrames need pandas: pip install 'peelkit[dataframe]'"
        ) from None
    return pandas


_ORDERS: dict[str, tuple[str, ...]] = {
    **{name: tuple(g.value for g in Grade) for name in _GRADE_COLUMNS},
    **{name: tuple(c.value for c in Cycle) for name in _CYCLE_COLUMNS},
    "pillar": tuple(p.value for p in Pillar),
    "evidence": tuple(e.value for e in Evidence),
}


def _categories(
    order: tuple[str, ...], values: Sequence[Any], categories: Categories
) -> tuple[str, ...]:
    if categories == "all":
        return order
    if categories == "present":
        present = set(values)
        return tuple(word for word in order if word in present)
    raise FilterError(f"categories must be 'present' or 'all', not {categories!r}")


def to_frame(rows: TableRows, *, categories: Categories = "present") -> Any:
    """The rows as a pandas DataFrame with the columns of :attr:`~TableRows.columns`.

    Grades, cycles, pillars and evidence are ordered categoricals (worst grade and
    oldest cycle first) whose categories are the values present in the rows
    (``categories="present"``, so a chart draws no empty bars) or every member of
    the scale (``categories="all"``, as Arrow does). ``last_updated`` is datetime64,
    ``question_number`` a nullable integer, every other cell text (pandas'
    ``string`` dtype). A missing value is ``pd.NA`` in text and number columns and
    pandas' own marker in categorical and date columns: ``isna()`` finds them all,
    and no cell is ``None``. Raises :class:`MissingDependencyError` without pandas.
    """
    pd = _pandas()
    data = records(rows)
    columns: dict[str, Any] = {}
    for name in rows.columns:
        values: Sequence[Any] = [record[name] for record in data]
        if name in _ORDERS:
            kept = _categories(_ORDERS[name], values, categories)
            columns[name] = pd.Series(values, dtype=pd.CategoricalDtype(kept, ordered=True))
        elif name == "question_number":
            columns[name] = pd.Series(values, dtype="Int64")
        elif name in _DATE_COLUMNS:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601")
        else:
            columns[name] = _text_series(pd, values)
    return pd.DataFrame(columns, columns=list(rows.columns))


def _text_series(pd: Any, values: Sequence[Any]) -> Any:
    return pd.Series(
        [pd.NA if value is None else str(value) for value in values],
        dtype=pd.StringDtype("python"),
    )


def grid_frame(grid: GradesGrid) -> Any:
    """A grades grid (a :class:`peelkit.Grid`) as a DataFrame: indexed by ``force``, one text
    column per heading, each cell in words (``good``, ``unknown``, ``ungraded``)."""
    pd = _pandas()
    data = grid.to_records()
    names = ["force", *(grid.heading(column) for column in grid.columns)]
    frame = pd.DataFrame(
        {name: _text_series(pd, [record[name] for record in data]) for name in names},
        columns=names,
    )
    return frame.set_index("force")


_MARKS = {
    Grade.OUTSTANDING.value: "O",
    Grade.GOOD.value: "G",
    Grade.ADEQUATE.value: "A",
    Grade.REQUIRES_IMPROVEMENT.value: "RI",
    Grade.INADEQUATE.value: "I",
}


def grid_text(grid: GradesGrid, *, limit: int | None = 20) -> str:
    """A grid as a short text table: grades as ``O G A RI I``, other cells as
    ``ng`` (not graded), ``nyg`` (not yet graded), ``-`` (ungraded) or ``?`` (unknown),
    a ``*`` after a carried-over grade; at most ``limit`` forces, then a key."""
    others = {"not graded": "ng", "not yet graded": "nyg", "ungraded": "-", "unknown": "?"}
    head = ["force", *(_shorten(grid.label(column), 14) for column in grid.columns)]
    shown = grid.forces if limit is None else grid.forces[:limit]
    lines = []
    for name in shown:
        line = [name]
        for column in grid.columns:
            words = grid.cell(name, column)
            state = grid.state(name, column)
            mark = "/".join(_MARKS.get(word, others.get(word, word)) for word in words)
            line.append((mark or others[state]) + ("*" if state == "carried over" else ""))
        lines.append(line)
    widths = [max([len(h), *(len(line[i]) for line in lines)]) for i, h in enumerate(head)]
    out = [f"PEEL {grid.cycle}: {len(grid.forces)} force{'' if len(grid.forces) == 1 else 's'}"]
    out.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip())
    out += [
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in lines
    ]
    hidden = len(grid.forces) - len(shown)
    if hidden:
        out.append(f"… {hidden} more force{'' if hidden == 1 else 's'}")
    out.append(
        "key: O outstanding, G good, A adequate, RI requires improvement, I inadequate, "
        "* carried over, ng not graded, nyg not yet graded, - ungraded, ? unknown"
    )
    return "\n".join(out)
