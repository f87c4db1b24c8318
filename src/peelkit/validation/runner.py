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

import datetime as dt
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
        found = _Found(corpus)
        # Many small objects and no cycles: as for loading, the cyclic collector waits.
        with collector_paused(), running(corpus):
            for order, each in enumerate(self._rules.values()):
                if each.scope is Scope.CORPUS:
                    for finding in map(_finding, each.check(corpus)):
                        found.in_corpus(finding, each, order)
                    continue
                for n, assessment in enumerate(corpus.assessments):
                    for finding in map(_finding, each.check(assessment)):
                        found.in_assessment(n, assessment, finding, each, order)
            return found.in_order()


_Key = tuple[tuple[int, int], ...]
_IN_ASSESSMENT = re.compile(r"\$\.assessments\[(\d+)\]")
_HEAD = path_key("$.assessments[0]")[0]


class _Found:
    """The violations of one run, put in document order (by :func:`path_key`), then
    rule order, then the order each rule found them; each located (:func:`locate`).

    A path within an assessment is read once per run, however many assessments it
    is found in, and the violations are sorted by numbers: the assessment, the rank
    of the path within it, the rule and the order found.
    """

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._assessments = corpus.assessments
        self._read: dict[str, tuple[tuple[str | int, ...], _Key]] = {}
        # (assessment, path within it, rule order, number found before, violation)
        self._within: list[tuple[int, str, int, int, Violation]] = []
        # (path key, rule order, number found before, violation): elsewhere in a corpus
        self._elsewhere: list[tuple[_Key, int, int, Violation]] = []

    def in_assessment(
        self, n: int, assessment: Assessment, finding: Finding, rule: Rule, order: int
    ) -> None:
        """Add a finding of ``rule`` in assessment ``n`` (its path from ``$``, the
        assessment)."""
        path = f"$.assessments[{n}]{finding.path[1:]}"
        self._add(n, assessment, finding.path, path, finding, rule, order)

    def in_corpus(self, finding: Finding, rule: Rule, order: int) -> None:
        """Add a finding of ``rule`` in the corpus (its path from ``$``, the corpus)."""
        path = finding.path
        head = _IN_ASSESSMENT.match(path)
        if head is not None and int(head[1]) < len(self._assessments):
            n = int(head[1])
            within = "$" + path[head.end() :]
            self._add(n, self._assessments[n], within, path, finding, rule, order)
            return
        source, line = locate(self._corpus, path)
        violation = Violation(rule.code, rule.severity, finding.message, path, source, line)
        number = len(self._within) + len(self._elsewhere)
        self._elsewhere.append((path_key(path), order, number, violation))

    def _add(
        self,
        n: int,
        assessment: Assessment,
        within: str,
        path: str,
        finding: Finding,
        rule: Rule,
        order: int,
    ) -> None:
        read = self._read.get(within)
        if read is None:
            read = self._read[within] = (tuple(path_tokens(within)), path_key(within))
        source, line = _walk(assessment, read[0], assessment.source)
        violation = Violation(rule.code, rule.severity, finding.message, path, source, line)
        number = len(self._within) + len(self._elsewhere)
        self._within.append((n, within, order, number, violation))

    def in_order(self) -> list[Violation]:
        """Every violation added, in order."""
        if self._elsewhere:
            # Rare (a rule of one's own reporting at ``$``, say): sort by whole keys.
            everything = self._elsewhere + [
                ((_HEAD, (1, n), *self._read[within][1]), order, number, violation)
                for n, within, order, number, violation in self._within
            ]
            everything.sort()
            return [violation for *_, violation in everything]
        keys = {within: key for within, (_, key) in self._read.items()}
        ranks = {key: rank for rank, key in enumerate(sorted(set(keys.values())))}
        rank = {within: ranks[key] for within, key in keys.items()}
        places = sorted(
            (n, rank[within], order, number) for n, within, order, number, _ in self._within
        )
        return [self._within[number][4] for *_, number in places]


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


# Values of these types have no source and no line: a list of items, or a leaf.
_BARE = frozenset({tuple, str, int, bool, type(None), dt.date})


def _walk(
    node: Any, tokens: Iterable[str | int], source: str | None = None, line: int | None = None
) -> tuple[str | None, int | None]:
    """:func:`locate` from ``node``, given the ``source`` and ``line`` found above it."""
    for token in tokens:
        try:
            node = node[token] if isinstance(token, int) else getattr(node, token)
        except (AttributeError, IndexError, TypeError):
            break
        if type(node) in _BARE:
            continue
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
