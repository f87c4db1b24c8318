"""The bundled dataset: every fact of the two CSV files, with its source, and the Kent page."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest

from peelkit import NOT_GRADED, Corpus, Cycle, Grade, NotGraded, Pillar, validate
from peelkit.datasets import (
    PILLAR_GRADES_CSV,
    QUESTION_JUDGMENTS_CSV,
    kent_2018_effectiveness,
    load_bundled,
)
from peelkit.query import JudgmentRow


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_bundled()


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("peelkit.datasets").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _pillar_facts(corpus: Corpus) -> list[JudgmentRow]:
    """Pillar-level rows that carry a fact: a grade, or 'not graded'."""
    return [
        row
        for row in corpus.judgments()
        if row.question_number is None
        and (row.grade is not None or isinstance(row.provenance, NotGraded))
    ]


def test_counts(bundled: Corpus) -> None:
    facts = _pillar_facts(bundled)
    assert len(facts) == 512
    assert len({row.force for row in facts}) == 43
    assert {row.cycle for row in facts} == {
        Cycle.PEEL_2015,
        Cycle.PEEL_2016,
        Cycle.PEEL_2017,
        Cycle.PEEL_2018_19,
    }
    questions = [
        row
        for row in bundled.judgments()
        if row.question_number is not None and row.pillar is not Pillar.AREAS_OF_POLICING
    ]
    assert len(questions) == 185 + 1  # and the Kent page's ungraded question 5
    assert len(_csv(PILLAR_GRADES_CSV)) == 512
    assert len(_csv(QUESTION_JUDGMENTS_CSV)) == 185


def test_every_csv_fact_is_in_the_corpus_with_its_source(bundled: Corpus) -> None:
    rows = {
        (row.force, row.cycle.value, row.pillar.value, row.question_number): row
        for row in bundled.judgments()
    }
    for fact in _csv(PILLAR_GRADES_CSV):
        row = rows[fact["force"], fact["cycle"], fact["pillar"], None]
        word = row.grade.value if row.grade else "not graded"
        assert word == fact["grade"]
        assert row.source == fact["source_url"]
    for fact in _csv(QUESTION_JUDGMENTS_CSV):
        row = rows[fact["force"], fact["cycle"], fact["pillar"], int(fact["question_number"])]
        assert row.question == fact["question_text"]
        assert (row.grade.value if row.grade else "") == fact["grade"].replace("ungraded", "")
        assert (row.carried_over_from.value if row.carried_over_from else "") == fact[
            "carried_over_from"
        ]
        assert row.source == fact["source_url"]


def _pillar_grade(corpus: Corpus, force: str, cycle: str, pillar: str) -> list[JudgmentRow]:
    return [
        row
        for row in corpus.judgments(force=force, cycle=cycle, pillar=pillar)
        if row.question_number is None
    ]


def test_known_values(bundled: Corpus) -> None:
    three = ("effectiveness", "efficiency", "legitimacy")
    kent = [_pillar_grade(bundled, "Kent", "2018/19", p)[0].grade for p in three]
    assert kent == [Grade.GOOD, Grade.OUTSTANDING, Grade.OUTSTANDING]
    cleveland = [_pillar_grade(bundled, "Cleveland", "2018/19", p)[0].grade for p in three]
    assert cleveland == [Grade.INADEQUATE] * 3
    (gmp,) = _pillar_grade(bundled, "Greater Manchester", "2017", "legitimacy")
    assert gmp.grade is None
    assert gmp.provenance == NOT_GRADED


@pytest.mark.parametrize(
    ("force", "cycle", "pillar"),
    [
        ("Humberside", "2018/19", "efficiency"),
        ("Humberside", "2017", "efficiency"),
        ("Surrey", "2018/19", "legitimacy"),
        ("Derbyshire", "2017", "effectiveness"),
    ],
)
def test_unknown_grades_are_never_guessed(
    bundled: Corpus, force: str, cycle: str, pillar: str
) -> None:
    rows = _pillar_grade(bundled, force, cycle, pillar)
    assert all(row.grade is None and row.resolved_grade is None for row in rows)
    assert not any(isinstance(row.provenance, NotGraded) for row in rows)


def test_humberside_efficiency_questions_are_kept_without_a_pillar_grade(bundled: Corpus) -> None:
    rows = bundled.judgments(force="Humberside", cycle="2018/19", pillar="efficiency")
    assert [(row.question_number, row.grade) for row in rows] == [
        (None, None),
        (1, Grade.GOOD),
        (2, Grade.GOOD),
    ]
    assert rows[0].source is not None  # the assessment's sources, not a guessed one


def test_the_kent_page_adds_its_findings_to_the_tables(bundled: Corpus) -> None:
    (kent,) = [a for a in bundled if a.force == "Kent" and a.cycle is Cycle.PEEL_2018_19]
    effectiveness = kent.pillar("effectiveness")
    assert effectiveness is not None
    page = kent_2018_effectiveness().pillars[0]
    assert [q.number for q in effectiveness.questions] == [1, 2, 3, 4, 5]
    for mine, theirs in zip(effectiveness.questions, page.questions, strict=True):
        assert mine.areas_for_improvement == theirs.areas_for_improvement
        assert mine.judgment.provenance == theirs.judgment.provenance
        assert mine.detailed_findings == theirs.detailed_findings
    assert [q.judgment.grade for q in effectiveness.questions] == [Grade.GOOD] * 4 + [None]
    assert effectiveness.judgment.grade is Grade.GOOD
    assert effectiveness.judgment.last_updated == page.judgment.last_updated
    # The page and the tables state the same facts where both state them.
    both = Corpus([kent, kent_2018_effectiveness()])
    assert [v for v in validate(both) if v.code == "PEEL022"] == []


def test_bundled_needs_no_merging(bundled: Corpus) -> None:
    merged = bundled.merged()
    assert len(merged) == len(bundled)
    assert set(merged) == set(bundled)


def test_carried_over_question_keeps_printed_grade_and_source_cycle(bundled: Corpus) -> None:
    (row,) = bundled.judgments(force="Avon and Somerset", pillar="effectiveness", question=1)
    assert row.grade is Grade.GOOD
    assert row.carried_over_from is Cycle.PEEL_2016
    assert (row.resolved_grade, row.resolved_cycle) == (Grade.GOOD, Cycle.PEEL_2016)
    (unprinted,) = bundled.judgments(force="Avon and Somerset", pillar="effectiveness", question=2)
    assert unprinted.grade is None
    assert (unprinted.resolved_grade, unprinted.resolved_cycle) == (None, Cycle.PEEL_2017)


def test_question_counts_by_kind(bundled: Corpus) -> None:
    rows = [row for row in bundled.judgments() if row.question_number is not None]
    kinds = Counter((row.grade is None, row.carried_over_from is not None) for row in rows)
    assert kinds[(True, True)] == 11  # carried over, grade not printed
    assert kinds[(True, False)] == 2  # the specialist capabilities of Cumbria and Kent
