"""Query rows as Apache Arrow tables, Parquet files and Polars DataFrames.

One description of the columns serves all three: :func:`columns` reads each
field's type off the row class, so the columns, their order and their meaning
are those of ``docs/tables.md`` and of :func:`peelkit.tables.to_frame`:

* a field holding an enum (:class:`~peelkit.Cycle`, :class:`~peelkit.Pillar`,
  :class:`~peelkit.Grade`) is *categorical*: every member's word, in the enum's
  order (oldest cycle first, worst grade first). In Arrow it is an ordered
  ``dictionary<values=string, indices=int8>`` whose dictionary is the whole
  order, used or not, and whose field metadata ``peelkit.order`` repeats it as a
  JSON list (readers that drop dictionaries keep it that way); in Polars a
  ``pl.Enum`` of the same words, so comparisons follow the order;
* a date (``last_updated``) is ``date32`` (Polars ``Date``);
* a number (``question_number``) is a nullable ``int64``;
* everything else is UTF-8 text: the words of :func:`peelkit.tables.cell`
  (``carried_over``, ``within 3 months``), never neutralised as CSV cells are.

Nothing (``None``, an empty CSV cell) is ``null``. The schema's metadata names the
table (``peelkit.table``: ``judgments``, ``areas_for_improvement`` or ``compare``)
and the peelkit version that wrote it (``peelkit.version``).

pyarrow is imported only here, by the functions that need it, and polars only
by :func:`to_polars`, which does not need pyarrow.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal

import attrs

from peelkit._io import write_bytes
from peelkit._version import __version__
from peelkit.tables import MissingDependencyError, TableRows, cell

__all__ = [
    "Column",
    "arrow_schema",
    "columns",
    "parquet_bytes",
    "to_arrow",
    "to_polars",
    "write_parquet",
]

Kind = Literal["categorical", "date", "integer", "text"]

ORDER_KEY = b"peelkit.order"
"""The field metadata key of a categorical column's words, in order, as a JSON list."""

_TABLES = {
    "JudgmentRow": "judgments",
    "AreaForImprovementRow": "areas_for_improvement",
    "CompareRow": "compare",
    "CoverageRow": "coverage",
    "ViolationRow": "violations",
}


@attrs.frozen
class Column:
    """One column of a table: its name, the kind of its values and, if categorical,
    the enum members in order."""

    name: str
    kind: Kind
    members: tuple[enum.Enum, ...] = ()

    @property
    def order(self) -> tuple[str, ...]:
        """A categorical column's words, in order (``()`` for other kinds)."""
        return tuple(str(member.value) for member in self.members)


def _kind(annotation: object) -> tuple[Kind, tuple[enum.Enum, ...]]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        present = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(present) == 1:
            annotation = present[0]
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return "categorical", tuple(annotation)
        if issubclass(annotation, dt.date) and not issubclass(annotation, dt.datetime):
            return "date", ()
        if issubclass(annotation, int) and not issubclass(annotation, bool):
            return "integer", ()
    return "text", ()


def columns(row_type: type) -> tuple[Column, ...]:
    """The columns of a row class, in field order, each of the kind its type says."""
    hints = typing.get_type_hints(row_type)
    return tuple(Column(field.name, *_kind(hints[field.name])) for field in attrs.fields(row_type))


def _missing(package: str, extra: str, what: str) -> MissingDependencyError:
    return MissingDependencyError(f"{what} need {package}: pip install 'peelkit[{extra}]'")


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise _missing("pyarrow", "arrow", "Arrow tables and Parquet files") from None
    return pyarrow


def _parquet() -> Any:
    try:
        import pyarrow.parquet
    except ImportError:
        raise _missing("pyarrow", "arrow", "Parquet files") from None
    return pyarrow.parquet


def _polars() -> Any:
    try:
        import polars
    except ImportError:
        raise _missing("polars", "polars", "Polars DataFrames") from None
    return polars


def _values(rows: TableRows, name: str) -> list[Any]:
    return [getattr(row, name) for row in rows]


def arrow_schema(row_type: type) -> Any:
    """The ``pyarrow.Schema`` of a table of ``row_type`` rows (see the module's docstring)."""
    pa = _pyarrow()
    fields = []
    for column in columns(row_type):
        if column.kind == "categorical":
            kind = pa.dictionary(pa.int8(), pa.string(), ordered=True)
            metadata = {ORDER_KEY: json.dumps(column.order, ensure_ascii=False).encode()}
            fields.append(pa.field(column.name, kind, metadata=metadata))
        else:
            kind = {"date": pa.date32(), "integer": pa.int64(), "text": pa.string()}[column.kind]
            fields.append(pa.field(column.name, kind))
    table = _TABLES.get(row_type.__name__, row_type.__name__)
    return pa.schema(
        fields, metadata={b"peelkit.table": table.encode(), b"peelkit.version": __version__}
    )


def to_arrow(rows: TableRows) -> Any:
    """The rows as a ``pyarrow.Table`` of :func:`arrow_schema`; needs the ``arrow`` extra."""
    pa = _pyarrow()
    schema = arrow_schema(rows.row_type)
    arrays = []
    for column, field in zip(columns(rows.row_type), schema, strict=True):
        values = _values(rows, column.name)
        if column.kind == "categorical":
            position = {member: index for index, member in enumerate(column.members)}
            indices = pa.array(
                [None if value is None else position[value] for value in values], pa.int8()
            )
            words = pa.array(column.order, pa.string())
            arrays.append(pa.DictionaryArray.from_arrays(indices, words, ordered=True))
        elif column.kind == "text":
            arrays.append(pa.array([cell(value) for value in values], field.type))
        else:
            arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def parquet_bytes(rows: TableRows) -> bytes:
    """The rows as the bytes of a Parquet file holding :func:`to_arrow`'s table."""
    parquet = _parquet()
    pa = _pyarrow()
    sink = pa.BufferOutputStream()
    parquet.write_table(to_arrow(rows), sink)
    data: bytes = sink.getvalue().to_pybytes()
    return data


def write_parquet(rows: TableRows, path: str | os.PathLike[str]) -> None:
    """Write the rows as Parquet to ``path``, atomically: the file is whole or left as
    it was. Needs the ``arrow`` extra."""
    write_bytes(path, parquet_bytes(rows))


def to_polars(rows: TableRows) -> Any:
    """The rows as a ``polars.DataFrame``; needs the ``polars`` extra (not pyarrow).

    Categorical columns are ``pl.Enum``, so ``pl.col("grade") >= "good"`` keeps
    good and outstanding; ``last_updated`` is ``Date``, ``question_number``
    ``Int64`` and the rest ``String``.
    """
    pl = _polars()
    series = []
    for column in columns(rows.row_type):
        values: Sequence[Any] = _values(rows, column.name)
        if column.kind == "categorical":
            words = [None if value is None else value.value for value in values]
            series.append(pl.Series(column.name, words, dtype=pl.Enum(column.order)))
        elif column.kind == "text":
            series.append(pl.Series(column.name, [cell(v) for v in values], dtype=pl.String))
        else:
            kind = pl.Date if column.kind == "date" else pl.Int64
            series.append(pl.Series(column.name, values, dtype=kind))
    return pl.DataFrame(series)
