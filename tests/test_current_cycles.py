"""The current PEEL cycles: 2021/22 and 2023/25 in the bundled data, and 2025/27."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

import peelkit
from peelkit import (
    Assessment,
    Corpus,
    Cycle,
    Evidence,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
)
from peelkit.datasets import AREA_GRADES_CSV, FORCE_COUNTS_CSV, load_bundled
from peelkit.forces import force
from peelkit.frameworks import find_area, find_question, framework
from peelkit.rows import NOT_COMPARABLE


@pytest.fixture(scope="module")
def bundled() -> Corpus:
    return load_bundled()


def _csv(name: str) -> list[dict[str, str]]:
    text = resources.files("peelkit.datasets").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _area_rows(corpus: Corpus) -> list[peelkit.JudgmentRow]:
    return [
        row
        for row in corpus.judgments(pillar=Pillar.AREAS_OF_POLICING)
        if row.question_number is not None
    ]


# -- cycles and frameworks ---------------------------------------------------------


@pytest.mark.parametrize("word", ["2025/27", "2025-27", "2025–2027", "PEEL 2025-27", "2025"])
def test_the_2025_27_cycle_in_any_spelling(word: str) -> None:
    assert Cycle(word) is Cycle.PEEL_2025_27


def test_the_2025_27_framework_is_known_in_part() -> None:
    frame = framework("2025/27")
    assert frame.complete is False
    assert [q.wording for q in frame.questions] == [
        "How good is the force at leadership and force management?"
    ]
    assert all(framework(cycle).complete for cycle in Cycle if cycle is not Cycle.PEEL_2025_27)


_USE_OF_RESOURCES = "Strategic planning, organisational management and value for money"
_WORKFORCE = "Building, supporting and protecting the workforce"
_FAIRNESS = "Engaging with and treating the public with fairness and respect"


@pytest.mark.parametrize(
    ("cycle", "wording", "area"),
    [
        ("2021/22", "use of resources", _USE_OF_RESOURCES),
        ("2021/22", _WORKFORCE, _WORKFORCE),
        ("2023/25", _WORKFORCE.lower(), "Developing a positive workplace"),
        ("2023/25", "crime data integrity", "Recording data about crime"),
        ("2021/22", "Treating the public fairly", _FAIRNESS),
        ("2023/25", "Leadership and management", "Leadership and force management"),
        ("2021/22", "tackling organised crime", "Disrupting serious organised crime"),
    ],
)
def test_an_area_is_found_from_any_wording_in_its_own_cycle(
    cycle: str, wording: str, area: str
) -> None:
    found = find_area(cycle, wording)
    assert found is not None
    assert found.area == area


def test_who_is_graded_on_what() -> None:
    victims_2021 = find_area("2021/22", "supporting victims")
    assert victims_2021 is not None
    assert victims_2021.is_graded_for("Merseyside") is True
    assert victims_2021.is_graded_for("West Midlands") is True
    assert victims_2021.is_graded_for("Kent") is False
    victims_2023 = find_area("2023/25", "Providing a service to victims of crime")
    assert victims_2023 is not None
    assert victims_2023.is_graded_for("Merseyside") is False
    soc = find_area("2023/25", "Disrupting serious organised crime")
    assert soc is not None
    assert soc.is_graded_for("Kent") is None
    responding = find_area("2023/25", "Responding to the public")
    assert responding is not None
    assert responding.is_graded_for("Kent") is True


# -- the bundled data -----------------------------------------------------------------


def test_every_area_row_is_bundled_with_its_grade_source_evidence_and_note(
    bundled: Corpus,
) -> None:
    expected = sorted(
        (
            force(row["force"]).short_name,
            row["cycle"],
            row["area"],
            row["grade"],
            row["evidence"],
            row["source_url"],
            row["note"] or None,
        )
        for row in _csv(AREA_GRADES_CSV)
    )
    assert len(expected) == 428
    found = sorted(
        (
            row.force,
            row.cycle.value,
            row.question or "",
            row.grade.value if row.grade else "",
            row.evidence.value if row.evidence else "",
            row.source or "",
            row.note,
        )
        for row in _area_rows(bundled)
    )
    assert found == expected


def test_every_force_count_is_bundled(bundled: Corpus) -> None:
    rows = _csv(FORCE_COUNTS_CSV)
    assert len(rows) == 86
    held = {(a.force, a.cycle): a.graded_areas for a in bundled if a.graded_areas is not None}
    assert len(held) == 86
    for row in rows:
        counts = held[force(row["force"]).short_name, Cycle(row["cycle"])]
        assert counts is not None
        stated = row["areas_graded"]
        assert counts.areas_graded == (int(stated) if stated else None)
        for grade in Grade:
            word = row[grade.name.lower()]
            assert counts.count(grade) == (int(word) if word else None)
        assert counts.report_url == row["report_url"]


def test_a_cell_not_in_the_csv_is_unknown_never_a_grade(bundled: Corpus) -> None:
    kent = [
        row for row in _area_rows(bundled) if row.force == "Kent" and row.cycle.value == "2023/25"
    ]
    assert kent == []
    grid = bundled.grid("2023/25")
    assert grid.cell("Kent", (Pillar.AREAS_OF_POLICING, 4)) == ()


def test_source_evidence_and_note_survive_json_csv_and_frames(
    bundled: Corpus, tmp_path: Path
) -> None:
    again = peelkit.from_json(peelkit.to_json(bundled), Corpus)
    assert again == bundled
    assert _area_rows(again) == _area_rows(bundled)
    rows = bundled.judgments(area="Responding to the public", cycle="2023/25")
    path = tmp_path / "responding.csv"
    rows.to_csv(path)
    with path.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert [(r["force"], r["source"], r["evidence"], r["note"]) for r in written] == [
        (row.force, row.source, row.evidence.value if row.evidence else "", row.note or "")
        for row in rows
    ]
    pandas = pytest.importorskip("pandas")
    frame = rows.to_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["evidence"]) == [row.evidence.value if row.evidence else None for row in rows]


# -- coverage -------------------------------------------------------------------------


def test_coverage_per_force_and_cycle(bundled: Corpus) -> None:
    rows = {str(row) for row in bundled.coverage()}
    assert "Kent 2023/25: 0 of 8 known" in rows
    assert "Wiltshire 2021/22: 8 of 8 known" in rows
    kent = bundled.coverage("2023/25", force="Kent")
    assert [(r.areas_graded, r.known, r.unknown) for r in kent] == [(8, 0, 8)]
    assert kent.columns == ("force", "cycle", "areas_graded", "known", "unknown")


def test_coverage_counts_what_the_corpus_holds() -> None:
    question = find_question("2021/22", "Responding to the public")
    assert question is not None
    graded = peelkit.QuestionAssessment(
        question.number, "Responding to the public", Judgment(Grade.GOOD)
    )
    ungraded = peelkit.QuestionAssessment(1, "Providing a service to victims of crime")
    pillar = PillarAssessment(Pillar.AREAS_OF_POLICING, questions=[graded, ungraded])
    corpus = Corpus(
        [
            Assessment(
                "Kent",
                Cycle.PEEL_2021_22,
                [pillar],
                graded_areas=peelkit.GradedAreas(areas_graded=9),
            ),
            Assessment("Essex", Cycle.PEEL_2021_22, [pillar]),
        ]
    )
    assert [str(row) for row in corpus.coverage()] == [
        "Essex 2021/22: 1 known of an unstated number",
        "Kent 2021/22: 1 of 9 known",
    ]


# -- queries ----------------------------------------------------------------------------


def test_which_forces_are_inadequate_at_responding_to_the_public(bundled: Corpus) -> None:
    rows = bundled.judgments(area="responding to the public", cycle="2023/25", grade="inadequate")
    expected = sorted(
        force(row["force"]).short_name
        for row in _csv(AREA_GRADES_CSV)
        if row["cycle"] == "2023/25"
        and row["area"] == "Responding to the public"
        and row["grade"] == "inadequate"
    )
    assert expected
    assert sorted(row.force for row in rows) == expected


def test_one_area_wording_finds_the_area_in_each_cycle(bundled: Corpus) -> None:
    rows = bundled.judgments(area="building, supporting and protecting the workforce")
    assert {row.question for row in rows} == {
        "Building, supporting and protecting the workforce",
        "Developing a positive workplace",
    }
    with pytest.raises(peelkit.FilterError, match="not an area of policing"):
        bundled.judgments(area="keeping bees")


def _two_scales() -> Corpus:
    def kent(cycle: Cycle, grade: Grade) -> Assessment:
        pillar = PillarAssessment(Pillar.EFFECTIVENESS, judgment=Judgment(grade))
        return Assessment("Kent", cycle, [pillar])

    return Corpus(
        [
            kent(Cycle.PEEL_2017, Grade.REQUIRES_IMPROVEMENT),
            kent(Cycle.PEEL_2018_19, Grade.GOOD),
            kent(Cycle.PEEL_2021_22, Grade.ADEQUATE),
        ]
    )


def test_history_never_calls_a_scale_change_a_decline() -> None:
    rows = _two_scales().history("Kent", "effectiveness")
    assert [row.change for row in rows] == [None, "improved", NOT_COMPARABLE]
    assert NOT_COMPARABLE == "not comparable: grading scale changed in 2021/22"


def test_compare_across_the_scale_change_is_not_comparable() -> None:
    corpus = _two_scales()
    assert [row.change for row in corpus.compare("2018/19", "2021/22")] == ["not comparable"]
    assert [row.change for row in corpus.compare("2017", "2018/19")] == ["improved"]


def test_history_of_an_area_across_the_current_cycles(bundled: Corpus) -> None:
    rows = bundled.history("Wiltshire", "areas of policing", "Responding to the public")
    assert [row.cycle for row in rows] == [Cycle.PEEL_2021_22, Cycle.PEEL_2023_25]
    assert rows[1].change in {"improved", "declined", "unchanged"}


def test_evidence_words() -> None:
    assert Evidence("label") is Evidence.LABEL
    assert Evidence("statement") is Evidence.STATEMENT
