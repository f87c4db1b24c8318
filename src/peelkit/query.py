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
improvement"``, ``cycle="2018"`` or ``cycle=2018``), a force by any alias
(``force="the Met"``), or a list of such values, any of which may match. A bad
value raises :class:`FilterError` naming the allowed values or the close ones.

A filter left out matches anything (its default is :data:`ANY`). ``question=None``
is a filter like any other: it keeps the pillars' own (headline) judgments, in
every query.
"""

from __future__ import annotations

import difflib
import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, TypeVar

import attrs

from peelkit._deadlines import deadline_in
from peelkit._index import Index, Indexed
from peelkit.errors import FilterError, UnknownWordError, _raised_here
from peelkit.forces import FORCES, Force, UnknownForceError, force, try_force
from peelkit.frameworks import find_area, find_question, framework
from peelkit.model import (
    By,
    Cycle,
    Deadline,
    Grade,
    Immediately,
    Pillar,
    Within,
)
from peelkit.rows import (
    NOT_COMPARABLE,
    AreaForImprovementRow,
    Change,
    CompareRow,
    CoverageRow,
    Grid,
    JudgmentRow,
    Rows,
    _word,
)
from peelkit.text import fold

__all__ = [
    "ANY",
    "AnyType",
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


# -- filters ------------------------------------------------------------------------


class AnyType(enum.Enum):
    """The type of :data:`ANY`, the one value of a filter left out."""

    ANY = "any"

    def __repr__(self) -> str:
        return "ANY"


ANY: Final = AnyType.ANY
"""The default of every filter: match anything. Distinct from ``None``, which for
``question`` asks for the pillars' own judgments."""

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
    except UnknownWordError as error:
        raise FilterError(f"{value!r} is not a {noun}; {error.hint}") from None
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
    """``None`` (or ``None`` in a list) keeps headline judgments; a number or digits keep
    that question; other words keep the questions whose text holds them."""
    numbers: set[int | None] = set()
    texts: set[str] = set()
    for item in [None] if value is None else _listed(value):
        if item is None:
            numbers.add(None)
            continue
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise FilterError(
                f"expected a question number, words of its text or None, got {item!r}"
            )
        if isinstance(item, int) or item.strip().isdigit():
            number = int(item)
            if number < 1:
                raise FilterError(f"question numbers start at 1, not {number}")
            numbers.add(number)
        elif item.strip():
            texts.add(fold(item))
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
    return fold(text)


def _mentions(text: str | None, words: frozenset[str]) -> bool:
    if text is None:
        return False
    normalised = _normalised(text)
    return any(word in normalised for word in words)


def _flag_filter(name: str, value: object, test: Callable[[Any], bool]) -> _Filter:
    if not isinstance(value, bool):
        raise FilterError(f"{name} must be True or False, not {value!r}")
    return _Filter(((name, value),), lambda row: test(row) is value)


_REGIONS = {fold(each.region): each.region for each in FORCES if each.region}
_COUNTRIES = {fold(each.country): each.country for each in FORCES}


def _place_filter(noun: str, value: object, places: Mapping[str, str]) -> _Filter:
    """Rows of the forces in the regions (or countries) named: the forces' index keys."""
    chosen: set[str] = set()
    for item in _listed(value):
        word = places.get(fold(item)) if isinstance(item, str) else None
        if word is None:
            close = difflib.get_close_matches(
                fold(item) if isinstance(item, str) else "", list(places), n=3, cutoff=0.6
            )
            hint = (
                "did you mean " + " or ".join(repr(places[c]) for c in close) + "?"
                if close
                else "expected one of " + ", ".join(repr(p) for p in sorted(places.values()))
            )
            raise FilterError(f"{item!r} is not a {noun}; {hint}")
        chosen.add(word)
    names = frozenset(each.short_name for each in FORCES if getattr(each, noun) in chosen)
    return _Filter(tuple(("force", n) for n in names), lambda row: row.force in names)


def _refuse_none(**given: object) -> None:
    """``None`` is a value only for ``question``; elsewhere it was once "any", so say so."""
    for name, value in given.items():
        if value is None:
            raise FilterError(f"{name}=None matches nothing: leave {name} out to match any {name}")


