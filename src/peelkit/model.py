"""The nouns of a PEEL assessment, as immutable attrs classes and enums.

An :class:`Assessment` is one force in one cycle. It holds one
:class:`PillarAssessment` per pillar (effectiveness, efficiency, legitimacy), each
with a headline :class:`Judgment` and its numbered :class:`QuestionAssessment`\\ s.
A judgment has a :class:`Grade` (or none) and a *provenance*: inspected this
cycle, carried over from an earlier cycle's inspection, not yet graded, or not
graded at all.

Everything here is frozen (:func:`attrs.frozen`), slotted and hashable, and does no
I/O: :func:`attrs.evolve` makes a changed copy. Invariants of a single object (a
deadline's months are positive, a text is not blank) are checked on construction;
rules that span objects live in :mod:`peelkit.validation`.

Items that came from page text remember the 1-based ``line`` they came from, so
messages can point at ``file:line``. The line is not part of equality and is not
written to JSON: two assessments with the same content are equal wherever they
came from.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs

from peelkit.errors import MissingError, ModelError, UnknownWordError, shown
from peelkit.text import fold

__all__ = [
    "INSPECTED",
    "NOT_GRADED",
    "NOT_YET_GRADED",
    "AreaForImprovement",
    "Assessment",
    "By",
    "CarriedOver",
    "CauseOfConcern",
    "Cycle",
    "Deadline",
    "Evidence",
    "Grade",
    "GradedAreas",
    "Immediately",
    "Inspected",
    "Judgment",
    "NotGraded",
    "NotYetGraded",
    "Pillar",
    "PillarAssessment",
    "Provenance",
    "QuestionAssessment",
    "Recommendation",
    "Within",
]

_QUOTES = "'\"‘’“”"


def _fold(word: object) -> str:
    """:func:`peelkit.text.fold`, then trim quotes: how published words compare."""
    if not isinstance(word, str):
        return ""
    return fold(fold(word).strip(_QUOTES))


class _Members(enum.EnumMeta):
    """The metaclass of the ordered enums: ``Pillar(Pillar.EFFICIENCY)`` returns the
    member at once. :class:`enum.EnumMeta` would run two Python calls to find it,
    and a member is what nearly every caller passes."""

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if type(value) is cls and not args and not kwargs:
            return value
        return super().__call__(value, *args, **kwargs)


class _Ordered(enum.Enum, metaclass=_Members):
    """An enum whose members compare by their order of definition.

    Members hash by identity (each member is its one instance, so this agrees with
    equality): the C-level hash makes them cheap keys for indexes and memos, where
    :class:`enum.Enum`'s own hash runs Python code on every lookup.
    """

    __hash__ = object.__hash__

    @classmethod
    def _missing_(cls, value: object) -> Any:
        """The member whose word ``value`` is, in any case and spacing; else an
        :class:`~peelkit.UnknownWordError` saying which words are close."""
        words = _WORDS[cls]
        found = words.get(_fold(value))
        if found is None:
            raise _unknown_word(cls, value, words)
        return found

    @property
    def rank(self) -> int:
        """Position of the member in its enum, from 0."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] < _RANKS[other]

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] <= _RANKS[other]

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] > _RANKS[other]

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] >= _RANKS[other]

    def __str__(self) -> str:
        return str(self.value)


_RANKS: dict[_Ordered, int] = {}
_WORDS: dict[type[_Ordered], dict[str, _Ordered]] = {}
"""Each ordered enum's members by their word, as :meth:`_Ordered._missing_` looks them up."""


