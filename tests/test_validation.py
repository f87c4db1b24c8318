"""validate() and check(): the Validator, user rules, locations, and properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

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
    Corpus,
    Cycle,
    Finding,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Rule,
    Severity,
    ValidationError,
    Validator,
    Violation,
    check,
    to_dict,
    validate,
)
from peelkit.datasets import kent_2018_effectiveness
from peelkit.diagnostics import Scope
from peelkit.frameworks import framework
from peelkit.testing import assessments, corpora, valid_assessments
from peelkit.validation.rules import rule


def kent() -> Assessment:
    return kent_2018_effectiveness()


def off_scale(assessment: Assessment) -> Assessment:
    """Kent with question 2 graded 'adequate' (PEEL004) and an unknown force (PEEL002)."""
    pillar = assessment.pillars[0]
    questions = list(pillar.questions)
    questions[1] = attrs.evolve(questions[1], judgment=Judgment(Grade.ADEQUATE))
    return attrs.evolve(
        assessment, force="Kentt", pillars=[attrs.evolve(pillar, questions=questions)]
    )


# -- the validator ----------------------------------------------------------------


def test_the_bundled_example_is_valid() -> None:
    assert validate(kent()) == []
    check(kent())


def test_check_lists_every_error_not_just_the_first() -> None:
    with pytest.raises(ValidationError) as raised:
        check(off_scale(kent()))
    error = raised.value
    assert [v.code for v in error.violations] == ["PEEL002", "PEEL004"]
    assert [p.path for p in error.problems] == [
        "$.force",
        "$.pillars[0].questions[1].judgment.grade",
    ]
    assert "PEEL004 error $.pillars[0].questions[1].judgment.grade" in str(error)
    assert isinstance(error, peelkit.PeelkitError)


def test_check_ignores_warnings() -> None:
    late = attrs.evolve(
        kent().pillars[0], judgment=Judgment(Grade.GOOD, last_updated=dt.date(2030, 1, 1))
    )
    assessment = attrs.evolve(kent(), pillars=[late])
    assert [v.code for v in validate(assessment)] == ["PEEL016"]
    check(assessment)


def test_rules_can_be_switched_off_by_code() -> None:
    bad = off_scale(kent())
    assert [v.code for v in validate(bad, disable=["PEEL002"])] == ["PEEL004"]
    validator = Validator()
    validator.disable("PEEL004")
    assert [v.code for v in validator.validate(bad)] == ["PEEL002"]
    without = Validator().without("PEEL002", "PEEL004")
    assert without.validate(bad) == []
    assert "PEEL002" in Validator().codes  # without() left the original alone


def test_an_unknown_code_is_refused_with_a_suggestion() -> None:
    with pytest.raises(KeyError, match="no rule has code 'PEL004'; did you mean 'PEEL004'"):
        validate(kent(), disable=["PEL004"])


def no_carried_over(assessment: Assessment) -> Iterator[tuple[str, str]]:
    """Carried-over judgments are not wanted in this study."""
    for i, pillar in enumerate(assessment.pillars):
        for j, question in enumerate(pillar.questions):
            if question.judgment.carried_over:
                yield f"$.pillars[{i}].questions[{j}].judgment", "carried over"


def test_a_plain_callable_is_a_rule() -> None:
    first, fourth = validate(kent(), rules=[no_carried_over])
    assert first == Violation(
        "no_carried_over",
        Severity.ERROR,
        "carried over",
        "$.pillars[0].questions[0].judgment",
        kent().source,
    )
    assert fourth.path == "$.pillars[0].questions[3].judgment"
    validator = Validator()
    registered = validator.register(no_carried_over, code="STUDY1", severity="warning")
    assert registered.summary == "Carried-over judgments are not wanted in this study."
    assert [(v.code, v.severity) for v in validator.validate(kent())] == [
        ("STUDY1", Severity.WARNING),
        ("STUDY1", Severity.WARNING),
    ]


def test_a_rule_of_ones_own_may_span_the_corpus() -> None:
    def at_most_one(corpus: Corpus) -> Iterator[Finding | str]:
        if len(corpus) > 1:
            yield "more than one assessment"
            yield Finding("$.assessments[1]", "this one is extra")

    validator = Validator([])
    validator.register(Rule("ONE", Severity.WARNING, "One only.", at_most_one, scope=Scope.CORPUS))
    assert validator.validate(Corpus([kent()])) == []
    assert [(v.path, v.message) for v in validator.validate(Corpus([kent(), kent()]))] == [
        ("$", "more than one assessment"),
        ("$.assessments[1]", "this one is extra"),
    ]


def test_codes_are_unique() -> None:
    validator = Validator()
    with pytest.raises(ValueError, match="already registered"):
        validator.register(no_carried_over, code="PEEL004")


def test_violations_come_in_document_order() -> None:
    pillar = kent().pillars[0]
    questions = [
        attrs.evolve(q, judgment=Judgment(Grade.ADEQUATE)) for q in pillar.questions if q.number
    ]
    many = attrs.evolve(kent(), pillars=[attrs.evolve(pillar, questions=questions * 3)])
    found = [v.path for v in validate(many) if v.code == "PEEL004"]
    assert found == sorted(found, key=lambda path: int(path.split("[")[2].split("]")[0]))
    assert len(found) == len(questions) * 3


def test_a_violation_points_at_the_page_and_line() -> None:
    carried = Judgment(Grade.ADEQUATE, line=41)
    question = QuestionAssessment(1, "How good?", carried, line=40)
    pillar = PillarAssessment(Pillar.EFFECTIVENESS, questions=[question], source="kent.txt")
    found = validate(Assessment("Kent", Cycle.PEEL_2018_19, [pillar], source="elsewhere"))
    by_code = {v.code: v for v in found}
    assert by_code["PEEL004"].location == "kent.txt:41"  # the judgment's own line
    assert by_code["PEEL007"].location == "kent.txt:40"  # the question's line
    assert str(by_code["PEEL004"]).startswith(
        "kent.txt:41: PEEL004 error $.pillars[0].questions[0].judgment.grade: grade 'adequate'"
    )


def test_in_a_corpus_paths_start_with_the_assessment() -> None:
    corpus = Corpus([kent(), off_scale(kent())])
    assert [v.path for v in validate(corpus) if v.code != "PEEL022"] == [
        "$.assessments[1].force",
        "$.assessments[1].pillars[0].questions[1].judgment.grade",
    ]


def test_a_document_that_loads_is_validated_as_its_model() -> None:
    assert validate(to_dict(off_scale(kent()))) == validate(off_scale(kent()))
    corpus = Corpus([kent(), off_scale(kent())])
    assert validate(to_dict(corpus)) == validate(corpus)


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"format": "peelkit/2"},
        {"format": "peelkit/1", "assessments": "all"},
        {"format": "peelkit/1", "force": 1, "cycle": None, "pillars": [[]]},
    ],
)
def test_a_malformed_document_gives_violations_not_exceptions(document: dict[str, Any]) -> None:
    found = validate(document)
    assert found
    assert all(v.code == "PEEL000" and v.is_error for v in found)


def test_only_assessments_corpora_and_documents_are_validated() -> None:
    with pytest.raises(TypeError, match="not list"):
        validate([kent()])  # type: ignore[arg-type]


# -- properties -------------------------------------------------------------------


@given(valid_assessments())
def test_valid_assessments_break_no_rule(assessment: Assessment) -> None:
    assert validate(assessment) == []


@given(st.one_of(assessments(), corpora()))
def test_validate_never_raises_for_any_well_formed_data(obj: Assessment | Corpus) -> None:
    for violation in validate(obj):
        assert violation.path.startswith("$")
        assert violation.message


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@given(assessments(), st.data())
def test_validate_never_raises_for_a_damaged_document(
    assessment: Assessment, data: st.DataObject
) -> None:
    document = to_dict(assessment)
    key = data.draw(st.sampled_from(sorted(document)))
    document[key] = data.draw(JSON)
    for violation in validate(document):
        assert violation.code.startswith("PEEL")


def _first_question(assessment: Assessment, **changes: Any) -> Assessment:
    pillar = assessment.pillars[0]
    questions = list(pillar.questions)
    questions[0] = attrs.evolve(questions[0], **changes)
    pillars = [attrs.evolve(pillar, questions=questions), *assessment.pillars[1:]]
    return attrs.evolve(assessment, pillars=pillars)


def _ungraded_graded(assessment: Assessment) -> Assessment:
    frame = framework(assessment.cycle)
    ungraded = next(q for q in frame.questions if not q.graded)
    graded = QuestionAssessment(ungraded.number, ungraded.wording, Judgment(Grade.GOOD))
    pillar = PillarAssessment(ungraded.pillar, questions=[graded])
    kept = [p for p in assessment.pillars if p.pillar is not ungraded.pillar]
    return attrs.evolve(assessment, pillars=[*kept, pillar])


def _duplicate_question(assessment: Assessment) -> Assessment:
    pillar = assessment.pillars[0]
    doubled = attrs.evolve(pillar, questions=[*pillar.questions, pillar.questions[0]])
    return attrs.evolve(assessment, pillars=[doubled, *assessment.pillars[1:]])


def _duplicate_area(assessment: Assessment) -> Assessment:
    area = AreaForImprovement("The force should improve its records.")
    return _first_question(assessment, areas_for_improvement=[area, area])


DEFECTS: dict[str, tuple[str, Callable[[Assessment], Assessment]]] = {
    "off-scale grade": (
        "PEEL004",
        lambda a: _first_question(a, judgment=Judgment(Grade.ADEQUATE)),
    ),
    "grade on an ungraded question": ("PEEL005", _ungraded_graded),
    "carried over from a later cycle": (
        "PEEL003",
        lambda a: _first_question(a, judgment=Judgment(None, CarriedOver(Cycle.PEEL_2023_25))),
    ),
    "unknown force": ("PEEL002", lambda a: attrs.evolve(a, force=a.force + "zz")),
    "wrong wording": (
        "PEEL007",
        lambda a: _first_question(a, text="How effective is the force at juggling fire?"),
    ),
    "duplicate question number": ("PEEL009", _duplicate_question),
    "number out of range": ("PEEL010", lambda a: _first_question(a, number=99)),
    "duplicate area for improvement": ("PEEL013", _duplicate_area),
    "cause without recommendation": (
        "PEEL015",
        lambda a: _first_question(a, causes_of_concern=[CauseOfConcern("A serious failing.")]),
    ),
    "date outside the window": (
        "PEEL016",
        lambda a: _first_question(a, judgment=Judgment(None, last_updated=dt.date(2030, 1, 1))),
    ),
    "inadequate without cause": (
        "PEEL014",
        lambda a: _first_question(a, judgment=Judgment(Grade.INADEQUATE), causes_of_concern=()),
    ),
}


@given(valid_assessments(), st.sampled_from(sorted(DEFECTS)))
def test_a_planted_defect_is_found(assessment: Assessment, defect: str) -> None:
    code, plant = DEFECTS[defect]
    broken = plant(assessment)
    assert code in {v.code for v in validate(broken)}
    if rule(code).severity is Severity.ERROR:
        with pytest.raises(ValidationError):
            check(broken)


def test_a_registered_rule_can_claim_a_loading_problem() -> None:
    problem = peelkit.Problem("$.cycle", "unknown cycle 'whenever'")
    own = peelkit.Rule(
        "MINE001",
        peelkit.Severity.WARNING,
        "cycles we accept",
        lambda _: (),
        claims=lambda each: each.path == "$.cycle",
    )
    validator = peelkit.Validator([own])
    assert validator.violations_from_problems([problem], source="x.json") == [
        peelkit.Violation("MINE001", peelkit.Severity.WARNING, problem.message, "$.cycle", "x.json")
    ]


def test_a_disabled_rule_still_claims_its_problem_and_drops_it() -> None:
    problem = peelkit.Problem("$.cycle", "unknown cycle 'whenever'")
    claimant = next(
        each for each in peelkit.Validator().rules if each.claims and each.claims(problem)
    )
    without = peelkit.Validator().without(claimant.code)
    assert without.violations_from_problems([problem]) == []
