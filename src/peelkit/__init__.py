"""peelkit: typed models, parser, validation and queries for HMICFRS PEEL assessments.

The public API is re-exported here; see the user guide for a tour::

    >>> import peelkit
    >>> peelkit.Grade("Requires improvement") < peelkit.Grade.GOOD
    True
    >>> peelkit.force("the Met").short_name
    'Metropolitan Police Service'
"""

from peelkit._version import __version__
from peelkit.corpus import Corpus
from peelkit.errors import ParseError, PeelkitError, Problem, ValidationError
from peelkit.forces import FORCES, Force, UnknownForceError, force, try_force
from peelkit.frameworks import (
    FRAMEWORKS,
    Framework,
    FrameworkPillar,
    FrameworkQuestion,
    UnknownQuestionError,
    closest_questions,
    find_headline,
    find_question,
    framework,
    normalise_wording,
)
from peelkit.load import load
from peelkit.model import (
    INSPECTED,
    NOT_GRADED,
    NOT_YET_GRADED,
    AreaForImprovement,
    Assessment,
    By,
    CarriedOver,
    CauseOfConcern,
    Cycle,
    Deadline,
    Grade,
    Immediately,
    Inspected,
    Judgment,
    NotGraded,
    NotYetGraded,
    Pillar,
    PillarAssessment,
    Provenance,
    QuestionAssessment,
    Recommendation,
    Within,
)
from peelkit.parse import parse_report, render_report
from peelkit.serialise import FORMAT, from_dict, from_json, to_dict, to_json

__all__ = [
    "FORCES",
    "FORMAT",
    "FRAMEWORKS",
    "INSPECTED",
    "NOT_GRADED",
    "NOT_YET_GRADED",
    "AreaForImprovement",
    "Assessment",
    "By",
    "CarriedOver",
    "CauseOfConcern",
    "Corpus",
    "Cycle",
    "Deadline",
    "Force",
    "Framework",
    "FrameworkPillar",
    "FrameworkQuestion",
    "Grade",
    "Immediately",
    "Inspected",
    "Judgment",
    "NotGraded",
    "NotYetGraded",
    "ParseError",
    "PeelkitError",
    "Pillar",
    "PillarAssessment",
    "Problem",
    "Provenance",
    "QuestionAssessment",
    "Recommendation",
    "UnknownForceError",
    "UnknownQuestionError",
    "ValidationError",
    "Within",
    "__version__",
    "closest_questions",
    "find_headline",
    "find_question",
    "force",
    "framework",
    "from_dict",
    "from_json",
    "load",
    "normalise_wording",
    "parse_report",
    "render_report",
    "to_dict",
    "to_json",
    "try_force",
]
