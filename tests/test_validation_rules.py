"""Every rule of the catalogue by example: a defect it finds, exactly where, and a
near miss it leaves alone. Each test fails if its rule is removed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from peelkit import (
    INSPECTED,
    NOT_YET_GRADED,
    AreaForImprovement,
    Assessment,
    CarriedOver,
    CauseOfConcern,
    Corpus,
    Cycle,
    Grade,
    GradedAreas,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Recommendation,
    Severity,
    to_dict,
    validate,
)
from peelkit.frameworks import find_question, framework
from peelkit.validation.rules import RULES

E2018 = framework("2018/19").pillar("effectiveness")
assert E2018 is not None
WORDING = {question.number: question.wording for question in E2018.questions}


def question(number: int, **changes: Any) -> QuestionAssessment:
    """A valid 2018/19 effectiveness question, changed as asked."""
    base = QuestionAssessment(number, WORDING[number], Judgment(Grade.GOOD, INSPECTED))
    return attrs.evolve(base, **changes)


def kent(*questions: QuestionAssessment, cycle: str = "2018/19", **changes: Any) -> Assessment:
    """Kent's 2018/19 effectiveness, valid unless changed."""
    pillar = PillarAssessment(
        Pillar.EFFECTIVENESS,
        "How effectively does the force reduce crime and keep people safe?",
        Judgment(Grade.GOOD, INSPECTED, dt.date(2019, 5, 2)),
        questions=questions or (question(1), question(2)),
    )
    pillar = attrs.evolve(pillar, **changes)
    return Assessment("Kent", Cycle(cycle), [pillar])


def found(obj: Assessment | Corpus, code: str) -> list[tuple[str, Severity, str]]:
    return [(v.path, v.severity, v.message) for v in validate(obj) if v.code == code]


def paths(obj: Assessment | Corpus, code: str) -> list[str]:
    return [path for path, _, _ in found(obj, code)]


def test_the_base_example_breaks_no_rule() -> None:
    assert validate(kent()) == []


# -- raw documents ----------------------------------------------------------------


def test_PEEL000_a_malformed_document() -> None:
    document = to_dict(kent())
    document["pillars"][0]["questions"][0]["judgment"]["grade"] = 3
    assert [(v.code, v.path) for v in validate(document)] == [
        ("PEEL000", "$.pillars[0].questions[0].judgment.grade")
    ]
    assert validate(to_dict(kent())) == []


def test_PEEL001_an_unknown_cycle() -> None:
    document = to_dict(kent())
    document["cycle"] = "2019"
    document["pillars"][0]["judgment"]["provenance"] = {"kind": "carried_over", "from_cycle": "x"}
    violations = validate(document)
    assert [(v.code, v.path) for v in violations] == [
        ("PEEL001", "$.cycle"),
        ("PEEL001", "$.pillars[0].judgment.provenance.from_cycle"),
    ]
    assert "'2019' is not a cycle" in violations[0].message


# -- one assessment ---------------------------------------------------------------


def test_PEEL002_an_unknown_force_suggests_the_closest() -> None:
    bad = attrs.evolve(kent(), force="Kentt")
    [(path, severity, message)] = found(bad, "PEEL002")
    assert (path, severity) == ("$.force", Severity.ERROR)
    assert "did you mean 'Kent'?" in message
    assert found(attrs.evolve(kent(), force="Kent Police"), "PEEL002") == []


@pytest.mark.parametrize("source", ["2018/19", "2021/22"])
def test_PEEL003_carried_over_from_a_cycle_not_earlier(source: str) -> None:
    carried = Judgment(None, CarriedOver(Cycle(source)))
    assert paths(kent(question(1, judgment=carried)), "PEEL003") == [
        "$.pillars[0].questions[0].judgment.provenance.from_cycle"
    ]
    earlier = Judgment(None, CarriedOver(Cycle.PEEL_2017))
    assert paths(kent(question(1, judgment=earlier)), "PEEL003") == []


def test_PEEL003_an_area_for_improvement_carried_from_a_later_cycle() -> None:
    later = AreaForImprovement("The force should act.", carried_over_from=Cycle.PEEL_2021_22)
    bad = kent(question(1, areas_for_improvement=[later]))
    assert paths(bad, "PEEL003") == [
        "$.pillars[0].questions[0].areas_for_improvement[0].carried_over_from"
    ]


