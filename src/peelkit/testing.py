"""Hypothesis strategies for every peelkit model class.

Use them to property-test your own code on peelkit objects, as peelkit's own
tests do::

    from hypothesis import given
    from peelkit.testing import assessments

    @given(assessments())
    def test_my_export(assessment): ...

This module needs the ``testing`` extra (``pip install peelkit[testing]``); it is
the only module of peelkit that imports hypothesis.

The strategies make *well-formed* objects (every invariant of a single object
holds), not necessarily *valid* ones: a generated grade may be off the cycle's
scale, for instance. Text strategies can be swapped with ``text=`` so that, say,
a page renderer is fed only text a page can hold.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from peelkit.corpus import Corpus
from peelkit.forces import FORCES
from peelkit.frameworks import FrameworkPillar, FrameworkQuestion, framework, normalise_wording
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
    Judgment,
    Pillar,
    PillarAssessment,
    Provenance,
    QuestionAssessment,
    Recommendation,
    Within,
)
from peelkit.page import grammar as _page

__all__ = [
    "areas_for_improvement",
    "assessments",
    "causes_of_concern",
    "corpora",
    "cycles",
    "dates",
    "deadlines",
    "graded_areas",
    "grades",
    "judgments",
    "page_assessments",
    "page_question_texts",
    "page_texts",
    "pillar_assessments",
    "pillar_pages",
    "pillars",
    "provenances",
    "question_assessments",
    "recommendations",
    "texts",
    "valid_assessments",
]

Texts = st.SearchStrategy[str]


def texts() -> Texts:
    """Non-blank text of any Unicode that UTF-8 can hold, including quotes, newlines and emoji.

    Lone surrogates are left out: the model refuses them, as no file can hold them.
    """
    writable = st.characters(exclude_categories=["Cs"])
    return st.text(writable, min_size=1, max_size=80).filter(lambda text: text.strip() != "")


def grades() -> st.SearchStrategy[Grade]:
    """Any grade."""
    return st.sampled_from(Grade)


def cycles() -> st.SearchStrategy[Cycle]:
    """Any cycle."""
    return st.sampled_from(Cycle)


def pillars() -> st.SearchStrategy[Pillar]:
    """Any pillar, including leadership and the 2021/22 areas of policing."""
    return st.sampled_from(Pillar)


def dates() -> st.SearchStrategy[dt.date]:
    """Dates from the first PEEL cycle to a decade on."""
    return st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2035, 12, 31))


def provenances() -> st.SearchStrategy[Provenance]:
    """Inspected, carried over (from any cycle, with or without the inspection named),
    not yet graded, or not graded."""
    return st.one_of(
        st.just(INSPECTED),
        st.builds(CarriedOver, cycles(), st.none() | pillars()),
        st.just(NOT_YET_GRADED),
        st.just(NOT_GRADED),
    )


def deadlines() -> st.SearchStrategy[Deadline]:
    """Within 1 to 24 months, by a date, or immediately."""
    return st.one_of(
        st.builds(Within, st.integers(min_value=1, max_value=24)),
        st.builds(By, dates()),
        st.just(Immediately()),
    )


def judgments() -> st.SearchStrategy[Judgment]:
    """A grade or none, any provenance, a last-updated date or none, and perhaps a
    source, an evidence kind and a note."""
    return st.builds(
        Judgment,
        st.none() | grades(),
        provenances(),
        st.none() | dates(),
        source=st.none() | texts(),
        evidence=st.none() | st.sampled_from(Evidence),
        note=st.none() | texts(),
    )


def graded_areas() -> st.SearchStrategy[GradedAreas]:
    """A force's counts of graded areas, any of them unknown."""
    count = st.none() | st.integers(min_value=0, max_value=12)
    return st.builds(
        GradedAreas,
        count,
        count,
        count,
        count,
        count,
        count,
        st.none() | dates(),
        st.none() | texts(),
    )


def areas_for_improvement(text: Texts | None = None) -> st.SearchStrategy[AreaForImprovement]:
    """An area for improvement, perhaps with a deadline, perhaps carried over."""
    return st.builds(
        AreaForImprovement,
        texts() if text is None else text,
        st.none() | deadlines(),
        st.none() | cycles(),
    )


