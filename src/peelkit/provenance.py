"""Following carried-over judgments back to the inspection that made them.

"This question was not subject to detailed inspection in 2018/19, and our judgment
from the 2017 effectiveness inspection has been carried over": the grade of that
2018/19 question is the grade of the 2017 one, which may itself stand from 2016.
:func:`resolve` follows such a chain through a :class:`~peelkit.Corpus` and says
where it ends::

    index = CorpusIndex(corpus)          # build once, resolve many times
    found = resolve(index, "Kent", "2018/19", "effectiveness", 1)
    found.grade, found.cycle             # the grade, and the cycle that inspected it

A question keeps its identity across cycles by its wording, not its number: the
source question is the one the source cycle's framework knows by the same
(normalised) wording, and only when the wording is unknown there, the one with the
same number.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from peelkit.forces import force_key
from peelkit.frameworks import find_question, framework
from peelkit.model import (
    Assessment,
    CarriedOver,
    Cycle,
    Grade,
    Judgment,
    NotYetGraded,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
)
from peelkit.text import fold

__all__ = [
    "Break",
    "CorpusIndex",
    "Resolution",
    "Step",
    "follow",
    "force_key",
    "match_question",
    "resolve",
]


class Break(enum.Enum):
    """Why a chain of carried-over judgments stops short of an inspection."""

    ABSENT = "absent"
    """The corpus holds no assessment of the force, source cycle and pillar."""
    NO_QUESTION = "no question"
    """The source pillar is in the corpus but has no matching question."""
    NOT_INSPECTED = "not inspected"
    """The source question is there, but was not yet graded in that cycle."""
    NOT_EARLIER = "not earlier"
    """The judgment claims to stand from a cycle that is not earlier than its own."""


@attrs.frozen
class Step:
    """One judgment on a chain: its cycle and pillar, the question (``None`` for the
    pillar's own judgment), the judgment, and the path of the judgment in the corpus
    (``$.assessments[i].pillars[j].questions[k].judgment``; empty where a caller of
    :func:`follow` has no use for paths)."""

    cycle: Cycle
    pillar: Pillar
    question: QuestionAssessment | None
    judgment: Judgment
    path: str


@attrs.frozen
class Resolution:
    """Where a chain of carried-over judgments leads.

    ``steps`` are the judgments followed, the one asked about first. When the chain
    reaches a judgment that is not carried over, ``broken`` is ``None``; otherwise it
    says why the chain stops, and ``broken_at`` is the cycle it could not reach.
    """

    steps: tuple[Step, ...]
    broken: Break | None = None
    broken_at: Cycle | None = None

    @property
    def complete(self) -> bool:
        """Whether the chain ends at a judgment that is not carried over."""
        return self.broken is None

    @property
    def origin(self) -> Step:
        """The last judgment reached: the inspection itself when :attr:`complete`."""
        return self.steps[-1]

    @property
    def grade(self) -> Grade | None:
        """The grade the chain stands for: the origin's grade, or when the origin's page
        gives none, the nearest grade along the chain (they should all agree)."""
        for step in reversed(self.steps):
            if step.judgment.grade is not None:
                return step.judgment.grade
        return None

    @property
    def cycle(self) -> Cycle:
        """The cycle whose inspection the grade stands from: the origin's cycle, or
        when the source is missing from the corpus, the cycle the last page names."""
        if self.broken in (Break.ABSENT, Break.NO_QUESTION) and self.broken_at is not None:
            return self.broken_at
        return self.origin.cycle


class CorpusIndex:
    """The pillars of a corpus by force, cycle and pillar, for repeated :func:`resolve`.

    Forces are grouped by :func:`force_key`, so "Kent" and "Kent Police" are one
    force. Where a corpus holds two versions of a pillar, the first is followed.
    """

    def __init__(self, corpus: Iterable[Assessment]) -> None:
        self._pillars: dict[tuple[str, Cycle, Pillar], list[tuple[str, PillarAssessment]]] = {}
        for i, assessment in enumerate(corpus):
            key = force_key(assessment.force)
            for j, pillar in enumerate(assessment.pillars):
                entries = self._pillars.setdefault((key, assessment.cycle, pillar.pillar), [])
                entries.append((f"$.assessments[{i}].pillars[{j}]", pillar))

    def pillars(
        self, force: str, cycle: Cycle | str, pillar: Pillar | str
    ) -> list[tuple[str, PillarAssessment]]:
        """Every ``(path, pillar)`` of ``force`` in ``cycle``, in corpus order."""
        return self._pillars.get((force_key(force), Cycle(cycle), Pillar(pillar)), [])

    def groups(self) -> Iterable[list[tuple[str, PillarAssessment]]]:
        """The pillars grouped by force, cycle and pillar, in corpus order."""
        return self._pillars.values()


def match_question(
    question: QuestionAssessment,
    cycle: Cycle,
    pillar: Pillar,
    source: PillarAssessment,
    source_cycle: Cycle,
) -> tuple[int, QuestionAssessment] | None:
    """The question of ``source`` (a pillar of ``source_cycle``) that ``question`` (of
    ``pillar`` in ``cycle``) is, with its position; ``None`` if there is none.

    The source framework is asked for any wording of the question (its text, and
    every wording its own framework knows for it); failing that, the number is kept.
    The question of ``source`` with the number found is the match, or failing that,
    one whose text reads the same.
    """
    wordings = [question.text]
    known = (
        framework(cycle).question(pillar, question.number)
        if question.number is not None
        else find_question(cycle, question.text, pillar)
    )
    if known is not None:
        wordings.extend(known.wordings)
    number = question.number
    for wording in wordings:
        found = find_question(source_cycle, wording, source.pillar)
        if found is not None:
            number = found.number
            break
    if number is not None:
        for position, candidate in enumerate(source.questions):
            if candidate.number == number:
                return position, candidate
    keys = {fold(wording) for wording in wordings}
    for position, candidate in enumerate(source.questions):
        if fold(candidate.text) in keys:
            return position, candidate
    return None


def _start(
    index: CorpusIndex, force: str, cycle: Cycle, pillar: Pillar, question: int | str | None
) -> Step | None:
    for path, assessed in index.pillars(force, cycle, pillar):
        if question is None:
            return Step(cycle, pillar, None, assessed.judgment, f"{path}.judgment")
        for k, candidate in enumerate(assessed.questions):
            if (
                candidate.number == question
                if isinstance(question, int)
                else fold(candidate.text) == fold(question)
            ):
                return Step(
                    cycle, pillar, candidate, candidate.judgment, f"{path}.questions[{k}].judgment"
                )
    return None


def resolve(
    index: CorpusIndex | Iterable[Assessment],
    force: str,
    cycle: Cycle | str,
    pillar: Pillar | str,
    question: int | str | None,
) -> Resolution | None:
    """Follow the judgment of ``question`` of ``pillar`` for ``force`` in ``cycle`` back
    through carried-over judgments to the inspection that made it.

    ``question`` is a question number, a question's wording, or ``None`` for the
    pillar's own judgment. Returns ``None`` if the corpus has no such judgment to
    start from; otherwise a :class:`Resolution` (whose ``grade`` and ``cycle`` are
    what a table of resolved grades wants). A chain never loops: it stops at a
    judgment that claims to stand from a cycle that is not earlier than its own.
    """
    if not isinstance(index, CorpusIndex):
        # A corpus keeps its one index; any other iterable is indexed for this call.
        kept = getattr(index, "query_index", None)
        index = kept if isinstance(kept, CorpusIndex) else CorpusIndex(index)
    start = _start(index, force, Cycle(cycle), Pillar(pillar), question)
    return None if start is None else follow(index, force, start)


def follow(index: CorpusIndex, force: str, start: Step) -> Resolution:
    """Follow the judgment of ``start`` (of ``force``) back through carried-over
    judgments; :func:`resolve` for a judgment already in hand.

    Use it when the judgment is known, not just its place: with two versions of a
    pillar in a corpus, :func:`resolve` starts from the first.
    """
    current = start
    steps = [current]
    while isinstance(current.judgment.provenance, CarriedOver):
        provenance = current.judgment.provenance
        source_cycle = provenance.from_cycle
        source_pillar = provenance.inspection or current.pillar
        if source_cycle >= current.cycle:
            return Resolution(tuple(steps), Break.NOT_EARLIER, source_cycle)
        found = _follow(index, force, current, source_cycle, source_pillar)
        if isinstance(found, Break):
            return Resolution(tuple(steps), found, source_cycle)
        current = found
        steps.append(current)
        if isinstance(current.judgment.provenance, NotYetGraded):
            return Resolution(tuple(steps), Break.NOT_INSPECTED, source_cycle)
    return Resolution(tuple(steps))


def _follow(
    index: CorpusIndex, force: str, current: Step, source_cycle: Cycle, source_pillar: Pillar
) -> Step | Break:
    entries = index.pillars(force, source_cycle, source_pillar)
    if not entries:
        return Break.ABSENT
    path, source = entries[0]
    if current.question is None:
        return Step(source_cycle, source_pillar, None, source.judgment, f"{path}.judgment")
    if not source.questions:
        # A pillar known only by its grade says nothing about its questions.
        return Break.ABSENT
    matched = match_question(current.question, current.cycle, current.pillar, source, source_cycle)
    if matched is None:
        return Break.NO_QUESTION
    k, question = matched
    return Step(
        source_cycle, source_pillar, question, question.judgment, f"{path}.questions[{k}].judgment"
    )
