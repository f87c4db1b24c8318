"""Query results: the row classes, :class:`Rows` and the grades :class:`Grid`."""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

import attrs

from peelkit._arrow import to_arrow, to_polars, write_parquet
from peelkit._html import grid_html, rows_html
from peelkit.diagnostics import Severity, Violation
from peelkit.errors import FilterError
from peelkit.forces import try_force
from peelkit.frameworks import framework
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
from peelkit.tables import (
    Categories,
    Column,
    grid_frame,
    grid_text,
    records,
    text_table,
    to_frame,
    write_csv,
    write_csv_records,
)
from peelkit.text import UNKNOWN

if TYPE_CHECKING:
    import os


# -- rows ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _registry_place(name: str) -> tuple[str | None, str | None]:
    found = try_force(name)
    return (found.region, found.country) if found is not None else (None, None)


def _region(row: Any) -> str | None:
    return _registry_place(row.force)[0]


def _country(row: Any) -> str | None:
    return _registry_place(row.force)[1]


def _place(of: Any) -> Any:
    """A column read from the force registry (:data:`peelkit.FORCES`) by the row's force."""
    return attrs.field(default=attrs.Factory(of, takes_self=True), kw_only=True)


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
    ``region`` and ``country`` are the force's, from the force registry
    (:data:`peelkit.FORCES`; ``None`` for a name that is none of the 43).
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
    region: str | None = _place(_region)
    country: str | None = _place(_country)


@attrs.frozen
class AreaForImprovementRow:
    """One area for improvement, with the question it sits under and its deadline.

    ``region`` and ``country`` are the force's, as on :class:`JudgmentRow`.
    """

    force: str
    cycle: Cycle
    pillar: Pillar
    question_number: int | None
    question: str
    text: str
    deadline: Deadline | None
    carried_over_from: Cycle | None
    source: str | None
    region: str | None = _place(_region)
    country: str | None = _place(_country)


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


@attrs.frozen
class ViolationRow:
    """One broken rule as a table row (see :class:`peelkit.diagnostics.Violation`):
    the rule's code, ``error`` or ``warning``, the message, the ``peelkit/1`` path and,
    where known, the source file or URL and its line."""

    code: str
    severity: Severity
    message: str
    path: str
    source: str | None
    line: int | None


def violations_table(violations: Iterable[Violation]) -> Rows[ViolationRow]:
    """Violations (from :func:`peelkit.validate` and friends) as :class:`Rows`, so they
    show as a notebook table and go to CSV, DataFrames and Arrow like any query."""
    return Rows(
        ViolationRow,
        tuple(
            ViolationRow(v.code, v.severity, v.message, v.path, v.source, v.line)
            for v in violations
        ),
    )


