"""The PEEL cycles as data: pillars, numbered questions, known wordings and scales.

Each :class:`~peelkit.model.Cycle` has one :class:`Framework`: the grading scale,
the publication window of its force reports, whether it is known in full, and per
pillar the headline question(s) and the numbered questions (from 2021/22, the
areas of policing), each with every wording known to have been published (the
first is the canonical one) and whether, and for whom, the question was graded.

The facts live in ``cycles.json`` beside this module (read by
``peelkit.frameworks._data``), taken from the project's domain reference
(``FRAMEWORK.md``), the bundled data's notes and the sample pages. Where a wording
was inferred or seen only on a third-party page, the question carries
``verified=False`` and a ``note`` saying why: such entries are the best available
guess, kept so that parsing works, and flagged so nobody mistakes them for the
inspectorate's own words.

Lookups are pure and cheap (one normalisation and a dictionary probe), because the
parser calls them for every line of a page. All of them compare wordings through
:func:`normalise_wording`, which the parser and validator use too.
"""

from __future__ import annotations

from peelkit.frameworks._classes import (
    Framework,
    FrameworkPillar,
    FrameworkQuestion,
    UnknownQuestionError,
    normalise_wording,
)
from peelkit.frameworks._lookup import (
    FRAMEWORKS,
    closest_questions,
    find_area,
    find_headline,
    find_question,
    framework,
)

__all__ = [
    "FRAMEWORKS",
    "Framework",
    "FrameworkPillar",
    "FrameworkQuestion",
    "UnknownQuestionError",
    "closest_questions",
    "find_area",
    "find_headline",
    "find_question",
    "framework",
    "normalise_wording",
]
