"""Data that ships with peelkit, read with :mod:`importlib.resources` (never the network).

:func:`load_bundled` is the embedded default corpus: the official PEEL pillar
grades of the 43 forces for 2015, 2016, 2017 and 2018/19, the 2018/19 question
judgments known so far, Kent's 2018/19 effectiveness page, and the area judgments
and stated counts of graded areas of 2021/22 and 2023/25. See ``docs/data.md``.

``kent-2018-effectiveness.json`` is the project's founding example: Kent Police's
2018/19 effectiveness page as a ``peelkit/1`` document. Grades, question wordings,
provenance and deadlines are the inspectorate's facts; the texts of the areas for
improvement are peelkit's own short paraphrases, so check the source page before
quoting them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator

import attrs

from peelkit.corpus import Corpus
from peelkit.forces import force
from peelkit.frameworks import find_area, framework
from peelkit.model import (
    INSPECTED,
    NOT_GRADED,
    Assessment,
    CarriedOver,
    Cycle,
    Evidence,
    Grade,
    GradedAreas,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
)
from peelkit.serialise import from_json

__all__ = [
    "AREA_GRADES_CSV",
    "FORCE_COUNTS_CSV",
    "KENT_2018_EFFECTIVENESS_URL",
    "PILLAR_GRADES_CSV",
    "QUESTION_JUDGMENTS_CSV",
    "kent_2018_effectiveness",
    "load_bundled",
]

KENT_2018_EFFECTIVENESS_URL = (
    "https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2018/kent/effectiveness/"
)
PILLAR_GRADES_CSV = "peel_pillar_grades.csv"
"""The bundled pillar grades: ``force, cycle, pillar, grade, source_url``."""
QUESTION_JUDGMENTS_CSV = "peel_2018_19_question_judgments.csv"
"""The bundled 2018/19 question judgments: ``force, cycle, pillar, question_number,
question_text, grade, carried_over_from, source_url``."""

AREA_GRADES_CSV = "peel_2021_25_area_grades.csv"
"""The bundled 2021/22 and 2023/25 area judgments: ``force, cycle, area, grade,
evidence, source_url, note``."""
FORCE_COUNTS_CSV = "peel_2021_25_force_counts.csv"
"""How many areas each force was graded on, per grade where stated: ``force, cycle,
areas_graded, outstanding, good, adequate, requires_improvement, inadequate,
publication_date, report_url``."""

_NOT_GRADED = "not graded"
_UNGRADED = "ungraded"


KENT_2018_EFFECTIVENESS_JSON = "kent-2018-effectiveness.json"


def _read_bytes(name: str) -> bytes:
    """A bundled file's bytes (importlib.resources is imported here: it keeps import light)."""
    from importlib import resources

    return resources.files(__name__).joinpath(name).read_bytes()


