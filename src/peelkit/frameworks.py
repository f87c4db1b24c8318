"""The PEEL cycles as data: pillars, numbered questions, known wordings and scales.

Each :class:`Cycle` has one :class:`Framework`: the grading scale, the publication
window of its force reports, and per pillar the headline question(s) and the numbered
questions, each with every wording known to have been published (the first is the
canonical one) and whether the question was graded.

The facts come from the project's domain reference (``FRAMEWORK.md``) and the sample
pages. Where a wording was inferred or seen only on a third-party page, the question
carries ``verified=False`` and a ``note`` saying why: such entries are the best
available guess, kept so that parsing works, and flagged so nobody mistakes them for
the inspectorate's own words.

Lookups are pure and cheap (one normalisation and a dictionary probe), because the
parser calls them for every line of a page. All of them compare wordings through
:func:`normalise_wording`, which the parser and validator use too.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable

import attrs

from peelkit.errors import UnknownQuestionError
from peelkit.model import Cycle, Grade, Pillar
from peelkit.text import fold

__all__ = [
    "FRAMEWORKS",
    "Framework",
    "FrameworkPillar",
    "FrameworkQuestion",
    "UnknownQuestionError",
    "closest_questions",
    "find_headline",
    "find_question",
    "framework",
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
    """

    pillar: Pillar
    number: int = attrs.field(validator=_positive)
    wordings: tuple[str, ...] = attrs.field(converter=_tuple_of_str, validator=_wordings_valid)
    graded: bool = True
    verified: bool = True
    note: str | None = None

    @property
    def wording(self) -> str:
        """The canonical wording: the first of :attr:`wordings`."""
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
    """

    cycle: Cycle
    scale: tuple[Grade, ...] = attrs.field(validator=_scale_valid)
    pillars: tuple[FrameworkPillar, ...] = attrs.field(converter=_pillars)
    published: tuple[dt.date, dt.date] = attrs.field(validator=_window_valid)
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
        """Whether ``date`` falls inside :attr:`published`, both ends included."""
        first, last = self.published
        return first <= date <= last


# -- the data ---------------------------------------------------------------------

_E, _F, _L = Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY
_LEAD, _AREAS = Pillar.LEADERSHIP, Pillar.AREAS_OF_POLICING

_FOUR_TIER = (Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING)
_FIVE_TIER = (
    Grade.INADEQUATE,
    Grade.REQUIRES_IMPROVEMENT,
    Grade.ADEQUATE,
    Grade.GOOD,
    Grade.OUTSTANDING,
)

# Headline questions.
_EFFECTIVE_2015 = "How effective is the force at keeping people safe and reducing crime?"
_EFFICIENT_2015 = "How efficient is the force at keeping people safe and reducing crime?"
_LEGITIMATE_2015 = "How legitimate is the force at keeping people safe and reducing crime?"

# Question wordings shared between cycles.
_PREVENTING = (
    "How effective is the force at preventing crime, tackling anti-social behaviour "
    "and keeping people safe?"
)
_INVESTIGATING = "How effective is the force at investigating crime and reducing re-offending?"
_VULNERABLE = (
    "How effective is the force at protecting those who are vulnerable from harm, "
    "and supporting victims?"
)
_SOC = "How effective is the force at tackling serious and organised crime?"
_SPECIALIST = "How effective are the force’s specialist capabilities?"
_TREAT_PUBLIC = (
    "To what extent does the force treat all of the people it serves with fairness and respect?"
)
_ETHICAL = "How well does the force ensure that its workforce behaves ethically and lawfully?"
_TREAT_WORKFORCE = "To what extent does the force treat its workforce with fairness and respect?"
_VICTIMS = "How good is the force’s service for victims of crime?"
_VICTIMS_LABEL = "Providing a service to victims of crime"

_LEGITIMACY_GUESS = (
    "wording assumed from the 2018/19 table: this cycle looked at the same three "
    "things, but its own wording was not seen"
)
_SPECIALIST_GUESS = (
    "wording as in 2018/19 (third-party list for 2016); whether it was graded is "
    "unknown, assumed ungraded as in 2018/19"
)


def _q(
    pillar: Pillar,
    number: int,
    *wordings: str,
    graded: bool = True,
    note: str | None = None,
) -> FrameworkQuestion:
    """A question; it counts as verified unless a note says what is uncertain."""
    return FrameworkQuestion(
        pillar, number, wordings, graded=graded, verified=note is None, note=note
    )


def _legitimacy_2016_2017() -> FrameworkPillar:
    return FrameworkPillar(
        _L,
        (_LEGITIMATE_2015,),
        (
            _q(_L, 1, _TREAT_PUBLIC, note=_LEGITIMACY_GUESS),
            _q(_L, 2, _ETHICAL, note=_LEGITIMACY_GUESS),
            _q(_L, 3, _TREAT_WORKFORCE, note=_LEGITIMACY_GUESS),
        ),
    )


_PEEL_2014 = Framework(
    Cycle.PEEL_2014,
    _FOUR_TIER,
    (
        FrameworkPillar(
            _E,
            (),
            (
                _q(_E, 1, "How effective is the force at reducing crime and preventing offending?"),
                _q(_E, 2, "How effective is the force at investigating offending?"),
                _q(_E, 3, "How effective is the force at tackling anti-social behaviour?"),
                _q(
                    _E,
                    4,
                    "How effective is the force at protecting those at greatest risk of harm?",
                    graded=False,
                ),
                _q(
                    _E,
                    5,
                    "How effective is the force at tackling serious, organised and complex crime?",
                    graded=False,
                ),
                _q(
                    _E,
                    6,
                    "How effective is the force at meeting its commitments under the "
                    "Strategic Policing Requirement?",
                    graded=False,
                ),
            ),
            graded=False,
        ),
        FrameworkPillar(
            _F,
            (),
            (
                _q(_F, 1, "To what extent is the force efficient?"),
                _q(
                    _F,
                    2,
                    "To what extent is the force taking steps to ensure a secure financial "
                    "position for the short and long term?",
                ),
                _q(
                    _F,
                    3,
                    "To what extent has the force got an affordable way of providing policing?",
                ),
            ),
        ),
        # Four narrative questions whose wording was not found.
        FrameworkPillar(_L, (), (), graded=False),
    ),
    (dt.date(2014, 11, 27), dt.date(2014, 11, 27)),
)

_PEEL_2015 = Framework(
    Cycle.PEEL_2015,
    _FOUR_TIER,
    (
        FrameworkPillar(
            _E,
            (_EFFECTIVE_2015,),
            (
                _q(
                    _E,
                    1,
                    "How effective is the force at preventing crime and anti-social behaviour, "
                    "and keeping people safe?",
                ),
                _q(
                    _E,
                    2,
                    "How effective is the force at investigating crime and managing offenders?",
                ),
                _q(
                    _E,
                    3,
                    "How effective is the force at protecting from harm those who are "
                    "vulnerable, and supporting victims?",
                ),
                _q(
                    _E,
                    4,
                    "How effective is the force at tackling serious and organised crime, "
                    "including its arrangement for fulfilling its national policing "
                    "responsibilities?",
                ),
            ),
        ),
        FrameworkPillar(
            _F,
            (_EFFICIENT_2015,),
            (
                _q(
                    _F,
                    1,
                    "How well does the force use its resources to meet its demand?",
                ),
                _q(_F, 2, "How sustainable and affordable is the workforce model?"),
                _q(
                    _F,
                    3,
                    "How sustainable is the force’s financial position for the short and "
                    "long term?",
                ),
            ),
        ),
        FrameworkPillar(
            _L,
            (_LEGITIMATE_2015,),
            (
                _q(
                    _L,
                    1,
                    "To what extent does practice and behaviour reinforce the wellbeing of "
                    "staff and an ethical culture?",
                ),
                _q(
                    _L,
                    2,
                    "To what extent are forces recording crimes in accordance with the Home "
                    "Office Counting Rules?",
                    graded=False,
                ),
                _q(
                    _L,
                    3,
                    "How well does the force understand, engage with and treat fairly the "
                    "people it serves to maintain and improve its legitimacy?",
                ),
                _q(
                    _L,
                    4,
                    "To what extent are decisions taken on the use of stop and search and "
                    "Taser fair and appropriate?",
                ),
            ),
        ),
        FrameworkPillar(
            _LEAD,
            (),
            (
                _q(
                    _LEAD,
                    1,
                    "How well does the force have a clear understanding of the current state "
                    "of its leadership at every level?",
                    graded=False,
                ),
                _q(
                    _LEAD,
                    2,
                    "How well has the force provided a clear and compelling sense of the "
                    "future direction of the organisation?",
                    graded=False,
                ),
                _q(
                    _LEAD,
                    3,
                    "How is the force developing leadership, motivating the workforce and "
                    "encouraging staff engagement?",
                    graded=False,
                ),
                _q(
                    _LEAD,
                    4,
                    "To what extent is leadership improving the effe…",
                    graded=False,
                    note="only the beginning of the wording was seen (the source was cut off)",
                ),
            ),
            graded=False,
        ),
    ),
    (dt.date(2015, 10, 20), dt.date(2016, 2, 22)),
)

_PEEL_2016 = Framework(
    Cycle.PEEL_2016,
    _FOUR_TIER,
    (
        FrameworkPillar(
            _E,
            (_EFFECTIVE_2015,),
            (
                _q(_E, 1, _PREVENTING),
                _q(_E, 2, _INVESTIGATING),
                _q(_E, 3, _VULNERABLE),
                _q(_E, 4, _SOC),
                _q(_E, 5, _SPECIALIST, graded=False, note=_SPECIALIST_GUESS),
            ),
        ),
        # The three core questions were not found.
        FrameworkPillar(_F, (_EFFICIENT_2015,), ()),
        _legitimacy_2016_2017(),
        FrameworkPillar(
            _LEAD,
            (),
            (
                _q(
                    _LEAD,
                    1,
                    "How well does the force understand leadership?",
                    graded=False,
                    note="no grade was seen; assumed ungraded, as leadership was in 2015",
                ),
            ),
            graded=False,
        ),
    ),
    (dt.date(2016, 11, 3), dt.date(2017, 3, 2)),
)

_PEEL_2017 = Framework(
    Cycle.PEEL_2017,
    _FOUR_TIER,
    (
        FrameworkPillar(
            _E,
            (_EFFECTIVE_2015,),
            (
                _q(_E, 1, _PREVENTING),
                _q(_E, 2, _INVESTIGATING),
                _q(_E, 3, _VULNERABLE),
                _q(_E, 4, _SOC, note="wording assumed from 2016 and 2018/19; not seen for 2017"),
                _q(
                    _E,
                    5,
                    _SPECIALIST,
                    graded=False,
                    note="wording assumed from 2016 and 2018/19, not seen for 2017; "
                    "assumed ungraded as in 2018/19",
                ),
            ),
        ),
        FrameworkPillar(
            _F,
            (_EFFICIENT_2015,),
            (
                _q(
                    _F,
                    1,
                    "How well does the force understand demand?",
                    note="likely wording, inferred from press releases; not confirmed",
                ),
                _q(
                    _F,
                    2,
                    "How well does the force use its resources?",
                    note="likely wording, inferred from press releases; not confirmed",
                ),
                _q(
                    _F,
                    3,
                    "How well is the force planning for the future?",
                    note="likely wording, inferred from press releases; not confirmed",
                ),
            ),
        ),
        _legitimacy_2016_2017(),
    ),
    (dt.date(2017, 11, 9), dt.date(2018, 3, 22)),
)

_PEEL_2018_19 = Framework(
    Cycle.PEEL_2018_19,
    _FOUR_TIER,
    (
        FrameworkPillar(
            _E,
            (
                "How effectively does the force reduce crime and keep people safe?",
                "How effective is the force at reducing crime and keeping people safe?",
            ),
            (
                _q(_E, 1, _PREVENTING),
                _q(
                    _E,
                    2,
                    _INVESTIGATING,
                    "How effective is the force at investigating crime and catching criminals?",
                ),
                _q(_E, 3, _VULNERABLE),
                _q(_E, 4, _SOC),
                _q(_E, 5, _SPECIALIST, graded=False),
            ),
        ),
        FrameworkPillar(
            _F,
            (
                "How efficiently does the force operate and how sustainable are its services "
                "to the public?",
                "How efficiently does the force operate and how sustainable are its services?",
            ),
            (
                _q(_F, 1, "How well does the force use its resources to meet the demand it faces?"),
                _q(_F, 2, "How well does the force plan for the future?"),
            ),
        ),
        FrameworkPillar(
            _L,
            ("How legitimately does the force treat the public and its workforce?",),
            (
                _q(_L, 1, _TREAT_PUBLIC),
                _q(_L, 2, _ETHICAL),
                _q(_L, 3, _TREAT_WORKFORCE),
            ),
        ),
    ),
    (dt.date(2019, 5, 2), dt.date(2020, 2, 6)),
)

_LABEL_ONLY = "area label from press releases and third-party summaries; not seen verbatim"
_NOT_SEEN = "candidate area label, not seen on any page for this cycle"

_PEEL_2021_22 = Framework(
    Cycle.PEEL_2021_22,
    _FIVE_TIER,
    (
        FrameworkPillar(
            _AREAS,
            (),
            (
                _q(
                    _AREAS,
                    1,
                    _VICTIMS,
                    _VICTIMS_LABEL,
                    graded=False,
                    note="core question 1 of the framework; the report's area label is assumed",
                ),
                _q(
                    _AREAS,
                    2,
                    "Crime data integrity",
                    "Recording crime",
                    "Crime data recording",
                    note=_LABEL_ONLY,
                ),
                _q(
                    _AREAS,
                    3,
                    "Preventing crime and anti-social behaviour",
                    "Preventing crime",
                    note=_LABEL_ONLY,
                ),
                _q(
                    _AREAS,
                    4,
                    "Treatment of the public",
                    "Treating people fairly and with respect",
                    note=_LABEL_ONLY,
                ),
                _q(_AREAS, 5, "Responding to the public", note=_LABEL_ONLY),
                _q(_AREAS, 6, "Investigating crime", note=_LABEL_ONLY),
                _q(_AREAS, 7, "Protecting vulnerable people", note=_LABEL_ONLY),
                _q(
                    _AREAS,
                    8,
                    "Managing offenders and suspects",
                    "Managing offenders",
                    note=_LABEL_ONLY,
                ),
                _q(_AREAS, 9, "Developing a positive workplace", note=_LABEL_ONLY),
                _q(_AREAS, 10, "Good use of resources", "Use of resources", note=_LABEL_ONLY),
                _q(
                    _AREAS,
                    11,
                    "Disrupting serious organised crime",
                    note="not seen as a label; serious organised crime is reported "
                    "regionally and graded where included",
                ),
                _q(
                    _AREAS,
                    12,
                    "Counter-corruption",
                    note="not seen as a label; reported nationally and graded where included",
                ),
            ),
            graded=False,
        ),
    ),
    (dt.date(2021, 4, 21), dt.date(2022, 12, 31)),
)

_PEEL_2023_25 = Framework(
    Cycle.PEEL_2023_25,
    _FIVE_TIER,
    (
        FrameworkPillar(
            _AREAS,
            (),
            (
                _q(
                    _AREAS,
                    1,
                    _VICTIMS,
                    _VICTIMS_LABEL,
                    graded=False,
                    note="first core question of the framework; the report's area label is assumed",
                ),
                _q(_AREAS, 2, "Police powers and public treatment", note=_NOT_SEEN),
                _q(_AREAS, 3, "Preventing crime", note=_LABEL_ONLY),
                _q(_AREAS, 4, "Responding to the public", note=_LABEL_ONLY),
                _q(_AREAS, 5, "Investigating crime", note=_LABEL_ONLY),
                _q(_AREAS, 6, "Protecting vulnerable people", note=_LABEL_ONLY),
                _q(_AREAS, 7, "Managing offenders and suspects", note=_LABEL_ONLY),
                _q(_AREAS, 8, "Developing a positive workplace", note=_NOT_SEEN),
                _q(_AREAS, 9, "Leadership and force management", note=_NOT_SEEN),
                _q(
                    _AREAS,
                    10,
                    "Recording data about crime",
                    "Recording crime",
                    note=_LABEL_ONLY,
                ),
            ),
            graded=False,
        ),
    ),
    (dt.date(2023, 2, 8), dt.date(2025, 12, 31)),
)

FRAMEWORKS: tuple[Framework, ...] = (
    _PEEL_2014,
    _PEEL_2015,
    _PEEL_2016,
    _PEEL_2017,
    _PEEL_2018_19,
    _PEEL_2021_22,
    _PEEL_2023_25,
)
"""Every cycle's framework, oldest first: one per :class:`~peelkit.model.Cycle`."""