R = TypeVar("R", JudgmentRow, AreaForImprovementRow, CompareRow, CoverageRow, ViolationRow)


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

    def to_html(self, columns: Sequence[str] | str | None = None) -> str:
        """The notebook table as HTML: the default columns (``None``; see
        ``SHOWN_COLUMNS`` in ``peelkit._html``), every column (``"all"``) or those named."""
        return rows_html(self, columns)

    def plot(self, **options: Any) -> Any:
        """A chart of judgment rows: one force's grades across cycles (a matplotlib
        ``Figure``; needs the ``charts`` extra); see :func:`peelkit.charts.history`."""
        from peelkit.charts import history

        if self.row_type is not JudgmentRow:
            raise FilterError(
                f"only judgment rows can be plotted (a history), not {self.row_type.__name__}"
            )
        return history(self, **options)

    def to_records(self) -> list[dict[str, str | int | None]]:
        """The rows as dicts of plain values (words, ISO dates, numbers, ``None``)."""

        return records(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the rows to ``path`` as CSV, atomically; see :func:`peelkit.tables.write_csv`."""

        write_csv(self, path)

    def to_frame(self, *, categories: Categories = "present") -> Any:
        """The rows as a pandas DataFrame (needs the ``dataframe`` extra); categorical
        columns hold the values present, or the whole scale with ``categories="all"``;
        see :func:`peelkit.tables.to_frame`."""

        return to_frame(self, categories=categories)

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
UNGRADED_WORD = "ungraded"
"""What a cell holds where the framework gave the question no grade of its own."""
CARRIED_OVER_WORD = "carried over"


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
    ``()`` where the judgment is unknown. ``carried_over`` holds the
    ``(force, column)`` cells whose grade stands from an earlier cycle.

    A cell is in one of six states (:meth:`state`): a grade of this cycle,
    ``carried over``, ``not graded`` (inspected, no grade given), ``not yet graded``,
    ``ungraded`` (the framework grades no such question) or ``unknown`` (no source).
    ``print(grid)`` shows a short text table; ``repr`` a one-line summary.
    """

    cycle: Cycle
    forces: tuple[str, ...]
    columns: tuple[Column, ...]
    cells: Mapping[str, Mapping[Column, tuple[str, ...]]] = attrs.field(
        converter=_frozen_cells, hash=False
    )
    carried_over: frozenset[tuple[str, Column]] = frozenset()

    def cell(self, force: str, column: Column) -> tuple[str, ...]:
        """The words in one cell; ``()`` where unknown."""
        return self.cells.get(force, {}).get(column, ())

    def words(self, force: str, column: Column) -> str:
        """One cell in words: its grades joined by a slash, or :meth:`state` if it has none."""
        return " / ".join(self.cell(force, column)) or self.state(force, column)

    def state(self, force: str, column: Column) -> str:
        """What kind of cell this is: ``graded``, ``carried over``, ``not graded``,
        ``not yet graded``, ``ungraded`` or ``unknown``."""
        found = self.cell(force, column)
        if (force, column) in self.carried_over and found:
            return CARRIED_OVER_WORD
        if found and found[0] in (NOT_GRADED_WORD, NOT_YET_GRADED_WORD):
            return found[0]
        if found:
            return "graded"
        if self.is_ungraded(column, force):
            return UNGRADED_WORD
        return UNKNOWN

    def is_ungraded(self, column: Column, force: str | None = None) -> bool:
        """Whether the cycle's framework gives ``column`` no grade (for ``force``)."""
        pillar, number = column
        found = framework(self.cycle).pillar(pillar)
        if found is None:
            return False
        if number is None:
            return not found.graded
        question = framework(self.cycle).question(pillar, number)
        if question is None:
            return False
        graded = question.graded if force is None else question.is_graded_for(force)
        return graded is False

    def label(self, column: Column) -> str:
        """The column's short heading: the area of policing (2021/22 on), ``Q3``, or
        the pillar's name for its own grade."""
        pillar, number = column
        if number is None:
            return pillar.label
        question = framework(self.cycle).question(pillar, number)
        if question is not None and question.area is not None:
            return question.area
        return f"Q{number}"

    def wording(self, column: Column) -> str | None:
        """The question's (or pillar's headline question's) canonical wording, if known."""
        pillar, number = column
        if number is None:
            found = framework(self.cycle).pillar(pillar)
            return found.headline_questions[0] if found and found.headline_questions else None
        question = framework(self.cycle).question(pillar, number)
        return None if question is None else question.wording

    def heading(self, column: Column) -> str:
        """The column's name in tables and files: ``Effectiveness``, ``Effectiveness Q3``,
        or (2021/22 on) the area of policing."""
        pillar, number = column
        label = self.label(column)
        return label if number is None or label != f"Q{number}" else f"{pillar.label} {label}"

    def counts(self) -> dict[str, int]:
        """How many cells hold each word (grades best first, then the rest); cells with
        no grade counted by :meth:`state` (``unknown``, ``ungraded``), as ``summary`` does."""
        counted: dict[str, int] = {}
        for name in self.forces:
            for column in self.columns:
                for word in self.cell(name, column) or (self.state(name, column),):
                    counted[word] = counted.get(word, 0) + 1
        order = [grade.value for grade in reversed(Grade)]
        order += [NOT_GRADED_WORD, NOT_YET_GRADED_WORD, UNGRADED_WORD, UNKNOWN]
        return dict(
            sorted(
                counted.items(),
                key=lambda item: order.index(item[0]) if item[0] in order else len(order),
            )
        )

    def to_records(self) -> list[dict[str, str]]:
        """One dict per force: ``force`` then each column's :meth:`heading` → :meth:`words`."""
        return [
            {"force": name, **{self.heading(c): self.words(name, c) for c in self.columns}}
            for name in self.forces
        ]

    def to_frame(self) -> Any:
        """The grid as a pandas DataFrame indexed by force, one text column per
        :meth:`heading`, every cell in words (``unknown`` included); needs the
        ``dataframe`` extra."""
        return grid_frame(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the grid as CSV (``force`` then one column per :meth:`heading`),
        atomically, through the package writer."""
        write_csv_records(self.to_records(), path)

    def plot(self, **options: Any) -> Any:
        """The grid as a heat map (a matplotlib ``Figure``; needs the ``charts`` extra);
        see :func:`peelkit.charts.heatmap`."""
        from peelkit.charts import heatmap

        return heatmap(self, **options)

    def __repr__(self) -> str:
        noun = "force" if len(self.forces) == 1 else "forces"
        judged = "judgment" if len(self.columns) == 1 else "judgments"
        return f"<Grid PEEL {self.cycle}: {len(self.forces)} {noun} × {len(self.columns)} {judged}>"

    def __str__(self) -> str:
        return grid_text(self)

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
