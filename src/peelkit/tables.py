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
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from peelkit._io import write_text
from peelkit.errors import MissingDependencyError
from peelkit.model import By, Cycle, Evidence, Grade, Immediately, Pillar, Within

if TYPE_CHECKING:
    from peelkit.rows import Rows

__all__ = [
    "MissingDependencyError",
    "cell",
    "csv_text",
    "neutralise",
    "records",
    "text_table",
    "to_frame",
    "write_csv",
]

Cell = str | int | None

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


def records(rows: Rows[Any]) -> list[dict[str, Cell]]:
    """The rows as dicts from column name to plain cell."""
    names = rows.columns
    return [{name: cell(getattr(row, name)) for name in names} for row in rows]


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet: a leading ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a ``'`` in front, so the cell is never run as a formula."""
    return "'" + text if text.startswith(_RISKY_STARTS) else text


def csv_text(rows: Rows[Any]) -> str:
    """The rows as CSV text: a header of column names, then one line per row.

    Text cells that a spreadsheet would run as a formula are neutralised
    (:func:`neutralise`); ``None`` is an empty cell.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(rows.columns)
    for record in records(rows):
        writer.writerow(
            "" if value is None else neutralise(value) if isinstance(value, str) else value
            for value in record.values()
        )
    return buffer.getvalue()


def write_csv(rows: Rows[Any], path: str | os.PathLike[str]) -> None:
    """Write the rows as CSV (UTF-8, see :func:`csv_text`) to ``path``: a file is
    replaced atomically (whole or left as it was, its permissions kept), a link's
    target is replaced, and a device or FIFO is written into."""
    write_text(path, csv_text(rows))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def text_table(rows: Rows[Any], *, limit: int | None = 20, width: int | None = 40) -> str:
    """The rows as an aligned plain-text table; at most ``limit`` rows, then a count
    of the rest; cells cut to ``width`` characters (``None``: no limit)."""
    names = rows.columns
    shown = rows.rows if limit is None else rows.rows[:limit]
    lines = [
        [_shorten("" if v is None else str(v), width or 10**9) for v in record.values()]
        for record in records(type(rows)(rows.row_type, shown))
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


def to_frame(rows: Rows[Any]) -> Any:
    """The rows as a pandas DataFrame with the columns of :attr:`Rows.columns`.

    Grades are an ordered categorical, worst to best; cycles and pillars ordered
    categoricals too; ``last_updated`` is datetime64; ``question_number`` a
    nullable integer; other cells are the plain values of :func:`cell`. Raises
    :class:`MissingDependencyError` without pandas.
    """
    pd = _pandas()
    data = records(rows)
    columns: dict[str, Any] = {}
    for name in rows.columns:
        values: Sequence[Any] = [record[name] for record in data]
        if name in _GRADE_COLUMNS:
            dtype = pd.CategoricalDtype([g.value for g in Grade], ordered=True)
            columns[name] = pd.Series(values, dtype=dtype)
        elif name in _CYCLE_COLUMNS:
            dtype = pd.CategoricalDtype([c.value for c in Cycle], ordered=True)
            columns[name] = pd.Series(values, dtype=dtype)
        elif name == "pillar":
            dtype = pd.CategoricalDtype([p.value for p in Pillar], ordered=True)
            columns[name] = pd.Series(values, dtype=dtype)
        elif name == "evidence":
            dtype = pd.CategoricalDtype([e.value for e in Evidence], ordered=True)
            columns[name] = pd.Series(values, dtype=dtype)
        elif name == "question_number":
            columns[name] = pd.Series(values, dtype="Int64")
        elif name in _DATE_COLUMNS:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object), format="ISO8601")
        else:
            columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns, columns=list(rows.columns))