# -- indexes, built once at import --------------------------------------------------


@attrs.frozen
class _Index:
    """Normalised wordings of one framework, for lookups by text."""

    questions: dict[str, FrameworkQuestion]
    prefixes: tuple[tuple[str, FrameworkQuestion], ...]
    headlines: dict[str, Pillar]
    choices: tuple[tuple[str, FrameworkQuestion], ...]


def _build_index(frame: Framework) -> _Index:
    questions: dict[str, FrameworkQuestion] = {}
    prefixes: list[tuple[str, FrameworkQuestion]] = []
    choices: list[tuple[str, FrameworkQuestion]] = []
    for question in frame.questions:
        for wording in question.wordings:
            key = normalise_wording(wording)
            other = questions.setdefault(key, question)
            if other is not question:
                raise ValueError(f"{frame.cycle}: two questions share the wording {wording!r}")
            choices.append((key, question))
            if key.endswith(_ELLIPSIS):
                prefixes.append((key.removesuffix(_ELLIPSIS).rstrip(), question))
    headlines: dict[str, Pillar] = {}
    for pillar in frame.pillars:
        for wording in pillar.headline_questions:
            headlines[normalise_wording(wording)] = pillar.pillar
    return _Index(questions, tuple(prefixes), headlines, tuple(choices))


