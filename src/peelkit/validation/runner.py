"""Checking assessments and corpora against the rules of the PEEL frameworks.

:func:`validate` returns every :class:`Violation` it finds and never raises for bad
data; :func:`check` raises :class:`~peelkit.ValidationError` listing every
error-level one. Both use the default :class:`Validator`, which holds the built-in
rules of :mod:`peelkit.validation.rules` (see ``docs/rules.md``). A validator of your own can
leave rules out and add rules of your own::

    validator = Validator().without("PEEL016")
    validator.register(my_rule, code="MY001")
    validator.validate(corpus)

Besides an :class:`~peelkit.Assessment` or a :class:`~peelkit.Corpus`, a
``peelkit/1`` document as a dict is accepted: if it does not load, its problems are
reported as violations (``PEEL000``, or a more precise rule such as ``PEEL001`` for
an unknown cycle).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from peelkit._memory import collector_paused
from peelkit.corpus import Corpus
from peelkit.diagnostics import (
    Check,
    Finding,
    Rule,
    Scope,
    Severity,
    Violation,
    path_key,
    path_tokens,
)
from peelkit.errors import Problem, ValidationError
from peelkit.model import Assessment
from peelkit.serialise import from_dict
from peelkit.validation.rules import RULES, running

__all__ = [
    "Finding",
    "Rule",
    "Scope",
    "Severity",
    "Validator",
    "Violation",
    "check",
    "locate",
    "validate",
    "violations_from_problems",
]

Checkable = Assessment | Corpus | Mapping[str, Any]
"""What can be validated: an assessment, a corpus, or a ``peelkit/1`` dict."""


class Validator:
    """A set of rules, applied in code order.

    ``Validator()`` holds every built-in rule; ``Validator(rules)`` holds only those
    given. :meth:`disable` and :meth:`register` change this validator;
    :meth:`without` returns a new one.
    """

    def __init__(self, rules: Iterable[Rule] | None = None) -> None:
        self._rules: dict[str, Rule] = {}
        # Every rule this validator has held, disabled ones included: a disabled rule
        # still claims its loading problems (which are then left out, not PEEL000).
        self._claimants: dict[str, Rule] = {}
        for each in RULES if rules is None else rules:
            self._add(each)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules, in the order they run."""
        return tuple(self._rules.values())

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the rules."""
        return tuple(self._rules)

    def _add(self, new: Rule) -> None:
        if new.code in self._rules:
            raise ValueError(f"a rule with code {new.code!r} is already registered")
        self._rules[new.code] = new
        self._claimants[new.code] = new

    def _unknown(self, codes: Iterable[str]) -> None:
        for code in codes:
            if code not in self._rules:
                close = difflib.get_close_matches(code, self._rules, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise KeyError(f"no rule has code {code!r}{hint}")

    def disable(self, *codes: str) -> None:
        """Switch off the rules with ``codes`` (a :class:`KeyError` for a code not here)."""
        self._unknown(codes)
        for code in codes:
            del self._rules[code]

    def without(self, *codes: str) -> Validator:
        """A copy of this validator without the rules with ``codes``."""
        self._unknown(codes)
        copy = Validator(each for each in self._rules.values() if each.code not in codes)
        copy._claimants.update(self._claimants)
        return copy

    def register(
        self,
        new: Rule | Check,
        *,
        code: str | None = None,
        severity: Severity | str = Severity.ERROR,
        summary: str | None = None,
        rationale: str = "",
        scope: Scope | str = Scope.ASSESSMENT,
    ) -> Rule:
        """Add a rule, and return it.

        ``new`` is a :class:`Rule`, or a plain callable: given each assessment (or
        the corpus, with ``scope="corpus"``) it yields :class:`Finding`\\ s,
        ``(path, message)`` pairs, or bare messages. A callable's code defaults to
        its name and its summary to the first line of its docstring.
        """
        if not isinstance(new, Rule):
            name = getattr(new, "__name__", type(new).__name__)
            doc = (getattr(new, "__doc__", None) or "").strip()
            new = Rule(
                code or name,
                Severity(severity),
                summary or (doc.splitlines()[0] if doc else name),
                new,
                rationale,
                Scope(scope),
            )
        self._add(new)
        return new

    def validate(self, obj: Checkable) -> list[Violation]:
        """Every violation in ``obj``, in document order; never raises for bad data."""
        if isinstance(obj, Mapping):
            return self._validate_document(obj)
        if isinstance(obj, Assessment):
            return [_unprefix(violation) for violation in self._run(Corpus([obj]))]
        if isinstance(obj, Corpus):
            return self._run(obj)
        raise TypeError(
            f"validate takes an Assessment, a Corpus or a peelkit/1 dict, not {type(obj).__name__}"
        )

    def check(self, obj: Checkable) -> None:
        """Raise :class:`~peelkit.ValidationError` listing every error-level violation."""
        errors = [violation for violation in self.validate(obj) if violation.is_error]
        if errors:
            raise ValidationError(
                [Problem(v.path, f"{v.code} {v.message}") for v in errors], violations=errors
            )

    def violations_from_problems(
        self, problems: Iterable[Problem], *, source: str | None = None
    ) -> list[Violation]:
        """The problems of a document that failed to load, as violations of the rules
        that claim them (``PEEL000`` for any other), leaving out disabled rules."""
        claimants = [
            each
            for each in self._claimants.values()
            if each.claims is not None and each.code != "PEEL000"
        ]
        violations = []
        for problem in problems:
            code = next(
                (each.code for each in claimants if each.claims and each.claims(problem)),
                "PEEL000",
            )
            owner = self._rules.get(code)
            if owner is not None:
                violations.append(
                    Violation(owner.code, owner.severity, problem.message, problem.path, source)
                )
        return violations

    def _validate_document(self, document: Mapping[str, Any]) -> list[Violation]:
        source = document.get("source")
        try:
            loaded = from_dict(dict(document))
        except ValidationError as error:
            return self.violations_from_problems(
                error.problems, source=source if isinstance(source, str) else None
            )
        except RecursionError:
            return self.violations_from_problems([Problem("$", "nested too deeply")])
        return self.validate(loaded)

    def _run(self, corpus: Corpus) -> list[Violation]:
        places = _Places(corpus)
        # (place, rule order, number found before it, violation): sorted, the
        # violations are in document order, then rule order, then each rule's own.
        found: list[tuple[_Key, int, int, Violation]] = []
        # Many small objects and no cycles: as for loading, the cyclic collector waits.
        with collector_paused(), running(corpus):
            for order, each in enumerate(self._rules.values()):
                code, severity = each.code, each.severity
                if each.scope is Scope.CORPUS:
                    for finding in map(_finding, each.check(corpus)):
                        key, source, line = places.of(finding.path)
                        violation = Violation(
                            code, severity, finding.message, finding.path, source, line
                        )
                        found.append((key, order, len(found), violation))
                    continue
                for n, assessment in enumerate(corpus.assessments):
                    for finding in map(_finding, each.check(assessment)):
                        key, source, line = places.within(n, assessment, finding.path)
                        path = f"$.assessments[{n}]{finding.path[1:]}"
                        violation = Violation(code, severity, finding.message, path, source, line)
                        found.append((key, order, len(found), violation))
            found.sort()
            return [violation for *_, violation in found]


_Key = tuple[tuple[int, int], ...]
_Tokens = tuple[str | int, ...]


_IN_ASSESSMENT = re.compile(r"\$\.assessments\[(\d+)\]")
_HEAD = path_key("$.assessments[0]")[0]


class _Places:
    """Where the findings of one run are: each path's :func:`path_key` and its
    ``(source, line)`` (as :func:`locate` says), a path within an assessment read
    once per run however many assessments it is found in."""

    def __init__(self, corpus: Corpus) -> None:
        self._assessments = corpus.assessments
        self._corpus = corpus
        self._read: dict[str, tuple[_Tokens, _Key]] = {}

    def within(
        self, n: int, assessment: Assessment, path: str
    ) -> tuple[_Key, str | None, int | None]:
        """The place of ``path`` (from ``$``, the assessment) in assessment ``n``."""
        read = self._read.get(path)
        if read is None:
            read = self._read[path] = (tuple(path_tokens(path)), path_key(path))
        tokens, key = read
        return ((_HEAD, (1, n), *key), *_walk(assessment, tokens, assessment.source))

    def of(self, path: str) -> tuple[_Key, str | None, int | None]:
        """The place of ``path`` (from ``$``, the corpus)."""
        head = _IN_ASSESSMENT.match(path)
        if head is not None and int(head[1]) < len(self._assessments):
            n = int(head[1])
            return self.within(n, self._assessments[n], "$" + path[head.end() :])
        return (path_key(path), *locate(self._corpus, path))


def _finding(item: Finding | tuple[str, str] | str) -> Finding:
    if isinstance(item, Finding):
        found = item
    elif isinstance(item, str):
        found = Finding("$", item)
    else:
        path, message = item
        found = Finding(path, message)
    if not found.path.startswith("$"):
        found = Finding("$." + found.path.lstrip("."), found.message)
    return found


def _unprefix(violation: Violation) -> Violation:
    path = violation.path
    prefix = "$.assessments[0]"
    if path.startswith(prefix):
        path = "$" + path[len(prefix) :]
    return attrs.evolve(violation, path=path)


def locate(root: Assessment | Corpus, path: str) -> tuple[str | None, int | None]:
    """The ``(source, line)`` a path points into: the page of the pillar (or the
    assessment's source) and the line of the deepest item that has one."""
    return _walk(root, path_tokens(path))


def _walk(
    node: Any, tokens: Iterable[str | int], source: str | None = None, line: int | None = None
) -> tuple[str | None, int | None]:
    """:func:`locate` from ``node``, given the ``source`` and ``line`` found above it."""
    for token in tokens:
        try:
            node = node[token] if isinstance(token, int) else getattr(node, token)
        except (AttributeError, IndexError, TypeError):
            break
        if isinstance(node, Assessment):
            source = node.source
        item_source = getattr(node, "source", None)
        if item_source is not None and not isinstance(node, (Assessment, Corpus)):
            source = item_source
        item_line = getattr(node, "line", None)
        if isinstance(item_line, int):
            line = item_line
    return source, line


_DEFAULT = Validator()


def _validator(disable: Iterable[str], rules: Iterable[Rule | Check]) -> Validator:
    disable = tuple(disable)
    extra = tuple(rules)
    if not disable and not extra:
        return _DEFAULT
    validator = _DEFAULT.without(*disable)
    for each in extra:
        validator.register(each)
    return validator


def validate(
    obj: Checkable, *, disable: Iterable[str] = (), rules: Iterable[Rule | Check] = ()
) -> list[Violation]:
    """Every violation of the built-in rules in ``obj`` (an assessment, a corpus or a
    ``peelkit/1`` dict), in document order. Never raises for bad data.

    ``disable`` lists codes of rules to leave out; ``rules`` adds rules of your own
    (a :class:`Rule`, or a plain callable as :meth:`Validator.register` takes).
    """
    return _validator(disable, rules).validate(obj)


def check(
    obj: Checkable, *, disable: Iterable[str] = (), rules: Iterable[Rule | Check] = ()
) -> None:
    """Raise :class:`~peelkit.ValidationError` listing every error-level violation in
    ``obj`` (all of them, not just the first); its ``violations`` holds them."""
    _validator(disable, rules).check(obj)


def violations_from_problems(
    problems: Iterable[Problem], *, source: str | None = None
) -> list[Violation]:
    """The problems of a document that failed to load, as violations of the built-in
    rules (see :meth:`Validator.violations_from_problems`)."""
    return _DEFAULT.violations_from_problems(problems, source=source)