def recommendations(text: Texts | None = None) -> st.SearchStrategy[Recommendation]:
    """A recommendation, perhaps with a deadline."""
    return st.builds(Recommendation, texts() if text is None else text, st.none() | deadlines())


def causes_of_concern(text: Texts | None = None) -> st.SearchStrategy[CauseOfConcern]:
    """A cause of concern with zero to three recommendations."""
    return st.builds(
        CauseOfConcern,
        texts() if text is None else text,
        st.lists(recommendations(text), max_size=3).map(tuple),
    )


def question_assessments(text: Texts | None = None) -> st.SearchStrategy[QuestionAssessment]:
    """The assessment of one question, with all its findings."""
    words = texts() if text is None else text
    return st.builds(
        QuestionAssessment,
        st.none() | st.integers(min_value=1, max_value=12),
        words,
        judgments(),
        st.lists(areas_for_improvement(text), max_size=3).map(tuple),
        st.lists(causes_of_concern(text), max_size=2).map(tuple),
        st.lists(words, max_size=3).map(tuple),
        st.booleans(),
    )


def pillar_assessments(
    text: Texts | None = None, pillar: st.SearchStrategy[Pillar] | None = None
) -> st.SearchStrategy[PillarAssessment]:
    """One pillar: headline question and judgment, summary and questions."""
    words = texts() if text is None else text
    return st.builds(
        PillarAssessment,
        pillars() if pillar is None else pillar,
        st.none() | words,
        judgments(),
        st.lists(words, max_size=3).map(tuple),
        st.lists(question_assessments(text), max_size=4).map(tuple),
    )


def assessments(text: Texts | None = None) -> st.SearchStrategy[Assessment]:
    """One force in one cycle, with up to three distinct pillars."""
    words = texts() if text is None else text

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        chosen = draw(st.lists(pillars(), unique=True, max_size=3))
        return Assessment(
            force=draw(words),
            cycle=draw(cycles()),
            pillars=tuple(
                draw(pillar_assessments(text, pillar=st.just(pillar))) for pillar in chosen
            ),
            source=draw(st.none() | words),
            graded_areas=draw(st.none() | graded_areas()),
        )

    return build()


def corpora(text: Texts | None = None) -> st.SearchStrategy[Corpus]:
    """A corpus of zero to four assessments."""
    return st.lists(assessments(text), max_size=4).map(Corpus)


# -- valid assessments ------------------------------------------------------------

_VALID_CYCLES = (Cycle.PEEL_2015, Cycle.PEEL_2016, Cycle.PEEL_2017, Cycle.PEEL_2018_19)


def _findings_texts(lead: str) -> Texts:
    """Sentences with words in them, as findings are written."""
    return st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).map(
        lambda words: f"{lead} {words.strip() or 'act'}."
    )