def test_PEEL004_adequate_before_2021_22() -> None:
    bad = kent(question(1, judgment=Judgment(Grade.ADEQUATE)))
    [(path, severity, message)] = found(bad, "PEEL004")
    assert path == "$.pillars[0].questions[0].judgment.grade"
    assert severity is Severity.ERROR
    assert message.startswith("grade 'adequate' is not on the 2018/19 scale")
    assert message.endswith("expected one of outstanding, good, requires improvement, inadequate")
    assert found(kent(question(1, judgment=Judgment(Grade.OUTSTANDING))), "PEEL004") == []


def test_PEEL005_a_grade_on_an_ungraded_question() -> None:
    bad = kent(question(1), question(5, judgment=Judgment(Grade.GOOD)))
    [(path, _, message)] = found(bad, "PEEL005")
    assert path == "$.pillars[0].questions[1].judgment.grade"
    assert "effectiveness question 5 of 2018/19" in message
    assert found(kent(question(1), question(5, judgment=Judgment())), "PEEL005") == []


def test_PEEL005_a_grade_on_an_ungraded_pillar() -> None:
    ungraded = PillarAssessment(Pillar.EFFECTIVENESS, judgment=Judgment(Grade.GOOD))
    bad = Assessment("Kent", Cycle.PEEL_2014, [ungraded])
    assert paths(bad, "PEEL005") == ["$.pillars[0].judgment.grade"]
    efficiency = PillarAssessment(Pillar.EFFICIENCY, judgment=Judgment(Grade.GOOD))
    assert paths(Assessment("Kent", Cycle.PEEL_2014, [efficiency]), "PEEL005") == []


def test_PEEL006_a_pillar_not_in_the_framework() -> None:
    leadership = PillarAssessment(Pillar.LEADERSHIP)
    assert paths(Assessment("Kent", Cycle.PEEL_2018_19, [leadership]), "PEEL006") == [
        "$.pillars[0].pillar"
    ]
    assert paths(Assessment("Kent", Cycle.PEEL_2016, [leadership]), "PEEL006") == []


def test_PEEL007_an_unknown_wording_suggests_the_closest() -> None:
    typo = WORDING[4].replace("organised", "organized")
    [(path, severity, message)] = found(kent(question(4, text=typo)), "PEEL007")
    assert (path, severity) == ("$.pillars[0].questions[0].text", Severity.WARNING)
    assert f"did you mean question 4, '{WORDING[4]}'?" in message
    assert found(kent(question(4, text=WORDING[4].upper())), "PEEL007") == []


def test_PEEL007_an_unknown_headline() -> None:
    bad = kent(headline_question="How good is the force?")
    assert paths(bad, "PEEL007") == ["$.pillars[0].headline_question"]


def test_PEEL008_a_question_under_the_wrong_pillar() -> None:
    efficiency = "How well does the force plan for the future?"
    [(path, _, message)] = found(kent(question(2, text=efficiency)), "PEEL008")
    assert path == "$.pillars[0].questions[0].text"
    assert "this is efficiency question 2" in message
    assert found(kent(), "PEEL008") == []


def test_PEEL008_a_headline_of_another_pillar() -> None:
    legitimacy = "How legitimately does the force treat the public and its workforce?"
    assert paths(kent(headline_question=legitimacy), "PEEL008") == [
        "$.pillars[0].headline_question"
    ]


def test_PEEL009_a_duplicated_question_number() -> None:
    assert paths(kent(question(1), question(2), question(2)), "PEEL009") == [
        "$.pillars[0].questions[2].number"
    ]
    assert paths(kent(question(1), question(2), question(3)), "PEEL009") == []


def test_PEEL010_a_question_number_out_of_range() -> None:
    bad = kent(attrs.evolve(question(1), number=6, text="How effective is the force at juggling?"))
    [(path, _, message)] = found(bad, "PEEL010")
    assert path == "$.pillars[0].questions[0].number"
    assert message.endswith("expected a number from 1 to 5")
    assert found(kent(question(5, judgment=Judgment())), "PEEL010") == []


