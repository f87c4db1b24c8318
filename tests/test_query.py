"""Queries: filters in every spelling, clear errors, carried-over chains, history, compare."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest

import peelkit
from peelkit import (
    INSPECTED,
    AreaForImprovement,
    Assessment,
    CarriedOver,
    Corpus,
    Cycle,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Within,
    query,
)
from peelkit.query import AreaForImprovementRow, CompareRow, FilterError, JudgmentRow

E = Pillar.EFFECTIVENESS


def _question(number: int, judgment: Judgment, *areas: AreaForImprovement) -> QuestionAssessment:
    return QuestionAssessment(number, f"Question {number}?", judgment, areas)


def _assessment(
    force: str, cycle: Cycle, grade: Grade | None, *questions: QuestionAssessment
) -> Assessment:
    pillar = PillarAssessment(E, "Headline?", Judgment(grade), questions=questions)
    return Assessment(force, cycle, (pillar,), source=f"{force}-{cycle.year}.txt")


@pytest.fixture
def chain() -> Corpus:
    """Kent: 2018/19 question 1 carried over from 2017, which was carried over from 2016."""
    return Corpus(
        [
            _assessment(
                "Kent",
                Cycle.PEEL_2018_19,
                Grade.GOOD,
                _question(1, Judgment(None, CarriedOver(Cycle.PEEL_2017, E))),
                _question(
                    2,
                    Judgment(Grade.REQUIRES_IMPROVEMENT),
                    AreaForImprovement("The force should review THRIVE.", Within(3)),
                    AreaForImprovement('=HYPERLINK("x") is not a formula here'),
                ),
            ),
            _assessment(
                "Kent Police",
                Cycle.PEEL_2017,
                Grade.REQUIRES_IMPROVEMENT,
                _question(1, Judgment(None, CarriedOver(Cycle.PEEL_2016))),
            ),
            _assessment(
                "Kent", Cycle.PEEL_2016, Grade.GOOD, _question(1, Judgment(Grade.OUTSTANDING))
            ),
            _assessment("Metropolitan Police Service", Cycle.PEEL_2018_19, Grade.INADEQUATE),
            _assessment("Metropolitan Police Service", Cycle.PEEL_2017, Grade.GOOD),
        ]
    )


def test_rows_are_frozen_and_typed(chain: Corpus) -> None:
    rows = chain.judgments()
    assert all(type(row) is JudgmentRow for row in rows)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rows[0].grade = Grade.GOOD  # type: ignore[misc]
    assert rows.row_type is JudgmentRow
    assert isinstance(rows[1:3], type(rows))


def test_pillar_rows_have_no_question_number(chain: Corpus) -> None:
    first = chain.judgments()[0]
    assert (first.question_number, first.question, first.grade) == (None, "Headline?", Grade.GOOD)


def test_chain_resolves_to_the_inspection_that_gave_the_grade(chain: Corpus) -> None:
    (row,) = chain.judgments(cycle="2018/19", force="Kent", question=1)
    assert row.grade is None
    assert row.carried_over_from is Cycle.PEEL_2017
    assert (row.resolved_grade, row.resolved_cycle) == (Grade.OUTSTANDING, Cycle.PEEL_2016)


def test_chain_with_a_missing_link_stops_there() -> None:
    corpus = Corpus(
        [
            _assessment(
                "Kent",
                Cycle.PEEL_2018_19,
                None,
                _question(1, Judgment(Grade.GOOD, CarriedOver(Cycle.PEEL_2017))),
                _question(2, Judgment(None, CarriedOver(Cycle.PEEL_2017))),
            )
        ]
    )
    one, two = corpus.judgments(question=[1, 2])
    assert (one.resolved_grade, one.resolved_cycle) == (Grade.GOOD, Cycle.PEEL_2017)
    assert (two.resolved_grade, two.resolved_cycle) == (None, Cycle.PEEL_2017)


def test_a_loop_of_carried_over_judgments_ends() -> None:
    corpus = Corpus(
        [
            _assessment(
                "Kent",
                Cycle.PEEL_2017,
                None,
                _question(1, Judgment(None, CarriedOver(Cycle.PEEL_2016))),
            ),
            _assessment(
                "Kent",
                Cycle.PEEL_2016,
                None,
                _question(1, Judgment(None, CarriedOver(Cycle.PEEL_2017))),
            ),
        ]
    )
    rows = corpus.judgments(question=1)
    assert [row.resolved_grade for row in rows] == [None, None]


def test_filters_accept_members_words_aliases_and_lists(chain: Corpus) -> None:
    by_member = chain.judgments(force="Kent", cycle=Cycle.PEEL_2018_19, pillar=E)
    by_words = chain.judgments(force="kent police", cycle="2018", pillar="Effectiveness")
    assert by_member == by_words
    assert len(by_member) == 3
    met = chain.judgments(force="the Met")
    assert {row.force for row in met} == {"Metropolitan Police Service"}
    both = chain.judgments(force=["the Met", peelkit.force("Kent")])
    assert len(both) == len(chain.judgments())
    ri = chain.judgments(grade="Requires improvement")
    assert [(row.cycle, row.question_number) for row in ri] == [
        (Cycle.PEEL_2018_19, 2),
        (Cycle.PEEL_2017, None),
    ]


def test_force_names_are_canonical_in_rows(chain: Corpus) -> None:
    assert {row.force for row in chain.judgments(cycle="2017")} == {
        "Kent",
        "Metropolitan Police Service",
    }


def test_grade_filter_matches_the_resolved_grade(chain: Corpus) -> None:
    outstanding = chain.judgments(grade=Grade.OUTSTANDING)
    assert [(row.cycle, row.grade) for row in outstanding] == [
        (Cycle.PEEL_2018_19, None),
        (Cycle.PEEL_2017, None),
        (Cycle.PEEL_2016, Grade.OUTSTANDING),
    ]


def test_carried_over_filter(chain: Corpus) -> None:
    carried = chain.judgments(carried_over=True)
    assert [row.cycle for row in carried] == [Cycle.PEEL_2018_19, Cycle.PEEL_2017]
    assert len(chain.judgments(carried_over=False)) == len(chain.judgments()) - 2


def test_question_filter_takes_words_of_the_text(chain: Corpus) -> None:
    assert len(chain.judgments(question="question 2")) == 1
    assert len(chain.judgments(question="HEADLINE")) == 5


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"grade": "brilliant"}, "'brilliant' is not a grade; expected one of 'inadequate'"),
        ({"cycle": "2019"}, "'2019' is not a cycle; expected one of '2014'"),
        ({"pillar": "leadership and values"}, "is not a pillar; did you mean 'leadership'?"),
        ({"pillar": "ledership"}, "is not a pillar; did you mean 'leadership'?"),
        ({"force": "Kentt"}, "unknown force 'Kentt'; did you mean 'Kent'?"),
        ({"question": 0}, "question numbers start at 1"),
        ({"question": True}, "expected a question number"),
        ({"carried_over": "yes"}, "carried_over must be True or False"),
        ({"grade": []}, "must not be empty"),
    ],
)
def test_bad_filters_name_the_allowed_values(
    chain: Corpus, filters: dict[str, object], message: str
) -> None:
    with pytest.raises(FilterError, match=message.replace("?", r"\?")) as caught:
        chain.judgments(**filters)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, peelkit.PeelkitError)


def test_areas_for_improvement(chain: Corpus) -> None:
    rows = chain.areas_for_improvement()
    assert all(type(row) is AreaForImprovementRow for row in rows)
    assert rows[0].text == "The force should review THRIVE."
    assert rows[0].question_number == 2
    assert rows[0].source == "Kent-2018.txt"
    assert len(chain.areas_for_improvement(has_deadline=True)) == 1
    assert len(chain.areas_for_improvement(has_deadline=False)) == 1
    assert len(chain.areas_for_improvement(contains="review   thrive")) == 1
    assert len(chain.areas_for_improvement(force="Met")) == 0
    with pytest.raises(FilterError, match="contains must be some text"):
        chain.areas_for_improvement(contains="  ")


def test_history_is_in_cycle_order(chain: Corpus) -> None:
    rows = chain.history("Kent", "effectiveness", 1)
    assert [(row.cycle, row.resolved_grade) for row in rows] == [
        (Cycle.PEEL_2016, Grade.OUTSTANDING),
        (Cycle.PEEL_2017, Grade.OUTSTANDING),
        (Cycle.PEEL_2018_19, Grade.OUTSTANDING),
    ]
    pillar = chain.history("Kent", "effectiveness")
    assert [row.grade for row in pillar] == [Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD]


def test_history_by_wording_follows_each_cycles_number() -> None:
    wording = "How effective is the force at investigating crime and reducing re-offending?"
    corpus = Corpus(
        [
            Assessment(
                "Kent",
                Cycle.PEEL_2018_19,
                (
                    PillarAssessment(
                        E, questions=(QuestionAssessment(2, wording, Judgment(Grade.GOOD)),)
                    ),
                ),
            )
        ]
    )
    assert [row.question_number for row in corpus.history("Kent", E, wording)] == [2]


def test_compare(chain: Corpus) -> None:
    rows = chain.compare("2017", "2018/19")
    assert all(type(row) is CompareRow for row in rows)
    assert [(row.force, row.grade_a, row.grade_b, row.change) for row in rows] == [
        ("Kent", Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, "improved"),
        ("Metropolitan Police Service", Grade.GOOD, Grade.INADEQUATE, "declined"),
    ]
    same = chain.compare("2016", "2018/19", force="Kent")
    assert [row.change for row in same] == ["unchanged"]
    missing = chain.compare("2016", "2017")
    assert [(row.force, row.change) for row in missing] == [
        ("Kent", "declined"),
        ("Metropolitan Police Service", None),
    ]


def test_two_versions_are_both_queried() -> None:
    first = _assessment("Kent", Cycle.PEEL_2018_19, Grade.GOOD)
    second = attrs.evolve(first, source="other.txt")
    corpus = Corpus([first, second]).merged()
    assert len(corpus) == 2
    assert [row.source for row in corpus.judgments()] == ["Kent-2018.txt", "other.txt"]


def test_index_is_built_on_first_query_only(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = query.Index.__init__

    def counting(self: query.Index, assessments: Sequence[Assessment]) -> None:
        built.append(len(assessments))
        original(self, assessments)

    monkeypatch.setattr(query.Index, "__init__", counting)
    corpus = Corpus([_assessment("Kent", Cycle.PEEL_2017, Grade.GOOD)])
    assert built == []
    corpus.judgments()
    corpus.areas_for_improvement(force="Kent")
    corpus.compare("2016", "2017")
    assert built == [1]


def test_unknown_force_names_in_the_data_can_be_asked_for() -> None:
    corpus = Corpus([_assessment("Ruritania Constabulary", Cycle.PEEL_2017, Grade.GOOD)])
    assert len(corpus.judgments(force="Ruritania Constabulary")) == 1


def test_corpus_repr_is_short(chain: Corpus) -> None:
    assert repr(chain) == "Corpus(5 assessments: 2 forces, 2016–2018/19)"
    assert repr(Corpus()) == "Corpus(0 assessments)"


def test_rows_repr_is_a_text_table(chain: Corpus) -> None:
    text = repr(chain.judgments(force="Met"))
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["force", "cycle", "pillar", "question_number"]
    assert "inadequate" in lines[1]
    assert repr(chain.judgments(grade="adequate")).endswith("(no rows)")


def test_inspected_default_is_not_carried_over(chain: Corpus) -> None:
    row = chain.judgments(force="Met", cycle="2017")[0]
    assert row.provenance == INSPECTED
    assert row.carried_over_from is None


def test_a_queried_corpus_still_round_trips_through_json(chain: Corpus) -> None:
    chain.judgments()
    assert peelkit.from_json(peelkit.to_json(chain)) == chain


def test_resolved_columns_follow_the_same_chains_as_validation() -> None:
    from peelkit.datasets import load_bundled
    from peelkit.provenance import CorpusIndex, resolve

    corpus = load_bundled()
    index = CorpusIndex(corpus)
    carried = corpus.judgments(carried_over=True)
    assert len(carried) > 50
    for row in carried:
        found = resolve(index, row.force, row.cycle, row.pillar, row.question_number)
        assert found is not None
        assert (row.resolved_grade, row.resolved_cycle) == (found.grade, found.cycle)


QUERIES = ("judgments", "areas_for_improvement", "history", "compare", "coverage", "grid")


@pytest.mark.parametrize("name", QUERIES)
def test_the_corpus_methods_are_the_queries_themselves(name: str, chain: Corpus) -> None:
    import inspect

    function = getattr(query, name)
    assert getattr(Corpus, name) is function
    method = getattr(chain, name)
    assert method.__doc__ == function.__doc__
    expected = list(inspect.signature(function).parameters.values())[1:]
    assert list(inspect.signature(method).parameters.values()) == expected


def test_a_misspelt_keyword_of_a_corpus_method_is_refused(chain: Corpus) -> None:
    # The ignore is needed (mypy --strict refuses an unused one): mypy knows the keywords.
    with pytest.raises(TypeError, match="forse"):
        chain.judgments(forse="Kent")  # type: ignore[call-arg]
