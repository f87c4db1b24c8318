"""The one query index: every judgment and area of a corpus, as rows, by key."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar, Protocol

from peelkit._memory import collector_paused
from peelkit.model import (
    AreaForImprovement,
    Assessment,
    CarriedOver,
    PillarAssessment,
    QuestionAssessment,
)
from peelkit.provenance import CorpusIndex, Step, follow, force_key
from peelkit.rows import AreaForImprovementRow, JudgmentRow

__all__ = ["Index", "Indexed", "of"]

# -- the index ------------------------------------------------------------------------


class Index(CorpusIndex):
    """The one index of a corpus: its pillars by force, cycle and pillar (as a
    :class:`~peelkit.provenance.CorpusIndex`, for following chains), and every
    judgment and area for improvement as rows, with ids by key.

    Built once per corpus, on its first query (see
    :attr:`peelkit.Corpus.query_index` and :func:`of`).
    """

    #: How many indexes have been built in this interpreter (read by the tests).
    built: ClassVar[int] = 0

    def __init__(self, assessments: Sequence[Assessment]) -> None:
        # Building makes many small objects and no cycles; the cyclic collector
        # would walk them all again and again, so it is paused meanwhile.
        with collector_paused():
            super().__init__(assessments)
            self._build(assessments)
        Index.built += 1

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
        chains = self
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


class Indexed(Protocol):
    """What a query asks of a corpus: its assessments, in order, and its one index.

    :class:`peelkit.Corpus` is one; the queries take any such, so they need not
    import the corpus that offers them as methods.
    """

    def __iter__(self) -> Iterator[Assessment]: ...

    @property
    def query_index(self) -> Index:
        """The index of the assessments, built once (see :func:`of`)."""


_building = threading.Lock()


def of(holder: Any, assessments: Sequence[Assessment]) -> Index:
    """The index kept in ``holder._index``, built from ``assessments`` the first time.

    Threads asking at once wait for one build and share it.
    """
    index: Index | None = holder._index
    if index is not None:
        return index
    with _building:
        index = holder._index
        if index is None:
            index = Index(assessments)
            object.__setattr__(holder, "_index", index)
        return index