def test_PEEL011_a_number_that_disagrees_with_the_wording() -> None:
    bad = kent(question(3, text=WORDING[2]))
    [(path, _, message)] = found(bad, "PEEL011")
    assert path == "$.pillars[0].questions[0].number"
    assert "question 3 has the wording of effectiveness question 2" in message
    assert found(kent(question(3)), "PEEL011") == []


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        (
            {"areas_for_improvement": [AreaForImprovement("•")]},
            "$.pillars[0].questions[0].areas_for_improvement[0].text",
        ),
        (
            {"causes_of_concern": [CauseOfConcern("-", [Recommendation("Act now.")])]},
            "$.pillars[0].questions[0].causes_of_concern[0].text",
        ),
        (
            {"causes_of_concern": [CauseOfConcern("Risky.", [Recommendation("…")])]},
            "$.pillars[0].questions[0].causes_of_concern[0].recommendations[0].text",
        ),
    ],
)
def test_PEEL012_an_empty_finding(changes: dict[str, Any], path: str) -> None:
    assert paths(kent(question(1, **changes)), "PEEL012") == [path]


def test_PEEL012_a_blank_finding_in_a_document() -> None:
    document = to_dict(kent(question(1, areas_for_improvement=[AreaForImprovement("Act.")])))
    document["pillars"][0]["questions"][0]["areas_for_improvement"][0]["text"] = "  "
    assert [(v.code, v.path) for v in validate(document)] == [
        ("PEEL012", "$.pillars[0].questions[0].areas_for_improvement[0]")
    ]
    fine = kent(question(1, areas_for_improvement=[AreaForImprovement("Act 1.")]))
    assert paths(fine, "PEEL012") == []


def test_PEEL013_a_duplicated_finding() -> None:
    areas = [
        AreaForImprovement("The force should act."),
        AreaForImprovement("The force  should ACT."),
    ]
    recommendations = [Recommendation("Do it."), Recommendation("Do it.")]
    cause = CauseOfConcern("Risky.", recommendations)
    bad = kent(question(1, areas_for_improvement=areas, causes_of_concern=[cause]))
    assert paths(bad, "PEEL013") == [
        "$.pillars[0].questions[0].areas_for_improvement[1].text",
        "$.pillars[0].questions[0].causes_of_concern[0].recommendations[1].text",
    ]
    distinct = [AreaForImprovement("The force should act."), AreaForImprovement("Act faster.")]
    assert paths(kent(question(1, areas_for_improvement=distinct)), "PEEL013") == []


def test_PEEL014_inadequate_without_a_cause_of_concern() -> None:
    inadequate = Judgment(Grade.INADEQUATE)
    bad = kent(question(1, judgment=inadequate), judgment=inadequate)
    assert [(p, s) for p, s, _ in found(bad, "PEEL014")] == [
        ("$.pillars[0].judgment.grade", Severity.WARNING),
        ("$.pillars[0].questions[0].judgment.grade", Severity.WARNING),
    ]
    cause = CauseOfConcern("Risky.", [Recommendation("Act.")])
    fine = kent(question(1, judgment=inadequate, causes_of_concern=[cause]), judgment=inadequate)
    assert paths(fine, "PEEL014") == []
    carried = Judgment(Grade.INADEQUATE, CarriedOver(Cycle.PEEL_2017))
    assert paths(kent(question(1, judgment=carried)), "PEEL014") == []


def test_PEEL015_a_cause_of_concern_without_recommendation() -> None:
    bad = kent(question(1, causes_of_concern=[CauseOfConcern("Risky.")]))
    assert paths(bad, "PEEL015") == [
        "$.pillars[0].questions[0].causes_of_concern[0].recommendations"
    ]
    fine = kent(question(1, causes_of_concern=[CauseOfConcern("Risky.", [Recommendation("Go.")])]))
    assert paths(fine, "PEEL015") == []


