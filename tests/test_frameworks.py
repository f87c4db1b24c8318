"""Specification of peelkit.frameworks: each PEEL cycle's questions, wordings and scale."""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit.errors import PeelkitError
from peelkit.frameworks import (
    FRAMEWORKS,
    Framework,
    FrameworkPillar,
    FrameworkQuestion,
    UnknownQuestionError,
    closest_questions,
    find_headline,
    find_question,
    framework,
    normalise_wording,
)
from peelkit.model import Cycle, Grade, Pillar

E, F, L = Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY
LEAD, AREAS = Pillar.LEADERSHIP, Pillar.AREAS_OF_POLICING

FOUR_TIER = (Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING)
FIVE_TIER = (
    Grade.INADEQUATE,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.ADEQUATE,
    Grade.GOOD,
    Grade.OUTSTANDING,
)


def wordings_of(cycle: Cycle, pillar: Pillar) -> list[tuple[int, str, bool]]:
    entry = framework(cycle).pillar(pillar)
    assert entry is not None
    return [(q.number, q.wording, q.graded) for q in entry.questions]


# -- one framework per cycle ----------------------------------------------------------


def test_there_is_one_framework_per_cycle_oldest_first() -> None:
    assert [f.cycle for f in FRAMEWORKS] == list(Cycle)


@pytest.mark.parametrize("words", ["2018/19", "2018-19", "2018", "PEEL 2018/19"])
def test_framework_accepts_a_cycle_or_its_words(words: str) -> None:
    assert framework(words) is framework(Cycle.PEEL_2018_19)


def test_framework_of_an_unknown_cycle_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="2019/20"):
        framework("2019/20")


def test_frameworks_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        framework("2015").cycle = Cycle.PEEL_2016  # type: ignore[misc]


# -- scales -----------------------------------------------------------------------------


@pytest.mark.parametrize("cycle", [c for c in Cycle if c <= Cycle.PEEL_2018_19])
def test_four_tier_scale_without_adequate_until_2018_19(cycle: Cycle) -> None:
    assert framework(cycle).scale == FOUR_TIER
    assert Grade.ADEQUATE not in framework(cycle).scale


@pytest.mark.parametrize("cycle", [Cycle.PEEL_2021_22, Cycle.PEEL_2023_25])
def test_five_tier_scale_with_adequate_from_2021_22(cycle: Cycle) -> None:
    assert framework(cycle).scale == FIVE_TIER


# -- 2018/19, exactly as the grades table -------------------------------------------------


def test_2018_19_has_ten_questions_five_two_three() -> None:
    frame = framework("2018/19")
    assert [p.pillar for p in frame.pillars] == [E, F, L]
    assert len(frame.questions) == 10
    assert [len(p.questions) for p in frame.pillars] == [5, 2, 3]


def test_2018_19_effectiveness_questions() -> None:
    assert wordings_of(Cycle.PEEL_2018_19, E) == [
        (
            1,
            "How effective is the force at preventing crime, tackling anti-social behaviour "
            "and keeping people safe?",
            True,
        ),
        (2, "How effective is the force at investigating crime and reducing re-offending?", True),
        (
            3,
            "How effective is the force at protecting those who are vulnerable from harm, "
            "and supporting victims?",
            True,
        ),
        (4, "How effective is the force at tackling serious and organised crime?", True),
        (5, "How effective are the force’s specialist capabilities?", False),
    ]


def test_2018_19_efficiency_questions() -> None:
    assert wordings_of(Cycle.PEEL_2018_19, F) == [
        (1, "How well does the force use its resources to meet the demand it faces?", True),
        (2, "How well does the force plan for the future?", True),
    ]


def test_2018_19_legitimacy_questions() -> None:
    assert wordings_of(Cycle.PEEL_2018_19, L) == [
        (
            1,
            "To what extent does the force treat all of the people it serves with fairness "
            "and respect?",
            True,
        ),
        (
            2,
            "How well does the force ensure that its workforce behaves ethically and lawfully?",
            True,
        ),
        (
            3,
            "To what extent does the force treat its workforce with fairness and respect?",
            True,
        ),
    ]


