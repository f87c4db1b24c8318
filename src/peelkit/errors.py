"""The exceptions peelkit raises.

Every error peelkit raises on purpose derives from :class:`PeelkitError`, and the
two that are about bad input, :class:`ParseError` and :class:`ValidationError`,
also derive from :class:`ValueError` so code that already catches ``ValueError``
keeps working. Each says *where* the problem is: a line number for page text, a
JSON path such as ``$.pillars[0].questions[1].judgment.grade`` for structured
data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import ParamSpec, TypeVar

from peelkit.diagnostics import Problem, Violation
from peelkit.text import plural

__all__ = [
    "FileError",
    "FilterError",
    "MissingDependencyError",
    "MissingError",
    "ModelError",
    "ParseError",
    "PeelkitError",
    "Problem",
    "UnknownForceError",
    "UnknownQuestionError",
    "UnknownWordError",
    "ValidationError",
]


class PeelkitError(Exception):
    """Base class of every error peelkit raises on purpose."""


class ValidationError(PeelkitError, ValueError):
    """Structured data (JSON, a dict, an assessment) is not valid.

    ``problems`` lists *every* problem found, each with its path, so a user can
    fix a document in one pass rather than one error at a time. When the error
    comes from :func:`peelkit.check`, ``violations`` holds the rule violations the
    problems describe (with their codes, pages and lines); otherwise it is empty.
    """

    problems: tuple[Problem, ...]
    violations: tuple[Violation, ...]

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        violations: Iterable[Violation] = (),
    ) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.violations = tuple(violations)
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.source}: " if self.source else ""
        lines = [f"{where}{plural(len(self.problems), 'problem')}:"]
        if self.violations:
            lines.extend(f"  {violation}" for violation in self.violations)
        else:
            lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


class ModelError(PeelkitError, TypeError, ValueError):
    """A model object was built from a value it cannot hold.

    Raised by the constructors of :mod:`peelkit.model`: a field of the wrong type
    (``Within(months="3")``, ``Assessment(force=5)``), a word that is not one of an
    enum's (``Grade("excellent")``), a bare string where a sequence of texts is
    expected, or text that cannot be written as UTF-8. It is both a
    :class:`TypeError` and a :class:`ValueError`, so code catching either keeps
    working. The message names the field and quotes the value, cut to 60 characters.
    """


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters (with ``…``), safe for any value.

    Huge integers are described by their size: their decimal form may be refused
    by the interpreter's limit on int-to-text conversion.
    """
    if type(value) is int and value.bit_length() > 200:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    if type(value) is str and len(value) > limit:
        return repr(value[:limit]) + "…"
    try:
        text = repr(value)
    except Exception:  # a repr that fails is itself hostile input
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[:limit] + "…"


class ParseError(PeelkitError, ValueError):
    """Page text that is not a PEEL pillar page, with the line that shows it.

    ``line`` is 1-based (``0`` when the whole text is at fault, e.g. empty input);
    ``column`` is 0-based and points into ``text``, the offending line.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int,
        text: str = "",
        column: int = 0,
        source: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.text = text
        self.column = column
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.source or "<text>"
        head = f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"
        if not self.text:
            return head
        shown = self.text if len(self.text) <= 120 else self.text[:117] + "..."
        column = min(self.column, len(shown))
        pointer = "~" * column + "^"
        return f"{head}\n    {shown}\n    {pointer}"


class UnknownForceError(PeelkitError, LookupError):
    """A name that is none of the 43 forces' names or aliases.

    ``name`` is the name as given; ``suggestions`` are the short names of the
    closest forces, best first (possibly none). The message offers them.
    """

    def __init__(self, name: str, suggestions: Iterable[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        super().__init__(self._message())

    def _message(self) -> str:
        head = f"unknown force {self.name!r}"
        if not self.suggestions:
            return f"{head}; expected one of the 43 territorial forces of England and Wales"
        quoted = [repr(suggestion) for suggestion in self.suggestions]
        if len(quoted) == 1:
            return f"{head}; did you mean {quoted[0]}?"
        return f"{head}; did you mean {', '.join(quoted[:-1])} or {quoted[-1]}?"


class UnknownQuestionError(PeelkitError, LookupError):
    """A framework has no question with the pillar and number asked for."""


class MissingError(PeelkitError, LookupError):
    """What was asked for is not in the data: a force's assessment in a cycle, a
    pillar of an assessment, a question of a pillar. The message names what is."""


class UnknownWordError(PeelkitError, ValueError):
    """A word that names no grade, cycle or pillar; says which words are close.

    ``noun`` is the enum's name (``"Grade"``), ``value`` the word given, ``hint``
    what to write instead ("did you mean 'efficiency'?" or the words accepted), and
    ``suggestions`` the accepted words close to it, closest first (possibly none).
    """

    def __init__(
        self, noun: str, value: object, hint: str, suggestions: Iterable[str] = ()
    ) -> None:
        super().__init__(f"{shown(value)} is not a {noun.lower()}; {hint}")
        self.noun = noun
        self.value = value
        self.hint = hint
        self.suggestions = tuple(suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.noun, self.value, self.hint, self.suggestions))


class FilterError(PeelkitError, ValueError):
    """A query filter has a value peelkit does not know; the message names the allowed ones."""


class MissingDependencyError(PeelkitError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


class FetchError(PeelkitError, ValueError):
    """A fetch that cannot start: a cycle without pillar pages, a bad base URL."""


class FileError(PeelkitError, OSError):
    """A file peelkit was asked to read or write, and why it cannot be.

    The message names the path as the user gave it, never a temporary one:
    ``cannot write 'out/x.csv': folder 'out' does not exist``. It is also an
    :class:`OSError` (with ``errno`` where the system gave one, ``filename`` and
    ``strerror``), so code that already catches ``OSError`` keeps working.
    """

    def __init__(self, action: str, path: str, reason: str, *, errno: int | None = None) -> None:
        super().__init__(errno, reason, path)
        self.action = action
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot {self.action} {self.path!r}: {self.reason}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_file_error, (self.action, self.path, self.reason, self.errno))


def _file_error(action: str, path: str, reason: str, errno: int | None) -> FileError:
    return FileError(action, path, reason, errno=errno)


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _raised_here(function: Callable[_P, _T]) -> Callable[_P, _T]:
    """``function`` with the :class:`PeelkitError`\\ s it raises shown from its caller.

    For the public entry points: an error about the caller's input (a misspelt grade)
    keeps its message but drops peelkit's frames beneath this one, so a notebook
    shows the user's call and one line of peelkit, not the internals (as pandas and
    attrs do).
    """

    @functools.wraps(function)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return function(*args, **kwargs)
        except PeelkitError as error:
            raise error.with_traceback(None) from error.__cause__

    return call