_FRAMEWORK_BY_CYCLE: dict[Cycle, Framework] = {frame.cycle: frame for frame in FRAMEWORKS}
_INDEXES: dict[Cycle, _Index] = {frame.cycle: _build_index(frame) for frame in FRAMEWORKS}
if set(_FRAMEWORK_BY_CYCLE) != set(Cycle):  # pragma: no cover - a data error
    raise RuntimeError("every cycle needs exactly one framework")


# -- lookups ------------------------------------------------------------------------


def framework(cycle: Cycle | str) -> Framework:
    """The framework of ``cycle``: a :class:`~peelkit.model.Cycle` or its words.

    ``framework("2018/19")``, ``framework("2018-19")`` and
    ``framework(Cycle.PEEL_2018_19)`` are the same object. An unknown cycle raises
    :class:`ValueError`.
    """
    return _FRAMEWORK_BY_CYCLE[Cycle(cycle)]


def find_question(
    cycle: Cycle | str, wording: str, pillar: Pillar | str | None = None
) -> FrameworkQuestion | None:
    """The question of ``cycle`` published with ``wording``, or ``None``.

    Any known wording matches, whatever its white space, case or quote style.
    With ``pillar`` given, only that pillar's questions match. A question known only
    by the beginning of its wording matches any text that starts with it.
    """
    index = _INDEXES[Cycle(cycle)]
    key = normalise_wording(wording)
    found = index.questions.get(key)
    if found is None:
        for prefix, question in index.prefixes:
            if key.startswith(prefix):
                found = question
                break
    if found is None or (pillar is not None and found.pillar is not Pillar(pillar)):
        return None
    return found