def test_2018_19_questions_are_all_verified() -> None:
    assert all(q.verified and q.note is None for q in framework("2018/19").questions)


def test_2018_19_question_2_also_has_its_planning_page_wording() -> None:
    question = find_question(
        "2018/19", "How effective is the force at investigating crime and catching criminals?"
    )
    assert question is not None
    assert (question.pillar, question.number) == (E, 2)
    assert question.wording.endswith("reducing re-offending?")


def test_2018_19_headline_variants_all_name_their_pillar() -> None:
    headlines = {
        "How effectively does the force reduce crime and keep people safe?": E,
        "How effective is the force at reducing crime and keeping people safe?": E,
        "How efficiently does the force operate and how sustainable are its services "
        "to the public?": F,
        "How efficiently does the force operate and how sustainable are its services?": F,
        "How legitimately does the force treat the public and its workforce?": L,
    }
    for wording, pillar in headlines.items():
        assert find_headline("2018/19", wording) is pillar


def test_the_usual_headline_comes_first() -> None:
    entry = framework("2018/19").pillar(E)
    assert entry is not None
    assert entry.headline_questions[0] == (
        "How effectively does the force reduce crime and keep people safe?"
    )


def test_question_labels_follow_the_grades_table() -> None:
    frame = framework("2018/19")
    assert [q.label for q in frame.pillars[0].questions][-2:] == [
        "Effectiveness - Question 4",
        "Effectiveness - Question 5 - Ungraded",
    ]


# -- the other cycles ------------------------------------------------------------------


def test_2014_has_six_effectiveness_questions_of_which_three_graded() -> None:
    graded = [(n, g) for n, _, g in wordings_of(Cycle.PEEL_2014, E)]
    assert graded == [(1, True), (2, True), (3, True), (4, False), (5, False), (6, False)]


def test_2014_graded_only_efficiency_as_a_whole() -> None:
    frame = framework("2014")
    assert {p.pillar: p.graded for p in frame.pillars} == {E: False, F: True, L: False}
    assert [q.number for q in frame.pillars[1].questions] == [1, 2, 3]
    assert frame.pillars[1].questions[0].wording == "To what extent is the force efficient?"


def test_2014_legitimacy_questions_are_unknown_so_absent() -> None:
    legitimacy = framework("2014").pillar(L)
    assert legitimacy is not None
    assert legitimacy.questions == ()


def test_2015_has_eleven_questions_and_four_ungraded_leadership_questions() -> None:
    frame = framework("2015")
    assert [len(p.questions) for p in frame.pillars] == [4, 3, 4, 4]
    assert sum(len(p.questions) for p in frame.pillars if p.pillar is not LEAD) == 11
    leadership = frame.pillar(LEAD)
    assert leadership is not None
    assert not leadership.graded
    assert not any(q.graded for q in leadership.questions)


def test_2015_legitimacy_question_2_is_ungraded() -> None:
    frame = framework("2015")
    assert [q.graded for q in frame.pillars[2].questions] == [True, False, True, True]
    assert frame.question(L, 2) == find_question(
        "2015",
        "To what extent are forces recording crimes in accordance with the Home Office "
        "Counting Rules?",
    )


def test_2015_leadership_question_4_is_known_by_its_beginning_only() -> None:
    question = framework("2015").question(LEAD, 4)
    assert question is not None
    assert not question.verified
    assert question.note is not None
    full = "To what extent is leadership improving the effectiveness of the force?"
    assert find_question("2015", full) is question
    assert find_question("2015", "To what extent is leadership improving the") is None


@pytest.mark.parametrize("cycle", ["2015", "2016", "2017"])
def test_2015_to_2017_effectiveness_headline(cycle: str) -> None:
    wording = "How effective is the force at keeping people safe and reducing crime?"
    assert find_headline(cycle, wording) is E


