"""Properties of the page parser: the round trip, and robustness on any text."""

from __future__ import annotations

import contextlib
import json
import os
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peelkit
from peelkit import Cycle, ParseError, parse_report, render_report
from peelkit.model import CarriedOver
from peelkit.testing import page_assessments, pillar_pages

PAGES = Path(__file__).parent / "fixtures" / "pages"
# The annotated samples sit in ../shared beside the clone; PEELKIT_SAMPLES points elsewhere.
SAMPLES = Path(
    os.environ.get("PEELKIT_SAMPLES") or Path(__file__).parents[1].parent / "shared" / "samples"
)


def real_pages() -> list[str]:
    texts = [path.read_text("utf-8") for path in sorted(PAGES.glob("*.txt"))]
    texts.append(
        resources.files("peelkit.datasets")
        .joinpath("kent-2018-effectiveness.txt")
        .read_text("utf-8")
    )
    texts.extend(path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    return texts


REAL = real_pages()


@given(page_assessments())
def test_round_trip(assessment: peelkit.Assessment) -> None:
    assert parse_report(render_report(assessment)) == assessment


@pytest.mark.parametrize("text", REAL)
def test_round_trip_of_real_pages(text: str) -> None:
    parsed = parse_report(text, source="page")
    assert parse_report(render_report(parsed), source="page") == parsed


def parses_or_raises(text: str) -> None:
    try:
        parsed = parse_report(text)
    except ParseError:
        return
    assert parse_report(render_report(parsed)) == parsed


@settings(max_examples=300)
@given(pillar_pages())
def test_every_page_that_parses_round_trips(text: str) -> None:
    """Pages built from real kinds of lines in any order: whatever parses comes back
    equal, and the rendering is stable (``benchmarks/probe_round_trip.py`` runs this
    on 20,000 pages)."""
    try:
        parsed = parse_report(text)
    except ParseError:
        return
    rendered = render_report(parsed)
    assert parse_report(rendered) == parsed
    assert render_report(parse_report(rendered)) == rendered


def test_a_question_outside_the_framework_stays_a_question() -> None:
    text = "Kent PEEL 2018\nQuestions for Efficiency\nHow is the weather?\n"
    parsed = parse_report(text)
    assert parsed.pillars[0].headline_question is None
    assert [question.text for question in parsed.pillars[0].questions] == ["How is the weather?"]
    assert parse_report(render_report(parsed)) == parsed


def test_a_number_that_numbers_no_question_is_not_kept() -> None:
    text = "Kent PEEL 2018\nEfficiency\n1\nQuestions for Efficiency\nThe force plans well.\n"
    parsed = parse_report(text)
    assert parsed.pillars[0].summary == ("The force plans well.",)
    assert parse_report(render_report(parsed)) == parsed


@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    parses_or_raises(text)


@given(st.binary(max_size=200))
def test_any_bytes(data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_report(data)


STRAY = st.sampled_from(
    [
        "Good",
        "Inadequate",
        "- ",
        "- The force should act within three months.",
        "  • stray",
        "2",
        "Detailed findings for question 2",
        "Areas for improvement",
        "Recommendations",
        "Cause of concern",
        "Not yet graded",
        "Last updated 01/01/2019",
        "Questions for Efficiency",
        "One area for improvement remained from that inspection.",
        "Kent PEEL 2018",
        "Efficiency",
    ]
)


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(REAL)).split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        how = draw(st.sampled_from(["delete", "swap", "truncate", "double", "stray"]))
        at = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
        if how == "delete" and lines:
            del lines[at]
        elif how == "swap" and lines:
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif how == "truncate" and lines:
            line = lines[at]
            lines[at:] = [line[: draw(st.integers(min_value=0, max_value=len(line)))]]
        elif how == "double" and lines:
            lines.insert(at, lines[at])
        else:
            lines.insert(at, draw(STRAY))
    return "\n".join(lines)


@given(mutated_pages())
def test_mutated_real_pages(text: str) -> None:
    parses_or_raises(text)


# -- the annotated samples ----------------------------------------------------------------


def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.expected.json"))


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not beside the clone")
def test_every_annotated_field_of_the_samples() -> None:
    scored = right = 0
    wrong: list[str] = []

    def score(where: str, got: object, want: object) -> None:
        nonlocal scored, right
        scored += 1
        if got == want:
            right += 1
        else:
            wrong.append(f"{where}: got {got!r}, expected {want!r}")

    for path in samples():
        name = path.name.removesuffix(".expected.json")
        want = json.loads(path.read_text("utf-8"))
        parsed = parse_report((SAMPLES / f"{name}.txt").read_text("utf-8"), source=name)
        pillar = parsed.pillars[0]
        score(f"{name} force", parsed.force, peelkit.force(want["force"]).short_name)
        score(f"{name} cycle", parsed.cycle, Cycle(str(want["year"])))
        score(f"{name} pillar", pillar.pillar.value, want["pillar"])
        score(f"{name} headline", pillar.headline_question, want["headline_question"])
        grade = pillar.judgment.grade
        score(f"{name} headline grade", grade and grade.value, want["headline_grade"])
        score(f"{name} questions", len(pillar.questions), len(want["questions"]))
        for number, (question, expected) in enumerate(
            zip(pillar.questions, want["questions"], strict=False), start=1
        ):
            where = f"{name} question {number}"
            provenance = question.judgment.provenance
            source = provenance.from_cycle.year if isinstance(provenance, CarriedOver) else None
            recommendations = [
                recommendation.text
                for cause in question.causes_of_concern
                for recommendation in cause.recommendations
            ]
            grade = question.judgment.grade
            score(f"{where} text", question.text, expected["text"])
            if expected["number"] is not None:
                score(f"{where} number", question.number, expected["number"])
            score(f"{where} grade", grade and grade.value, expected["grade"])
            score(f"{where} carried over", question.judgment.carried_over, expected["carried_over"])
            score(f"{where} carried over from", source, expected["carried_over_from"])
            score(
                f"{where} areas for improvement",
                [area.text for area in question.areas_for_improvement],
                expected["areas_for_improvement"],
            )
            score(
                f"{where} causes of concern",
                [cause.text for cause in question.causes_of_concern],
                expected["causes_of_concern"],
            )
            score(f"{where} recommendations", recommendations, expected["recommendations"])
            score(
                f"{where} detailed findings",
                question.detailed_findings,
                expected["has_detailed_findings_marker"],
            )
    assert scored > 250
    assert wrong == [], f"{right}/{scored} right"
