"""The vocabulary of validation: a :class:`Rule`, what it finds, and the :class:`Violation`.

A rule's check looks at an :class:`~peelkit.Assessment` (or, for rules that span
assessments, a :class:`~peelkit.Corpus`) and yields :class:`Finding`\\ s: a path in
the ``peelkit/1`` document and a message. The validator turns each finding into a
:class:`Violation` by adding the rule's code and severity and, where the data came
from a page, the page and line the path points into.

This module holds data only; :mod:`peelkit.validation` runs the rules and
:mod:`peelkit.validation.rules` is the catalogue.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

import attrs

__all__ = [
    "Check",
    "Finding",
    "Problem",
    "Rule",
    "Scope",
    "Severity",
    "Violation",
    "path_key",
    "path_tokens",
]


class Severity(enum.Enum):
    """How bad a violation is: an *error* is wrong data; a *warning* is probably wrong."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


class Scope(enum.Enum):
    """What a rule's check is given: one assessment, or the whole corpus."""

    ASSESSMENT = "assessment"
    CORPUS = "corpus"


@attrs.frozen
class Problem:
    """One thing wrong: where it is and what was expected.

    ``path`` is a JSON path into the ``peelkit/1`` document (``$`` is the root of
    the assessment or corpus). A document that fails to load lists its problems;
    a rule's check yields them too, under the name :data:`Finding`.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


Finding = Problem
"""What a rule's check reports: the same record as :class:`Problem`."""


Check: TypeAlias = Callable[[Any], Iterable["Finding | tuple[str, str] | str"]]
"""A rule's check: given an assessment (or a corpus, for corpus rules), yields
findings. A plain ``(path, message)`` pair or a bare message (located at ``$``)
is accepted too, so a user's own rule can be a small function."""


def _code_valid(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip() or any(ch.isspace() for ch in value):
        raise ValueError(f"a rule code is one word without spaces, not {value!r}")


@attrs.frozen
class Rule:
    """One named rule: a stable ``code``, a ``severity``, a one-line ``summary``, a
    ``rationale`` (why the rule exists) and the ``check`` that applies it.

    ``scope`` says whether ``check`` is given each :class:`~peelkit.Assessment`
    or the whole :class:`~peelkit.Corpus`. ``claims`` is for rules that also apply
    to raw ``peelkit/1`` documents: it says which loading problems (an unknown
    cycle, say) are this rule's to report.
    """

    code: str = attrs.field(validator=_code_valid)
    severity: Severity
    summary: str
    check: Check = attrs.field(eq=False, repr=False)
    rationale: str = ""
    scope: Scope = Scope.ASSESSMENT
    claims: Callable[[Problem], bool] | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Violation:
    """One broken rule: which rule, how bad, what is wrong and exactly where.

    ``path`` is a ``peelkit/1`` path (``$.pillars[0].questions[4].judgment.grade``;
    in a corpus it starts ``$.assessments[i]``). ``source`` and ``line`` say where
    the data came from when it is known: the page a pillar was parsed from and the
    line of the item, or the assessment's own ``source``.
    """

    code: str
    severity: Severity
    message: str
    path: str
    source: str | None = None
    line: int | None = None

    @property
    def location(self) -> str | None:
        """``source:line``, ``source`` alone, or ``None`` when neither is known."""
        if self.source is None:
            return None
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    @property
    def is_error(self) -> bool:
        """Whether the violation is error-level."""
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, Any]:
        """The violation as a JSON-ready dict (the form ``peelkit validate --format json``
        prints)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "source": self.source,
            "line": self.line,
        }

    def __str__(self) -> str:
        where = self.location
        head = f"{where}: " if where else ""
        return f"{head}{self.code} {self.severity} {self.path}: {self.message}"


# -- paths ------------------------------------------------------------------------

_TOKEN = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")
_FIELD_ORDER = {
    name: rank
    for rank, name in enumerate(
        (
            "format",
            "force",
            "cycle",
            "source",
            "assessments",
            "pillars",
            "pillar",
            "headline_question",
            "judgment",
            "summary",
            "questions",
            "number",
            "text",
            "grade",
            "provenance",
            "from_cycle",
            "inspection",
            "last_updated",
            "areas_for_improvement",
            "causes_of_concern",
            "recommendations",
            "deadline",
            "carried_over_from",
            "detailed_findings",
        )
    )
}


def path_tokens(path: str) -> list[str | int]:
    """The steps of a path: ``"$.pillars[0].judgment"`` is ``["pillars", 0, "judgment"]``."""
    return [int(index) if index else name for name, index in _TOKEN.findall(path)]


def path_key(path: str) -> tuple[tuple[int, int], ...]:
    """A sort key that puts paths in document order (``questions[2]`` before
    ``questions[10]``, ``force`` before ``pillars``)."""
    key: list[tuple[int, int]] = []
    for token in path_tokens(path):
        if isinstance(token, int):
            key.append((1, token))
        else:
            key.append((0, _FIELD_ORDER.get(token, len(_FIELD_ORDER))))
    return tuple(key)