def _listing(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _unknown_word(cls: type[enum.Enum], value: object, words: Iterable[str]) -> ValueError:
    """The error for a word that names no member: the words close to it, or all of them.

    Close words are found among every spelling the enum accepts (its values and
    aliases), so ``'Requires improvment'`` suggests ``'requires improvement'``.
    """
    known = sorted(set(words), key=lambda word: (word[:1].isdigit(), word))
    close = difflib.get_close_matches(_fold(value), known, n=3, cutoff=0.6)
    shown = [member.value for member in cls]
    if close:
        hint = "did you mean " + " or ".join(repr(word) for word in close) + "?"
    else:
        hint = "expected one of " + ", ".join(repr(word) for word in shown)
    return UnknownWordError(cls.__name__, value, hint, close)


def _rank(cls: type[_Ordered]) -> None:
    """Record the order and the words of ``cls``'s members (once, as it is defined)."""
    for position, member in enumerate(cls):
        _RANKS[member] = position
    _WORDS[cls] = {member.value: member for member in cls}


class Grade(_Ordered):
    """A graded judgment, ordered from worst to best.

    Built from the published words in any case and quote style:
    ``Grade("Requires improvement") is Grade("‘requires improvement’")``.
    ``adequate`` exists only on the five-tier scale used from 2021/22.
    """

    INADEQUATE = "inadequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    ADEQUATE = "adequate"
    GOOD = "good"
    OUTSTANDING = "outstanding"

    @property
    def label(self) -> str:
        """The word as a page prints it on a line of its own: ``Requires improvement``."""
        return self.value[0].upper() + self.value[1:]


_rank(Grade)


class Cycle(_Ordered):
    """A PEEL inspection cycle, ordered in time.

    The value is the inspectorate's own label. Common spellings are accepted:
    ``Cycle("2018")``, ``Cycle(2018)``, ``Cycle("2018-19")`` and ``Cycle("PEEL
    2018/19")`` are all ``PEEL_2018_19`` (the 2018/19 pages live under
    ``peel-2018``); a year is a cycle's first year, as an int or in words.
    """

    PEEL_2014 = "2014"
    PEEL_2015 = "2015"
    PEEL_2016 = "2016"
    PEEL_2017 = "2017"
    PEEL_2018_19 = "2018/19"
    PEEL_2021_22 = "2021/22"
    PEEL_2023_25 = "2023/25"
    PEEL_2025_27 = "2025/27"

    @classmethod
    def _missing_(cls, value: object) -> Cycle | None:
        word = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        folded = _fold(word).removeprefix("peel").strip()
        folded = re.sub(r"\s*[-–—/]\s*", "/", folded)
        found = _CYCLE_WORDS.get(folded)
        if found is None:
            raise _unknown_word(cls, value, ())  # years are too alike to suggest
        return found

    @property
    def year(self) -> int:
        """The first calendar year of the cycle: 2018 for 2018/19."""
        return int(self.value[:4])


_rank(Cycle)
_CYCLE_WORDS: dict[str, Cycle] = {cycle.value: cycle for cycle in Cycle}
for _cycle in (Cycle.PEEL_2018_19, Cycle.PEEL_2021_22, Cycle.PEEL_2023_25, Cycle.PEEL_2025_27):
    _start, _end = _cycle.value.split("/")
    _CYCLE_WORDS[_start] = _cycle
    _CYCLE_WORDS[f"{_start}/{_start[:2]}{_end}"] = _cycle


class Pillar(_Ordered):
    """A strand of the PEEL programme.

    The three pillars are effectiveness, efficiency and legitimacy. ``leadership``
    was assessed, ungraded, in 2015 and 2016. From 2021/22 judgments are made per
    core question only, gathered under ``areas of policing``.
    """

    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"
    AREAS_OF_POLICING = "areas of policing"

    @property
    def label(self) -> str:
        """The pillar as a page heads it: ``Effectiveness``."""
        return self.value[0].upper() + self.value[1:]


_rank(Pillar)


def _convert(cls: type[enum.Enum], noun: str, value: Any) -> Any:
    """A member of ``cls`` from itself or its words, else :class:`ModelError`."""
    if type(value) is cls:
        return value
    if type(value) is str:
        try:
            found = cls._missing_(value)
        except UnknownWordError as error:
            raise ModelError(f"{noun}: {error}") from None
        if found is not None:
            return found
        expected = ", ".join(repr(member.value) for member in cls)
        raise ModelError(f"{noun}: {shown(value)} is not a {noun}; expected one of {expected}")
    raise ModelError(f"{noun} must be a {cls.__name__} or its words, not {shown(value)}")


# The converters return a member (or ``None``) as it is before calling anything:
# that is what nearly every construction passes, and a call costs more than the test.


def _to_cycle(value: Any) -> Cycle:
    """Converter: a :class:`Cycle` from itself or its words."""
    if type(value) is Cycle:
        return value
    member: Cycle = _convert(Cycle, "cycle", value)
    return member


def _optional_cycle(value: Any) -> Cycle | None:
    """Converter: as :func:`_to_cycle`, keeping ``None``."""
    if value is None or type(value) is Cycle:
        return value
    member: Cycle = _convert(Cycle, "cycle", value)
    return member


def _pillar(value: Any) -> Pillar:
    """Converter: a :class:`Pillar` from itself or its words."""
    if type(value) is Pillar:
        return value
    member: Pillar = _convert(Pillar, "pillar", value)
    return member


def _optional_pillar(value: Any) -> Pillar | None:
    """Converter: as :func:`_pillar`, keeping ``None``."""
    if value is None or type(value) is Pillar:
        return value
    member: Pillar = _convert(Pillar, "pillar", value)
    return member


def _optional_grade(value: Any) -> Grade | None:
    """Converter: a :class:`Grade` from itself or its words, or ``None``."""
    if value is None or type(value) is Grade:
        return value
    member: Grade = _convert(Grade, "grade", value)
    return member


def _line() -> Any:
    """The source line of an item parsed from a page: not compared, not serialised."""
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _writable(name: str, value: str) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate)."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ModelError(
                f"{name} holds a lone surrogate {value[exc.start]!r} at character {exc.start}, "
                "which cannot be written as UTF-8"
            ) from None