def test_PEEL016_a_date_outside_the_publication_window() -> None:
    late = Judgment(Grade.GOOD, INSPECTED, dt.date(2021, 1, 1))
    [(path, severity, message)] = found(kent(judgment=late), "PEEL016")
    assert (path, severity) == ("$.pillars[0].judgment.last_updated", Severity.WARNING)
    assert "(2019-05-02 to 2020-02-06)" in message
    last = Judgment(Grade.GOOD, INSPECTED, dt.date(2020, 2, 6))
    assert paths(kent(judgment=last), "PEEL016") == []


def test_PEEL017_a_grade_on_a_judgment_not_yet_graded() -> None:
    bad = kent(question(1, judgment=Judgment(Grade.GOOD, NOT_YET_GRADED)))
    assert paths(bad, "PEEL017") == ["$.pillars[0].questions[0].judgment.grade"]
    assert paths(kent(question(1, judgment=Judgment(None, NOT_YET_GRADED))), "PEEL017") == []


def _areas(force: str, cycle: str, grades: dict[str, str], **counts: Any) -> Assessment:
    """An assessment of areas of policing, graded as given, with stated counts."""
    areas = []
    for wording, grade in grades.items():
        known = find_question(cycle, wording, Pillar.AREAS_OF_POLICING)
        assert known is not None
        areas.append(QuestionAssessment(known.number, wording, Judgment(Grade(grade))))
    pillar = PillarAssessment(Pillar.AREAS_OF_POLICING, questions=areas)
    return Assessment(force, Cycle(cycle), [pillar], graded_areas=GradedAreas(**counts))


def test_PEEL018_more_areas_of_a_grade_than_the_stated_count() -> None:
    two_good = {"Responding to the public": "good", "Investigating crime": "good"}
    bad = _areas("Wiltshire", "2021/22", two_good, good=1)
    assert paths(bad, "PEEL018") == ["$.pillars[0].questions[1].judgment.grade"]
    assert paths(_areas("Wiltshire", "2021/22", two_good, good=2), "PEEL018") == []


def test_PEEL018_more_graded_areas_than_stated_in_all() -> None:
    three = {
        "Responding to the public": "good",
        "Investigating crime": "adequate",
        "Protecting vulnerable people": "inadequate",
    }
    bad = _areas("Kent", "2023/25", three, areas_graded=2)
    assert paths(bad, "PEEL018") == ["$.pillars[0].questions[2].judgment.grade"]
    assert paths(_areas("Kent", "2023/25", three, areas_graded=3), "PEEL018") == []
    # Unknown counts (None) say nothing.
    assert paths(_areas("Kent", "2023/25", three), "PEEL018") == []


def test_PEEL005_victim_service_2021_22_graded_only_for_the_pilot_forces() -> None:
    victims = {"Providing a service to victims of crime": "good"}
    assert paths(_areas("Merseyside", "2021/22", victims), "PEEL005") == []
    assert paths(_areas("Kent", "2021/22", victims), "PEEL005") == [
        "$.pillars[0].questions[0].judgment.grade"
    ]


def test_PEEL007_and_PEEL010_quiet_against_a_framework_known_in_part() -> None:
    question = QuestionAssessment(20, "How well does the force do something new?", Judgment())
    pillar = PillarAssessment(Pillar.AREAS_OF_POLICING, questions=[question])
    partial = Assessment("Kent", Cycle.PEEL_2025_27, [pillar])
    assert paths(partial, "PEEL007") == []
    assert paths(partial, "PEEL010") == []
    complete = attrs.evolve(partial, cycle=Cycle.PEEL_2023_25)
    assert paths(complete, "PEEL007") != []
    assert paths(complete, "PEEL010") != []


# -- across a corpus --------------------------------------------------------------


def chain(grade_2018: Grade | None, grade_2017: Grade | None, grade_2016: Grade) -> Corpus:
    """Kent effectiveness question 1: 2018/19 from 2017, 2017 from 2016."""
    from_2017 = Judgment(grade_2018, CarriedOver(Cycle.PEEL_2017, Pillar.EFFECTIVENESS))
    from_2016 = Judgment(grade_2017, CarriedOver(Cycle.PEEL_2016))
    return Corpus(
        [
            kent(question(1, judgment=from_2017)),
            kent(question(1, judgment=from_2016), cycle="2017", judgment=Judgment()),
            kent(question(1, judgment=Judgment(grade_2016)), cycle="2016", judgment=Judgment()),
        ]
    )


