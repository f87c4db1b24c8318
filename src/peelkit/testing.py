"""Hypothesis strategies for every peelkit model class.

Use them to property-test your own code on peelkit objects, as peelkit's own
tests do::

    from hypothesis import given
    from peelkit.testing import assessments

    @given(assessments())
    def test_my_export(assessment): ...

This module needs the ``testing`` extra (``pip install peelkit[testing]``); it is
the only module of peelkit that imports hypothesis.

The strategies make *well-formed* objects (every invariant of a single object
holds), not necessarily *valid* ones: a generated grade may be off the cycle's
scale, for instance. Text strategies can be swapped with ``text=`` so that, say,
a page renderer is fed only text a page can hold.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from peelkit.corpus import Corpus
from peelkit.model import (
    INSPECTED,
    NOT_GRADED,
    NOT_YET_GRADED,
    AreaForImprovement,
    Assessment,
    By,
    CarriedOver,
    CauseOfConcern,
    Cycle,
    Deadline,
    Grade,
    Immediately,
    Judgment,
    Pillar,
    PillarAssessment,
    Provenance,
    QuestionAssessment,
    Recommendation,
    Within,
)

__all__ = [
    "areas_for_improvement",
    "assessments",
    "causes_of_concern",
    "corpora",
    "cycles",
    "dates",
    "deadlines",
    "grades",
    "judgments",
    "pillar_assessments",
    "pillars",
    "provenances",
    "question_assessments",
    "recommendations",
    "texts",
]

Texts = st.SearchStrategy[str]


def texts() -> Texts:
    """Non-blank text of any Unicode, including quotes, newlines and emoji."""
    return st.text(min_size=1, max_size=80).filter(lambda text: text.strip() != "")


def grades() -> st.SearchStrategy[Grade]:
    """Any grade."""
    return st.sampled_from(Grade)


def cycles() -> st.SearchStrategy[Cycle]:
    """Any cycle."""
    return st.sampled_from(Cycle)


def pillars() -> st.SearchStrategy[Pillar]:
    """Any pillar, including leadership and the 2021/22 areas of policing."""
    return st.sampled_from(Pillar)


def dates() -> st.SearchStrategy[dt.date]:
    """Dates from the first PEEL cycle to a decade on."""
    return st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2035, 12, 31))


def provenances() -> st.SearchStrategy[Provenance]:
    """Inspected, carried over (from any cycle, with or without the inspection named),
    not yet graded, or not graded."""
    return st.one_of(
        st.just(INSPECTED),
        st.builds(CarriedOver, cycles(), st.none() | pillars()),
        st.just(NOT_YET_GRADED),
        st.just(NOT_GRADED),
    )


def deadlines() -> st.SearchStrategy[Deadline]:
    """Within 1 to 24 months, by a date, or immediately."""
    return st.one_of(
        st.builds(Within, st.integers(min_value=1, max_value=24)),
        st.builds(By, dates()),
        st.just(Immediately()),
    )


def judgments() -> st.SearchStrategy[Judgment]:
    """A grade or none, any provenance, a last-updated date or none."""
    return st.builds(Judgment, st.none() | grades(), provenances(), st.none() | dates())


def areas_for_improvement(text: Texts | None = None) -> st.SearchStrategy[AreaForImprovement]:
    """An area for improvement, perhaps with a deadline, perhaps carried over."""
    return st.builds(
        AreaForImprovement,
        text if text is not None else texts(),
        st.none() | deadlines(),
        st.none() | cycles(),
    )


def recommendations(text: Texts | None = None) -> st.SearchStrategy[Recommendation]:
    """A recommendation, perhaps with a deadline."""
    return st.builds(Recommendation, text if text is not None else texts(), st.none() | deadlines())


def causes_of_concern(text: Texts | None = None) -> st.SearchStrategy[CauseOfConcern]:
    """A cause of concern with zero to three recommendations."""
    return st.builds(
        CauseOfConcern,
        text if text is not None else texts(),
        st.lists(recommendations(text), max_size=3).map(tuple),
    )


def question_assessments(text: Texts | None = None) -> st.SearchStrategy[QuestionAssessment]:
    """The assessment of one question, with all its findings."""
    words = text if text is not None else texts()
    return st.builds(
        QuestionAssessment,
        st.none() | st.integers(min_value=1, max_value=12),
        words,
        judgments(),
        st.lists(areas_for_improvement(text), max_size=3).map(tuple),
        st.lists(causes_of_concern(text), max_size=2).map(tuple),
        st.lists(words, max_size=3).map(tuple),
        st.booleans(),
    )


def pillar_assessments(
    text: Texts | None = None, pillar: st.SearchStrategy[Pillar] | None = None
) -> st.SearchStrategy[PillarAssessment]:
    """One pillar: headline question and judgment, summary and questions."""
    words = text if text is not None else texts()
    return st.builds(
        PillarAssessment,
        pillar if pillar is not None else pillars(),
        st.none() | words,
        judgments(),
        st.lists(words, max_size=3).map(tuple),
        st.lists(question_assessments(text), max_size=4).map(tuple),
    )


def assessments(text: Texts | None = None) -> st.SearchStrategy[Assessment]:
    """One force in one cycle, with up to three distinct pillars."""
    words = text if text is not None else texts()

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        chosen = draw(st.lists(pillars(), unique=True, max_size=3))
        return Assessment(
            force=draw(words),
            cycle=draw(cycles()),
            pillars=tuple(
                draw(pillar_assessments(text, pillar=st.just(pillar))) for pillar in chosen
            ),
            source=draw(st.none() | words),
        )

    return build()


def corpora(text: Texts | None = None) -> st.SearchStrategy[Corpus]:
    """A corpus of zero to four assessments."""
    return st.lists(assessments(text), max_size=4).map(Corpus)
