"""peelkit: typed models, parser, validation and queries for HMICFRS PEEL assessments.

The public API is re-exported here; see the user guide for a tour::

    >>> import peelkit
    >>> peelkit.Grade("Requires improvement") < peelkit.Grade.GOOD
    True
    >>> peelkit.force("the Met").short_name
    'Metropolitan Police Service'
"""

from peelkit import datasets
from peelkit._version import __version__
from peelkit.corpus import Corpus
from peelkit.diagnostics import Finding, Rule, Scope, Severity, Violation
from peelkit.errors import (
    FileError,
    MissingError,
    ModelError,
    ParseError,
    PeelkitError,
    Problem,
    UnknownWordError,
    ValidationError,
)
from peelkit.fetch import FetchReport, fetch
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
from peelkit.loading import load
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
    Evidence,
    Grade,
    GradedAreas,
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
from peelkit.page.parse import parse_report
from peelkit.page.render import render_report
from peelkit.query import (
    AreaForImprovementRow,
    Change,
    CompareRow,
    CoverageRow,
    FilterError,
    Grid,
    JudgmentRow,
    Rows,
)
from peelkit.rows import ViolationRow, violations_table
from peelkit.serialise import FORMAT, from_dict, from_json, json_schema, to_dict, to_json
from peelkit.tables import MissingDependencyError
from peelkit.validation import Validator, check, validate

__all__ = [
    "FORCES",
    "FORMAT",
    "FRAMEWORKS",
    "INSPECTED",
    "NOT_GRADED",
    "NOT_YET_GRADED",
    "AreaForImprovement",
    "AreaForImprovementRow",
    "Assessment",
    "By",
    "CarriedOver",
    "CauseOfConcern",
    "Change",
    "CompareRow",
    "Corpus",
    "CoverageRow",
    "Cycle",
    "Deadline",
    "Evidence",
    "FetchReport",
    "FileError",
    "FilterError",
    "Finding",
    "Force",
    "Framework",
    "FrameworkPillar",
    "FrameworkQuestion",
    "Grade",
    "GradedAreas",
    "Grid",
    "Immediately",
    "Inspected",
    "Judgment",
    "JudgmentRow",
    "MissingDependencyError",
    "MissingError",
    "ModelError",
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
    "Rows",
    "Rule",
    "Scope",
    "Severity",
    "UnknownForceError",
    "UnknownQuestionError",
    "UnknownWordError",
    "ValidationError",
    "Validator",
    "Violation",
    "ViolationRow",
    "Within",
    "__version__",
    "check",
    "closest_questions",
    "datasets",
    "fetch",
    "find_headline",
    "find_question",
    "force",
    "framework",
    "from_dict",
    "from_json",
    "json_schema",
    "load",
    "normalise_wording",
    "parse_report",
    "render_report",
    "to_dict",
    "to_json",
    "try_force",
    "validate",
    "violations_table",
]