@pytest.mark.parametrize("cycle", ["2015", "2016", "2017"])
def test_2015_to_2017_efficiency_and_legitimacy_headlines(cycle: str) -> None:
    efficient = "How efficient is the force at keeping people safe and reducing crime?"
    legitimate = "How legitimate is the force at keeping people safe and reducing crime?"
    assert find_headline(cycle, efficient) is F
    assert find_headline(cycle, legitimate) is L


@pytest.mark.parametrize("cycle", [Cycle.PEEL_2016, Cycle.PEEL_2017])
def test_2016_and_2017_effectiveness_has_five_questions(cycle: Cycle) -> None:
    assert [n for n, _, _ in wordings_of(cycle, E)] == [1, 2, 3, 4, 5]
    q4 = framework(cycle).question(E, 4)
    q5 = framework(cycle).question(E, 5)
    assert q4 is not None
    assert q5 is not None
    assert q4.wording == "How effective is the force at tackling serious and organised crime?"
    assert q5.wording == "How effective are the force’s specialist capabilities?"
    assert not q5.verified


def test_2017_effectiveness_questions_4_and_5_are_flagged_unverified() -> None:
    frame = framework("2017")
    assert [q.verified for q in frame.pillars[0].questions] == [True, True, True, False, False]


def test_2017_efficiency_likely_wordings_are_graded_but_unverified() -> None:
    efficiency = framework("2017").pillar(F)
    assert efficiency is not None
    assert [q.wording for q in efficiency.questions] == [
        "How well does the force understand demand?",
        "How well does the force use its resources?",
        "How well is the force planning for the future?",
    ]
    assert all(q.graded and not q.verified for q in efficiency.questions)


@pytest.mark.parametrize("cycle", [Cycle.PEEL_2016, Cycle.PEEL_2017])
def test_2016_and_2017_legitimacy_assumes_the_2018_19_wordings(cycle: Cycle) -> None:
    assert [w for _, w, _ in wordings_of(cycle, L)] == [
        w for _, w, _ in wordings_of(Cycle.PEEL_2018_19, L)
    ]
    legitimacy = framework(cycle).pillar(L)
    assert legitimacy is not None
    assert not any(q.verified for q in legitimacy.questions)


def test_2016_leadership_is_ungraded_and_2017_has_no_leadership_pillar() -> None:
    assert not framework("2016").is_graded(LEAD, 1)
    assert framework("2017").pillar(LEAD) is None


@pytest.mark.parametrize("cycle", [Cycle.PEEL_2021_22, Cycle.PEEL_2023_25])
def test_from_2021_22_areas_of_policing_replace_the_pillars(cycle: Cycle) -> None:
    frame = framework(cycle)
    assert [p.pillar for p in frame.pillars] == [AREAS]
    areas = frame.pillars[0]
    assert not areas.graded
    assert areas.headline_questions == ()
    victims = frame.question(AREAS, 1)
    assert victims is not None
    assert victims.wording == "How good is the force’s service for victims of crime?"
    assert not victims.graded
    assert [q.number for q in areas.questions if not q.graded] == [1]
    assert not any(q.verified for q in areas.questions)


def test_2021_22_area_labels() -> None:
    assert find_question("2021/22", "Developing a positive workplace") is not None
    assert find_question("2021/22", "Developing a positive workforce") is None
    for label in ("Crime data integrity", "Recording crime", "Use of resources"):
        assert find_question("2021/22", label, AREAS) is not None
    assert len(framework("2021/22").questions) == 12


def test_2023_25_area_labels() -> None:
    assert find_question("2023/25", "Leadership and force management") is not None
    assert find_question("2023/25", "Recording data about crime") is not None
    assert find_question("2023/25", "Providing a service to victims of crime") is not None


# -- publication windows ----------------------------------------------------------------


def test_publication_windows() -> None:
    assert framework("2014").published == (dt.date(2014, 11, 27), dt.date(2014, 11, 27))
    assert framework("2015").published == (dt.date(2015, 10, 20), dt.date(2016, 2, 22))
    assert framework("2016").published == (dt.date(2016, 11, 3), dt.date(2017, 3, 2))
    assert framework("2017").published == (dt.date(2017, 11, 9), dt.date(2018, 3, 22))
    assert framework("2018/19").published == (dt.date(2019, 5, 2), dt.date(2020, 2, 6))