def valid_assessments() -> st.SearchStrategy[Assessment]:
    """Assessments that break no rule of :mod:`peelkit.validation.rules`: a real force, a cycle
    from 2015 to 2018/19, pillars and questions of that cycle's framework with their
    numbers and wordings, grades on the scale and only where graded, carry-overs only
    from earlier cycles, causes of concern (with recommendations) wherever a grade is
    inadequate, distinct findings, and dates in the publication window.

    The first pillar always has at least one question, so a test can plant a defect in
    one. Mutate one field to make an assessment that breaks a rule.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        cycle = draw(st.sampled_from(_VALID_CYCLES))
        frame = framework(cycle)
        earlier = [each for each in Cycle if each < cycle]
        first, last = frame.published
        when = st.none() | st.dates(min_value=first, max_value=last)

        def judgment(graded: bool, *, inadequate: bool = True) -> Judgment:
            scale = [g for g in frame.scale if inadequate or g is not Grade.INADEQUATE]
            grade = draw(st.none() | st.sampled_from(scale)) if graded else None
            provenance = draw(
                st.sampled_from(["inspected", "carried", "not yet graded"])
                if graded
                else st.just("inspected")
            )
            if provenance == "carried":
                return Judgment(grade, CarriedOver(draw(st.sampled_from(earlier))), draw(when))
            if provenance == "not yet graded":
                return Judgment(None, NOT_YET_GRADED, draw(when))
            return Judgment(grade, INSPECTED, draw(when))

        def distinct(texts: Texts, *, min_size: int = 0) -> list[str]:
            return draw(st.lists(texts, min_size=min_size, max_size=3, unique_by=normalise_wording))

        def question(known: FrameworkQuestion) -> QuestionAssessment:
            assessed = judgment(known.graded)
            needs_cause = assessed.grade is Grade.INADEQUATE and not assessed.carried_over
            causes = [
                CauseOfConcern(
                    text,
                    [
                        Recommendation(words, draw(st.none() | deadlines()))
                        for words in distinct(_findings_texts("The force should"), min_size=1)
                    ],
                )
                for text in distinct(
                    _findings_texts("We are concerned that"), min_size=1 if needs_cause else 0
                )
            ]
            areas = [
                AreaForImprovement(
                    text,
                    draw(st.none() | deadlines()),
                    draw(st.none() | st.sampled_from(earlier)),
                )
                for text in distinct(_findings_texts("The force should improve"))
            ]
            return QuestionAssessment(
                known.number,
                draw(st.sampled_from(known.wordings)),
                assessed,
                areas,
                causes,
                detailed_findings=draw(st.booleans()),
            )

        def pillar(known: FrameworkPillar, *, min_questions: int) -> PillarAssessment:
            chosen = (
                draw(
                    st.lists(
                        st.sampled_from(known.questions),
                        min_size=min_questions,
                        unique_by=lambda each: each.number,
                    )
                )
                if known.questions
                else []
            )
            questions = [question(each) for each in sorted(chosen, key=lambda each: each.number)]
            causes = any(each.causes_of_concern for each in questions)
            headline = (
                draw(st.none() | st.sampled_from(known.headline_questions))
                if known.headline_questions
                else None
            )
            return PillarAssessment(
                known.pillar,
                headline,
                judgment(known.graded, inadequate=causes),
                questions=questions,
            )

        with_questions = [each for each in frame.pillars if each.questions]
        lead = draw(st.sampled_from(with_questions))
        others = draw(
            st.lists(
                st.sampled_from([each for each in frame.pillars if each is not lead]),
                max_size=2,
                unique_by=lambda each: each.pillar,
            )
        )
        return Assessment(
            force=draw(st.sampled_from(FORCES)).short_name,
            cycle=cycle,
            pillars=[pillar(lead, min_questions=1)]
            + [pillar(each, min_questions=0) for each in others],
            source=draw(st.none() | st.just("page.txt")),
        )

    return build()


# -- page text: assessments a PEEL page can express ----------------------------------
#
# A page is line-based and words on it mean things: a line "Good" is a grade, a line
# "2" numbers the next question, a line ending in "?" may be a question. So text
# that round-trips through ``render_report``/``parse_report`` must be text a page
# can hold as prose. These strategies make exactly such assessments.

_PAGE_CYCLES = (Cycle.PEEL_2015, Cycle.PEEL_2016, Cycle.PEEL_2017, Cycle.PEEL_2018_19)
_PAGE_PILLARS = (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY)
_LINE_ALPHABET = st.characters(exclude_characters="\n\r\x00", exclude_categories=["Cs"])


def _page_prose(text: str) -> bool:
    """Whether one line of ``text`` reads back from a page as plain prose, unchanged."""
    return (
        text == text.strip()
        and text != ""
        and text[-1] != "?"
        and _page.classify(text)[0] == _page.PROSE
        and _page.carried_over(text, Cycle.PEEL_2017) is None
        and not _page.afi_lead_in(text)
        and _page.deadline_in(text) is None
    )


def page_texts() -> Texts:
    """One line of prose a page can hold as it is.

    Any Unicode except line breaks and NUL, without white space at either end, and
    not reading as anything else on a page: not a grade word, pillar, heading,
    bullet, lone number, ``Last updated`` or ``Detailed findings`` line, title, line
    ending in ``?`` (a question), carried-over sentence, lead-in to carried areas
    for improvement, nor holding a deadline ("within three months").
    """
    return st.text(_LINE_ALPHABET, min_size=1, max_size=60).filter(_page_prose)


def page_question_texts() -> Texts:
    """A question a page shows as one: "How …?" around page prose, at most 70 characters."""
    return st.text(_LINE_ALPHABET, max_size=60).map(lambda inner: f"How {inner}?")


def _page_deadlines() -> st.SearchStrategy[Deadline]:
    return st.one_of(
        st.builds(Within, st.integers(min_value=1, max_value=24)),
        st.builds(By, dates()),
        st.just(Immediately()),
    )


def _stating(deadline: Deadline | None, text: str) -> str:
    return text if deadline is None else f"{text} {_page.deadline_phrase(deadline)}"


@st.composite
def _page_areas(draw: st.DrawFn) -> AreaForImprovement:
    # A page states an area's deadline in its text, so the text says it here too.
    deadline = draw(st.none() | _page_deadlines())
    text = _stating(deadline, draw(page_texts()))
    if _page.deadline_in(text) != deadline:  # pragma: no cover - a freak join of words
        deadline = _page.deadline_in(text)
    return AreaForImprovement(text, deadline, draw(st.none() | st.sampled_from(Cycle)))


@st.composite
def _page_recommendations(draw: st.DrawFn) -> Recommendation:
    # Stated in the text, or (the renderer writes a lead-in for it) not.
    stated = draw(st.none() | _page_deadlines())
    text = _stating(stated, draw(page_texts()))
    deadline = _page.deadline_in(text)
    if deadline is None:
        deadline = draw(st.none() | _page_deadlines())
    return Recommendation(text, deadline)


def _page_judgments() -> st.SearchStrategy[Judgment]:
    return st.builds(Judgment, st.none() | grades(), provenances(), st.none() | dates())


def _page_questions() -> st.SearchStrategy[QuestionAssessment]:
    return st.builds(
        QuestionAssessment,
        st.none() | st.integers(min_value=1, max_value=12),
        page_question_texts(),
        _page_judgments(),
        st.lists(_page_areas(), max_size=3).map(tuple),
        st.lists(
            st.builds(
                CauseOfConcern,
                page_texts(),
                st.lists(_page_recommendations(), max_size=3).map(tuple),
            ),
            max_size=2,
        ).map(tuple),
        st.lists(page_texts(), max_size=3).map(tuple),
        st.booleans(),
    )


def page_assessments(max_pillars: int = 3) -> st.SearchStrategy[Assessment]:
    """Assessments that :func:`peelkit.render_report` writes and :func:`peelkit.parse_report`
    reads back equal.

    What a page cannot express is left out: the force is a registry short name; the
    cycle is 2015 to 2018/19; one to ``max_pillars`` distinct pillars, each of
    effectiveness, efficiency or legitimacy, each with a headline question;
    questions read as questions (:func:`page_question_texts`), other texts are
    :func:`page_texts`; a deadline of an area for improvement is stated in its
    text; and ``source`` is ``None`` (it is the parser's argument, not page text).
    """

    @st.composite
    def build(draw: st.DrawFn) -> Assessment:
        chosen = draw(
            st.lists(st.sampled_from(_PAGE_PILLARS), min_size=1, max_size=max_pillars, unique=True)
        )
        pillars = tuple(
            PillarAssessment(
                pillar,
                draw(page_question_texts()),
                draw(_page_judgments()),
                tuple(draw(st.lists(page_texts(), max_size=3))),
                tuple(draw(st.lists(_page_questions(), max_size=4))),
            )
            for pillar in chosen
        )
        return Assessment(
            force=draw(st.sampled_from(FORCES)).short_name,
            cycle=draw(st.sampled_from(_PAGE_CYCLES)),
            pillars=pillars,
        )

    return build()


# -- page texts, line by line -------------------------------------------------------
#
# ``page_assessments`` makes the pages the renderer writes. ``pillar_pages`` makes the
# pages people hold: lines of every kind a published page shows, in any order, so the
# parser's reading of odd pages is probed too (issue 16).

_PAGE_PROSE_LINES = (
    "The force is good at investigating crime.",
    "The force:",
    "This question has not been inspected or graded in 2015.",
    "Good arrangements are in place.",
    "To address this cause of concern, the force should:",
    "To address this cause of concern, the force should immediately:",
    "To address this cause of concern, the force should, within three months:",
    "One area for improvement remained from that inspection.",
    "The following AFI from HMICFRS’ 2015 Legitimacy inspection remains:",
    "The grade and findings from last year’s inspection still stand.",
    "This judgment has been carried over from our last inspection in 2017/18.",
    "This question was not inspected in 2017.",
)
_PAGE_FIXED_LINES = (
    "Skip to content",
    "English Cymraeg",
    "Back to top",
    "Areas for improvement",
    "Area for improvement",
    "Cause of concern",
    "Causes of concern",
    "Recommendations",
    "Not yet graded",
    "To be graded",
    "Not graded",
    "Detailed findings",
    "",
)
_PAGE_BULLET_TEXTS = (
    "The force should review how it allocates crimes for investigation.",
    "The force should, within three months, review its vetting.",
    "The force should immediately review how it assesses risk.",
    "The force should by 31 March 2019 publish its plans.",
)


def _framework_lines(cycle: Cycle) -> tuple[str, ...]:
    frame = framework(cycle)
    lines: list[str] = []
    for pillar in frame.pillars:
        lines.extend(pillar.headline_questions)
        for question in pillar.questions:
            lines.extend(wording for wording in question.wordings if "…" not in wording)
    return tuple(lines)


def _page_line_kinds(cycle: Cycle, force_name: str) -> st.SearchStrategy[str]:
    title = f"{force_name} PEEL {cycle.year}"
    carried = [
        _page.carried_over_phrase(cycle, source, inspection, question=question)
        for source in (Cycle.PEEL_2015, Cycle.PEEL_2016, Cycle.PEEL_2017)
        for inspection in (None, Pillar.EFFECTIVENESS)
        for question in (False, True)
    ]
    carried += [_page.afi_lead_in_phrase(source) for source in (Cycle.PEEL_2015, Cycle.PEEL_2017)]
    return st.one_of(
        st.sampled_from(_PAGE_PROSE_LINES),
        page_texts(),
        st.sampled_from(_PAGE_FIXED_LINES),
        st.sampled_from([grade.label for grade in Grade]),
        st.sampled_from([pillar.label for pillar in _PAGE_PILLARS]),
        st.sampled_from([f"Questions for {pillar.label}" for pillar in _PAGE_PILLARS]),
        st.integers(min_value=1, max_value=12).map(str),
        st.integers(min_value=1, max_value=12).map(lambda n: f"Detailed findings for question {n}"),
        st.sampled_from(_framework_lines(cycle)),
        page_question_texts(),
        st.sampled_from(carried),
        dates().map(lambda date: f"Last updated {date.day:02d}/{date.month:02d}/{date.year}"),
        st.tuples(st.sampled_from(["- ", "  • ", "• "]), st.sampled_from(_PAGE_BULLET_TEXTS)).map(
            "".join
        ),
        st.tuples(st.sampled_from(["- ", "  • "]), page_texts()).map("".join),
        st.just(title),
    )


def pillar_pages(max_lines: int = 30) -> Texts:
    """The text of a pillar page as people hold it: a title, then lines of any kind.

    Up to ``max_lines`` lines follow a title ``<Force> PEEL <year>`` (2015 to
    2018/19), each one of the kinds real pages show, in any order: titles, pillar
    words, grade lines, ``Not yet graded``, headings, bullets (with deadlines or
    not), lone question numbers, ``Detailed findings for question N``, the cycle's
    framework wordings and headline questions, questions not in the framework,
    carried-over sentences, lead-ins to carried areas for improvement,
    ``Last updated`` lines, ``Skip to content`` and other boilerplate, prose and
    blank lines. Many such texts are not pages :func:`peelkit.parse_report`
    accepts; for those it does, ``parse_report(render_report(a)) == a``. The text
    shrinks towards fewer, plainer lines.
    """

    @st.composite
    def build(draw: st.DrawFn) -> str:
        cycle = draw(st.sampled_from(_PAGE_CYCLES))
        force_name = draw(st.sampled_from(FORCES)).short_name
        head = [f"{force_name} PEEL {cycle.year}"]
        if draw(st.booleans()):
            head.append(draw(st.sampled_from(_PAGE_PILLARS)).label)
        body = draw(st.lists(_page_line_kinds(cycle, force_name), max_size=max_lines))
        return "\n".join(head + body) + "\n"

    return build()
