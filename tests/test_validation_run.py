"""One validation run: what its rules share, and the order and place of what they find."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelkit import (
    INSPECTED,
    Assessment,
    CarriedOver,
    Corpus,
    Cycle,
    Finding,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Rule,
    Validator,
    validate,
)
from peelkit import _index as query_index
from peelkit.diagnostics import Scope, path_key
from peelkit.frameworks import framework
from peelkit.provenance import CorpusIndex, Resolution, Step, follow
from peelkit.testing import corpora
from peelkit.validation import locate
from peelkit.validation.rules import rule

E2018 = framework("2018/19").pillar("effectiveness")
assert E2018 is not None
WORDING = {question.number: question.wording for question in E2018.questions}
_EFFICIENCY_1 = framework("2018/19").question(Pillar.EFFICIENCY, 1)
assert _EFFICIENCY_1 is not None
EFFICIENCY_1 = _EFFICIENCY_1.wording
HEADLINE = "How effectively does the force reduce crime and keep people safe?"


def kent(cycle: str, *questions: QuestionAssessment) -> Assessment:
    pillar = PillarAssessment(
        Pillar.EFFECTIVENESS, HEADLINE, Judgment(Grade.GOOD, INSPECTED), questions=questions
    )
    return Assessment("Kent", Cycle(cycle), [pillar])


def question(number: int, judgment: Judgment) -> QuestionAssessment:
    return QuestionAssessment(number, WORDING[number], judgment)


def chains(grade_2016: Grade = Grade.OUTSTANDING) -> Corpus:
    """Three carried-over judgments: 2018/19 question 1 stands from 2017 (graded
    differently: PEEL020), which stands from 2016; 2018/19 question 2 stands from a
    2017 question the corpus lacks (PEEL021)."""
    return Corpus(
        [
            kent(
                "2018/19",
                question(1, Judgment(Grade.GOOD, CarriedOver(Cycle.PEEL_2017))),
                question(2, Judgment(None, CarriedOver(Cycle.PEEL_2017))),
            ),
            kent("2017", question(1, Judgment(None, CarriedOver(Cycle.PEEL_2016)))),
            kent("2016", question(1, Judgment(grade_2016))),
        ]
    )


def findings(items: Iterable[Finding | tuple[str, str] | str]) -> list[tuple[str, str]]:
    """A check's findings as ``(path, message)``: the built-in checks (and ours here)
    yield :class:`Finding` s."""
    found = []
    for item in items:
        assert isinstance(item, Finding)
        found.append((item.path, item.message))
    return found


def found_alone(each: Rule, corpus: Corpus) -> list[tuple[str, str]]:
    """What ``each`` finds in ``corpus`` checked on its own, with paths in the corpus
    (an assessment rule's ``$`` is its assessment's place)."""
    if each.scope is Scope.CORPUS:
        return findings(each.check(corpus))
    return [
        (f"$.assessments[{n}]{path[1:]}", message)
        for n, assessment in enumerate(corpus)
        for path, message in findings(each.check(assessment))
    ]


CARRIED = [
    "$.assessments[0].pillars[0].questions[0].judgment",
    "$.assessments[0].pillars[0].questions[1].judgment",
    "$.assessments[1].pillars[0].questions[0].judgment",
]


# -- what the rules of a run share ------------------------------------------------------


def test_each_carried_judgment_is_followed_once_per_run_for_all_the_chain_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    followed: list[str] = []
    real = follow

    def counted(index: CorpusIndex, force: str, start: Step) -> Resolution:
        followed.append(start.path)
        return real(index, force, start)

    monkeypatch.setattr("peelkit.validation.rules.follow", counted)
    codes = [violation.code for violation in validate(chains())]
    assert "PEEL020" in codes
    assert "PEEL021" in codes
    assert sorted(followed) == CARRIED


def test_a_rule_checked_on_its_own_finds_what_a_run_reports() -> None:
    # Two versions of each pillar, one 2016 grade differing (PEEL022); and a question
    # whose wording is of another pillar (PEEL007, PEEL008).
    lost = QuestionAssessment(3, EFFICIENCY_1, Judgment())
    corpus = Corpus([*chains(), *chains(Grade.GOOD), kent("2018/19", lost)])
    reported = validate(corpus)
    codes = ("PEEL002", "PEEL005", "PEEL007", "PEEL008", "PEEL011", "PEEL020", "PEEL021")
    for code in (*codes, "PEEL022"):
        alone = found_alone(rule(code), corpus)
        in_run = [(v.path, v.message) for v in reported if v.code == code]
        assert sorted(alone) == sorted(in_run), code
    assert {"PEEL008", "PEEL020", "PEEL021", "PEEL022"} <= {v.code for v in reported}


def test_validating_a_corpus_builds_no_query_index() -> None:
    corpus = chains()
    before = query_index.Index.built
    validate(corpus)
    assert query_index.Index.built == before
    corpus.judgments()
    assert query_index.Index.built == before + 1


# -- the order and place of what is found -------------------------------------------------

_positions = st.integers(min_value=0, max_value=3)
_within = st.one_of(
    st.sampled_from(["$", "$.force", "$.source", "$.cycle", "$.pillars", "$.graded_areas"]),
    st.builds("$.pillars[{}]{}".format, _positions, st.sampled_from(["", ".judgment.grade"])),
    st.builds(
        "$.pillars[{}].questions[{}]{}".format,
        _positions,
        _positions,
        st.sampled_from(["", ".text", ".judgment", ".number", ".areas_for_improvement[0].text"]),
    ),
)
_in_corpus = st.one_of(
    st.sampled_from(["$", "$.format", "$.assessments", "$x.assessments[0]"]),
    st.builds(lambda n, path: f"$.assessments[{n}]{path[1:]}", st.integers(0, 5), _within),
)


@given(
    corpora(),
    st.lists(_within, max_size=6),
    st.lists(_in_corpus, max_size=6),
    st.booleans(),
)
def test_violations_are_every_finding_in_document_order_then_rule_order_each_located(
    corpus: Corpus, within: list[str], across: list[str], only_within: bool
) -> None:
    if only_within:  # every path of the corpus rule inside an assessment it has
        across = [path for path in across if path.startswith("$.assessments[")]
        across = [p for p in across if int(p[len("$.assessments[") :].split("]")[0]) < len(corpus)]

    def mine(assessment: Assessment) -> Iterator[Finding]:
        for k, path in enumerate(within):
            yield Finding(path, f"mine {k}")

    def ours(corpus: Corpus) -> Iterator[Finding]:
        for k, path in enumerate(across):
            yield Finding(path, f"ours {k}")

    validator = Validator()
    validator.register(mine, code="MINE")
    validator.register(ours, code="OURS", scope="corpus")
    expected: list[tuple[tuple[tuple[int, int], ...], int, str, str, str]] = []
    for order, each in enumerate(validator.rules):
        found = found_alone(each, corpus)
        expected.extend((path_key(path), order, path, each.code, m) for path, m in found)
    expected.sort(key=lambda entry: entry[:2])  # stable: each rule's own order kept

    violations = validator.validate(corpus)
    assert [(v.path, v.code, v.message) for v in violations] == [e[2:] for e in expected]
    for violation in violations:
        assert (violation.source, violation.line) == locate(corpus, violation.path)


def test_a_violation_in_a_corpus_is_located_at_the_deepest_line_and_the_pages_source() -> None:
    graded = Judgment(Grade.ADEQUATE, INSPECTED, dt.date(2019, 5, 2), line=40)
    first = QuestionAssessment(1, WORDING[1], graded, line=39)
    pillar = PillarAssessment(
        Pillar.EFFECTIVENESS, HEADLINE, questions=[first], line=3, source="kent-2018.txt"
    )
    second = Assessment("Kent", Cycle.PEEL_2018_19, [pillar], source="kent.json")
    [off_scale] = [v for v in validate(Corpus([kent("2018/19"), second])) if v.code == "PEEL004"]
    assert off_scale.path == "$.assessments[1].pillars[0].questions[0].judgment.grade"
    assert (off_scale.source, off_scale.line) == ("kent-2018.txt", 40)
