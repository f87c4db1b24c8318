"""The ``not_graded`` provenance: a real outcome, distinct from "not yet graded"."""

from __future__ import annotations

import peelkit
from peelkit import NOT_GRADED, Assessment, Cycle, Judgment, Pillar, PillarAssessment


def _gmp_2017() -> Assessment:
    return Assessment(
        force="Greater Manchester",
        cycle=Cycle.PEEL_2017,
        pillars=(PillarAssessment(Pillar.LEGITIMACY, judgment=Judgment(None, NOT_GRADED)),),
    )


def test_not_graded_is_written_with_its_own_kind() -> None:
    document = peelkit.to_dict(_gmp_2017())
    assert document["pillars"][0]["judgment"]["provenance"] == {"kind": "not_graded"}


def test_not_graded_round_trips_and_differs_from_not_yet_graded() -> None:
    assessment = _gmp_2017()
    assert peelkit.from_json(peelkit.to_json(assessment)) == assessment
    assert NOT_GRADED.kind != peelkit.NOT_YET_GRADED.kind


def test_question_source_is_neither_compared_nor_written() -> None:
    with_source = peelkit.QuestionAssessment(1, "A question?", source="https://example.org/")
    without = peelkit.QuestionAssessment(1, "A question?")
    assert with_source == without
    assert with_source.source == "https://example.org/"
    assessment = Assessment(
        "Kent",
        Cycle.PEEL_2018_19,
        (PillarAssessment(Pillar.EFFECTIVENESS, questions=(with_source,)),),
    )
    assert "example.org" not in peelkit.to_json(assessment)


def test_a_page_says_not_graded_and_reads_back() -> None:
    page = peelkit.render_report(_gmp_2017())
    assert "\nNot graded\n" in page
    assert peelkit.parse_report(page) == _gmp_2017()


def test_not_yet_graded_on_a_page_stays_distinct() -> None:
    pending = Assessment(
        "Greater Manchester",
        Cycle.PEEL_2017,
        (PillarAssessment(Pillar.LEGITIMACY, judgment=Judgment(None, peelkit.NOT_YET_GRADED)),),
    )
    assert peelkit.parse_report(peelkit.render_report(pending)) == pending
    assert peelkit.parse_report(peelkit.render_report(pending)) != _gmp_2017()