def _not_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if type(value) is not str:
        raise ModelError(f"{attribute.name} must be a string, not {shown(value)}")
    if not value or value.isspace():
        raise ModelError(f"{attribute.name} must not be blank")
    if not value.isascii():
        _writable(attribute.name, value)


def _optional_not_blank(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is None:
        return
    if type(value) is not str:
        raise ModelError(f"{attribute.name} must be a string or None, not {shown(value)}")
    if not value or value.isspace():
        raise ModelError(f"{attribute.name} must not be blank (use None for no text)")
    if not value.isascii():
        _writable(attribute.name, value)


def _sequence(items: Any, noun: str) -> tuple[Any, ...]:
    """A tuple from any sequence or iterable, but never from a bare string or bytes."""
    if type(items) is tuple:
        return items
    if isinstance(items, (str, bytes, bytearray)) or not hasattr(items, "__iter__"):
        raise ModelError(f"{noun} must be a sequence, not {shown(items)}")
    return tuple(items)


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    texts = items if type(items) is tuple else _sequence(items, "summary")
    for text in texts:
        if type(text) is not str:
            raise ModelError(f"summary must hold strings, not {shown(text)}")
        if not text.isascii():
            _writable("summary", text)
    return texts


# -- provenance -------------------------------------------------------------------


@attrs.frozen
class Inspected:
    """The judgment was made by an inspection in this cycle."""

    kind = "inspected"


@attrs.frozen
class CarriedOver:
    """The judgment stands from an earlier cycle's inspection.

    ``inspection`` is the pillar inspection the page names ("our judgment from the
    2017 effectiveness inspection has been carried over"), or ``None`` where the
    page names only the year.
    """

    from_cycle: Cycle = attrs.field(converter=_to_cycle)
    inspection: Pillar | None = attrs.field(default=None, converter=_optional_pillar)

    kind = "carried_over"


@attrs.frozen
class NotYetGraded:
    """The question or pillar was due a judgment that had not been published."""

    kind = "not_yet_graded"


@attrs.frozen
class NotGraded:
    """The inspection took place but the inspectorate gave no grade, and never will.

    Greater Manchester's 2017 efficiency and legitimacy inspections were cut short
    after the Manchester Arena attack and were not graded. That is a real outcome,
    unlike :class:`NotYetGraded` (a grade still to be published) or a judgment that
    is simply absent (not known).
    """

    kind = "not_graded"


Provenance: TypeAlias = Inspected | CarriedOver | NotYetGraded | NotGraded
"""Where a judgment came from: one of :class:`Inspected`, :class:`CarriedOver`,
:class:`NotYetGraded`, :class:`NotGraded`."""

INSPECTED = Inspected()
NOT_YET_GRADED = NotYetGraded()
NOT_GRADED = NotGraded()


# -- deadlines --------------------------------------------------------------------


MAX_WHOLE = 10**15
"""Whole numbers of the model (months, question numbers) stay below this bound."""


def _whole(name: str, value: object) -> None:
    """Refuse what is not an int (``bool`` is not a number of anything here), or is huge."""
    if type(value) is not int:
        raise ModelError(f"{name} must be a whole number (an int), not {shown(value)}")
    if value >= MAX_WHOLE:
        raise ModelError(f"{name} must be below {MAX_WHOLE:,}, not {shown(value)}")


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is int and 0 < value < MAX_WHOLE:
        return
    _whole(attribute.name, value)
    if value < 1:
        raise ModelError(f"{attribute.name} must be a positive number, not {value}")


@attrs.frozen
class Within:
    """Due within a number of months of publication ("within three months")."""

    months: int = attrs.field(validator=_positive)

    kind = "within"


@attrs.frozen
class By:
    """Due by a fixed date ("by 31 March 2019")."""

    date: dt.date

    kind = "by"


@attrs.frozen
class Immediately:
    """Due at once ("immediately")."""

    kind = "immediately"


Deadline: TypeAlias = Within | By | Immediately
"""When something is due: one of :class:`Within`, :class:`By`, :class:`Immediately`."""


# -- findings ---------------------------------------------------------------------


class Evidence(_Ordered):
    """How a secondary source states a grade.

    ``label``: the grade printed beside the area's name in a list or table;
    ``statement``: a sentence that states it ("graded good at investigating crime").
    """

    LABEL = "label"
    STATEMENT = "statement"


_rank(Evidence)


def _optional_evidence(value: Any) -> Evidence | None:
    """Converter: an :class:`Evidence` from itself or its words, or ``None``."""
    if value is None or type(value) is Evidence:
        return value
    member: Evidence = _convert(Evidence, "evidence", value)
    return member


@attrs.frozen
class Judgment:
    """A grade (or none) and where it came from.

    ``grade`` is ``None`` where the page gives no grade: an ungraded question, a
    judgment not yet published, or a carried-over judgment whose grade the page
    does not repeat (follow the provenance to find it).

    ``source`` is the URL (or file) the judgment rests on, ``evidence`` how that
    source states the grade and ``note`` any caveat on it (a cycle inferred, a grade
    amended after publication). All three are optional and written to JSON (added
    in revision 2 of ``peelkit/1``; see ``docs/format.md``).
    """

    grade: Grade | None = attrs.field(default=None, converter=_optional_grade)
    provenance: Provenance = INSPECTED
    last_updated: dt.date | None = None
    line: int | None = _line()
    # Not keyword-only: the fast loader passes every serialised field by position.
    source: str | None = attrs.field(default=None, validator=_optional_not_blank)
    evidence: Evidence | None = attrs.field(default=None, converter=_optional_evidence)
    note: str | None = attrs.field(default=None, validator=_optional_not_blank)

    @property
    def carried_over(self) -> bool:
        """Whether the judgment stands from an earlier cycle."""
        return type(self.provenance) is CarriedOver


@attrs.frozen
class AreaForImprovement:
    """Something the force should improve, with an optional deadline.

    ``carried_over_from`` is the cycle of an earlier inspection the area still
    stands from ("One area for improvement remained from that inspection.").
    """

    text: str = attrs.field(validator=_not_blank)
    deadline: Deadline | None = None
    carried_over_from: Cycle | None = attrs.field(default=None, converter=_optional_cycle)
    line: int | None = _line()


@attrs.frozen
class Recommendation:
    """What the inspectorate recommends to address a cause of concern."""

    text: str = attrs.field(validator=_not_blank)
    deadline: Deadline | None = None
    line: int | None = _line()


def _recommendations(items: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return items if type(items) is tuple else _sequence(items, "recommendations")


@attrs.frozen
class CauseOfConcern:
    """A serious, critical or systemic shortcoming, always with recommendations."""

    text: str = attrs.field(validator=_not_blank)
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=_recommendations
    )
    line: int | None = _line()


def _areas_for_improvement(
    items: Iterable[AreaForImprovement],
) -> tuple[AreaForImprovement, ...]:
    return items if type(items) is tuple else _sequence(items, "areas_for_improvement")


def _causes_of_concern(items: Iterable[CauseOfConcern]) -> tuple[CauseOfConcern, ...]:
    return items if type(items) is tuple else _sequence(items, "causes_of_concern")


def _number(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None or (type(value) is int and 0 < value < MAX_WHOLE):
        return
    _whole("number", value)
    if value < 1:
        raise ModelError(f"question number must be 1 or more, not {value}")


@attrs.frozen
class QuestionAssessment:
    """The assessment of one numbered question of a pillar.

    ``number`` is the question's number in the cycle's framework, or ``None`` when
    it is not known. ``detailed_findings`` records whether the page points to
    detailed findings for the question. ``source`` names the page the question's
    facts came from, where it differs from its pillar's; like ``line`` it is not
    compared or serialised.
    """

    number: int | None = attrs.field(validator=_number)
    text: str = attrs.field(validator=_not_blank)
    judgment: Judgment = Judgment()
    areas_for_improvement: tuple[AreaForImprovement, ...] = attrs.field(
        default=(), converter=_areas_for_improvement
    )
    causes_of_concern: tuple[CauseOfConcern, ...] = attrs.field(
        default=(), converter=_causes_of_concern
    )
    summary: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    detailed_findings: bool = False
    line: int | None = _line()
    source: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)


def _questions(items: Iterable[QuestionAssessment]) -> tuple[QuestionAssessment, ...]:
    return items if type(items) is tuple else _sequence(items, "questions")


@attrs.frozen
class PillarAssessment:
    """One pillar of one force in one cycle: the headline judgment and its questions.

    ``source`` names the page the pillar was parsed from, for messages; like
    ``line`` it is not compared or serialised.
    """

    pillar: Pillar = attrs.field(converter=_pillar)
    headline_question: str | None = attrs.field(default=None, validator=_optional_not_blank)
    judgment: Judgment = Judgment()
    summary: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    questions: tuple[QuestionAssessment, ...] = attrs.field(default=(), converter=_questions)
    line: int | None = _line()
    source: str | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def question(self, number: int) -> QuestionAssessment:
        """The question with this number.

        Raises :class:`~peelkit.MissingError` naming the numbers the pillar has;
        :meth:`get_question` returns ``None`` instead.
        """
        found = self.get_question(number)
        if found is None:
            numbers = [str(q.number) for q in self.questions if q.number is not None]
            held = f"it has {_listing(numbers)}" if numbers else "it has no numbered questions"
            raise MissingError(f"no question {number} in this {self.pillar} pillar; {held}")
        return found

    def get_question(self, number: int) -> QuestionAssessment | None:
        """The question with this number, or ``None``."""
        for question in self.questions:
            if question.number == number:
                return question
        return None


def _pillars(items: Iterable[PillarAssessment]) -> tuple[PillarAssessment, ...]:
    return items if type(items) is tuple else _sequence(items, "pillars")


def _count(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise ModelError(f"{attribute.name} must be a count of 0 or more, not {shown(value)}")


@attrs.frozen
class GradedAreas:
    """How many areas of policing the inspectorate graded for a force in a cycle.

    ``areas_graded`` is the number of graded areas; the five counts say how many
    were given each grade. Any of them is ``None`` where no source states it
    (unknown, not zero). ``publication_date`` and ``report_url`` are the force's
    report. A force's own counts are the truth for that force: not every force was
    graded on the same areas.
    """

    areas_graded: int | None = attrs.field(default=None, validator=_count)
    outstanding: int | None = attrs.field(default=None, validator=_count)
    good: int | None = attrs.field(default=None, validator=_count)
    adequate: int | None = attrs.field(default=None, validator=_count)
    requires_improvement: int | None = attrs.field(default=None, validator=_count)
    inadequate: int | None = attrs.field(default=None, validator=_count)
    publication_date: dt.date | None = None
    report_url: str | None = attrs.field(default=None, validator=_optional_not_blank)

    def count(self, grade: Grade) -> int | None:
        """How many areas were given ``grade``, or ``None`` if unknown."""
        value: int | None = getattr(self, grade.name.lower())
        return value


@attrs.frozen
class Assessment:
    """One force in one cycle, holding one or more pillars.

    ``force`` is the force's short name as the inspectorate uses it (``"Kent"``);
    :func:`peelkit.forces.force` resolves any alias. ``source`` says where the
    assessment came from (a file name or URL), if known. ``graded_areas`` holds
    the force's stated counts of graded areas (from 2021/22), if known.
    """

    force: str = attrs.field(validator=_not_blank)
    cycle: Cycle = attrs.field(converter=_to_cycle)
    pillars: tuple[PillarAssessment, ...] = attrs.field(default=(), converter=_pillars)
    source: str | None = None
    graded_areas: GradedAreas | None = None

    def pillar(self, pillar: Pillar | str) -> PillarAssessment:
        """The first assessment of ``pillar`` (a member or its name).

        Raises :class:`~peelkit.MissingError` naming the pillars the assessment
        has; :meth:`get_pillar` returns ``None`` instead.
        """
        found = self.get_pillar(pillar)
        if found is None:
            held = [str(assessed.pillar) for assessed in self.pillars]
            has = f"it has {_listing(held)}" if held else "it has no pillars"
            raise MissingError(f"no {Pillar(pillar)} pillar in {self.force} {self.cycle}; {has}")
        return found

    def get_pillar(self, pillar: Pillar | str) -> PillarAssessment | None:
        """The first assessment of ``pillar`` (a member or its name), or ``None``."""
        wanted = Pillar(pillar)
        for assessed in self.pillars:
            if assessed.pillar is wanted:
                return assessed
        return None

    def _repr_html_(self) -> str:
        """A compact table for notebooks: each pillar's and question's grade, escaped."""
        from peelkit._html import assessment_html

        return assessment_html(self)

    def merge(self, *others: Assessment) -> Assessment:
        """One assessment holding the pillars of this one and ``others``, in order.

        All must be of the same force and cycle, and no pillar may appear twice:
        two versions of one pillar are two assessments, not one (keep them in a
        :class:`~peelkit.Corpus`). Sources are kept, joined with ``"; "``.
        """
        pillars = list(self.pillars)
        sources = [self.source] if self.source else []
        for other in others:
            if (other.force, other.cycle) != (self.force, self.cycle):
                raise ValueError(
                    f"cannot merge {other.force} {other.cycle} into "
                    f"{self.force} {self.cycle}: force and cycle must match"
                )
            pillars.extend(other.pillars)
            if other.source and other.source not in sources:
                sources.append(other.source)
        seen: set[Pillar] = set()
        for assessed in pillars:
            if assessed.pillar in seen:
                raise ValueError(
                    f"cannot merge: {self.force} {self.cycle} has {assessed.pillar} twice"
                )
            seen.add(assessed.pillar)
        return Assessment(
            force=self.force,
            cycle=self.cycle,
            pillars=tuple(pillars),
            source="; ".join(sources) or None,
            graded_areas=self.graded_areas,
        )
