"""Questions asked of a :class:`~peelkit.Corpus`, answered as frozen, typed rows.

Each query returns :class:`Rows`: an immutable sequence of one row class, with a
plain-text ``repr``, an HTML table for notebooks, :meth:`Rows.to_csv` and
:meth:`Rows.to_frame`. The row classes' fields are the table columns, documented
in ``docs/tables.md`` and kept stable.

The corpus builds its :class:`Index` on the first query and keeps it: every
judgment and area for improvement as a row, and the ids of the rows for each
force, cycle, pillar, question number and grade. A selective query intersects
the id sets its filters pick (walking the smallest) and tests a text filter on
the rows left only.

Filters take enum members or the published words (``grade="requires
improvement"``, ``cycle="2018"``), a force by any alias (``force="the Met"``), or
a list of such values, any of which may match. A bad value raises
:class:`FilterError` naming the allowed values.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

import attrs

from peelkit.errors import PeelkitError
from peelkit.forces import Force, UnknownForceError, force, try_force
from peelkit.frameworks import find_area, find_question, framework, normalise_wording
from peelkit.model import (
    AreaForImprovement,
    Assessment,
    CarriedOver,
    Cycle,
    Deadline,
    Evidence,
    Grade,
    NotGraded,
    NotYetGraded,
    Pillar,
    PillarAssessment,
    Provenance,
    QuestionAssessment,
)
from peelkit.provenance import CorpusIndex, Step, follow, force_key

if TYPE_CHECKING:
    import os

    from peelkit.corpus import Corpus

__all__ = [
    "AreaForImprovementRow",
    "Change",
    "CompareRow",
    "CoverageRow",
    "FilterError",
    "Grid",
    "Index",
    "JudgmentRow",
    "Rows",
    "areas_for_improvement",
    "compare",
    "coverage",
    "grid",
    "history",
    "judgments",
]


class FilterError(PeelkitError, ValueError):
    """A query filter has a value peelkit does not know; the message names the allowed ones."""


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
    ``note`` any caveat on it. ``change`` is set by :func:`history` only: how the
    grade moved from the row before, or why it cannot be compared.
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
"""What :func:`history` says of a move across the change of grading scale."""


def _change(before: Grade, before_cycle: Cycle, after: Grade, after_cycle: Cycle) -> Change:
    """How a grade moved; ``"not comparable"`` between cycles on different scales."""
    if framework(before_cycle).scale != framework(after_cycle).scale:
        return "not comparable"
    return "improved" if after > before else "declined" if after < before else "unchanged"


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
        from peelkit.tables import text_table

        return text_table(self)

    def _repr_html_(self) -> str:
        from peelkit._html import rows_html

        return rows_html(self)

    def to_records(self) -> list[dict[str, str | int | None]]:
        """The rows as dicts of plain values (words, ISO dates, numbers, ``None``)."""
        from peelkit.tables import records

        return records(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the rows to ``path`` as CSV, atomically; see :func:`peelkit.tables.write_csv`."""
        from peelkit.tables import write_csv

        write_csv(self, path)

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (needs the ``dataframe`` extra)."""
        from peelkit.tables import to_frame

        return to_frame(self)


# -- filters ------------------------------------------------------------------------

Row = TypeVar("Row", JudgmentRow, AreaForImprovementRow)


@attrs.frozen
class _Filter:
    """One filter: index keys (any of which may match) and the test a row must pass."""

    keys: tuple[tuple[str, object], ...] | None
    test: Callable[[Any], bool]


def _listed(value: object) -> list[object]:
    if isinstance(value, (str, bytes, enum.Enum, Force, int)) or not isinstance(value, Iterable):
        return [value]
    items = list(value)
    if not items:
        raise FilterError("a filter's list of values must not be empty")
    return items


def _words(cls: type[enum.Enum]) -> str:
    return ", ".join(repr(member.value) for member in cls)


def _member(cls: type[Any], noun: str, value: object) -> Any:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        raise FilterError(f"{value!r} is not a {noun}; expected one of {_words(cls)}") from None


def _force_filter(value: object, known: Callable[[str], bool]) -> _Filter:
    names = set()
    for item in _listed(value):
        if isinstance(item, Force):
            names.add(item.short_name)
        elif isinstance(item, str) and (found := try_force(item)) is not None:
            names.add(found.short_name)
        elif isinstance(item, str) and known(item):
            names.add(item)
        else:
            try:
                force(item)  # type: ignore[arg-type]
            except UnknownForceError as error:
                raise FilterError(str(error)) from None
            raise FilterError(f"expected a force's name, got {item!r}")  # pragma: no cover
    chosen = frozenset(names)
    return _Filter(tuple(("force", n) for n in chosen), lambda row: row.force in chosen)


def _enum_filter(field: str, cls: type[Any], noun: str, value: object) -> _Filter:
    chosen = frozenset(_member(cls, noun, item) for item in _listed(value))
    attribute = "resolved_grade" if field == "grade" else field
    return _Filter(
        tuple((field, member) for member in chosen),
        lambda row: getattr(row, attribute) in chosen,
    )


def _question_filters(value: object) -> list[_Filter]:
    numbers: set[int] = set()
    texts: set[str] = set()
    for item in _listed(value):
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise FilterError(f"expected a question number or words of its text, got {item!r}")
        if isinstance(item, int) or item.strip().isdigit():
            number = int(item)
            if number < 1:
                raise FilterError(f"question numbers start at 1, not {number}")
            numbers.add(number)
        elif item.strip():
            texts.add(normalise_wording(item))
        else:
            raise FilterError("a question's text must not be blank")
    if numbers and texts:
        chosen, words = frozenset(numbers), frozenset(texts)
        return [
            _Filter(
                None,
                lambda row: row.question_number in chosen or _mentions(row.question, words),
            )
        ]
    if numbers:
        chosen = frozenset(numbers)
        return [
            _Filter(
                tuple(("question", n) for n in chosen),
                lambda row: row.question_number in chosen,
            )
        ]
    words = frozenset(texts)
    return [_Filter(None, lambda row: _mentions(row.question, words))]


@functools.lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    return normalise_wording(text)


def _mentions(text: str | None, words: frozenset[str]) -> bool:
    if text is None:
        return False
    normalised = _normalised(text)
    return any(word in normalised for word in words)


def _flag_filter(name: str, value: object, test: Callable[[Any], bool]) -> _Filter:
    if not isinstance(value, bool):
        raise FilterError(f"{name} must be True or False, not {value!r}")
    return _Filter(((name, value),), lambda row: test(row) is value)


def _common(
    index: Index,
    force: object,
    cycle: object,
    pillar: object,
    question: object,
) -> list[_Filter]:
    filters = []
    if force is not None:
        filters.append(_force_filter(force, index.knows_force))
    if cycle is not None:
        filters.append(_enum_filter("cycle", Cycle, "cycle", cycle))
    if pillar is not None:
        filters.append(_enum_filter("pillar", Pillar, "pillar", pillar))
    if question is not None:
        filters.extend(_question_filters(question))
    return filters


def _select(index: Index, table: str, filters: list[_Filter]) -> tuple[Any, ...]:
    """The rows passing every filter, in order.

    The id sets of the indexed filters are intersected (a set intersection walks
    the smaller set), the ids sorted back into corpus order, and only those rows
    are tested against the filters without an index (text search).
    """
    rows: tuple[Any, ...] = index.judgments if table == "judgments" else index.areas
    indexed = [f for f in filters if f.keys is not None]
    rest = [f for f in filters if f.keys is None]
    if indexed:
        sets = sorted((index.ids(table, f.keys or ()) for f in indexed), key=len)
        chosen = sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]
        picked = [rows[i] for i in sorted(chosen)]
    else:
        picked = list(rows)
    for f in rest:
        test = f.test
        picked = [row for row in picked if test(row)]
    return tuple(picked)


# -- the index ------------------------------------------------------------------------


class Index:
    """Every judgment and area for improvement of a corpus as rows, with ids by key.

    Built once per corpus, on its first query (see :attr:`peelkit.Corpus.query_index`).
    """

    __slots__ = ("_raw_forces", "_sets", "area_keys", "areas", "judgment_keys", "judgments")

    def __init__(self, assessments: Sequence[Assessment]) -> None:
        # Building makes many small objects and no cycles; the cyclic collector
        # would walk them all again and again, so it is paused meanwhile.
        paused = gc.isenabled()
        gc.disable()
        try:
            self._build(assessments)
        finally:
            if paused:
                gc.enable()

    def _build(self, assessments: Sequence[Assessment]) -> None:
        places: list[tuple[str, Assessment, PillarAssessment, QuestionAssessment | None]] = []
        raw_forces: set[str] = set()
        for assessment in assessments:
            raw_forces.add(assessment.force)
            name = force_key(assessment.force)
            for pillar in assessment.pillars:
                places.append((name, assessment, pillar, None))
                places.extend((name, assessment, pillar, q) for q in pillar.questions)
        self._raw_forces = frozenset(raw_forces)
        self._sets: dict[tuple[str, tuple[str, object]], frozenset[int]] = {}
        chains = CorpusIndex(assessments)
        self.judgments: tuple[JudgmentRow, ...] = tuple(
            _judgment_row(name, assessment, pillar, question, chains)
            for name, assessment, pillar, question in places
        )
        self.areas: tuple[AreaForImprovementRow, ...] = tuple(
            _area_row(name, assessment, pillar, question, area)
            for name, assessment, pillar, question in places
            if question is not None
            for area in question.areas_for_improvement
        )
        self.judgment_keys = _keys(
            self.judgments,
            lambda row: (
                ("force", row.force),
                ("cycle", row.cycle),
                ("pillar", row.pillar),
                ("question", row.question_number),
                ("grade", row.resolved_grade),
                ("carried_over", row.carried_over_from is not None),
            ),
        )
        self.area_keys = _keys(
            self.areas,
            lambda row: (
                ("force", row.force),
                ("cycle", row.cycle),
                ("pillar", row.pillar),
                ("question", row.question_number),
                ("has_deadline", row.deadline is not None),
            ),
        )

    def ids(self, table: str, keys: Sequence[tuple[str, object]]) -> frozenset[int]:
        """The ids of the rows of ``table`` having any of ``keys``; each key's set is
        made on first use and kept."""
        found = [self._set(table, key) for key in keys]
        return found[0] if len(found) == 1 else frozenset().union(*found)

    def _set(self, table: str, key: tuple[str, object]) -> frozenset[int]:
        cached = self._sets.get((table, key))
        if cached is None:
            lists = self.judgment_keys if table == "judgments" else self.area_keys
            cached = self._sets[table, key] = frozenset(lists.get(key, ()))
        return cached

    def knows_force(self, name: str) -> bool:
        """Whether ``name`` is a force name used in the corpus as it stands."""
        return name in self._raw_forces


def _keys(
    rows: Sequence[Any], keys_of: Callable[[Any], tuple[tuple[str, object], ...]]
) -> dict[tuple[str, object], list[int]]:
    index: dict[tuple[str, object], list[int]] = {}
    for number, row in enumerate(rows):
        for key in keys_of(row):
            index.setdefault(key, []).append(number)
    return index


def _source(
    assessment: Assessment, pillar: PillarAssessment, question: QuestionAssessment | None
) -> str | None:
    judgment = pillar.judgment if question is None else question.judgment
    return (
        judgment.source
        or (question.source if question else None)
        or pillar.source
        or assessment.source
    )


def _judgment_row(
    name: str,
    assessment: Assessment,
    pillar: PillarAssessment,
    question: QuestionAssessment | None,
    chains: CorpusIndex,
) -> JudgmentRow:
    """The row of one judgment; a carried-over one is followed to the inspection that
    made it (:func:`peelkit.provenance.follow`)."""
    judgment = pillar.judgment if question is None else question.judgment
    number = None if question is None else question.number
    provenance = judgment.provenance
    resolved_grade, resolved_cycle = judgment.grade, assessment.cycle
    if isinstance(provenance, CarriedOver):
        start = Step(assessment.cycle, pillar.pillar, question, judgment, path="")
        found = follow(chains, name, start)
        resolved_grade, resolved_cycle = found.grade, found.cycle
    return JudgmentRow(
        force=name,
        cycle=assessment.cycle,
        pillar=pillar.pillar,
        question_number=number,
        question=pillar.headline_question if question is None else question.text,
        grade=judgment.grade,
        provenance=provenance,
        carried_over_from=provenance.from_cycle if isinstance(provenance, CarriedOver) else None,
        resolved_grade=resolved_grade,
        resolved_cycle=resolved_cycle,
        last_updated=judgment.last_updated,
        source=_source(assessment, pillar, question),
        evidence=judgment.evidence,
        note=judgment.note,
    )


def _area_row(
    name: str,
    assessment: Assessment,
    pillar: PillarAssessment,
    question: QuestionAssessment,
    area: AreaForImprovement,
) -> AreaForImprovementRow:
    return AreaForImprovementRow(
        force=name,
        cycle=assessment.cycle,
        pillar=pillar.pillar,
        question_number=question.number,
        question=question.text,
        text=area.text,
        deadline=area.deadline,
        carried_over_from=area.carried_over_from,
        source=_source(assessment, pillar, question),
    )


# -- queries --------------------------------------------------------------------------


def judgments(
    corpus: Corpus,
    *,
    force: object = None,
    cycle: object = None,
    pillar: object = None,
    question: object = None,
    grade: object = None,
    carried_over: bool | None = None,
    area: object = None,
) -> Rows[JudgmentRow]:
    """One row per judgment passing every filter given, in corpus order.

    ``area`` is an area of policing (2021/22 on) in any of its wordings
    ("use of resources"), or a list of them: each cycle's own area is matched, so
    one wording finds the area in every cycle that knows it.

    ``question`` is a number (pillar headline rows have none) or words of the
    question's text. ``grade`` matches the *resolved* grade, so a carried-over
    judgment is found by the grade it stands at. ``carried_over`` keeps only
    judgments carried over (``True``) or only those not (``False``).
    """
    index = corpus.query_index
    filters = _common(index, force, cycle, pillar, question)
    if grade is not None:
        filters.append(_enum_filter("grade", Grade, "grade", grade))
    if carried_over is not None:
        filters.append(
            _flag_filter(
                "carried_over", carried_over, lambda row: row.carried_over_from is not None
            )
        )
    if area is not None:
        filters.append(_area_filter(area))
    return Rows(JudgmentRow, _select(index, "judgments", filters))


_AREA_CYCLES = tuple(
    cycle for cycle in Cycle if framework(cycle).pillar(Pillar.AREAS_OF_POLICING) is not None
)


def _area_filter(value: object) -> _Filter:
    """Rows of the areas named, matched per cycle (numbers and wordings differ)."""
    wanted: set[tuple[Cycle, int]] = set()
    for item in _listed(value):
        if not isinstance(item, str) or not item.strip():
            raise FilterError(f"expected an area of policing's wording, got {item!r}")
        found = [(cycle, find_area(cycle, item)) for cycle in _AREA_CYCLES]
        matched = {(cycle, area.number) for cycle, area in found if area is not None}
        if not matched:
            raise FilterError(
                f"{item!r} is not an area of policing of any cycle from 2021/22; "
                "expected a wording such as 'Responding to the public'"
            )
        wanted |= matched
    chosen = frozenset(wanted)
    return _Filter(None, lambda row: (row.cycle, row.question_number) in chosen)


def areas_for_improvement(
    corpus: Corpus,
    *,
    force: object = None,
    cycle: object = None,
    pillar: object = None,
    question: object = None,
    contains: str | None = None,
    has_deadline: bool | None = None,
) -> Rows[AreaForImprovementRow]:
    """One row per area for improvement passing every filter given, in corpus order.

    ``contains`` keeps areas whose text contains the words, ignoring case and
    white space; ``has_deadline`` keeps those with (``True``) or without a deadline.
    """
    index = corpus.query_index
    filters = _common(index, force, cycle, pillar, question)
    if contains is not None:
        if not isinstance(contains, str) or not contains.strip():
            raise FilterError(f"contains must be some text, not {contains!r}")
        wanted = " ".join(contains.split()).casefold()
        filters.append(_Filter(None, lambda row: wanted in " ".join(row.text.split()).casefold()))
    if has_deadline is not None:
        filters.append(
            _flag_filter("has_deadline", has_deadline, lambda row: row.deadline is not None)
        )
    return Rows(AreaForImprovementRow, _select(index, "areas", filters))


def history(
    corpus: Corpus, force: object, pillar: object, question: int | str | None = None
) -> Rows[JudgmentRow]:
    """The judgments of one force's pillar (or one of its questions) across cycles.

    Rows come in cycle order; read ``resolved_grade`` for the grade each stands at.
    ``question`` is a number, or a question's wording, matched in each cycle to
    that cycle's number for it (numbers moved between cycles); ``None`` gives the
    pillar's headline judgments.
    """
    rows = judgments(corpus, force=force, pillar=pillar)
    if question is None:
        picked = [row for row in rows if row.question_number is None]
    elif isinstance(question, str) and not question.strip().isdigit():
        wanted = normalise_wording(question)
        picked = []
        for row in rows:
            found = find_question(row.cycle, question, row.pillar)
            if row.question_number is None:
                continue
            same = found.number == row.question_number if found is not None else None
            if same or (same is None and row.question and _normalised(row.question) == wanted):
                picked.append(row)
    else:
        if isinstance(question, bool) or not isinstance(question, (int, str)):
            raise FilterError(f"expected a question number or wording, got {question!r}")
        number = int(question)
        picked = [row for row in rows if row.question_number == number]
    ordered = sorted(picked, key=lambda row: row.cycle.rank)
    return Rows(JudgmentRow, tuple(_with_changes(ordered)))


def _with_changes(rows: list[JudgmentRow]) -> Iterator[JudgmentRow]:
    """Each row with how its resolved grade moved from the last graded row before it."""
    last: JudgmentRow | None = None
    for row in rows:
        change: str | None = None
        if last is not None and last.resolved_grade is not None and row.resolved_grade:
            change = _change(last.resolved_grade, last.cycle, row.resolved_grade, row.cycle)
            if change == "not comparable":
                change = NOT_COMPARABLE
        yield attrs.evolve(row, change=change) if change is not None else row
        if row.resolved_grade is not None:
            last = row


def _standing(rows: Iterable[JudgmentRow]) -> dict[tuple[str, Pillar], Grade | None]:
    """Per force and pillar, the first resolved grade among the versions (or ``None``)."""
    grades: dict[tuple[str, Pillar], Grade | None] = {}
    for row in rows:
        key = (row.force, row.pillar)
        if grades.get(key) is None:
            grades[key] = row.resolved_grade
    return grades


def compare(
    corpus: Corpus, cycle_a: object, cycle_b: object, *, force: object = None, pillar: object = None
) -> Rows[CompareRow]:
    """Per force and pillar, the pillar grade in ``cycle_a`` and in ``cycle_b`` and how it moved.

    Every force and pillar with a judgment in either cycle has a row, sorted by
    force and pillar; ``change`` is ``None`` where a grade is missing on either side.
    """
    first = _member(Cycle, "cycle", cycle_a)
    second = _member(Cycle, "cycle", cycle_b)
    before = _standing(
        row
        for row in judgments(corpus, force=force, cycle=first, pillar=pillar)
        if row.question_number is None
    )
    after = _standing(
        row
        for row in judgments(corpus, force=force, cycle=second, pillar=pillar)
        if row.question_number is None
    )
    rows = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0], k[1].rank)):
        grade_a, grade_b = before.get(key), after.get(key)
        change: Change | None = None
        if grade_a is not None and grade_b is not None:
            change = _change(grade_a, first, grade_b, second)
        rows.append(CompareRow(key[0], key[1], first, grade_a, second, grade_b, change))
    return Rows(CompareRow, tuple(rows))


def coverage(corpus: Corpus, cycle: object = None, *, force: object = None) -> Rows[CoverageRow]:
    """Per force and cycle from 2021/22, how many graded areas are known of those stated.

    ``cycle`` picks one cycle (default: every cycle with areas of policing). A force
    is listed for a cycle where the corpus holds any assessment of it; its total
    comes from the first stated :attr:`~peelkit.GradedAreas.areas_graded` among its
    versions, and ``known`` counts the distinct areas with a grade. Sorted by cycle,
    then force.
    """
    index = corpus.query_index
    cycles = (
        set(_AREA_CYCLES)
        if cycle is None
        else {_member(Cycle, "cycle", item) for item in _listed(cycle)}
    )
    names = None if force is None else _force_filter(force, index.knows_force)
    stated: dict[tuple[str, Cycle], int | None] = {}
    known: dict[tuple[str, Cycle], set[int]] = {}
    for assessment in corpus:
        if assessment.cycle not in cycles:
            continue
        found = try_force(assessment.force)
        name = found.short_name if found is not None else assessment.force
        key = (name, assessment.cycle)
        counts = assessment.graded_areas
        if stated.get(key) is None:
            stated[key] = counts.areas_graded if counts is not None else None
        areas = known.setdefault(key, set())
        for pillar in assessment.pillars:
            if pillar.pillar is not Pillar.AREAS_OF_POLICING:
                continue
            for question in pillar.questions:
                if question.judgment.grade is not None and question.number is not None:
                    areas.add(question.number)
    rows = []
    for name, in_cycle in sorted(stated, key=lambda k: (k[1].rank, k[0])):
        total, count = stated[name, in_cycle], len(known[name, in_cycle])
        row = CoverageRow(name, in_cycle, total, count, None if total is None else total - count)
        if names is None or names.test(_ForceProbe(name)):
            rows.append(row)
    return Rows(CoverageRow, tuple(rows))


@attrs.frozen
class _ForceProbe:
    force: str


# -- the grades grid -------------------------------------------------------------------

NOT_GRADED_WORD = "not graded"
NOT_YET_GRADED_WORD = "not yet graded"


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
    cells: dict[str, dict[tuple[Pillar, int | None], tuple[str, ...]]] = attrs.field(eq=False)

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
        from peelkit._html import grid_html

        return grid_html(self)


def _word(row: JudgmentRow) -> str | None:
    if row.resolved_grade is not None:
        return row.resolved_grade.value
    if isinstance(row.provenance, NotGraded):
        return NOT_GRADED_WORD
    if isinstance(row.provenance, NotYetGraded):
        return NOT_YET_GRADED_WORD
    return None


def grid(corpus: Corpus, cycle: object = None, *, questions: bool = True) -> Grid:
    """The grades table of ``cycle`` (the latest in the corpus if ``None``).

    Forces are sorted by name; columns run pillar by pillar, the pillar's own
    grade first and then its questions by number (with ``questions=True``).
    """
    if cycle is None:
        cycles = [assessment.cycle for assessment in corpus]
        if not cycles:
            raise FilterError("the corpus is empty: there is no latest cycle")
        chosen = max(cycles)
    else:
        chosen = _member(Cycle, "cycle", cycle)
    cells: dict[str, dict[tuple[Pillar, int | None], list[str]]] = {}
    columns: set[tuple[Pillar, int | None]] = set()
    for row in judgments(corpus, cycle=chosen):
        if row.question_number is not None and not questions:
            continue
        column = (row.pillar, row.question_number)
        columns.add(column)
        words = cells.setdefault(row.force, {}).setdefault(column, [])
        word = _word(row)
        if word is not None and word not in words:
            words.append(word)
    return Grid(
        cycle=chosen,
        forces=tuple(sorted(cells)),
        columns=tuple(sorted(columns, key=lambda c: (c[0].rank, c[1] or 0))),
        cells={
            name: {column: tuple(words) for column, words in row.items()}
            for name, row in cells.items()
        },
    )
