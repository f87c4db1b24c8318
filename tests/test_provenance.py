"""Following carried-over judgments through a corpus."""

from __future__ import annotations

from peelkit import (
    INSPECTED,
    NOT_YET_GRADED,
    Assessment,
    CarriedOver,
    Corpus,
    Cycle,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
)
from peelkit.provenance import Break, CorpusIndex, resolve

E = Pillar.EFFECTIVENESS
PREVENTING_2015 = (
    "How effective is the force at preventing crime and anti-social behaviour, and keeping "
    "people safe?"
)
SOC_2018 = "How effective is the force at tackling serious and organised crime?"


def assessment(cycle: str, *questions: QuestionAssessment, force: str = "Kent") -> Assessment:
    pillar = PillarAssessment(E, judgment=Judgment(Grade.GOOD), questions=questions)
    return Assessment(force, Cycle(cycle), [pillar])


def carried(number: int, text: str, source: str, grade: Grade | None = None) -> QuestionAssessment:
    return QuestionAssessment(number, text, Judgment(grade, CarriedOver(Cycle(source))))


def inspected(number: int, text: str, grade: Grade | None) -> QuestionAssessment:
    return QuestionAssessment(number, text, Judgment(grade, INSPECTED))


def test_a_chain_is_followed_to_the_inspection() -> None:
    corpus = Corpus(
        [
            assessment("2018/19", carried(4, SOC_2018, "2017")),
            assessment("2017", carried(4, SOC_2018, "2016"), force="Kent Police"),
            assessment("2016", inspected(4, SOC_2018, Grade.OUTSTANDING), force="kent"),
        ]
    )
    found = resolve(corpus, "Kent", "2018/19", "effectiveness", 4)
    assert found is not None
    assert found.complete
    assert (found.grade, found.cycle) == (Grade.OUTSTANDING, Cycle.PEEL_2016)
    assert [step.cycle for step in found.steps] == [
        Cycle.PEEL_2018_19,
        Cycle.PEEL_2017,
        Cycle.PEEL_2016,
    ]
    assert found.origin.path == "$.assessments[2].pillars[0].questions[0].judgment"


def test_an_inspected_judgment_resolves_to_itself() -> None:
    corpus = Corpus([assessment("2016", inspected(4, SOC_2018, Grade.GOOD))])
    found = resolve(CorpusIndex(corpus), "Kent", "2016", E, SOC_2018)
    assert found is not None
    assert (found.grade, found.cycle, len(found.steps)) == (Grade.GOOD, Cycle.PEEL_2016, 1)


def test_a_question_is_matched_by_wording_when_numbers_differ() -> None:
    corpus = Corpus(
        [
            assessment("2016", carried(9, SOC_2018, "2015")),
            assessment(
                "2015", inspected(4, "Renumbered", None), inspected(1, PREVENTING_2015, None)
            ),
        ]
    )
    # 2015's framework has no question with the 2016 wording: number 9 is kept, and no
    # 2015 question has it, so the text is compared, and nothing matches.
    found = resolve(corpus, "Kent", "2016", E, 9)
    assert found is not None
    assert (found.broken, found.broken_at) == (Break.NO_QUESTION, Cycle.PEEL_2015)
    assert found.cycle is Cycle.PEEL_2015


def test_the_source_framework_maps_a_wording_to_its_number() -> None:
    corpus = Corpus(
        [
            assessment("2017", carried(3, SOC_2018, "2016")),  # 2016 calls it question 4
            assessment("2016", inspected(4, SOC_2018, Grade.GOOD)),
        ]
    )
    found = resolve(corpus, "Kent", "2017", E, 3)
    assert found is not None
    assert (found.complete, found.grade) == (True, Grade.GOOD)


def test_a_missing_source_breaks_the_chain() -> None:
    alone = Corpus([assessment("2018/19", carried(4, SOC_2018, "2017", Grade.GOOD))])
    found = resolve(alone, "Kent", "2018/19", E, 4)
    assert found is not None
    assert (found.broken, found.broken_at, found.grade) == (
        Break.ABSENT,
        Cycle.PEEL_2017,
        Grade.GOOD,
    )
    assert found.cycle is Cycle.PEEL_2017  # the cycle the page names


def test_a_source_not_yet_graded_breaks_the_chain() -> None:
    pending = QuestionAssessment(4, SOC_2018, Judgment(None, NOT_YET_GRADED))
    corpus = Corpus(
        [assessment("2018/19", carried(4, SOC_2018, "2017")), assessment("2017", pending)]
    )
    found = resolve(corpus, "Kent", "2018/19", E, 4)
    assert found is not None
    assert (found.broken, found.cycle, len(found.steps)) == (
        Break.NOT_INSPECTED,
        Cycle.PEEL_2017,
        2,
    )


def test_a_chain_never_loops() -> None:
    corpus = Corpus(
        [
            assessment("2018/19", carried(4, SOC_2018, "2017")),
            assessment("2017", carried(4, SOC_2018, "2018/19")),
        ]
    )
    found = resolve(corpus, "Kent", "2018/19", E, 4)
    assert found is not None
    assert (found.broken, found.broken_at) == (Break.NOT_EARLIER, Cycle.PEEL_2018_19)
    assert len(found.steps) == 2


def test_a_pillar_judgment_can_be_followed() -> None:
    carried_pillar = PillarAssessment(E, judgment=Judgment(None, CarriedOver(Cycle.PEEL_2017)))
    corpus = Corpus(
        [
            Assessment("Kent", Cycle.PEEL_2018_19, [carried_pillar]),
            assessment("2017"),
        ]
    )
    found = resolve(corpus, "Kent", "2018/19", E, None)
    assert found is not None
    assert (found.grade, found.cycle) == (Grade.GOOD, Cycle.PEEL_2017)


def test_nothing_to_start_from() -> None:
    assert resolve(Corpus([]), "Kent", "2018/19", E, 1) is None
    assert resolve(Corpus([assessment("2018/19")]), "Kent", "2018/19", E, 1) is None
