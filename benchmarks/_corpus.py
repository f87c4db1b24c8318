"""A synthetic but realistic corpus for the benchmarks: 2018/19-shaped assessments."""

from __future__ import annotations

import datetime as dt
import random

import peelkit
from peelkit import (
    AreaForImprovement,
    Assessment,
    CarriedOver,
    Cycle,
    Grade,
    Judgment,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Within,
)
from peelkit.forces import FORCES
from peelkit.frameworks import framework

_SENTENCE = (
    "The force should review how it {verb} {thing} so that victims get a consistent "
    "service and staff understand what is expected of them."
)
_VERBS = ("assesses", "allocates", "supervises", "records", "reviews")
_THINGS = ("incidents", "investigations", "risk", "demand", "offenders")


def synthetic_corpus(count: int = 1000, seed: int = 2019) -> peelkit.Corpus:
    """``count`` 2018/19 assessments over the 43 forces, with the real question set."""
    rng = random.Random(seed)
    spec = framework(Cycle.PEEL_2018_19)
    four_tier = [Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING]
    assessments = []
    for index in range(count):
        force = FORCES[index % len(FORCES)]
        pillars = []
        for pillar_spec in spec.pillars:
            questions = []
            for question in pillar_spec.questions:
                carried = rng.random() < 0.3
                judgment = Judgment(
                    grade=rng.choice(four_tier) if question.graded else None,
                    provenance=(
                        CarriedOver(Cycle.PEEL_2017, pillar_spec.pillar)
                        if carried
                        else peelkit.INSPECTED
                    ),
                )
                areas = tuple(
                    AreaForImprovement(
                        _SENTENCE.format(verb=rng.choice(_VERBS), thing=rng.choice(_THINGS)),
                        Within(3) if rng.random() < 0.2 else None,
                    )
                    for _ in range(rng.randint(0, 3))
                )
                questions.append(
                    QuestionAssessment(
                        number=question.number,
                        text=question.wordings[0],
                        judgment=judgment,
                        areas_for_improvement=areas,
                        summary=(
                            f"{force.short_name} Police is good at this. " * 4,
                            "It works well with partners, but it should do more. " * 3,
                        ),
                        detailed_findings=not carried,
                    )
                )
            pillars.append(
                PillarAssessment(
                    pillar=pillar_spec.pillar,
                    headline_question=pillar_spec.headline_questions[0],
                    judgment=Judgment(
                        grade=rng.choice(four_tier), last_updated=dt.date(2019, 9, 27)
                    ),
                    summary=("A summary paragraph of the pillar. " * 5,),
                    questions=tuple(questions),
                )
            )
        assessments.append(
            Assessment(
                force=force.short_name,
                cycle=Cycle.PEEL_2018_19,
                pillars=tuple(pillars),
                source=f"{force.slugs[-1]}-2018.txt",
            )
        )
    return peelkit.Corpus(assessments)


__all__ = ["Pillar", "synthetic_corpus"]
