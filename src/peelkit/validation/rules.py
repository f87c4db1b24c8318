"""The catalogue of validation rules: what peelkit checks, each with a stable code.

Codes are grouped:

- ``PEEL000``–``PEEL001``: the raw ``peelkit/1`` document (only when a dict is
  validated, or a file is checked from the command line);
- ``PEEL002``–``PEEL019``: one assessment against its cycle's framework (and, for
  ``PEEL018``, against the force's stated counts of graded areas);
- ``PEEL020``–``PEEL029``: across the assessments of a corpus.

Every rule is documented, with a failing and a passing example, in
``docs/rules.md``; a test keeps the two in step. Codes are never reused.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs

from peelkit.corpus import Corpus
from peelkit.diagnostics import Check, Finding, Rule, Scope, Severity
from peelkit.errors import Problem
from peelkit.forces import UnknownForceError, force, try_force
from peelkit.frameworks import (
    Framework,
    FrameworkPillar,
    closest_questions,
    find_headline,
    find_question,
    framework,
    normalise_wording,
)
from peelkit.model import (
    AreaForImprovement,
    Assessment,
    CarriedOver,
    CauseOfConcern,
    Cycle,
    Grade,
    Judgment,
    NotYetGraded,
    Pillar,
    PillarAssessment,
    QuestionAssessment,
    Recommendation,
)
from peelkit.provenance import Break, CorpusIndex, Resolution, Step, follow

__all__ = ["RULES", "rule"]

_ERROR, _WARNING = Severity.ERROR, Severity.WARNING
_Findings = Iterator[Finding]
_T = TypeVar("_T")


# -- helpers ------------------------------------------------------------------------


def _q(text: str) -> str:
    """Quote a published text for a message, shortened if long."""
    shown = text if len(text) <= 90 else text[:87] + "..."
    return f"'{shown}'"


def _scale(frame: Framework) -> str:
    return ", ".join(grade.value for grade in reversed(frame.scale))


def _judgments(
    assessment: Assessment,
) -> Iterator[tuple[int, int | None, PillarAssessment, QuestionAssessment | None, Judgment]]:
    """Every judgment with its place (see :func:`_judgment_path`): each pillar's own,
    then its questions'. Paths are written only for what a rule reports."""
    for i, pillar in enumerate(assessment.pillars):
        yield i, None, pillar, None, pillar.judgment
        for j, question in enumerate(pillar.questions):
            yield i, j, pillar, question, question.judgment


def _judgment_path(i: int, j: int | None) -> str:
    """The path of the judgment of pillar ``i`` (of its question ``j``)."""
    if j is None:
        return f"$.pillars[{i}].judgment"
    return f"$.pillars[{i}].questions[{j}].judgment"


def _questions(
    assessment: Assessment,
) -> Iterator[tuple[int, int, PillarAssessment, FrameworkPillar, QuestionAssessment]]:
    """Every question of a pillar the cycle's framework has, with its place
    (``$.pillars[i].questions[j]``)."""
    frame = framework(assessment.cycle)
    for i, pillar in enumerate(assessment.pillars):
        known = frame.pillar(pillar.pillar)
        if known is None:
            continue
        for j, question in enumerate(pillar.questions):
            yield i, j, pillar, known, question


def _numbers(known: FrameworkPillar) -> str:
    numbers = sorted(question.number for question in known.questions)
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"a number from {numbers[0]} to {numbers[-1]}"
    return "one of " + ", ".join(map(str, numbers))


# -- what the rules of one run share -------------------------------------------------


@attrs.frozen
class Chain:
    """A carried-over judgment of the corpus (``found.steps[0]``, whose path is its
    place in the corpus) and the chain :func:`~peelkit.provenance.follow` found."""

    assessment: Assessment
    pillar: PillarAssessment
    found: Resolution


