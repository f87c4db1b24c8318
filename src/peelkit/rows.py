"""Query results: the row classes, :class:`Rows` and the grades :class:`Grid`."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

import attrs

from peelkit._arrow import to_arrow, to_polars, write_parquet
from peelkit._html import grid_html, rows_html
from peelkit.model import (
    Cycle,
    Deadline,
    Evidence,
    Grade,
    NotGraded,
    NotYetGraded,
    Pillar,
    Provenance,
)
from peelkit.tables import records, text_table, to_frame, write_csv

if TYPE_CHECKING:
    import os


# -- rows ---------------------------------------------------------------------------


@attrs.frozen
class JudgmentRow:
    """One judgment: a pillar's headline judgment (``question_number`` None) or a question's.

    ``force`` is the force's short name (``"Kent"``), whatever alias the data used.
    ``question`` is the question's text, or the pillar's headline question.
    ``grade`` is the grade the page prints (``None`` if it prints none);
    ``resolved_grade`` and ``resolved_cycle`` are the grade and cycle of the
    inspection that produced the judgment, found by following carried-over
    judgments back through the corpus (2018/19 → 2017 → 2016). ``source`` is the
    URL or file of the fact, ``evidence`` how that source states the grade and
    ``note`` any caveat on it. ``change`` is set by :func:`~peelkit.query.history`
    only: how the grade moved from the row before, or why it cannot be compared.
    """

    force: str
    cycle: Cycle
    pillar: Pillar
    question_number: int | None
    question: str | None
    grade: Grade | None
    provenance: Provenance
    carried_over_from: Cycle | None
    resolved_grade: Grade | None
    resolved_cycle: Cycle | None
    last_updated: dt.date | None
    source: str | None
    evidence: Evidence | None = None
    note: str | None = None
    change: str | None = None


@attrs.frozen
class AreaForImprovementRow:
    """One area for improvement, with the question it sits under and its deadline."""

    force: str
    cycle: Cycle
    pillar: Pillar
    question_number: int | None
    question: str
    text: str
    deadline: Deadline | None
    carried_over_from: Cycle | None
    source: str | None


Change = Literal["improved", "declined", "unchanged", "not comparable"]
"""How a grade moved between two cycles; ``"not comparable"`` across the change of
grading scale in 2021/22 (the inspectorate says the two scales cannot be compared)."""

NOT_COMPARABLE = "not comparable: grading scale changed in 2021/22"
"""What :func:`~peelkit.query.history` says of a move across the change of grading scale."""


@attrs.frozen
class CompareRow:
    """One force and pillar in two cycles: the resolved grades and how they moved.

    ``change`` is ``None`` where either grade is unknown or was not given, and
    ``"not comparable"`` where the two cycles grade on different scales (four tiers
    until 2018/19, five from 2021/22).
    """

    force: str
    pillar: Pillar
    cycle_a: Cycle
    grade_a: Grade | None
    cycle_b: Cycle
    grade_b: Grade | None
    change: Change | None


@attrs.frozen
class CoverageRow:
    """How much of one force's graded areas in one cycle peelkit knows.

    ``areas_graded`` is how many areas the inspectorate graded, from the force's
    stated counts (``None`` where no source states it); ``known`` how many of them
    have a grade in the corpus; ``unknown`` the difference (``None`` if the total is
    unknown). ``str(row)`` says it in words: ``Kent 2023/25: 0 of 8 known``.
    """

    force: str
    cycle: Cycle
    areas_graded: int | None
    known: int
    unknown: int | None

    def __str__(self) -> str:
        if self.areas_graded is None:
            return f"{self.force} {self.cycle}: {self.known} known of an unstated number"
        return f"{self.force} {self.cycle}: {self.known} of {self.areas_graded} known"


R = TypeVar("R", JudgmentRow, AreaForImprovementRow, CompareRow, CoverageRow)


@attrs.frozen
class Rows(Sequence[R], Generic[R]):
    """The answer to a query: an immutable sequence of rows of one class.

    In a notebook it shows as a table; ``repr`` gives the same as text. The
    columns are the row class's fields (:attr:`columns`).
    """

    row_type: type[R]
    rows: tuple[R, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """The column names: the row class's field names, in order."""
        return tuple(field.name for field in attrs.fields(self.row_type))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[R]:
        return iter(self.rows)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Rows[R]: ...

    def __getitem__(self, index: int | slice) -> R | Rows[R]:
        if isinstance(index, slice):
            return Rows(self.row_type, self.rows[index])
        return self.rows[index]

    def __repr__(self) -> str:

        return text_table(self)

    def _repr_html_(self) -> str:

        return rows_html(self)

    def to_records(self) -> list[dict[str, str | int | None]]:
        """The rows as dicts of plain values (words, ISO dates, numbers, ``None``)."""

        return records(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the rows to ``path`` as CSV, atomically; see :func:`peelkit.tables.write_csv`."""

        write_csv(self, path)

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (needs the ``dataframe`` extra)."""

        return to_frame(self)

    def to_arrow(self) -> Any:
        """The rows as a ``pyarrow.Table`` (needs the ``arrow`` extra); see ``docs/tables.md``."""
        return to_arrow(self)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the rows to ``path`` as Parquet, atomically (needs the ``arrow`` extra)."""
        write_parquet(self, path)

    def to_polars(self) -> Any:
        """The rows as a ``polars.DataFrame`` (needs the ``polars`` extra)."""
        return to_polars(self)


# -- the grades grid -------------------------------------------------------------------

NOT_GRADED_WORD = "not graded"
NOT_YET_GRADED_WORD = "not yet graded"


def _frozen_cells(
    cells: Mapping[str, Mapping[tuple[Pillar, int | None], tuple[str, ...]]],
) -> Mapping[str, Mapping[tuple[Pillar, int | None], tuple[str, ...]]]:
    """Read-only views of copies of the cells, so a grid cannot be changed once made."""
    return types.MappingProxyType(
        {force: types.MappingProxyType(dict(row)) for force, row in cells.items()}
    )


@attrs.frozen
class Grid:
    """Forces × judgments of one cycle, like the inspectorate's grades table.

    ``columns`` are ``(pillar, question number)`` pairs (``None`` for the pillar's
    own grade). ``cells[force][column]`` holds the words of the resolved grades of
    every version, distinct, in order: ``("good",)``, ``("not graded",)``, or
    ``()`` where the judgment is unknown.
    """

    cycle: Cycle
    forces: tuple[str, ...]
    columns: tuple[tuple[Pillar, int | None], ...]
    cells: Mapping[str, Mapping[tuple[Pillar, int | None], tuple[str, ...]]] = attrs.field(
        converter=_frozen_cells, hash=False
    )

    def cell(self, force: str, column: tuple[Pillar, int | None]) -> tuple[str, ...]:
        """The words in one cell; ``()`` where unknown."""
        return self.cells.get(force, {}).get(column, ())

    def counts(self) -> dict[str, int]:
        """How many cells hold each word (grades best first, then the rest); unknown as ``""``."""
        counted: dict[str, int] = {}
        for name in self.forces:
            for column in self.columns:
                for word in self.cell(name, column) or ("",):
                    counted[word] = counted.get(word, 0) + 1
        order = [grade.value for grade in reversed(Grade)]
        order += [NOT_GRADED_WORD, NOT_YET_GRADED_WORD]
        return dict(
            sorted(
                counted.items(),
                key=lambda item: order.index(item[0]) if item[0] in order else len(order),
            )
        )

    def _repr_html_(self) -> str:

        return grid_html(self)


def _word(row: JudgmentRow) -> str | None:
    if row.resolved_grade is not None:
        return row.resolved_grade.value
    if isinstance(row.provenance, NotGraded):
        return NOT_GRADED_WORD
    if isinstance(row.provenance, NotYetGraded):
        return NOT_YET_GRADED_WORD
    return None
