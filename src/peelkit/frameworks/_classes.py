"""The classes of a cycle's framework (its pillars and questions, or areas of policing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from peelkit.errors import UnknownQuestionError
from peelkit.model import Cycle, Grade, Pillar
from peelkit.text import fold

__all__ = [
    "Framework",
    "FrameworkPillar",
    "FrameworkQuestion",
    "UnknownQuestionError",
    "normalise_wording",
]


# -- normalisation ----------------------------------------------------------------

normalise_wording = fold
"""The form in which published wordings are compared: :func:`peelkit.text.fold`."""

_ELLIPSIS = "..."


# -- the classes ------------------------------------------------------------------


def _tuple_of_str(items: Iterable[str]) -> tuple[str, ...]:
    return items if type(items) is tuple else tuple(items)


def _wordings_valid(
    instance: FrameworkQuestion, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ValueError("a framework question needs at least one wording")
    for wording in value:
        if not wording.strip():
            raise ValueError("a question wording must not be blank")


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be 1 or more, not {value}")


@attrs.frozen
class FrameworkQuestion:
    """One numbered question (or, from 2021/22, area of policing) of a cycle's framework.

    ``wordings`` holds every known published form, the canonical one first. A wording
    ending in an ellipsis (``…``) is a known beginning only: the source was cut off,
    and any text starting with it is taken to be this question.

    ``graded`` says whether the inspectorate gave this question a grade of its own.
    ``verified`` is ``False`` when any wording or the graded flag rests on inference
    or third-party pages only; ``note`` then says what is uncertain.

    From 2021/22 ``area`` is the area of policing's canonical label (one of
    ``wordings``). Not every force was graded on every area: ``graded_for``
    names the forces (short names) for which an otherwise ungraded area was graded
    (victim service in 2021/22: the pilot and early forces), and
    ``graded_if_included`` marks an area graded only where an inspection included
    it (serious organised crime, from regional inspections), so that a force's own
    counts decide. :meth:`is_graded_for` answers for one force.
    """

    pillar: Pillar
    number: int = attrs.field(validator=_positive)
    wordings: tuple[str, ...] = attrs.field(converter=_tuple_of_str, validator=_wordings_valid)
    graded: bool = True
    verified: bool = True
    note: str | None = None
    area: str | None = attrs.field(default=None, kw_only=True)
    graded_for: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset, kw_only=True)
    graded_if_included: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.area is not None and self.area not in self.wordings:
            raise ValueError(f"the area label {self.area!r} must be one of the wordings")

    def is_graded_for(self, force: str) -> bool | None:
        """Whether this question was graded for ``force`` (its short name).

        ``None`` where only the force's own inspection can say
        (``graded_if_included``).
        """
        if force in self.graded_for:
            return True
        if self.graded_if_included:
            return None
        return self.graded

    @property
    def wording(self) -> str:
        """The canonical wording: the first of ``wordings``."""
        return self.wordings[0]

    @property
    def label(self) -> str:
        """The grade-table label: ``Effectiveness - Question 5 - Ungraded``."""
        suffix = "" if self.graded else " - Ungraded"
        return f"{self.pillar.label} - Question {self.number}{suffix}"


def _questions(items: Iterable[FrameworkQuestion]) -> tuple[FrameworkQuestion, ...]:
    return items if type(items) is tuple else tuple(items)


@attrs.frozen
class FrameworkPillar:
    """A pillar of a cycle's framework: its headline question(s) and numbered questions.

    ``headline_questions`` lists every known wording of the pillar's own question,
    the usual one first; it is empty where none is known (or none exists, as for
    the areas of policing from 2021/22). ``graded`` says whether the pillar as a
    whole received a grade (2014 graded only efficiency; leadership was never graded;
    from 2021/22 only the areas are graded).
    """

    pillar: Pillar
    headline_questions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    questions: tuple[FrameworkQuestion, ...] = attrs.field(default=(), converter=_questions)
    graded: bool = True

    def __attrs_post_init__(self) -> None:
        numbers: set[int] = set()
        for question in self.questions:
            if question.pillar is not self.pillar:
                raise ValueError(
                    f"question {question.number} belongs to {question.pillar}, not {self.pillar}"
                )
            if question.number in numbers:
                raise ValueError(f"{self.pillar} has question {question.number} twice")
            numbers.add(question.number)

    def question(self, number: int) -> FrameworkQuestion | None:
        """The question with this number, or ``None``."""
        for question in self.questions:
            if question.number == number:
                return question
        return None


def _pillars(items: Iterable[FrameworkPillar]) -> tuple[FrameworkPillar, ...]:
    return items if type(items) is tuple else tuple(items)


def _scale_valid(
    instance: Framework, attribute: attrs.Attribute[tuple[Grade, ...]], value: tuple[Grade, ...]
) -> None:
    if not value or list(value) != sorted(set(value)):
        raise ValueError("a scale lists distinct grades from worst to best")


def _window_valid(
    instance: Framework,
    attribute: attrs.Attribute[tuple[dt.date, dt.date]],
    value: tuple[dt.date, dt.date],
) -> None:
    first, last = value
    if first > last:
        raise ValueError(f"publication window starts after it ends: {first} > {last}")


@attrs.frozen
class Framework:
    """The assessment framework of one PEEL cycle.

    ``scale`` lists the grades in use, worst first (four tiers until 2018/19, five
    with ``adequate`` from 2021/22). ``published`` is ``(first, last)``: the dates
    between which the cycle's force reports were published, as far as is known;
    for 2021/22 and 2023/25 only the years are known and the window is wide.

    ``complete`` is ``False`` where the framework is known only in part (2025/27
    is known by its first core question): a question missing from an incomplete
    framework is not known to be absent, so no rule reports it as unknown.
    """

    cycle: Cycle
    scale: tuple[Grade, ...] = attrs.field(validator=_scale_valid)
    pillars: tuple[FrameworkPillar, ...] = attrs.field(converter=_pillars)
    published: tuple[dt.date, dt.date] = attrs.field(validator=_window_valid)
    complete: bool = attrs.field(default=True, kw_only=True)
    _by_number: dict[tuple[Pillar, int], FrameworkQuestion] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_number: dict[tuple[Pillar, int], FrameworkQuestion] = {}
        seen: set[Pillar] = set()
        for pillar in self.pillars:
            if pillar.pillar in seen:
                raise ValueError(f"{self.cycle} has the {pillar.pillar} pillar twice")
            seen.add(pillar.pillar)
            for question in pillar.questions:
                by_number[question.pillar, question.number] = question
        object.__setattr__(self, "_by_number", by_number)

    @property
    def questions(self) -> tuple[FrameworkQuestion, ...]:
        """Every question of the framework, pillar by pillar, in number order."""
        return tuple(question for pillar in self.pillars for question in pillar.questions)

    def pillar(self, pillar: Pillar | str) -> FrameworkPillar | None:
        """The framework's entry for ``pillar`` (a member or its name), or ``None``."""
        wanted = Pillar(pillar)
        for entry in self.pillars:
            if entry.pillar is wanted:
                return entry
        return None

    def question(self, pillar: Pillar | str, number: int) -> FrameworkQuestion | None:
        """The question ``number`` of ``pillar``, or ``None`` if the framework has none."""
        return self._by_number.get((Pillar(pillar), number))

    def is_graded(self, pillar: Pillar | str, number: int) -> bool:
        """Whether question ``number`` of ``pillar`` is graded in this cycle.

        Raises :class:`UnknownQuestionError` if the framework has no such question,
        rather than guess.
        """
        question = self.question(pillar, number)
        if question is None:
            raise UnknownQuestionError(
                f"the {self.cycle} framework has no {Pillar(pillar)} question {number}"
            )
        return question.graded

    def within_publication_window(self, date: dt.date) -> bool:
        """Whether ``date`` falls inside ``published``, both ends included."""
        first, last = self.published
        return first <= date <= last