def test_publication_windows_are_in_cycle_order() -> None:
    for earlier, later in itertools.pairwise(FRAMEWORKS):
        assert earlier.published[1] < later.published[0]


def test_within_publication_window_includes_both_ends() -> None:
    frame = framework("2018/19")
    assert frame.within_publication_window(dt.date(2019, 5, 2))
    assert frame.within_publication_window(dt.date(2020, 1, 21))
    assert not frame.within_publication_window(dt.date(2019, 5, 1))
    assert not frame.within_publication_window(dt.date(2020, 3, 1))


# -- lookups by number --------------------------------------------------------------------


def test_question_by_pillar_and_number() -> None:
    frame = framework("2018/19")
    question = frame.question("efficiency", 2)
    assert question is not None
    assert question.wording == "How well does the force plan for the future?"
    assert frame.question(F, 3) is None
    assert frame.question(LEAD, 1) is None


def test_is_graded() -> None:
    frame = framework("2018/19")
    assert frame.is_graded(E, 4)
    assert not frame.is_graded("effectiveness", 5)


def test_is_graded_of_an_unknown_question_raises() -> None:
    with pytest.raises(UnknownQuestionError, match="no efficiency question 3") as caught:
        framework("2018/19").is_graded(F, 3)
    assert isinstance(caught.value, PeelkitError)
    assert isinstance(caught.value, LookupError)


# -- lookups by wording -------------------------------------------------------------------


def test_find_question_with_straight_or_curly_apostrophe() -> None:
    curly = find_question("2018/19", "How effective are the force’s specialist capabilities?")
    straight = find_question("2018/19", "How effective are the force's specialist capabilities?")
    assert curly is not None
    assert curly is straight
    assert (curly.pillar, curly.number) == (E, 5)


def test_find_question_ignores_case_and_odd_white_space() -> None:
    found = find_question(
        "2018/19", "  how WELL does the force\u00a0plan\tfor the\n future?  ", pillar="efficiency"
    )
    assert found is not None
    assert found.number == 2


def test_find_question_with_the_wrong_pillar_or_cycle_finds_nothing() -> None:
    wording = "How well does the force plan for the future?"
    assert find_question("2018/19", wording, pillar=L) is None
    assert find_question("2015", wording) is None


def test_find_question_does_not_guess() -> None:
    assert find_question("2018/19", "How effective is the force at investigating crime?") is None
    assert find_question("2018/19", "") is None


def test_find_headline_is_not_a_question_lookup() -> None:
    question = "How well does the force plan for the future?"
    headline = "How legitimately does the force treat the public and its workforce?"
    assert find_headline("2018/19", question) is None
    assert find_question("2018/19", headline) is None


def test_closest_questions_suggest_the_likely_one_first() -> None:
    suggestions = closest_questions(
        "2018/19", "How effective is the force at investigating crime and reducing offending?"
    )
    assert suggestions
    assert (suggestions[0].pillar, suggestions[0].number) == (E, 2)
    assert len(suggestions) <= 3
    assert len(set(suggestions)) == len(suggestions)


def test_closest_questions_can_be_limited_to_a_pillar_and_a_number() -> None:
    text = "How well does the force plan its future?"
    suggestions = closest_questions("2018/19", text, pillar=F, n=1)
    assert [(q.pillar, q.number) for q in suggestions] == [(F, 2)]
    assert closest_questions("2018/19", text, pillar=L) == []


def test_closest_questions_of_nonsense_is_empty() -> None:
    assert closest_questions("2018/19", "zzzz") == []


def test_normalise_wording() -> None:
    assert normalise_wording("  How  effective are the FORCE’s\u00a0capabilities? ") == (
        "how effective are the force's capabilities?"
    )
    assert normalise_wording("“quoted” – dash…") == '"quoted" - dash...'