def _common(
    index: Index,
    force: object,
    cycle: object,
    pillar: object,
    question: object,
    region: object = ANY,
    country: object = ANY,
) -> list[_Filter]:
    _refuse_none(force=force, cycle=cycle, pillar=pillar, region=region, country=country)
    filters = []
    if force is not ANY:
        filters.append(_force_filter(force, index.knows_force))
    if cycle is not ANY:
        filters.append(_enum_filter("cycle", Cycle, "cycle", cycle))
    if pillar is not ANY:
        filters.append(_enum_filter("pillar", Pillar, "pillar", pillar))
    if question is not ANY:
        filters.extend(_question_filters(question))
    if region is not ANY:
        filters.append(_place_filter("region", region, _REGIONS))
    if country is not ANY:
        filters.append(_place_filter("country", country, _COUNTRIES))
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


# -- queries --------------------------------------------------------------------------


@_raised_here
def judgments(
    corpus: Indexed,
    *,
    force: object = ANY,
    cycle: object = ANY,
    pillar: object = ANY,
    question: object = ANY,
    grade: object = ANY,
    carried_over: bool | AnyType = ANY,
    area: object = ANY,
    region: object = ANY,
    country: object = ANY,
) -> Rows[JudgmentRow]:
    """One row per judgment passing every filter given, in corpus order.

    A filter left out (:data:`~peelkit.query.ANY`) matches every row. ``question`` is a number or
    words of the question's text; ``question=None`` keeps the pillars' own
    (headline) judgments only. ``area`` is an area of policing (2021/22 on) in any
    of its wordings ("use of resources"), or a list of them: each cycle's own area
    is matched, so one wording finds the area in every cycle that knows it.

    ``grade`` matches the *resolved* grade, so a carried-over judgment is found by
    the grade it stands at. ``carried_over`` keeps only judgments carried over
    (``True``) or only those not (``False``). ``region`` ("South East", "Wales")
    and ``country`` ("England", "Wales") keep the forces of the force registry's
    regions and countries (:data:`peelkit.FORCES`).
    """
    index = corpus.query_index
    filters = _common(index, force, cycle, pillar, question, region, country)
    _refuse_none(grade=grade, carried_over=carried_over, area=area)
    if grade is not ANY:
        filters.append(_enum_filter("grade", Grade, "grade", grade))
    if carried_over is not ANY:
        filters.append(
            _flag_filter(
                "carried_over", carried_over, lambda row: row.carried_over_from is not None
            )
        )
    if area is not ANY:
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


def _change(before: Grade, before_cycle: Cycle, after: Grade, after_cycle: Cycle) -> Change:
    """How a grade moved; ``"not comparable"`` between cycles on different scales."""
    if framework(before_cycle).scale != framework(after_cycle).scale:
        return "not comparable"
    return "improved" if after > before else "declined" if after < before else "unchanged"


@_raised_here
def areas_for_improvement(
    corpus: Indexed,
    *,
    force: object = ANY,
    cycle: object = ANY,
    pillar: object = ANY,
    question: object = ANY,
    contains: str | AnyType = ANY,
    has_deadline: bool | AnyType = ANY,
    deadline: object = ANY,
    region: object = ANY,
    country: object = ANY,
) -> Rows[AreaForImprovementRow]:
    """One row per area for improvement passing every filter given, in corpus order.

    ``contains`` keeps areas whose text contains the words, ignoring case and
    white space; ``has_deadline`` keeps those with (``True``) or without a deadline.
    ``deadline`` keeps those due exactly so: a :data:`~peelkit.Deadline`
    (``Within(3)``, ``By(date)``, ``Immediately()``) or the words a page writes
    ("within 3 months", "within three months", "by 31 March 2019", "immediately"),
    or a list of them. ``question=None`` keeps areas stated for a whole pillar (none
    are, in the published pages); ``region`` and ``country`` as for :func:`judgments`.
    """
    index = corpus.query_index
    filters = _common(index, force, cycle, pillar, question, region, country)
    _refuse_none(contains=contains, has_deadline=has_deadline, deadline=deadline)
    if contains is not ANY:
        if not isinstance(contains, str) or not contains.strip():
            raise FilterError(f"contains must be some text, not {contains!r}")
        wanted = fold(contains)
        filters.append(_Filter(None, lambda row: wanted in fold(row.text)))
    if has_deadline is not ANY:
        filters.append(
            _flag_filter("has_deadline", has_deadline, lambda row: row.deadline is not None)
        )
    if deadline is not ANY:
        filters.append(_deadline_filter(deadline))
    return Rows(AreaForImprovementRow, _select(index, "areas", filters))