def find_headline(cycle: Cycle | str, wording: str) -> Pillar | None:
    """The pillar whose headline question in ``cycle`` reads ``wording``, or ``None``.

    Every known variant matches (the 2018/19 effectiveness headline has three),
    whatever its white space, case or quote style.
    """
    return _INDEXES[Cycle(cycle)].headlines.get(normalise_wording(wording))


def closest_questions(
    cycle: Cycle | str,
    wording: str,
    pillar: Pillar | str | None = None,
    n: int = 3,
    cutoff: float = 0.6,
) -> list[FrameworkQuestion]:
    """Up to ``n`` questions of ``cycle`` whose wording is most like ``wording``.

    Meant for "did you mean" suggestions when :func:`find_question` finds nothing.
    Similarity is :mod:`difflib`'s ratio on normalised wordings; candidates scoring
    below ``cutoff`` are left out, the best come first, and each question appears at
    most once. With ``pillar`` given, only that pillar's questions are considered.
    """
    wanted = None if pillar is None else Pillar(pillar)
    key = normalise_wording(wording)
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    scored: dict[FrameworkQuestion, float] = {}
    for choice, question in _INDEXES[Cycle(cycle)].choices:
        if wanted is not None and question.pillar is not wanted:
            continue
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
            continue
        ratio = matcher.ratio()
        if ratio >= cutoff and ratio > scored.get(question, -1.0):
            scored[question] = ratio
    ranked = sorted(scored.items(), key=lambda item: -item[1])
    return [question for question, _ in ranked[:n]]