def test_PEEL020_a_carried_grade_that_disagrees_along_the_chain() -> None:
    bad = chain(Grade.GOOD, None, Grade.OUTSTANDING)
    [(path, _, message)] = found(bad, "PEEL020")
    assert path == "$.assessments[0].pillars[0].questions[0].judgment.grade"
    assert "following 2018/19 → 2017 → 2016" in message
    assert "$.assessments[2].pillars[0].questions[0].judgment" in message
    assert paths(chain(Grade.GOOD, None, Grade.GOOD), "PEEL020") == []
    assert paths(chain(Grade.GOOD, Grade.GOOD, Grade.GOOD), "PEEL020") == []


def test_PEEL020_reports_where_the_chain_first_disagrees() -> None:
    bad = chain(Grade.GOOD, Grade.GOOD, Grade.INADEQUATE)
    assert paths(bad, "PEEL020") == ["$.assessments[1].pillars[0].questions[0].judgment.grade"]


def test_PEEL021_a_source_without_that_question() -> None:
    carried = Judgment(None, CarriedOver(Cycle.PEEL_2017))
    corpus = Corpus([kent(question(1, judgment=carried)), kent(question(2), cycle="2017")])
    [(path, severity, _)] = found(corpus, "PEEL021")
    assert (path, severity) == (
        "$.assessments[0].pillars[0].questions[0].judgment.provenance",
        Severity.WARNING,
    )
    alone = Corpus([kent(question(1, judgment=carried))])
    assert paths(alone, "PEEL021") == []  # the 2017 assessment is simply not there
    grade_only = attrs.evolve(
        kent(cycle="2017"), pillars=[attrs.evolve(kent().pillars[0], questions=())]
    )
    known_by_grade = Corpus([kent(question(1, judgment=carried)), grade_only])
    assert paths(known_by_grade, "PEEL021") == []  # its questions are not known at all


def test_PEEL021_a_source_not_yet_graded() -> None:
    carried = Judgment(None, CarriedOver(Cycle.PEEL_2017))
    pending = Judgment(None, NOT_YET_GRADED)
    corpus = Corpus(
        [kent(question(1, judgment=carried)), kent(question(1, judgment=pending), cycle="2017")]
    )
    assert paths(corpus, "PEEL021") == [
        "$.assessments[0].pillars[0].questions[0].judgment.provenance"
    ]


def test_PEEL022_two_versions_that_disagree() -> None:
    other = kent(question(1), question(2, judgment=Judgment(Grade.INADEQUATE)))
    renamed = attrs.evolve(other, force="Kent Police")
    [(path, _, message)] = found(Corpus([kent(), renamed]), "PEEL022")
    assert path == "$.assessments[1].pillars[0].questions[1].judgment.grade"
    assert "says 'good', this one 'inadequate'" in message
    assert paths(Corpus([kent(), kent()]), "PEEL022") == []


def test_PEEL022_a_pillar_twice_in_one_assessment() -> None:
    pillar = kent().pillars[0]
    carried = attrs.evolve(
        pillar,
        judgment=Judgment(Grade.GOOD, CarriedOver(Cycle.PEEL_2017), pillar.judgment.last_updated),
    )
    twice = Assessment("Kent", Cycle.PEEL_2018_19, [pillar, carried])
    assert paths(twice, "PEEL022") == ["$.pillars[1].judgment.provenance"]


def test_PEEL022_a_version_that_states_less_does_not_disagree() -> None:
    fuller = kent()
    sparser = kent(
        question(1, judgment=Judgment()),
        question(2, judgment=Judgment(Grade.GOOD), summary=["Another summary."]),
        judgment=Judgment(Grade.GOOD),
    )
    assert paths(Corpus([fuller, sparser]), "PEEL022") == []
    assert paths(Corpus([sparser, fuller]), "PEEL022") == []


def test_every_rule_has_an_example_here() -> None:
    tested = {name.split("_")[1] for name in globals() if name.startswith("test_PEEL")}
    assert tested == {each.code for each in RULES}