def kent_2018_effectiveness() -> Assessment:
    """Kent Police, 2018/19, effectiveness: the founding example."""
    text = _read_bytes(KENT_2018_EFFECTIVENESS_JSON)
    return from_json(text, Assessment)


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a bundled CSV file with their line numbers (the header is line 1)."""
    text = _read_bytes(name).decode("utf-8")
    yield from enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2)


def _pillar_judgment(word: str, where: str) -> Judgment:
    if word == _NOT_GRADED:
        return Judgment(None, NOT_GRADED)
    try:
        return Judgment(Grade(word), INSPECTED)
    except ValueError:
        raise ValueError(f"{where}: {word!r} is not a grade") from None


def _question_judgment(word: str, carried_over_from: str, where: str) -> Judgment:
    grade: Grade | None = None
    if word and word != _UNGRADED:
        try:
            grade = Grade(word)
        except ValueError:
            raise ValueError(f"{where}: {word!r} is not a grade") from None
    if carried_over_from:
        return Judgment(grade, CarriedOver(Cycle(carried_over_from)))
    return Judgment(grade, INSPECTED)


def load_bundled() -> Corpus:
    """The embedded default corpus: every bundled fact, each with its source URL.

    One :class:`~peelkit.Assessment` per force and cycle holds the pillars whose
    grade is known, in the order of ``peel_pillar_grades.csv``; a cell whose grade
    is unknown has no pillar at all, never a guessed grade. Greater Manchester's
    2017 efficiency and legitimacy are :data:`~peelkit.NOT_GRADED`. The 2018/19
    question judgments sit under their pillar; where the pillar's grade is unknown
    but some of its questions' are (Humberside 2018/19 efficiency), the pillar
    holds them with a judgment of no grade and no source. Each pillar's ``source`` is the
    URL of its grade and each question's ``source`` the URL of its judgment; the
    assessment's ``source`` joins them with ``"; "``. Kent's 2018/19 effectiveness
    page adds what the grade tables lack (areas for improvement, summaries, question
    5, which inspection a judgment was carried from) to the facts of that pillar; the
    two never contradict each other (a test holds them to it).
    """
    pillars: dict[tuple[str, Cycle], dict[Pillar, tuple[Judgment, str, int]]] = {}
    for line, row in _rows(PILLAR_GRADES_CSV):
        where = f"{PILLAR_GRADES_CSV}:{line}"
        key = (force(row["force"]).short_name, Cycle(row["cycle"]))
        pillar = Pillar(row["pillar"])
        cells = pillars.setdefault(key, {})
        if pillar in cells:
            raise ValueError(f"{where}: {key[0]} {key[1]} {pillar} appears twice")
        judgment = attrs.evolve(_pillar_judgment(row["grade"], where), source=row["source_url"])
        cells[pillar] = (judgment, row["source_url"], line)

    questions: dict[tuple[str, Cycle, Pillar], list[QuestionAssessment]] = {}
    for line, row in _rows(QUESTION_JUDGMENTS_CSV):
        where = f"{QUESTION_JUDGMENTS_CSV}:{line}"
        key3 = (force(row["force"]).short_name, Cycle(row["cycle"]), Pillar(row["pillar"]))
        questions.setdefault(key3, []).append(
            QuestionAssessment(
                number=int(row["question_number"]),
                text=row["question_text"],
                judgment=attrs.evolve(
                    _question_judgment(row["grade"], row["carried_over_from"], where),
                    source=row["source_url"],
                ),
                source=row["source_url"],
            )
        )
    for name, cycle, pillar in questions:
        # Question judgments known where the pillar grade is not (Humberside 2018/19
        # efficiency): the pillar is there to hold them, with no grade and no source.
        pillars.setdefault((name, cycle), {}).setdefault(pillar, (Judgment(), "", 0))

    assessments = []
    for (name, cycle), cells in pillars.items():
        spec = framework(cycle)
        built = []
        sources: list[str] = []
        for pillar, (judgment, url, _line) in sorted(cells.items(), key=lambda c: c[0].rank):
            entry = spec.pillar(pillar)
            headline = entry.headline_questions[0] if entry and entry.headline_questions else None
            held = tuple(questions.get((name, cycle, pillar), ()))
            built.append(
                PillarAssessment(
                    pillar=pillar,
                    headline_question=headline,
                    judgment=judgment,
                    questions=held,
                    source=url or None,
                )
            )
            for url_ in (url, *(question.source or "" for question in held)):
                if url_ and url_ not in sources:
                    sources.append(url_)
        assessments.append(
            Assessment(force=name, cycle=cycle, pillars=tuple(built), source="; ".join(sources))
        )
    page = kent_2018_effectiveness()
    return Corpus([*(_with_page(each, page) for each in assessments), *_current_cycles()])


def _count(word: str, where: str) -> int | None:
    if not word:
        return None
    if not word.isdigit():
        raise ValueError(f"{where}: {word!r} is not a count")
    return int(word)


def _graded_areas(row: dict[str, str], where: str) -> GradedAreas:
    published = row["publication_date"]
    return GradedAreas(
        areas_graded=_count(row["areas_graded"], where),
        outstanding=_count(row["outstanding"], where),
        good=_count(row["good"], where),
        adequate=_count(row["adequate"], where),
        requires_improvement=_count(row["requires_improvement"], where),
        inadequate=_count(row["inadequate"], where),
        publication_date=dt.date.fromisoformat(published) if published else None,
        report_url=row["report_url"] or None,
    )


def _area_question(row: dict[str, str], where: str) -> QuestionAssessment:
    cycle = Cycle(row["cycle"])
    area = find_area(cycle, row["area"])
    if area is None:
        raise ValueError(f"{where}: {row['area']!r} is not an area of policing in {cycle}")
    try:
        grade = Grade(row["grade"])
    except ValueError:
        raise ValueError(f"{where}: {row['grade']!r} is not a grade") from None
    judgment = Judgment(
        grade,
        INSPECTED,
        source=row["source_url"],
        evidence=Evidence(row["evidence"]),
        note=row["note"] or None,
    )
    return QuestionAssessment(
        number=area.number,
        text=area.area or area.wording,
        judgment=judgment,
        source=row["source_url"],
    )


def _current_cycles() -> list[Assessment]:
    """One assessment per force and cycle of 2021/22 and 2023/25: its known area
    judgments (in the order of the CSV file) and its stated counts, if any."""
    areas: dict[tuple[str, Cycle], list[QuestionAssessment]] = {}
    for line, row in _rows(AREA_GRADES_CSV):
        key = (force(row["force"]).short_name, Cycle(row["cycle"]))
        areas.setdefault(key, []).append(_area_question(row, f"{AREA_GRADES_CSV}:{line}"))
    counts: dict[tuple[str, Cycle], GradedAreas] = {}
    for line, row in _rows(FORCE_COUNTS_CSV):
        key = (force(row["force"]).short_name, Cycle(row["cycle"]))
        counts[key] = _graded_areas(row, f"{FORCE_COUNTS_CSV}:{line}")
    assessments = []
    for name, cycle in sorted(areas.keys() | counts.keys(), key=lambda k: (k[1].rank, k[0])):
        held = tuple(areas.get((name, cycle), ()))
        stated = counts.get((name, cycle))
        urls: list[str] = []
        for url in (*(q.source or "" for q in held), stated.report_url if stated else None):
            if url and url not in urls:
                urls.append(url)
        pillars = (PillarAssessment(Pillar.AREAS_OF_POLICING, questions=held),) if held else ()
        assessments.append(
            Assessment(
                force=name,
                cycle=cycle,
                pillars=pillars,
                source="; ".join(urls) or None,
                graded_areas=stated,
            )
        )
    return assessments


def _with_page(assessment: Assessment, page: Assessment) -> Assessment:
    """``assessment`` with the findings of ``page`` (the same force and cycle) added to
    its pillars: the page's questions, summaries and provenance, and the tables'
    grades where the page prints none."""
    if (assessment.force, assessment.cycle) != (page.force, page.cycle):
        return assessment
    pillars = []
    for pillar in assessment.pillars:
        found = page.get_pillar(pillar.pillar)
        pillars.append(pillar if found is None else _pillar_with_page(pillar, found))
    return attrs.evolve(assessment, pillars=tuple(pillars))


def _pillar_with_page(tables: PillarAssessment, page: PillarAssessment) -> PillarAssessment:
    known = {question.number: question for question in tables.questions}
    questions = []
    for question in page.questions:
        stated = known.pop(question.number, None)
        if stated is None:
            questions.append(attrs.evolve(question, source=page.source))
        else:
            judgment = _judgment_with(question.judgment, stated.judgment)
            questions.append(attrs.evolve(question, judgment=judgment, source=stated.source))
    questions.extend(known.values())
    return attrs.evolve(
        page,
        judgment=_judgment_with(page.judgment, tables.judgment),
        questions=tuple(questions),
        source=tables.source,
    )


def _judgment_with(page: Judgment, tables: Judgment) -> Judgment:
    """The page's judgment, with the grade and date the tables state where it states none."""
    return attrs.evolve(
        page,
        grade=page.grade if page.grade is not None else tables.grade,
        last_updated=page.last_updated or tables.last_updated,
        source=page.source or tables.source,
    )