def _deadline_filter(value: object) -> _Filter:
    chosen = frozenset(_deadline(item) for item in _listed(value))
    return _Filter(None, lambda row: row.deadline in chosen)


def _deadline(value: object) -> Deadline:
    """A deadline given as one, or in the words a page writes it."""
    if isinstance(value, (Within, By, Immediately)):
        return value
    if isinstance(value, str):
        found = deadline_in(value.strip())  # the pages' one reading of the words
        if found is not None:
            return found
    raise FilterError(
        f"{value!r} is not a deadline; expected Within(months), By(date), Immediately() "
        "or words such as 'within 3 months', 'by 31 March 2019', 'immediately'"
    )


@_raised_here
def history(
    corpus: Indexed, force: object, pillar: object, question: int | str | None = None
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
        wanted = fold(question)
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


@_raised_here
def compare(
    corpus: Indexed, cycle_a: object, cycle_b: object, *, force: object = ANY, pillar: object = ANY
) -> Rows[CompareRow]:
    """Per force and pillar, the pillar grade in ``cycle_a`` and in ``cycle_b`` and how it moved.

    Every force and pillar with a judgment in either cycle has a row, sorted by
    force and pillar; ``change`` is ``None`` where a grade is missing on either side.
    """
    first = _member(Cycle, "cycle", cycle_a)
    second = _member(Cycle, "cycle", cycle_b)
    before = _standing(judgments(corpus, force=force, cycle=first, pillar=pillar, question=None))
    after = _standing(judgments(corpus, force=force, cycle=second, pillar=pillar, question=None))
    rows = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0], k[1].rank)):
        grade_a, grade_b = before.get(key), after.get(key)
        change: Change | None = None
        if grade_a is not None and grade_b is not None:
            change = _change(grade_a, first, grade_b, second)
        rows.append(CompareRow(key[0], key[1], first, grade_a, second, grade_b, change))
    return Rows(CompareRow, tuple(rows))


@_raised_here
def coverage(corpus: Indexed, cycle: object = ANY, *, force: object = ANY) -> Rows[CoverageRow]:
    """Per force and cycle from 2021/22, how many graded areas are known of those stated.

    ``cycle`` picks one cycle (default: every cycle with areas of policing). A force
    is listed for a cycle where the corpus holds any assessment of it; its total
    comes from the first stated ``areas_graded`` of its :class:`~peelkit.GradedAreas` among its
    versions, and ``known`` counts the distinct areas with a grade. Sorted by cycle,
    then force.
    """
    index = corpus.query_index
    cycles = (
        set(_AREA_CYCLES)
        if cycle is ANY or cycle is None
        else {_member(Cycle, "cycle", item) for item in _listed(cycle)}
    )
    names = None if force is ANY else _force_filter(force, index.knows_force)
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


@_raised_here
def grid(corpus: Indexed, cycle: object = None, *, questions: bool = True) -> Grid:
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
    carried: set[tuple[str, tuple[Pillar, int | None]]] = set()
    for row in judgments(corpus, cycle=chosen):
        if row.question_number is not None and not questions:
            continue
        column = (row.pillar, row.question_number)
        columns.add(column)
        words = cells.setdefault(row.force, {}).setdefault(column, [])
        word = _word(row)
        if word is not None and word not in words:
            words.append(word)
        if row.carried_over_from is not None:
            carried.add((row.force, column))
    return Grid(
        cycle=chosen,
        forces=tuple(sorted(cells)),
        columns=tuple(sorted(columns, key=lambda c: (c[0].rank, c[1] or 0))),
        cells={
            name: {column: tuple(words) for column, words in row.items()}
            for name, row in cells.items()
        },
        carried_over=frozenset(carried),
    )