class Run:
    """What the rules of one validation run share, so that none repeats another's work.

    The runner makes one for the corpus it validates (:func:`running`), and the
    built-in checks that need it are handed it: the corpus's pillars by force, cycle
    and pillar (:attr:`index`), every carried-over judgment followed back once for all
    the chain rules (:attr:`chains`), and the framework lookups by wording, each done
    once per run (:meth:`lookup`). A check called on its own is handed a run of its own.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._looked_up: dict[tuple[Callable[..., Any], tuple[Any, ...]], Any] = {}

    @functools.cached_property
    def index(self) -> CorpusIndex:
        """The pillars of the corpus by force, cycle and pillar: all that the corpus
        rules need, so validating does not build the query index (which holds every
        judgment and area as a row as well)."""
        return CorpusIndex(self.corpus)

    @functools.cached_property
    def chains(self) -> tuple[Chain, ...]:
        """Every carried-over judgment of the corpus, in document order, followed back
        through the corpus."""
        index = self.index
        found = []
        for n, assessment in enumerate(self.corpus):
            for i, j, pillar, question, judgment in _judgments(assessment):
                if judgment.carried_over:
                    path = f"$.assessments[{n}]{_judgment_path(i, j)[1:]}"
                    start = Step(assessment.cycle, pillar.pillar, question, judgment, path)
                    found.append(Chain(assessment, pillar, follow(index, assessment.force, start)))
        return tuple(found)

    def lookup(self, function: Callable[..., _T], *args: Any) -> _T:
        """``function(*args)``, worked out once per run: for pure lookups, such as
        :func:`~peelkit.frameworks.find_question`, asked again and again with the same
        wordings across a corpus."""
        key = (function, args)
        try:
            found: _T = self._looked_up[key]
        except KeyError:
            found = self._looked_up[key] = function(*args)
        return found


_CURRENT: contextvars.ContextVar[Run | None] = contextvars.ContextVar(
    "peelkit_validation_run", default=None
)


@contextlib.contextmanager
def running(corpus: Corpus) -> Iterator[Run]:
    """A run for ``corpus``: the one the built-in checks are handed while the block runs
    (in this thread or task only)."""
    run = Run(corpus)
    token = _CURRENT.set(run)
    try:
        yield run
    finally:
        _CURRENT.reset(token)


def _given_run(check: Callable[[Run, Any], _Findings]) -> Check:
    """``check`` as a rule holds it: given an assessment (or the corpus), it is handed
    the run validating it as well."""

    @functools.wraps(check)
    def checked(subject: Any) -> _Findings:
        run = _CURRENT.get()
        if run is None or (isinstance(subject, Corpus) and run.corpus is not subject):
            run = Run(subject if isinstance(subject, Corpus) else Corpus())
        return check(run, subject)

    return checked


# -- raw documents ------------------------------------------------------------------


def _document(problem: Problem) -> bool:
    return True


def _no_model_check(_: Any) -> _Findings:
    return iter(())


_CYCLE_PATH = re.compile(r"(^\$|\])\.cycle$|\.from_cycle$|\.carried_over_from$")


def _unknown_cycle(problem: Problem) -> bool:
    return bool(_CYCLE_PATH.search(problem.path)) and "is not a cycle" in problem.message


_ITEM_PATH = re.compile(r"\.(areas_for_improvement|causes_of_concern|recommendations)\[\d+\]$")


def _blank_item(problem: Problem) -> bool:
    return bool(_ITEM_PATH.search(problem.path)) and "must not be blank" in problem.message


# -- assessment rules -----------------------------------------------------------------


def _unknown_force(run: Run, assessment: Assessment) -> _Findings:
    if run.lookup(try_force, assessment.force) is not None:
        return
    try:
        force(assessment.force)
    except UnknownForceError as error:
        hint = (
            "; did you mean " + " or ".join(repr(name) for name in error.suggestions) + "?"
            if error.suggestions
            else "; expected the name of one of them, such as 'Kent' or 'Devon and Cornwall'"
        )
        yield Finding(
            "$.force",
            f"{assessment.force!r} is not one of the 43 territorial forces of England "
            f"and Wales{hint}",
        )


def _carried_not_earlier(assessment: Assessment) -> _Findings:
    cycle = assessment.cycle
    for i, j, _, _, judgment in _judgments(assessment):
        provenance = judgment.provenance
        if isinstance(provenance, CarriedOver) and provenance.from_cycle >= cycle:
            yield Finding(
                f"{_judgment_path(i, j)}.provenance.from_cycle",
                f"carried over from {provenance.from_cycle}, which is not earlier than this "
                f"assessment's cycle ({cycle}); a judgment can only stand from an earlier "
                "cycle's inspection",
            )
    for i, pillar in enumerate(assessment.pillars):
        for j, question in enumerate(pillar.questions):
            for k, area in enumerate(question.areas_for_improvement):
                source = area.carried_over_from
                if source is not None and source >= cycle:
                    yield Finding(
                        f"$.pillars[{i}].questions[{j}].areas_for_improvement[{k}]"
                        ".carried_over_from",
                        f"area for improvement carried over from {source}, which is not "
                        f"earlier than this assessment's cycle ({cycle})",
                    )


def _grade_off_scale(assessment: Assessment) -> _Findings:
    frame = framework(assessment.cycle)
    for i, j, _, _, judgment in _judgments(assessment):
        grade = judgment.grade
        if grade is not None and grade not in frame.scale:
            note = " ('adequate' was first used in 2021/22)" if grade is Grade.ADEQUATE else ""
            yield Finding(
                f"{_judgment_path(i, j)}.grade",
                f"grade {grade.value!r} is not on the {frame.cycle} scale{note}; "
                f"expected one of {_scale(frame)}",
            )


def _grade_on_ungraded(run: Run, assessment: Assessment) -> _Findings:
    frame = framework(assessment.cycle)
    for i, j, pillar, question, judgment in _judgments(assessment):
        if judgment.grade is None:
            continue
        if question is None:
            known_pillar = frame.pillar(pillar.pillar)
            if known_pillar is not None and not known_pillar.graded:
                yield Finding(
                    f"{_judgment_path(i, j)}.grade",
                    f"the {frame.cycle} framework gives {pillar.pillar} no overall grade, "
                    f"but this pillar is graded {judgment.grade.value!r}; expected no grade",
                )
            continue
        known = (
            frame.question(pillar.pillar, question.number)
            if question.number is not None
            else run.lookup(find_question, frame.cycle, question.text, pillar.pillar)
        )
        if known is not None and known.is_graded_for(_short_name(run, assessment)) is False:
            yield Finding(
                f"{_judgment_path(i, j)}.grade",
                f"{known.pillar} question {known.number} of {frame.cycle} "
                f"({_q(known.wording)}) is not graded, but this judgment has grade "
                f"{judgment.grade.value!r}; expected no grade",
            )


def _pillar_not_in_framework(assessment: Assessment) -> _Findings:
    frame = framework(assessment.cycle)
    names = ", ".join(pillar.pillar.value for pillar in frame.pillars)
    for i, pillar in enumerate(assessment.pillars):
        if frame.pillar(pillar.pillar) is None:
            yield Finding(
                f"$.pillars[{i}].pillar",
                f"the {frame.cycle} framework has no {pillar.pillar} pillar; "
                f"expected one of {names}",
            )


def _short_name(run: Run, assessment: Assessment) -> str:
    found = run.lookup(try_force, assessment.force)
    return assessment.force if found is None else found.short_name


def _unknown_wording(run: Run, assessment: Assessment) -> _Findings:
    cycle = assessment.cycle
    if not framework(cycle).complete:
        return  # a framework known in part cannot say a wording is not in it
    for i, j, pillar, known, question in _questions(assessment):
        if not known.questions or run.lookup(find_question, cycle, question.text) is not None:
            continue
        close = run.lookup(closest_questions, cycle, question.text, pillar.pillar, 1)
        hint = (
            f"; did you mean question {close[0].number}, {_q(close[0].wording)}?"
            if close
            else f"; expected one of the {len(known.questions)} {pillar.pillar} questions "
            f"of {cycle}"
        )
        yield Finding(
            f"$.pillars[{i}].questions[{j}].text",
            f"the wording {_q(question.text)} is not a {pillar.pillar} question of the "
            f"{cycle} framework{hint}",
        )
    frame = framework(cycle)
    for i, pillar in enumerate(assessment.pillars):
        known_pillar = frame.pillar(pillar.pillar)
        headline = pillar.headline_question
        if headline is None or known_pillar is None or not known_pillar.headline_questions:
            continue
        if run.lookup(find_headline, cycle, headline) is None:
            similar = difflib.get_close_matches(headline, known_pillar.headline_questions, n=1)
            hint = f"; did you mean {_q(similar[0])}?" if similar else ""
            yield Finding(
                f"$.pillars[{i}].headline_question",
                f"the headline question {_q(headline)} is not the {pillar.pillar} headline "
                f"of the {cycle} framework{hint}",
            )


def _wrong_pillar(run: Run, assessment: Assessment) -> _Findings:
    cycle = assessment.cycle
    for i, j, pillar, _, question in _questions(assessment):
        found = run.lookup(find_question, cycle, question.text)
        if found is not None and found.pillar is not pillar.pillar:
            yield Finding(
                f"$.pillars[{i}].questions[{j}].text",
                f"this is {found.pillar} question {found.number} of the {cycle} framework, "
                f"but it is under {pillar.pillar}; expected it under the {found.pillar} pillar",
            )
    frame = framework(cycle)
    for i, pillar in enumerate(assessment.pillars):
        headline = pillar.headline_question
        if headline is None or frame.pillar(pillar.pillar) is None:
            continue
        owner = run.lookup(find_headline, cycle, headline)
        if owner is not None and owner is not pillar.pillar:
            yield Finding(
                f"$.pillars[{i}].headline_question",
                f"this is the {owner} headline question of {cycle}, but it heads the "
                f"{pillar.pillar} pillar; expected it under the {owner} pillar",
            )


def _duplicate_number(assessment: Assessment) -> _Findings:
    for i, pillar in enumerate(assessment.pillars):
        first: dict[int, int] = {}
        for j, question in enumerate(pillar.questions):
            if question.number is None:
                continue
            if question.number in first:
                yield Finding(
                    f"$.pillars[{i}].questions[{j}].number",
                    f"question number {question.number} is used twice in this pillar (first "
                    f"at $.pillars[{i}].questions[{first[question.number]}]); "
                    "expected each question once",
                )
            else:
                first[question.number] = j


def _number_out_of_range(assessment: Assessment) -> _Findings:
    cycle = assessment.cycle
    if not framework(cycle).complete:
        return  # a framework known in part cannot say a number is not in it
    for i, j, pillar, known, question in _questions(assessment):
        number = question.number
        if number is None or not known.questions or known.question(number) is not None:
            continue
        yield Finding(
            f"$.pillars[{i}].questions[{j}].number",
            f"the {cycle} framework has no {pillar.pillar} question {number}; expected "
            f"{_numbers(known)}",
        )


def _number_disagrees(run: Run, assessment: Assessment) -> _Findings:
    cycle = assessment.cycle
    for i, j, pillar, _, question in _questions(assessment):
        if question.number is None:
            continue
        found = run.lookup(find_question, cycle, question.text, pillar.pillar)
        if found is not None and found.number != question.number:
            yield Finding(
                f"$.pillars[{i}].questions[{j}].number",
                f"question {question.number} has the wording of {pillar.pillar} question "
                f"{found.number} of {cycle} ({_q(found.wording)}); expected number "
                f"{found.number}, or a different wording",
            )


def _more_than_counted(assessment: Assessment) -> _Findings:
    counts = assessment.graded_areas
    if counts is None:
        return
    seen: dict[Grade, int] = {}
    graded = 0
    for i, j, pillar, question, judgment in _judgments(assessment):
        grade = judgment.grade
        if question is None or pillar.pillar is not Pillar.AREAS_OF_POLICING or grade is None:
            continue
        path = _judgment_path(i, j)
        graded += 1
        seen[grade] = seen.get(grade, 0) + 1
        stated = counts.count(grade)
        if stated is not None and seen[grade] > stated:
            yield Finding(
                f"{path}.grade",
                f"{assessment.force} {assessment.cycle} has {seen[grade]} areas graded "
                f"{grade.value!r} so far, but its stated count is {stated}; expected at "
                f"most {stated}",
            )
        if counts.areas_graded is not None and graded == counts.areas_graded + 1:
            yield Finding(
                f"{path}.grade",
                f"{assessment.force} {assessment.cycle} has more graded areas than the "
                f"{counts.areas_graded} its counts state; expected at most "
                f"{counts.areas_graded}",
            )


def _is_empty(text: str) -> bool:
    return not any(map(str.isalnum, text))


_Item = AreaForImprovement | CauseOfConcern | Recommendation

# Where each list of findings is, from (pillar, question, cause, item) positions.
_AREAS = "$.pillars[{0}].questions[{1}].areas_for_improvement[{3}]"
_CAUSES = "$.pillars[{0}].questions[{1}].causes_of_concern[{3}]"
_RECOMMENDATIONS = "$.pillars[{0}].questions[{1}].causes_of_concern[{2}].recommendations[{3}]"


def _items(
    assessment: Assessment,
) -> Iterator[tuple[str, str, str, tuple[int, int, int], tuple[_Item, ...]]]:
    """Each list of findings with its noun, the path of its ``k``-th item
    (``where.format(*place, k)``) and the items."""
    for i, pillar in enumerate(assessment.pillars):
        for j, question in enumerate(pillar.questions):
            areas, causes = question.areas_for_improvement, question.causes_of_concern
            if areas:
                yield "area for improvement", "areas for improvement", _AREAS, (i, j, 0), areas
            if causes:
                yield "cause of concern", "causes of concern", _CAUSES, (i, j, 0), causes
            for k, cause in enumerate(causes):
                if cause.recommendations:
                    place = (i, j, k)
                    yield (
                        "recommendation",
                        "recommendations",
                        _RECOMMENDATIONS,
                        place,
                        (cause.recommendations),
                    )


def _empty_item(assessment: Assessment) -> _Findings:
    for noun, _, where, place, items in _items(assessment):
        for k, item in enumerate(items):
            if _is_empty(item.text):
                yield Finding(
                    f"{where.format(*place, k)}.text",
                    f"this {noun} has no words ({_q(item.text)}); expected the text the "
                    "inspectorate published",
                )


def _duplicate_item(assessment: Assessment) -> _Findings:
    for noun, plural, where, place, items in _items(assessment):
        if len(items) < 2:
            continue
        first: dict[str, int] = {}
        for k, item in enumerate(items):
            key = normalise_wording(item.text)
            if key in first:
                yield Finding(
                    f"{where.format(*place, k)}.text",
                    f"this {noun} repeats the one at {where.format(*place, first[key])}; "
                    f"expected the {plural} of a question to differ",
                )
            else:
                first[key] = k


def _inadequate_without_cause(assessment: Assessment) -> _Findings:
    for i, pillar in enumerate(assessment.pillars):
        causes = any(question.causes_of_concern for question in pillar.questions)
        judgment = pillar.judgment
        if judgment.grade is Grade.INADEQUATE and not judgment.carried_over and not causes:
            yield Finding(
                f"$.pillars[{i}].judgment.grade",
                f"{pillar.pillar} is graded inadequate but none of its questions has a "
                "cause of concern; an inadequate grade comes with causes of concern",
            )
        for j, question in enumerate(pillar.questions):
            judgment = question.judgment
            if (
                judgment.grade is Grade.INADEQUATE
                and not judgment.carried_over
                and not question.causes_of_concern
            ):
                yield Finding(
                    f"$.pillars[{i}].questions[{j}].judgment.grade",
                    "this question is graded inadequate but has no cause of concern; an "
                    "inadequate grade comes with causes of concern",
                )


def _cause_without_recommendation(assessment: Assessment) -> _Findings:
    for i, pillar in enumerate(assessment.pillars):
        for j, question in enumerate(pillar.questions):
            for k, cause in enumerate(question.causes_of_concern):
                if not cause.recommendations:
                    yield Finding(
                        f"$.pillars[{i}].questions[{j}].causes_of_concern[{k}].recommendations",
                        "this cause of concern has no recommendation; the inspectorate always "
                        "makes one or more recommendations with a cause of concern",
                    )


def _date_outside_window(assessment: Assessment) -> _Findings:
    frame = framework(assessment.cycle)
    first, last = frame.published
    for i, j, _, _, judgment in _judgments(assessment):
        date = judgment.last_updated
        if date is not None and not frame.within_publication_window(date):
            yield Finding(
                f"{_judgment_path(i, j)}.last_updated",
                f"last updated {date.isoformat()}, outside the {frame.cycle} publication "
                f"window ({first.isoformat()} to {last.isoformat()}); check the date and "
                "the cycle",
            )


def _graded_not_yet_graded(assessment: Assessment) -> _Findings:
    for i, j, _, _, judgment in _judgments(assessment):
        if isinstance(judgment.provenance, NotYetGraded) and judgment.grade is not None:
            yield Finding(
                f"{_judgment_path(i, j)}.grade",
                f"this judgment is marked not yet graded but has grade "
                f"{judgment.grade.value!r}; expected no grade, or a provenance of "
                "'inspected' or 'carried_over'",
            )


# -- corpus rules ---------------------------------------------------------------------


def _chain_disagrees(run: Run, corpus: Corpus) -> _Findings:
    for carried in run.chains:
        found = carried.found
        judgment, path = found.steps[0].judgment, found.steps[0].path
        if judgment.grade is None:
            continue
        for step in found.steps[1:]:
            grade = step.judgment.grade
            if grade is None:
                continue
            if grade is not judgment.grade:
                chain = " → ".join(str(s.cycle) for s in found.steps[: found.steps.index(step) + 1])
                yield Finding(
                    f"{path}.grade",
                    f"this judgment is carried over with grade {judgment.grade.value!r}, but "
                    f"following {chain}, the {step.cycle} judgment it stands from (at "
                    f"{step.path}) is {grade.value!r}; a carried-over grade must match",
                )
            break


def _chain_source_missing(run: Run, corpus: Corpus) -> _Findings:
    for carried in run.chains:
        assessment, pillar, found = carried.assessment, carried.pillar, carried.found
        path = found.steps[0].path
        source = found.broken_at
        if found.broken is Break.NO_QUESTION and len(found.steps) == 1:
            yield Finding(
                f"{path}.provenance",
                f"carried over from {source}, but the corpus's {source} "
                f"{pillar.pillar} assessment of {assessment.force} has no such question; "
                "expected the question the judgment stands from",
            )
        elif found.broken is Break.NOT_INSPECTED and len(found.steps) == 2:
            yield Finding(
                f"{path}.provenance",
                f"carried over from {source}, but in {source} that judgment was not yet "
                f"graded (at {found.origin.path}); expected an inspection to stand from",
            )


def _versions_disagree(run: Run, corpus: Corpus) -> _Findings:
    for entries in run.index.groups():
        first_path, first = entries[0]
        for path, pillar in entries[1:]:
            for where, mine, theirs in _contradictions(pillar, first):
                yield Finding(
                    f"{path}{where}",
                    f"another assessment of the same force, cycle and pillar "
                    f"(at {first_path}{where}) says {_show(theirs)}, this one {_show(mine)}; "
                    "expected one version of the facts",
                )


def _contradictions(
    mine: PillarAssessment, theirs: PillarAssessment
) -> Iterator[tuple[str, object, object]]:
    """Where two versions of a pillar state different facts: (relative path, mine, theirs).

    What one version leaves unstated (no grade, no date, no inspection named, a
    question it lacks) is not a contradiction: versions differ in completeness.
    """
    yield from _judgment_contradictions(mine.judgment, theirs.judgment, ".judgment")
    numbered = {q.number: q for q in theirs.questions if q.number is not None}
    for position, question in enumerate(mine.questions):
        other = numbered.get(question.number) if question.number is not None else None
        if other is not None:
            yield from _judgment_contradictions(
                question.judgment, other.judgment, f".questions[{position}].judgment"
            )


def _judgment_contradictions(
    mine: Judgment, theirs: Judgment, path: str
) -> Iterator[tuple[str, object, object]]:
    if mine.grade is not None and theirs.grade is not None and mine.grade is not theirs.grade:
        yield f"{path}.grade", mine.grade, theirs.grade
    if type(mine.provenance) is not type(theirs.provenance):
        yield f"{path}.provenance", mine.provenance.kind, theirs.provenance.kind
    elif isinstance(mine.provenance, CarriedOver) and isinstance(theirs.provenance, CarriedOver):
        if mine.provenance.from_cycle is not theirs.provenance.from_cycle:
            yield (
                f"{path}.provenance.from_cycle",
                mine.provenance.from_cycle,
                theirs.provenance.from_cycle,
            )
        named = (mine.provenance.inspection, theirs.provenance.inspection)
        if None not in named and named[0] is not named[1]:
            yield f"{path}.provenance.inspection", *named
    if (
        None not in (mine.last_updated, theirs.last_updated)
        and mine.last_updated != theirs.last_updated
    ):
        yield f"{path}.last_updated", mine.last_updated, theirs.last_updated


def _show(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return repr(value)
    if isinstance(value, (Grade, Cycle)):
        return repr(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    return repr(value)


def _first_difference(mine: object, theirs: object, path: str) -> tuple[str, object, object]:
    """The path (relative, ``.judgment.grade``) and values of the first difference."""
    if type(mine) is not type(theirs):
        return path, mine, theirs
    if attrs.has(type(mine)):
        for field in attrs.fields(type(mine)):  # type: ignore[arg-type]
            if not field.eq:
                continue
            a, b = getattr(mine, field.name), getattr(theirs, field.name)
            if a != b:
                return _first_difference(a, b, f"{path}.{field.name}")
        return path, mine, theirs  # pragma: no cover - called only on unequal values
    if isinstance(mine, tuple) and isinstance(theirs, tuple):
        if len(mine) != len(theirs):
            return path, mine, theirs
        for k, (a, b) in enumerate(zip(mine, theirs, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{k}]")
    return path, mine, theirs


# -- the catalogue --------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule(
        "PEEL000",
        _ERROR,
        "The document is not a well-formed peelkit/1 document.",
        _no_model_check,
        "Nothing else can be checked until the document loads; every problem is listed "
        "with its path so it can be fixed in one pass.",
        claims=_document,
    ),
    Rule(
        "PEEL001",
        _ERROR,
        "A cycle (of the assessment, or of a carried-over judgment) is not a PEEL cycle.",
        _no_model_check,
        "A cycle that does not exist has no framework to check against, and a judgment "
        "carried over from it has no inspection behind it.",
        claims=_unknown_cycle,
    ),
    Rule(
        "PEEL002",
        _ERROR,
        "The force is not one of the 43 territorial forces.",
        _given_run(_unknown_force),
        "An unrecognised force name (often a typo) splits one force's history in two "
        "and hides it from queries by force.",
    ),
    Rule(
        "PEEL003",
        _ERROR,
        "A judgment or area for improvement is carried over from a cycle that is not "
        "earlier than the assessment's.",
        _carried_not_earlier,
        "A carried-over judgment stands from an earlier inspection; one that claims a "
        "same or later cycle breaks the provenance chain and cannot be followed.",
    ),
    Rule(
        "PEEL004",
        _ERROR,
        "A grade is not on the cycle's grading scale.",
        _grade_off_scale,
        "The scale had four tiers until 2018/19; 'adequate' exists only from 2021/22. "
        "An off-scale grade is a transcription error that would be quoted as fact.",
    ),
    Rule(
        "PEEL005",
        _ERROR,
        "A question or pillar the framework does not grade has a grade.",
        _given_run(_grade_on_ungraded),
        "Some questions (2018/19 effectiveness question 5, specialist capabilities) and "
        "pillars (2014 effectiveness) were assessed without a grade; a grade there was "
        "never given by the inspectorate.",
    ),
    Rule(
        "PEEL006",
        _ERROR,
        "A pillar is not part of the cycle's framework.",
        _pillar_not_in_framework,
        "Leadership was assessed only in 2015 and 2016, and the areas of policing exist "
        "only from 2021/22; such a pillar elsewhere means the cycle or pillar is wrong.",
    ),
    Rule(
        "PEEL007",
        _WARNING,
        "A question's (or pillar headline's) wording is not in the cycle's framework; "
        "the closest wording is suggested.",
        _given_run(_unknown_wording),
        "Wordings are how questions are matched across cycles; an unknown wording is "
        "often a typo or a wording from another cycle. It is a warning because the "
        "frameworks do not know every published variant.",
    ),
    Rule(
        "PEEL008",
        _ERROR,
        "A question (or headline) belongs to another pillar of the cycle's framework.",
        _given_run(_wrong_pillar),
        "A question filed under the wrong pillar gives that pillar's findings to the "
        "wrong part of the inspection.",
    ),
    Rule(
        "PEEL009",
        _ERROR,
        "Two questions of a pillar have the same number.",
        _duplicate_number,
        "Each question of a pillar appears once; a repeated number makes 'question 2' "
        "ambiguous and double-counts its findings.",
    ),
    Rule(
        "PEEL010",
        _ERROR,
        "A question number is outside the framework's range for the pillar.",
        _number_out_of_range,
        "The framework lists the questions of each pillar; a number it does not have "
        "cannot be compared across forces or cycles.",
    ),
    Rule(
        "PEEL011",
        _ERROR,
        "A question's number disagrees with its wording.",
        _given_run(_number_disagrees),
        "When the wording is another question's, either the number or the text is "
        "wrong, and queries by number would return the wrong findings.",
    ),
    Rule(
        "PEEL012",
        _ERROR,
        "An area for improvement, cause of concern or recommendation is empty.",
        _empty_item,
        "A finding with no words (just a bullet or a dash) is a parsing slip; it would "
        "be counted as a finding that says nothing.",
        claims=_blank_item,
    ),
    Rule(
        "PEEL013",
        _ERROR,
        "An area for improvement, cause of concern or recommendation is repeated.",
        _duplicate_item,
        "A repeated finding is double-counted in every table of findings.",
    ),
    Rule(
        "PEEL014",
        _WARNING,
        "An inadequate grade has no cause of concern.",
        _inadequate_without_cause,
        "The inspectorate grades inadequate where it has causes of concern; one missing "
        "usually means it was not captured. Carried-over grades are exempt: their "
        "causes belong to the earlier report.",
    ),
    Rule(
        "PEEL015",
        _ERROR,
        "A cause of concern has no recommendation.",
        _cause_without_recommendation,
        "'A cause of concern will always be accompanied by one or more recommendations' "
        "(HMICFRS glossary).",
    ),
    Rule(
        "PEEL016",
        _WARNING,
        "A last-updated date falls outside the cycle's publication window.",
        _date_outside_window,
        "A date outside the window usually means the wrong cycle or a mistyped date; "
        "it is a warning because pages are sometimes corrected after publication.",
    ),
    Rule(
        "PEEL017",
        _ERROR,
        "A judgment marked not yet graded has a grade.",
        _graded_not_yet_graded,
        "'Not yet graded' and a grade contradict each other; one of them is wrong.",
    ),
    Rule(
        "PEEL018",
        _ERROR,
        "A force has more graded areas (in all, or of one grade) than its stated counts.",
        _more_than_counted,
        "A force's own counts of graded areas are the truth for that force; a table "
        "with more areas of a grade than the count says holds a wrong or misattributed "
        "grade. Fewer is fine: peelkit may not know every area.",
    ),
    Rule(
        "PEEL020",
        _ERROR,
        "A carried-over grade disagrees with the judgment it stands from.",
        _given_run(_chain_disagrees),
        "A carried-over judgment repeats an earlier inspection's grade; following the "
        "chain (2018/19 → 2017 → 2016), every grade given must agree.",
        scope=Scope.CORPUS,
    ),
    Rule(
        "PEEL021",
        _WARNING,
        "A carried-over judgment's source, though in the corpus, holds no inspection of "
        "that question.",
        _given_run(_chain_source_missing),
        "When the source cycle's assessment is present, the judgment should be found "
        "there; if not, the year, pillar or question is probably wrong. Nothing is said "
        "when the source assessment is simply not in the corpus, or holds the pillar's "
        "grade but none of its questions.",
        scope=Scope.CORPUS,
    ),
    Rule(
        "PEEL022",
        _ERROR,
        "Two assessments of the same force, cycle and pillar state different judgments.",
        _given_run(_versions_disagree),
        "A corpus keeps every version it is given; two that state different grades or "
        "provenance cannot both be the published facts. A version that leaves a fact "
        "unstated does not contradict one that states it.",
        scope=Scope.CORPUS,
    ),
)
"""Every built-in rule, in code order."""

_BY_CODE = {each.code: each for each in RULES}


def rule(code: str) -> Rule:
    """The built-in rule with ``code``; :class:`KeyError` if there is none."""
    return _BY_CODE[code]
