"""The domain model: enums built from published words, invariants, merging."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peelkit
from peelkit import (
    AreaForImprovement,
    Assessment,
    CarriedOver,
    CauseOfConcern,
    Cycle,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Recommendation,
    Within,
)
from peelkit.testing import assessments, grades


class TestGrade:
    def test_orders_worst_to_best(self) -> None:
        assert (
            Grade.INADEQUATE
            < Grade.REQUIRES_IMPROVEMENT
            < Grade.ADEQUATE
            < Grade.GOOD
            < Grade.OUTSTANDING
        )
        assert sorted(Grade, reverse=True)[0] is Grade.OUTSTANDING

    @pytest.mark.parametrize(
        ("word", "grade"),
        [
            ("Good", Grade.GOOD),
            ("OUTSTANDING", Grade.OUTSTANDING),
            ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
            ("  requires   improvement ", Grade.REQUIRES_IMPROVEMENT),
            ("‘requires improvement’", Grade.REQUIRES_IMPROVEMENT),
            ("'good'", Grade.GOOD),
            ("adequate", Grade.ADEQUATE),
        ],
    )
    def test_is_built_from_published_words(self, word: str, grade: Grade) -> None:
        assert Grade(word) is grade

    @pytest.mark.parametrize("word", ["excellent", "", "goodish", "not graded"])
    def test_refuses_other_words(self, word: str) -> None:
        with pytest.raises(ValueError, match="is not a grade"):
            Grade(word)

    def test_does_not_compare_with_other_types(self) -> None:
        with pytest.raises(TypeError):
            assert Grade.GOOD < "outstanding"

    def test_label_is_the_page_spelling(self) -> None:
        assert Grade.REQUIRES_IMPROVEMENT.label == "Requires improvement"
        assert str(Grade.GOOD) == "good"

    @given(grades(), grades())
    def test_ordering_is_total_and_matches_rank(self, a: Grade, b: Grade) -> None:
        assert (a < b) + (a == b) + (a > b) == 1
        assert (a < b) == (a.rank < b.rank)
        assert (a <= b) == (not a > b)


class TestCycle:
    @pytest.mark.parametrize(
        ("text", "cycle"),
        [
            ("2018/19", Cycle.PEEL_2018_19),
            ("2018", Cycle.PEEL_2018_19),
            ("2018-19", Cycle.PEEL_2018_19),
            ("2018–2019", Cycle.PEEL_2018_19),
            ("PEEL 2018/19", Cycle.PEEL_2018_19),
            ("peel 2015", Cycle.PEEL_2015),
            ("2021-22", Cycle.PEEL_2021_22),
            ("2023–2025", Cycle.PEEL_2023_25),
            ("2023/25", Cycle.PEEL_2023_25),
        ],
    )
    def test_accepts_common_spellings(self, text: str, cycle: Cycle) -> None:
        assert Cycle(text) is cycle

    @pytest.mark.parametrize("text", ["2019", "2020", "2019/20", "", "2018/20"])
    def test_refuses_years_without_a_cycle(self, text: str) -> None:
        with pytest.raises(ValueError, match="is not a cycle"):
            Cycle(text)

    def test_orders_in_time(self) -> None:
        assert list(Cycle) == sorted(Cycle)
        assert Cycle.PEEL_2017 < Cycle.PEEL_2018_19 < Cycle.PEEL_2021_22
        assert Cycle.PEEL_2018_19.year == 2018


class TestPillar:
    def test_any_case(self) -> None:
        assert Pillar("Effectiveness") is Pillar.EFFECTIVENESS
        assert Pillar.LEGITIMACY.label == "Legitimacy"


class TestInvariants:
    def test_months_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="months must be a positive number, not 0"):
            Within(0)

    @pytest.mark.parametrize(
        "build",
        [
            lambda: AreaForImprovement("  "),
            lambda: Recommendation(""),
            lambda: CauseOfConcern("\n"),
            lambda: QuestionAssessment(1, " "),
            lambda: Assessment("", Cycle.PEEL_2017),
            lambda: PillarAssessment(Pillar.EFFICIENCY, headline_question=" "),
        ],
    )
    def test_texts_must_not_be_blank(self, build: object) -> None:
        with pytest.raises(ValueError, match="must not be blank"):
            build()  # type: ignore[operator]

    def test_question_numbers_start_at_one(self) -> None:
        with pytest.raises(ValueError, match="question number must be 1 or more"):
            QuestionAssessment(0, "How effective is the force?")

    def test_objects_are_frozen(self) -> None:
        judgment = Judgment(Grade.GOOD)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            judgment.grade = Grade.INADEQUATE  # type: ignore[misc]

    def test_lists_become_tuples(self) -> None:
        question = QuestionAssessment(1, "Q?", summary=["one", "two"])
        assert question.summary == ("one", "two")


class TestLines:
    def test_line_is_kept_but_not_compared(self) -> None:
        here = AreaForImprovement("The force should act.", line=12)
        there = AreaForImprovement("The force should act.", line=40)
        assert here == there
        assert hash(here) == hash(there)
        assert here.line == 12

    def test_line_is_not_written_to_json(self) -> None:
        assessment = Assessment(
            "Kent",
            Cycle.PEEL_2017,
            [PillarAssessment(Pillar.EFFECTIVENESS, line=3, source="kent.txt")],
        )
        assert '"line"' not in peelkit.to_json(assessment)
        assert "kent.txt" not in peelkit.to_json(assessment)


class TestJudgment:
    def test_carried_over(self) -> None:
        assert Judgment(provenance=CarriedOver(Cycle.PEEL_2017)).carried_over
        assert not Judgment(Grade.GOOD).carried_over

    def test_defaults_to_inspected_without_grade(self) -> None:
        assert Judgment() == Judgment(None, peelkit.INSPECTED, None)


def _pillar(pillar: Pillar) -> PillarAssessment:
    return PillarAssessment(pillar, judgment=Judgment(Grade.GOOD, last_updated=dt.date(2019, 5, 2)))


class TestMerge:
    def test_combines_pillars_and_sources(self) -> None:
        a = Assessment("Kent", Cycle.PEEL_2018_19, [_pillar(Pillar.EFFECTIVENESS)], "a.txt")
        b = Assessment("Kent", Cycle.PEEL_2018_19, [_pillar(Pillar.EFFICIENCY)], "b.txt")
        merged = a.merge(b)
        assert [p.pillar for p in merged.pillars] == [Pillar.EFFECTIVENESS, Pillar.EFFICIENCY]
        assert merged.source == "a.txt; b.txt"
        assert merged.pillar("efficiency") == b.pillars[0]

    def test_refuses_another_force_or_cycle(self) -> None:
        a = Assessment("Kent", Cycle.PEEL_2018_19, [_pillar(Pillar.EFFECTIVENESS)])
        b = Assessment("Essex", Cycle.PEEL_2018_19, [_pillar(Pillar.EFFICIENCY)])
        with pytest.raises(ValueError, match="force and cycle must match"):
            a.merge(b)

    def test_refuses_a_pillar_twice(self) -> None:
        a = Assessment("Kent", Cycle.PEEL_2018_19, [_pillar(Pillar.EFFECTIVENESS)])
        with pytest.raises(ValueError, match="has effectiveness twice"):
            a.merge(a)

    @given(assessments(), st.data())
    def test_merge_of_a_split_is_the_whole(
        self, assessment: Assessment, data: st.DataObject
    ) -> None:
        cut = data.draw(st.integers(0, len(assessment.pillars)))
        head = attrs.evolve(assessment, pillars=assessment.pillars[:cut])
        tail = attrs.evolve(assessment, pillars=assessment.pillars[cut:], source=None)
        assert head.merge(tail) == assessment


@pytest.mark.parametrize("cls", [peelkit.Grade, peelkit.Cycle, peelkit.Pillar, peelkit.Evidence])
def test_an_ordered_enum_called_on_a_member_or_its_words_gives_the_member(
    cls: type[enum.Enum],
) -> None:
    for member in cls:
        assert cls(member) is member
        assert cls(member.value) is member
        assert cls(member.value.upper()) is member
    with pytest.raises(peelkit.UnknownWordError):
        cls("no such word")
    with pytest.raises(ValueError, match="expected one of"):
        cls(object())