# -- invariants of the classes ---------------------------------------------------------


def test_a_question_needs_a_wording_and_a_positive_number() -> None:
    with pytest.raises(ValueError, match="wording"):
        FrameworkQuestion(E, 1, ())
    with pytest.raises(ValueError, match="number"):
        FrameworkQuestion(E, 0, ("Why?",))


def test_a_pillar_refuses_foreign_or_repeated_questions() -> None:
    with pytest.raises(ValueError, match="belongs to"):
        FrameworkPillar(E, (), (FrameworkQuestion(F, 1, ("Why?",)),))
    with pytest.raises(ValueError, match="twice"):
        FrameworkPillar(E, (), [FrameworkQuestion(E, 1, ("A?",)), FrameworkQuestion(E, 1, ("B?",))])


def test_a_framework_refuses_a_bad_scale_or_window() -> None:
    day = dt.date(2020, 1, 1)
    with pytest.raises(ValueError, match="scale"):
        Framework(Cycle.PEEL_2015, (Grade.GOOD, Grade.INADEQUATE), (), (day, day))
    with pytest.raises(ValueError, match="window"):
        Framework(Cycle.PEEL_2015, FOUR_TIER, (), (day, dt.date(2019, 1, 1)))


# -- properties -------------------------------------------------------------------------

ALL_WORDINGS = [
    (frame.cycle, question, wording)
    for frame in FRAMEWORKS
    for question in frame.questions
    for wording in question.wordings
]
ALL_HEADLINES = [
    (frame.cycle, pillar.pillar, wording)
    for frame in FRAMEWORKS
    for pillar in frame.pillars
    for wording in pillar.headline_questions
]
QUOTE_STYLES = {"'": "'’‘", "’": "'’‘", '"': '"“”'}


@st.composite
def disguised(draw: st.DrawFn, text: str) -> str:
    """``text`` with random case, white space and quote style: how pages vary."""
    out: list[str] = [draw(st.sampled_from(["", " ", "\t", "\u00a0 "]))]
    for char in text:
        if char == " ":
            out.append(draw(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0"])))
        elif char in QUOTE_STYLES:
            out.append(draw(st.sampled_from(QUOTE_STYLES[char])))
        elif char.isalpha():
            out.append(char.upper() if draw(st.booleans()) else char.lower())
        else:
            out.append(char)
    out.append(draw(st.sampled_from(["", " ", "\n"])))
    return "".join(out)


@given(st.sampled_from(ALL_WORDINGS).flatmap(lambda t: st.tuples(st.just(t), disguised(t[2]))))
def test_every_wording_however_disguised_finds_its_own_question(
    case: tuple[tuple[Cycle, FrameworkQuestion, str], str],
) -> None:
    (cycle, question, _), text = case
    assert find_question(cycle, text) is question
    assert find_question(cycle, text, pillar=question.pillar) is question


@given(st.sampled_from(ALL_HEADLINES).flatmap(lambda t: st.tuples(st.just(t), disguised(t[2]))))
def test_every_headline_however_disguised_finds_its_pillar(
    case: tuple[tuple[Cycle, Pillar, str], str],
) -> None:
    (cycle, pillar, _), text = case
    assert find_headline(cycle, text) is pillar


@given(st.sampled_from(ALL_WORDINGS))
def test_every_wording_is_its_own_closest_question(
    case: tuple[Cycle, FrameworkQuestion, str],
) -> None:
    cycle, question, wording = case
    assert closest_questions(cycle, wording)[0] is question


@given(st.text())
def test_normalise_wording_is_idempotent(text: str) -> None:
    once = normalise_wording(text)
    assert normalise_wording(once) == once


@given(st.sampled_from(list(Cycle)), st.text(max_size=80))
def test_lookups_never_raise_on_any_text(cycle: Cycle, text: str) -> None:
    find_question(cycle, text)
    find_headline(cycle, text)
    assert len(closest_questions(cycle, text)) <= 3
