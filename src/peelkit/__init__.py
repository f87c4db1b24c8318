"""peelkit: typed models, parser, validation and queries for HMICFRS PEEL assessments.

The public API is re-exported here; see the user guide for a tour::

    >>> import peelkit
    >>> peelkit.Grade("Requires improvement") < peelkit.Grade.GOOD
    True
    >>> peelkit.force("the Met").short_name
    'Metropolitan Police Service'

The model, the forces, the frameworks and the corpus with its queries are imported
with the package. The rest (the peelkit/1 format and cattrs, the pages, loading,
fetching, validation and the bundled data) is imported on first use of one of its
names (:pep:`562`), so ``import peelkit`` stays cheap; ``from peelkit import X`` and
``peelkit.X`` work the same either way.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from peelkit._version import __version__
from peelkit.corpus import Corpus
from peelkit.diagnostics import Finding, Rule, Scope, Severity, Violation
from peelkit.errors import (
    FetchError,
    FileError,
    MissingError,
    ModelError,
    ParseError,
    PeelkitError,
    Problem,
    UnknownWordError,
    ValidationError,
)
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
from peelkit.tables import MissingDependencyError

if TYPE_CHECKING:  # imported on first use: see _LAZY (a test keeps the two the same)
    from peelkit import datasets
    from peelkit._fetch import FetchOutcome, FetchReport, PillarPage, fetch, pages_to_fetch
    from peelkit.loading import load
    from peelkit.page.parse import parse_report
    from peelkit.page.render import render_report
    from peelkit.serialise import FORMAT, from_dict, from_json, json_schema, to_dict, to_json
    from peelkit.validation import Validator, check, validate

_LAZY: dict[str, str] = {
    "datasets": "peelkit",
    "FetchOutcome": "peelkit._fetch",
    "FetchReport": "peelkit._fetch",
    "PillarPage": "peelkit._fetch",
    "fetch": "peelkit._fetch",
    "pages_to_fetch": "peelkit._fetch",
    "load": "peelkit.loading",
    "parse_report": "peelkit.page.parse",
    "render_report": "peelkit.page.render",
    "FORMAT": "peelkit.serialise",
    "from_dict": "peelkit.serialise",
    "from_json": "peelkit.serialise",
    "json_schema": "peelkit.serialise",
    "to_dict": "peelkit.serialise",
    "to_json": "peelkit.serialise",
    "Validator": "peelkit.validation",
    "check": "peelkit.validation",
    "validate": "peelkit.validation",
}
"""The names imported on first use, and the module each comes from (``peelkit``
itself for a submodule)."""


def __getattr__(name: str) -> object:
    """Import a name of :data:`_LAZY` on first use and keep it (:pep:`562`)."""
    origin = _LAZY.get(name)
    if origin is None:
        raise AttributeError(f"module 'peelkit' has no attribute {name!r}")
    if origin == __name__:
        value: object = importlib.import_module(f"{__name__}.{name}")
    else:
        value = getattr(importlib.import_module(origin), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    "FetchError",
    "FetchOutcome",
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
    "PillarPage",
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
    "pages_to_fetch",
    "parse_report",
    "render_report",
    "to_dict",
    "to_json",
    "try_force",
    "validate",
    "violations_table",
]
