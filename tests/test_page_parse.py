"""The page parser: the bundled Kent page field by field, each variant, errors, lines."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

import pytest

import peelkit
from peelkit import (
    INSPECTED,
    NOT_YET_GRADED,
    By,
    CarriedOver,
    Cycle,
    Grade,
    Immediately,
    ParseError,
    Pillar,
    Within,
    parse_report,
    render_report,
)
from peelkit.datasets import KENT_2018_EFFECTIVENESS_URL, kent_2018_effectiveness

PAGES = Path(__file__).parent / "fixtures" / "pages"
# The annotated samples sit in ../shared beside the clone; PEELKIT_SAMPLES points elsewhere.
SAMPLES = Path(
    os.environ.get("PEELKIT_SAMPLES") or Path(__file__).parents[1].parent / "shared" / "samples"
)


def bundled_kent_text() -> str:
    return (
        resources.files("peelkit.datasets")
        .joinpath("kent-2018-effectiveness.txt")
        .read_text(encoding="utf-8")
    )


def page(name: str) -> peelkit.Assessment:
    return parse_report((PAGES / name).read_text(encoding="utf-8"), source=name)


# -- Kent 2018/19 effectiveness, the founding example ---------------------------------

KENT_TEXTS = [pytest.param(bundled_kent_text(), id="bundled")]
if (SAMPLES / "kent-2018-effectiveness.txt").exists():
    KENT_TEXTS.append(
        pytest.param((SAMPLES / "kent-2018-effectiveness.txt").read_text("utf-8"), id="published")
    )


@pytest.mark.parametrize("text", KENT_TEXTS)
def test_kent_field_by_field(text: str) -> None:
    kent = parse_report(text, source="kent.txt")
    assert (kent.force, kent.cycle, kent.source) == ("Kent", Cycle.PEEL_2018_19, "kent.txt")
    (pillar,) = kent.pillars
    assert pillar.pillar is Pillar.EFFECTIVENESS
    assert pillar.source == "kent.txt"
    assert pillar.headline_question == (
        "How effectively does the force reduce crime and keep people safe?"
    )
    assert [q.number for q in pillar.questions] == [1, 2, 3, 4, 5]
    carried = CarriedOver(Cycle.PEEL_2017, Pillar.EFFECTIVENESS)
    assert [q.judgment.provenance for q in pillar.questions] == [
        carried,
        INSPECTED,
        INSPECTED,
        carried,
        INSPECTED,
    ]
    assert all(q.judgment.grade is None for q in pillar.questions)
    assert [len(q.areas_for_improvement) for q in pillar.questions] == [0, 1, 3, 0, 0]
    deadlines = [area.deadline for area in pillar.questions[2].areas_for_improvement]
    assert deadlines == [Within(3), Within(3), None]
    assert pillar.questions[1].areas_for_improvement[0].deadline is None
    assert [q.detailed_findings for q in pillar.questions] == [False, True, True, False, True]
    assert all(not q.causes_of_concern for q in pillar.questions)
    assert [bool(q.summary) for q in pillar.questions] == [False, True, True, False, True]
    assert pillar.questions[4].text == "How effective are the force’s specialist capabilities?"


def test_bundled_kent_page_is_the_bundled_assessment() -> None:
    parsed = parse_report(bundled_kent_text(), source=KENT_2018_EFFECTIVENESS_URL)
    assert parsed == kent_2018_effectiveness()
    effectiveness = parsed.pillars[0]
    assert effectiveness.judgment.grade is Grade.GOOD
    assert effectiveness.judgment.last_updated == dt.date(2019, 5, 2)
    assert len(effectiveness.summary) == 3


# -- the variants, on pages of our own ------------------------------------------------


def test_plain_2016_page() -> None:
    dorset = page("plain-2016-effectiveness.txt")
    assert (dorset.force, dorset.cycle) == ("Dorset", Cycle.PEEL_2016)
    (pillar,) = dorset.pillars
    assert pillar.headline_question == (
        "How effective is the force at keeping people safe and reducing crime?"
    )
    assert pillar.judgment == peelkit.Judgment()
    first, second, third = pillar.questions
    assert [q.number for q in pillar.questions] == [1, 2, 3]
    assert [a.text for a in first.areas_for_improvement] == [
        "The force should evaluate its crime prevention work and share what works with its "
        "partners."
    ]
    assert len(first.summary) == 2
    # Bullets of a prose list are summary, not areas for improvement.
    assert second.summary[1:] == (
        "- has too few trained detectives; and",
        "- does not always supervise investigations well.",
    )
    # "by April 2017" is not a date, so not a deadline.
    assert [a.deadline for a in second.areas_for_improvement] == [Within(6), None]
    assert third.summary == ("The force is good at protecting vulnera",)


def test_site_2017_page() -> None:
    gwent = page("site-2017-effectiveness.txt")
    (pillar,) = gwent.pillars
    assert pillar.judgment.grade is Grade.REQUIRES_IMPROVEMENT
    assert pillar.judgment.last_updated == dt.date(2018, 3, 22)
    # A line that starts with a grade word is prose; banners before the title are skipped.
    assert pillar.summary[1].startswith("Good arrangements")
    assert pillar.summary[2:] == (
        "- missing signs of risk at first contact;",
        "- taking too long to attend.",
    )
    first, vulnerable, organised = pillar.questions
    # "last year’s inspection" on a 2017 page is the 2016 inspection, not named.
    assert first.judgment.provenance == CarriedOver(Cycle.PEEL_2016, None)
    assert first.judgment.grade is None
    assert vulnerable.number == 3
    assert vulnerable.judgment.grade is Grade.INADEQUATE
    (cause,) = vulnerable.causes_of_concern
    assert cause.text.startswith("The force does not always identify")
    assert [(r.text, r.deadline) for r in cause.recommendations] == [
        ("review how call handlers assess risk; and", Immediately()),
        (
            "make sure officers attend urgent incidents promptly, with a full review by "
            "31 March 2019.",
            By(dt.date(2019, 3, 31)),
        ),
    ]
    assert [a.text for a in vulnerable.areas_for_improvement] == [
        "The force should improve how it shares information with partners."
    ]
    assert vulnerable.summary == (
        "The force is inadequate at protecting vulnerable people. It is good at using "
        "protective orders.",
    )
    assert (organised.number, organised.judgment.grade) == (4, Grade.GOOD)


def test_site_2018_page_without_a_pillar_line() -> None:
    norfolk = page("site-2018-efficiency-no-pillar-line.txt")
    (pillar,) = norfolk.pillars
    assert pillar.pillar is Pillar.EFFICIENCY  # from the headline question
    assert pillar.judgment.grade is Grade.OUTSTANDING
    # A grade stated in prose is not a carry-over of the pillar's judgment.
    assert pillar.judgment.provenance == INSPECTED
    resources_question, future = pillar.questions
    assert (resources_question.number, resources_question.judgment.grade) == (
        1,
        Grade.OUTSTANDING,
    )
    assert future.judgment.provenance == CarriedOver(Cycle.PEEL_2017, Pillar.EFFICIENCY)
    (area,) = future.areas_for_improvement
    assert area.carried_over_from is Cycle.PEEL_2017
    assert future.summary == ()


def test_plain_2015_page() -> None:
    cheshire = page("plain-2015-legitimacy.txt")
    wellbeing, recording, fairness = cheshire.pillars[0].questions
    assert recording.judgment.provenance == INSPECTED  # not inspected is not carried over
    assert recording.summary == ("This question has not been inspected or graded in 2015.",)
    assert [(a.text, a.carried_over_from) for a in fairness.areas_for_improvement] == [
        ("The constabulary should publish how it uses stop and search.", Cycle.PEEL_2014),
        ("The constabulary should engage more with young people.", None),
    ]
    assert wellbeing.number == 1


def test_pillar_from_questions_for_line() -> None:
    durham = page("site-2018-legitimacy-questions-for.txt")
    (pillar,) = durham.pillars
    assert pillar.pillar is Pillar.LEGITIMACY
    assert pillar.headline_question == "How legitimately does the force treat people?"
    assert pillar.judgment.provenance == CarriedOver(Cycle.PEEL_2017, None)
    (question,) = pillar.questions
    assert (question.number, question.text, question.judgment.grade) == (
        3,
        "How well does the force treat its workforce?",
        Grade.GOOD,
    )
    assert question.detailed_findings


def test_not_yet_graded() -> None:
    text = "Kent PEEL 2016\nEffectiveness\nHow effective is the force at keeping people safe?\n"
    parsed = parse_report(text + "To be graded\n")
    assert parsed.pillars[0].judgment.provenance is NOT_YET_GRADED
    assert parsed.pillars[0].judgment.grade is None


def test_diagnostic_question_in_a_known_block_is_prose() -> None:
    text = (
        "Kent PEEL 2018\nEffectiveness\n"
        "How effective is the force at tackling serious and organised crime?\n"
        "How well does the force understand the threat of organised crime?\n"
        "It understands it well.\n"
    )
    (question,) = parse_report(text).pillars[0].questions
    assert question.number == 4
    assert question.summary[0].startswith("How well does the force understand")


def test_items_keep_their_lines() -> None:
    kent = parse_report(bundled_kent_text())
    pillar = kent.pillars[0]
    lines = ["", *bundled_kent_text().split("\n")]  # 1-based

    def at(line: int | None) -> str:
        assert line is not None
        return lines[line].strip()

    assert at(pillar.line) == "Effectiveness"
    assert at(pillar.judgment.line) == "Good"
    for question in pillar.questions:
        assert at(question.line) == question.text
        for area in question.areas_for_improvement:
            assert at(area.line) == f"• {area.text}"


def test_multi_pillar_assessment_is_several_pages() -> None:
    kent = parse_report(bundled_kent_text())
    legitimacy = peelkit.PillarAssessment(
        Pillar.LEGITIMACY, "How legitimately does the force treat the public and its workforce?"
    )
    both = kent.merge(peelkit.Assessment("Kent", Cycle.PEEL_2018_19, (legitimacy,)))
    text = render_report(both)
    assert text.count("Kent PEEL 2018\n") == 2
    assert parse_report(text) == both


def test_a_title_shaped_line_without_a_pillar_is_prose() -> None:
    text = "Kent PEEL 2018\nEffectiveness\nSee also:\nKent PEEL 2017\n"
    assert parse_report(text).pillars[0].summary == ("See also:", "Kent PEEL 2017")


def test_bytes_are_read_as_utf8() -> None:
    assert parse_report(bundled_kent_text().encode()) == parse_report(bundled_kent_text())


# -- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 0, "empty page"),
        ("  \n\t\n", 0, "empty page"),
        ("\n\nSome notes about Kent\n", 3, "no title line"),
        ("Kent PEEL 2019\nEffectiveness\n", 1, "unknown PEEL cycle '2019'"),
        ("Gotham PEEL 2018\nEffectiveness\n", 1, "unknown force 'Gotham'"),
        ("Kent PEEL 2018\nSome prose.\n", 1, "cannot tell which pillar"),
        ("Kent PEEL 2018\nEffectiveness\nLast updated 31/02/2019\n", 3, "no such date"),
        ("Kent PEEL 2018\nEffectiveness\nDetailed findings for question 2\n", 3, "before any"),
        (
            "Kent PEEL 2018\nEffectiveness\n\n2\n"
            "How effective is the force at tackling serious and organised crime?\n",
            5,
            "question number 2 does not match the framework",
        ),
        (
            "Kent PEEL 2018\nEffectiveness\nHow is it?\n"
            "How effective is the force at tackling serious and organised crime?\n"
            "Detailed findings for question 3\n",
            5,
            "follow question 4",
        ),
        ("Kent PEEL 2018\nEffectiveness\n\nKent PEEL 2017\nEfficiency\n", 4, "one force and cycle"),
        ("Kent PEEL 2018\nEfficiency\n\nKent PEEL 2018\nEfficiency\n", 5, "a second efficiency"),
        ("Kent PEEL 2018\nEfficiency\nQuestions for Legitimacy\n", 3, "lists questions for"),
        ("Kent PEEL 2018\x00\n", 1, "binary data"),
        (b"Kent PEEL 2018\n\xff\xfe", 2, "not UTF-8"),
    ],
)
def test_not_a_page(text: str | bytes, line: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as raised:
        parse_report(text, source="page.txt")
    assert raised.value.line == line
    assert raised.value.source == "page.txt"
    assert isinstance(raised.value, ValueError)


def test_error_points_at_the_problem() -> None:
    with pytest.raises(ParseError) as raised:
        parse_report("Skip to content\n  Kent PEEL 2020\n", source="kent.txt")
    assert str(raised.value) == (
        "kent.txt:2: unknown PEEL cycle '2020'; expected a year such as 2015, 2016, 2017 "
        "or 2018 (for 2018/19)\n"
        "      Kent PEEL 2020\n"
        "    ~~~~~~~~~~~~^"
    )


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(peelkit.page.parse, "MAX_PAGE_CHARS", 100)
    with pytest.raises(ParseError, match="at most 100 characters"):
        parse_report("Kent PEEL 2018\nEffectiveness\n" + "x" * 100)


def test_not_text() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        parse_report(42)  # type: ignore[arg-type]
